// Loggkontroll: vem läste vad (handlingar, listor, sökningar), filtrerat på användare, handling och
// sökt personnummer; en gruppledare ser sin enhets rader.
import { api, el, formatTime, fullNames, say, startPage } from '/app.js';

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
};

function actionText(action) {
  if (action.startsWith('page ')) return `Visade sida ${action.slice(5)}`;
  return ACTIONS[action] || action;
}

async function refresh() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(filters)) if (value.trim()) params.set(name, value.trim());
  params.set('limit', params.toString() ? '2000' : '200');   // unfiltered: the newest 200
  try {
    const rows = await api(`/api/audit?${params}`);
    body.replaceChildren(...rows.map((row) => el('tr', {},
      el('td', {}, formatTime(row.at)),
      el('td', {}, names[row.user] ? [names[row.user], el('div', { class: 'muted' }, row.user)] : row.user),
      el('td', { class: 'nowrap' }, row.document === null ? '–' : row.diarienummer || `Handling ${row.document}`),
      el('td', { class: row.action === 'nekad' ? 'overdue' : '' }, row.action === 'nekad' ? '⚠ ' : '', actionText(row.action)),
      el('td', {}, row.detail || ''))));
    if (rows.length === 0) body.append(el('tr', {}, el('td', { colspan: 5 }, 'Inga läsningar matchar.')));
    say(message, '');
  } catch (error) {
    say(message, error.message, 'error');
  }
}

filters.addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
startPage().then(async (me) => {
  names = await fullNames(me).catch(() => ({}));   // without them the login names are shown
  await refresh();
}).catch((error) => say(message, error.message, 'error'));
