// Allmänhetens diarium: utan inloggning, bara offentliga uppgifter.
import { el, say } from '/app.js';

const filters = document.getElementById('filters');
const body = document.querySelector('#diarium tbody');
const message = document.getElementById('message');

async function refresh() {
  const params = new URLSearchParams(new FormData(filters));
  try {
    const response = await fetch(`/api/public/diarium?${params}`);
    if (!response.ok) throw new Error(`Fel ${response.status}`);
    const rows = await response.json();
    body.replaceChildren(...rows.map((row) => el('tr', {},
      el('td', {}, row.inkom), el('td', {}, row.diarienummer), el('td', {}, row.avsandare || '–'), el('td', {}, row.beskrivning))));
    if (rows.length === 0) body.append(el('tr', {}, el('td', { colspan: 4 }, 'Inga handlingar matchar.')));
    say(message, '');
  } catch (error) {
    say(message, `Diariet kunde inte hämtas: ${error.message}`, 'error');
  }
}

filters.addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
refresh();
