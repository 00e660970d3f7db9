// Inkorgen: det användaren får se, nyast först (akuta och brådskande överst), med filter och
// sökning som görs i databasen; 200 handlingar åt gången med "Visa fler". E-post som inte gick
// att ta emot (dead letters) visas med status "E-post ej mottagen" för dem som får se den. Uppdateras var
// 4:e sekund; nya rader markeras en stund. Kolumnrubrikerna sorterar listan som visas.
import { ApiError, api, el, fullNames, priorityBadge, say, startPage, statusBadge, timeCell, today } from '/app.js';
import { snippetElement } from '/snippet.js';

const POLL_MS = 4000;
const PAGE_SIZE = 200;
const NEW_ROW_MS = 60000;
const DEAD_LETTER = 'dead_letter';
/** The roles of the intake (registrator, administratör): they see dead letters, Karantän and Kasserad. */
const INTAKE_ROLES = ['registrator', 'administratör'];
const PRIORITY_RANK = { akut: 0, 'brådskande': 1, normal: 2 };
const filters = document.getElementById('filters');
const body = document.querySelector('#documents tbody');
const live = document.getElementById('live');
const message = document.getElementById('message');
const more = document.getElementById('more');
const count = document.getElementById('count');
let shown = PAGE_SIZE;
let lastJson = '';
let knownIds = null;
let seesIntake = false;
const fieldLabels = {};
/** Inloggningsnamn → fullständigt namn (handläggaren i kolumnen Enhet). */
let names = {};
let current = { list: [], letters: [], more: false };
let sort = JSON.parse(sessionStorage.getItem('inkorg.sort') || 'null');
/** Id → när raden kom in i listan medan sidan var öppen (markeras som ny en minut). */
const arrived = new Map();

function filterValues() {
  const values = {};
  for (const [name, value] of new FormData(filters)) if (value) values[name] = value;
  return values;
}


/** Nästa frist; en försenad och en som går ut i dag sägs i ord (inte bara med färg). */
function deadlineCell(deadline) {
  if (!deadline) return el('td', {});
  const overdue = deadline.due < today();
  const dueToday = deadline.due === today();
  return el('td', { class: overdue ? 'overdue' : dueToday ? 'due-today' : '' },
    overdue ? '⚠ Försenad: ' : dueToday ? 'I dag: ' : '', `${deadline.title} – `, el('span', { class: 'nowrap' }, deadline.due));
}

/** Varför handlingen behöver granskas, med fältens namn (inga värden: listan visar inga värden). */
const REASON_WORDS = [
  ['required', 'saknas'], ['confidence.', 'osäkert läst'], ['value.', 'osäkert läst'], ['field.unread', 'inte läst'], ['field.under_stamp', 'under stämpeln'], ['field.unaccounted', 'inte läst'], ['format.', 'fel format'], ['schema.pattern', 'fel format'],
  ['schema.format', 'fel format'], ['personnummer.', 'personnumret stämmer inte'], ['orgnr.', 'organisationsnumret stämmer inte'],
  ['date.', 'datumet stämmer inte'], ['checkbox.', 'oklar kryssruta'], ['form.unclassified', 'ingen blankett – beskriv handlingen'],
];
function reasonText(reason, form) {
  const word = (REASON_WORDS.find(([prefix]) => (reason.code || '').startsWith(prefix)) || [])[1] ||
    (reason.severity === 'error' ? 'fel' : 'kontrollera');
  if (!reason.field) return word;
  return `${(fieldLabels[form] || {})[reason.field] || reason.field}: ${word}`;
}

function reviewWhy(doc) {
  if (!doc.review || doc.review.length === 0) return null;
  const reasons = [...new Set(doc.review.map((reason) => reasonText(reason, doc.form)))];
  const shownReasons = reasons.slice(0, 3).join('; ') + (reasons.length > 3 ? ` och ${reasons.length - 3} till` : '');
  return el('div', { class: 'review-why' }, `Granska: ${shownReasons}`);
}

function row(doc) {
  const title = (doc.form ? doc.form_title : doc.beskrivning) || 'Inkommen handling';   // a letter: as described
  const link = el('a', { href: `/granska?id=${doc.id}`, class: 'nowrap' }, doc.diarienummer || `Handling ${doc.id}`);
  const fresh = arrived.has(doc.id) && Date.now() - arrived.get(doc.id) < NEW_ROW_MS;
  return el('tr', { 'data-id': doc.id, class: fresh ? 'new-row' : null },
    el('td', { class: 'wide-only' }, doc.priority !== 'normal' ? priorityBadge(doc.priority) : null),   // only what stands out
    el('td', {}, statusBadge(doc.status),
      doc.priority !== 'normal' ? el('div', { class: 'narrow-only' }, priorityBadge(doc.priority)) : null,
      fresh ? el('div', { class: 'muted' }, 'Ny') : null,
      doc.reason ? el('div', { class: 'muted reason' }, doc.reason) : null, reviewWhy(doc)),
    timeCell(doc.inkom),
    el('td', {}, link),
    el('td', {}, title, doc.snippet ? snippetElement(doc.snippet) : null, doc.avsandare ? el('div', { class: 'narrow-only muted' }, doc.avsandare) : null),
    el('td', { class: 'wide-only' }, doc.avsandare || ''),
    el('td', {}, el('span', { class: 'nowrap' }, doc.personnummer || '')),
    deadlineCell(doc.deadline),
    el('td', {}, doc.unit ? `${doc.unit}${doc.handlaggare ? ' / ' + (names[doc.handlaggare] || doc.handlaggare) : ''}` : ''));
}

function deadLetterRow(letter) {
  return el('tr', { 'data-dead-letter': letter.id, class: 'dead-letter' },
    el('td', { class: 'wide-only' }),
    el('td', {}, statusBadge(DEAD_LETTER), el('div', { class: 'muted' }, letter.reason || '')),
    timeCell(letter.received),
    el('td', {}, '–'),
    el('td', {}, letter.subject ? `E-post: ${letter.subject}` : 'E-post utan ämne',
      letter.from ? el('div', { class: 'narrow-only muted' }, letter.from) : null),
    el('td', { class: 'wide-only' }, letter.from || ''),
    el('td', {}),
    el('td', {}),
    el('td', {}, letter.source || ''));
}

/** Dead letters (e-post som inte kunde tas emot) – bara för roller som får se dem. */
async function deadLetters(values) {
  if (!seesIntake || values.form || values.priority) return [];
  if (values.status && values.status !== DEAD_LETTER) return [];
  const answer = await api('/api/dead-letters');
  const wanted = (values.q || '').trim().toLowerCase();
  return (answer.dead_letters || []).filter((letter) => !wanted ||
    [letter.from, letter.subject, letter.message_id].some((text) => (text || '').toLowerCase().includes(wanted)));
}

async function documents(values) {
  if (values.status === DEAD_LETTER) return { list: [], more: false };
  const params = new URLSearchParams(values);
  params.set('limit', String(shown));
  const response = await api(`/api/documents?${params}`, { raw: true });
  return { list: await response.json(), more: response.headers.get('X-Inkorg-More') === '1' };
}

/** Sorteringsnyckel per kolumn (tom sträng sist). */
const SORT_KEYS = {
  priority: (doc) => PRIORITY_RANK[doc.priority] ?? 9,
  status: (doc) => doc.status || '',
  inkom: (doc) => doc.inkom || '',
  diarienummer: (doc) => doc.diarienummer || '',
  handling: (doc) => doc.form_title || doc.beskrivning || '',
  avsandare: (doc) => doc.avsandare || '',
  personnummer: (doc) => doc.personnummer || '',
  frist: (doc) => (doc.deadline ? doc.deadline.due : ''),
  enhet: (doc) => doc.unit || '',
};

function sorted(list) {
  if (!sort || !SORT_KEYS[sort.key]) return list;
  const key = SORT_KEYS[sort.key];
  const direction = sort.dir === 'descending' ? -1 : 1;
  return [...list].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === '') return 1;
    if (y === '') return -1;
    return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'sv', { numeric: true })) * direction;
  });
}

function draw() {
  const { list, letters } = current;
  body.replaceChildren(...letters.map(deadLetterRow), ...sorted(list).map(row));
  if (list.length + letters.length === 0) body.append(el('tr', {}, el('td', { colspan: 9 }, 'Inga handlingar matchar.')));
  for (const th of document.querySelectorAll('#documents th[data-sort]')) {
    if (sort && th.dataset.sort === sort.key) th.setAttribute('aria-sort', sort.dir);
    else th.removeAttribute('aria-sort');
  }
}

async function refresh() {
  try {
    const values = filterValues();
    const [found, letters] = await Promise.all([documents(values), deadLetters(values)]);
    const json = JSON.stringify([found, letters]);
    const now = Date.now();
    const fading = [...arrived.values()].some((at) => now - at >= NEW_ROW_MS && now - at < NEW_ROW_MS + POLL_MS);
    if (json === lastJson && !fading) return;
    lastJson = json;
    const ids = new Set(found.list.map((doc) => doc.id));
    if (knownIds) {
      const added = [...ids].filter((id) => !knownIds.has(id));
      for (const id of added) arrived.set(id, now);
      if (added.length > 0) live.textContent = `${added.length} ny${added.length > 1 ? 'a' : ''} handling${added.length > 1 ? 'ar' : ''} i inkorgen`;
    }
    knownIds = ids;
    current = { list: found.list, letters, more: found.more };
    draw();
    more.hidden = !found.more;
    count.textContent = `Visar ${found.list.length} handling${found.list.length === 1 ? '' : 'ar'}` +
      (letters.length ? ` och ${letters.length} e-post${letters.length === 1 ? 'meddelande' : 'meddelanden'} som inte kunde tas emot` : '') +
      (found.more ? ' – det finns fler.' : '.');
    say(message, '');
  } catch (error) {
    say(message, `Listan kunde inte hämtas: ${error.message}`, 'error');
  }
}

function restart() {
  shown = PAGE_SIZE;
  lastJson = '';
  knownIds = null;
  arrived.clear();
  return refresh();
}

/** Kolumnrubrikerna blir knappar: första klicket sorterar stigande, nästa fallande. */
function makeSortable() {
  for (const th of document.querySelectorAll('#documents th[data-sort]')) {
    const label = th.textContent;
    const button = el('button', { type: 'button', class: 'sort', 'aria-label': th.dataset.short ? label : null },
      th.dataset.short ? [el('span', { class: 'wide-only' }, label), el('span', { class: 'narrow-only' }, th.dataset.short)] : label);
    button.addEventListener('click', () => {
      const dir = sort && sort.key === th.dataset.sort && sort.dir === 'ascending' ? 'descending' : 'ascending';
      sort = { key: th.dataset.sort, dir };
      sessionStorage.setItem('inkorg.sort', JSON.stringify(sort));
      live.textContent = `Sorterat på ${label}, ${dir === 'ascending' ? 'stigande' : 'fallande'}`;
      draw();
    });
    th.replaceChildren(button);
  }
}

async function main() {
  makeSortable();
  filters.addEventListener('submit', (event) => { event.preventDefault(); restart(); });
  for (const control of filters.querySelectorAll('select')) control.addEventListener('change', restart);
  more.addEventListener('click', async () => {
    shown += PAGE_SIZE;
    lastJson = '';
    await refresh();
  });
  // The header and the form list are fetched at the same time; the list needs the role (who may
  // see dead letters) and the fields' names (why a document waits for review).
  const formsLoaded = api('/api/forms').then((forms) => {
    const select = document.getElementById('form');
    for (const form of forms) {
      select.append(el('option', { value: form.id }, form.title));
      fieldLabels[form.id] = Object.fromEntries((form.fields || []).map((field) => [field.key, field.label]));
    }
  });
  const me = await startPage();
  seesIntake = INTAKE_ROLES.includes(me.role);
  // Karantän, Kasserad and e-post that never arrived are the intake's (never assigned to a unit): a
  // handläggare or gruppledare is offered only the statuses of their own work.
  if (seesIntake) {
    for (const option of document.querySelectorAll('#status option[data-intake]')) option.hidden = option.disabled = false;
    document.getElementById('status-all').textContent = 'Alla (utom kasserade)';
  }
  names = await fullNames(me).catch(() => ({}));   // without them the login names are shown
  await formsLoaded;
  await refresh();
  setInterval(refresh, POLL_MS);
}

main();
