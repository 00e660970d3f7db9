// Loggkontroll: vem läste vad (handlingar, listor, sökningar), filtrerat på person (vald med sitt
// namn; loggen har inloggningsnamnet), åtgärd, period (svenska dagar), handling och sökt
// personnummer; en gruppledare ser sin enhets rader.
import { api, el, formatTime, ROLE, say, startPage } from '/app.js';

const filters = document.getElementById('filters');
const body = document.querySelector('#audit tbody');
const message = document.getElementById('message');
let names = {};
const ACTIONS = {
  read: 'Läste', nekad: 'Nekad åtkomst', original: 'Hämtade originalet', beslut: 'Fattade beslut', beslutsbrev: 'Läste beslutsbrev',
  'beslut förhandsgranskat': 'Förhandsgranskade beslut', kvitto: 'Hämtade mottagningsbekräftelsen',
  inkorgen: 'Listade Inkorgen', 'sökning': 'Sökte i Inkorgen', 'karantän': 'Listade karantänen', frister: 'Listade frister',
  'dead letters': 'Listade e-post som inte kunde tas emot', loggkontroll: 'Läste loggkontrollen', delegationsrapport: 'Tog fram delegationsrapporten',
  'ärenden': 'Listade ärenden', 'ärende': 'Läste ärendet', 'ej-verkstallda': 'Tog fram rapporten om ej verkställda beslut',
  'ej verkställda beslut': 'Listade ej verkställda beslut', 'överlämnande läst': 'Läste överlämnandet till förvaltningsrätten',
};

/** Åtgärderna att filtrera på, i ordning efter text; "page" är varje visad sida. */
function fillActions() {
  const choices = [['page', 'Visade en sida'], ...Object.entries(ACTIONS)].sort(([, a], [, b]) => a.localeCompare(b, 'sv'));
  document.getElementById('action').append(...choices.map(([value, label]) => el('option', { value }, label)));
}

function actionText(action) {
  if (action.startsWith('page ')) return `Visade sida ${action.slice(5)}`;
  return ACTIONS[action] || action;
}

let asking = 0;

async function refresh() {
  const asked = ++asking;   // an earlier answer arriving late never replaces a later one
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(filters)) if (value.trim()) params.set(name, value.trim());
  params.set('limit', params.toString() ? '2000' : '200');   // unfiltered: the newest 200
  try {
    const rows = await api(`/api/audit?${params}`);
    if (asked !== asking) return;
    body.replaceChildren(...rows.map((row) => el('tr', {},
      el('td', {}, formatTime(row.at)),
      el('td', {}, names[row.user] ? [names[row.user], el('div', { class: 'muted' }, row.user)] : row.user),
      el('td', { class: 'nowrap' }, row.document === null ? '–' : row.diarienummer || `Handling ${row.document}`),
      el('td', { class: row.action === 'nekad' ? 'overdue' : '' }, row.action === 'nekad' ? '⚠ ' : '', actionText(row.action)),
      el('td', {}, row.detail || ''))));
    if (rows.length === 0) body.append(el('tr', {}, el('td', { colspan: 5 }, 'Inga läsningar matchar.')));
    say(message, '');
  } catch (error) {
    if (asked === asking) say(message, error.message, 'error');
  }
}

/** Personerna att välja bland, efter namn: "Hanna Holm (hanna)", med roll och enhet; avstängda också
 * (deras läsningar finns kvar i loggen). Fyller names för tabellen. */
async function people() {
  const users = (await api('/api/users')).map((user) => ({ ...user, shown: user.namn || user.name }))
    .sort((a, b) => a.shown.localeCompare(b.shown, 'sv') || a.name.localeCompare(b.name, 'sv'));
  names = Object.fromEntries(users.filter((user) => user.namn).map((user) => [user.name, user.namn]));
  document.getElementById('user').append(...users.map((user) => el('option', { value: user.name },
    `${user.shown}${user.namn ? ` (${user.name})` : ''} – ${[ROLE[user.role] || user.role, user.unit].filter(Boolean).join(', ')}` +
    `${user.active ? '' : ' – avstängd'}`)));
}

filters.addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
for (const control of filters.querySelectorAll('select, input[type=date]')) control.addEventListener('change', refresh);
fillActions();
startPage().then(async () => {
  await people().catch((error) => say(message, `Personerna kunde inte hämtas: ${error.message}`, 'error'));
  await refresh();
}).catch((error) => say(message, error.message, 'error'));
