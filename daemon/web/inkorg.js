// Inkorgen: det användaren får se, nyast först (akuta och brådskande överst), med filter och
// sökning som görs i databasen; 200 handlingar åt gången med "Visa fler". E-post som inte gick
// att ta emot (dead letters) visas med status "Dead letter". Uppdateras var 4:e sekund.
import { ApiError, api, el, formatTime, priorityBadge, say, startPage, statusBadge, today } from '/app.js';
import { snippetElement } from '/snippet.js';

const POLL_MS = 4000;
const PAGE_SIZE = 200;
const DEAD_LETTER = 'dead_letter';
const filters = document.getElementById('filters');
const body = document.querySelector('#documents tbody');
const live = document.getElementById('live');
const message = document.getElementById('message');
const more = document.getElementById('more');
const count = document.getElementById('count');
let shown = PAGE_SIZE;
let lastJson = '';
let knownIds = null;
let deadLettersRoute = true;

function filterValues() {
  const values = {};
  for (const [name, value] of new FormData(filters)) if (value) values[name] = value;
  return values;
}

function deadlineCell(deadline) {
  if (!deadline) return el('td', {});
  const overdue = deadline.due < today();
  return el('td', { class: overdue ? 'overdue' : '' },
    overdue ? '⚠ Försenad: ' : '', `${deadline.title} – ${deadline.due}`);
}

function row(doc) {
  const title = (doc.form ? doc.form_title : doc.beskrivning) || 'Inkommen handling';   // a letter: as described
  const link = el('a', { href: `/granska?id=${doc.id}` }, doc.diarienummer || `Handling ${doc.id}`);
  return el('tr', { 'data-id': doc.id },
    el('td', {}, priorityBadge(doc.priority)),
    el('td', {}, statusBadge(doc.status), doc.reason ? el('div', { class: 'muted' }, doc.reason) : null),
    el('td', {}, formatTime(doc.inkom)),
    el('td', {}, link),
    el('td', {}, title, doc.snippet ? snippetElement(doc.snippet) : null),
    el('td', {}, doc.avsandare || ''),
    el('td', {}, doc.personnummer || ''),
    deadlineCell(doc.deadline),
    el('td', {}, doc.unit ? `${doc.unit}${doc.handlaggare ? ' / ' + doc.handlaggare : ''}` : ''));
}

function deadLetterRow(letter) {
  return el('tr', { 'data-dead-letter': letter.id, class: 'dead-letter' },
    el('td', {}),
    el('td', {}, statusBadge(DEAD_LETTER), el('div', { class: 'muted' }, letter.reason || '')),
    el('td', {}, formatTime(letter.received)),
    el('td', {}, '–'),
    el('td', {}, letter.subject ? `E-post: ${letter.subject}` : 'E-post utan ämne'),
    el('td', {}, letter.from || ''),
    el('td', {}),
    el('td', {}),
    el('td', {}, letter.source || ''));
}

/** Dead letters (e-post som inte kunde tas emot); inget visas om routen saknas. */
async function deadLetters(values) {
  if (!deadLettersRoute || values.form || values.priority) return [];
  if (values.status && values.status !== DEAD_LETTER) return [];
  try {
    const answer = await api('/api/dead-letters');
    const wanted = (values.q || '').trim().toLowerCase();
    return (answer.dead_letters || []).filter((letter) => !wanted ||
      [letter.from, letter.subject, letter.message_id].some((text) => (text || '').toLowerCase().includes(wanted)));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
      deadLettersRoute = false;
      return [];
    }
    throw error;
  }
}

async function documents(values) {
  if (values.status === DEAD_LETTER) return { list: [], more: false };
  const params = new URLSearchParams(values);
  params.set('limit', String(shown));
  const response = await api(`/api/documents?${params}`, { raw: true });
  return { list: await response.json(), more: response.headers.get('X-Inkorg-More') === '1' };
}

async function refresh() {
  try {
    const values = filterValues();
    const [found, letters] = await Promise.all([documents(values), deadLetters(values)]);
    const json = JSON.stringify([found, letters]);
    if (json === lastJson) return;
    lastJson = json;
    body.replaceChildren(...letters.map(deadLetterRow), ...found.list.map(row));
    if (found.list.length + letters.length === 0) body.append(el('tr', {}, el('td', { colspan: 9 }, 'Inga handlingar matchar.')));
    more.hidden = !found.more;
    count.textContent = `Visar ${found.list.length} handling${found.list.length === 1 ? '' : 'ar'}` +
      (letters.length ? ` och ${letters.length} dead letter${letters.length === 1 ? '' : 's'}` : '') +
      (found.more ? ' – det finns fler.' : '.');
    const ids = new Set(found.list.map((doc) => doc.id));
    if (knownIds) {
      const added = [...ids].filter((id) => !knownIds.has(id)).length;
      if (added > 0) live.textContent = `${added} ny${added > 1 ? 'a' : ''} handling${added > 1 ? 'ar' : ''} i inkorgen`;
    }
    knownIds = ids;
    say(message, '');
  } catch (error) {
    say(message, `Listan kunde inte hämtas: ${error.message}`, 'error');
  }
}

function restart() {
  shown = PAGE_SIZE;
  lastJson = '';
  knownIds = null;
  return refresh();
}

async function main() {
  filters.addEventListener('submit', (event) => { event.preventDefault(); restart(); });
  for (const control of filters.querySelectorAll('select')) control.addEventListener('change', restart);
  more.addEventListener('click', async () => {
    shown += PAGE_SIZE;
    lastJson = '';
    await refresh();
  });
  // The header, the form list and the documents are fetched at the same time.
  const formsLoaded = api('/api/forms').then((forms) => {
    const select = document.getElementById('form');
    for (const form of forms) select.append(el('option', { value: form.id }, form.title));
  });
  await Promise.all([startPage(), formsLoaded, refresh()]);
  setInterval(refresh, POLL_MS);
}

main();
