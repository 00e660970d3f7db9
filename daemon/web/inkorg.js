// Inkorgen: alla handlingar användaren får se, med filter och sökning; uppdateras var 4:e sekund.
import { api, el, formatTime, priorityBadge, say, startPage, statusBadge, today } from '/app.js';

const POLL_MS = 4000;
const filters = document.getElementById('filters');
const body = document.querySelector('#documents tbody');
const live = document.getElementById('live');
const message = document.getElementById('message');
let lastJson = '';
let knownIds = null;

function query() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(filters)) if (value) params.set(name, value);
  return params.toString();
}

function deadlineCell(deadline) {
  if (!deadline) return el('td', {});
  const overdue = deadline.due < today();
  return el('td', { class: overdue ? 'overdue' : '' },
    overdue ? '⚠ Försenad: ' : '', `${deadline.title} – ${deadline.due}`);
}

function row(doc) {
  const title = doc.form_title || doc.beskrivning || 'Inkommen handling';
  const link = el('a', { href: `/granska?id=${doc.id}` }, doc.diarienummer || `Handling ${doc.id}`);
  return el('tr', { 'data-id': doc.id },
    el('td', {}, priorityBadge(doc.priority)),
    el('td', {}, statusBadge(doc.status), doc.reason ? el('div', { class: 'muted' }, doc.reason) : null),
    el('td', {}, formatTime(doc.inkom)),
    el('td', {}, link),
    el('td', {}, title),
    el('td', {}, doc.avsandare || ''),
    el('td', {}, doc.personnummer || ''),
    deadlineCell(doc.deadline),
    el('td', {}, doc.unit ? `${doc.unit}${doc.handlaggare ? ' / ' + doc.handlaggare : ''}` : ''));
}

async function refresh() {
  try {
    const documents = await api(`/api/documents?${query()}`);
    const json = JSON.stringify(documents);
    if (json === lastJson) return;
    lastJson = json;
    body.replaceChildren(...documents.map(row));
    if (documents.length === 0) body.append(el('tr', {}, el('td', { colspan: 9 }, 'Inga handlingar matchar.')));
    const ids = new Set(documents.map((doc) => doc.id));
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

async function main() {
  await startPage();
  const forms = await api('/api/forms');
  const select = document.getElementById('form');
  for (const form of forms) select.append(el('option', { value: form.id }, form.title));
  filters.addEventListener('submit', (event) => { event.preventDefault(); lastJson = ''; knownIds = null; refresh(); });
  for (const control of filters.querySelectorAll('select')) control.addEventListener('change', () => { lastJson = ''; knownIds = null; refresh(); });
  await refresh();
  setInterval(refresh, POLL_MS);
}

main();
