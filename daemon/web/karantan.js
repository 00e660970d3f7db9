// Karantän: filen, orsaken, Registrera ändå och Kassera (med orsak). Listan uppdateras av sig själv
// (var 5:e sekund) som Inkorgen; en rad som redan visas ritas inte om, så det man skrivit finns kvar.
import { api, confirmAction, el, say, startPage, timeCell } from '/app.js';

const body = document.querySelector('#quarantine tbody');
const message = document.getElementById('message');

function actions(doc) {
  const cell = el('td', {});
  const description = el('input', { id: `beskrivning-${doc.id}`, type: 'text', value: 'Inkommen handling' });
  const reason = el('input', { id: `reason-${doc.id}`, type: 'text', required: true });
  const release = el('button', { type: 'button', class: 'release', onclick: async () => {
    try {
      const result = await api(`/api/quarantine/${doc.id}/release`, { method: 'POST', body: { beskrivning: description.value, beskrivning_public: description.value } });
      say(message, `Handlingen är registrerad som ${result.diarienummer}.`, 'ok');
      await refresh();
    } catch (error) { say(message, error.message, 'error'); }
  } }, 'Registrera ändå');
  const discard = el('button', { type: 'button', class: 'danger discard', onclick: async () => {
    if (!reason.value.trim()) {
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return say(message, 'Ange varför handlingen kasseras.', 'error');
    }
    const sure = await confirmAction({
      title: `Kassera ${doc.original_name || 'filen'}?`,
      consequence: 'Handlingen tas bort ur inkorgen och karantänen och kan inte registreras därefter. Orsaken sparas i historiken. Det går inte att ångra.',
      confirm: 'Kassera',
      danger: true,
    });
    if (!sure) return;
    try {
      await api(`/api/quarantine/${doc.id}/discard`, { method: 'POST', body: { reason: reason.value } });
      say(message, 'Handlingen är kasserad.', 'ok');
      await refresh();
    } catch (error) { say(message, error.message, 'error'); }
  } }, 'Kassera');
  cell.append(
    el('div', { class: 'inline-form' }, el('div', {}, el('label', { for: description.id }, 'Kort beskrivning'), description), release),
    el('div', { class: 'inline-form' }, el('div', {}, el('label', { for: reason.id }, 'Orsak till kassering'), reason), discard));
  return cell;
}

const POLL_MS = 5000;
let shownIds = null;

async function refresh() {
  const documents = await api('/api/quarantine');
  const ids = documents.map((doc) => String(doc.id)).join(',');
  if (ids === shownIds) return;   // nothing came or went: what is typed and the focus stay
  shownIds = ids;
  const rows = new Map([...body.querySelectorAll('tr[data-id]')].map((row) => [row.dataset.id, row]));
  body.replaceChildren(...documents.map((doc) => rows.get(String(doc.id)) || el('tr', { 'data-id': doc.id },
    timeCell(doc.inkom),
    el('td', {}, el('a', { href: `/api/documents/${doc.id}/original` }, doc.original_name || `Fil ${doc.id}`)),
    el('td', {}, doc.reason || ''),
    actions(doc))));
  if (documents.length === 0) body.append(el('tr', {}, el('td', { colspan: 4 }, 'Karantänen är tom.')));
}

Promise.all([startPage(), refresh()]).then(() => setInterval(() => refresh().catch(() => {}), POLL_MS))
  .catch((error) => say(message, error.message, 'error'));
