// Frister: öppna frister, försenade i rött OCH med texten "Försenad". Klarmarkera frågar först och
// kan ångras direkt efteråt (Ångra).
import { api, confirmAction, el, say, startPage, today } from '/app.js';

const body = document.querySelector('#deadlines tbody');
const message = document.getElementById('message');

function state(deadline) {
  if (deadline.due < today()) return el('span', { class: 'overdue' }, '⚠ Försenad');
  if (deadline.due === today()) return el('strong', {}, 'Förfaller i dag');
  return el('span', {}, 'Kommande');
}

async function refresh() {
  const deadlines = await api('/api/deadlines');
  body.replaceChildren(...deadlines.map((deadline) => el('tr', { class: deadline.due < today() ? 'overdue-row' : '' },
    el('td', { class: deadline.due < today() ? 'overdue' : '' }, deadline.due),
    el('td', {}, state(deadline)),
    el('td', {}, deadline.title),
    el('td', {}, el('a', { href: `/granska?id=${deadline.document}` }, deadline.diarienummer || `Handling ${deadline.document}`)),
    el('td', {}, deadline.beskrivning || ''),
    el('td', {}, el('button', { type: 'button', class: 'secondary',
      'aria-label': `Klarmarkera ${deadline.title} för ${deadline.diarienummer || 'handling ' + deadline.document}`, onclick: async () => {
      const which = `${deadline.title} för ${deadline.diarienummer || 'handling ' + deadline.document}`;
      const sure = await confirmAction({
        title: `Klarmarkera ${which}?`,
        consequence: `Fristen försvinner ur listan och räknas som klar (förfaller ${deadline.due}). Du kan ångra direkt efteråt.`,
        confirm: 'Klarmarkera',
      });
      if (!sure) return;
      try {
        await api(`/api/deadlines/${deadline.id}/done`, { method: 'POST', body: {} });
        await refresh();
        showUndo(deadline, which);
      } catch (error) { say(message, error.message, 'error'); }
    } }, 'Klarmarkera')))));
  if (deadlines.length === 0) body.append(el('tr', {}, el('td', { colspan: 6 }, 'Inga öppna frister.')));
}

/** "Fristen är klarmarkerad" med en Ångra-knapp som öppnar fristen igen. */
function showUndo(deadline, which) {
  const undo = el('button', { type: 'button', class: 'secondary', id: 'undo-done', onclick: async () => {
    try {
      await api(`/api/deadlines/${deadline.id}/reopen`, { method: 'POST', body: {} });
      say(message, `Klarmarkeringen är ångrad: ${which} är öppen igen.`, 'ok');
      await refresh();
    } catch (error) { say(message, error.message, 'error'); }
  } }, 'Ångra');
  message.replaceChildren(el('div', { class: 'message ok' }, `Fristen ${which} är klarmarkerad. `, undo));
  undo.focus();
}

Promise.all([startPage(), refresh()]).catch((error) => say(message, error.message, 'error'));
