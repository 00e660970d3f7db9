// Frister: öppna frister, försenade i rött OCH med texten "Försenad".
import { api, el, say, startPage, today } from '/app.js';

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
      try {
        await api(`/api/deadlines/${deadline.id}/done`, { method: 'POST', body: {} });
        say(message, `Fristen "${deadline.title}" är klarmarkerad.`, 'ok');
        await refresh();
      } catch (error) { say(message, error.message, 'error'); }
    } }, 'Klarmarkera')))));
  if (deadlines.length === 0) body.append(el('tr', {}, el('td', { colspan: 6 }, 'Inga öppna frister.')));
}

Promise.all([startPage(), refresh()]).catch((error) => say(message, error.message, 'error'));
