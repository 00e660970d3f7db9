// Ärenden: listan över ärenden användaren får se (sökbar), och ett ärende med dess handlingar
// (?id=). Registratorn kan avsluta eller återuppta ett ärende; handläggaren ser ärendets gynnande
// beslut som inte är verkställda.
import { api, el, formatTime, say, startPage, statusBadge } from '/app.js';

const message = document.getElementById('message');
const REGISTER = { diarium: 'Diariet', personakt: 'Personakt' };
const STATUS_TEXT = { 'pågående': 'Pågående', avslutat: 'Avslutat' };

function listRow(arende) {
  return el('tr', { 'data-arende': arende.id },
    el('td', {}, el('a', { href: `/arenden?id=${arende.id}` }, arende.diarienummer)),
    el('td', {}, arende.arendemening),
    el('td', {}, arende.part || ''),
    el('td', {}, arende.personnummer || ''),
    el('td', {}, arende.handlaggare || ''),
    el('td', {}, STATUS_TEXT[arende.status] || arende.status));
}

async function showList(q) {
  const body = document.querySelector('#arenden tbody');
  const list = await api(`/api/arenden${q ? '?q=' + encodeURIComponent(q) : ''}`);
  body.replaceChildren(...list.map(listRow));
  if (list.length === 0) body.append(el('tr', {}, el('td', { colspan: 6 }, q ? 'Inga ärenden matchar sökningen.' : 'Inga ärenden ännu.')));
}

function fact(term, value) {
  return [el('dt', {}, term), el('dd', {}, value || '–')];
}

async function showArende(id, me) {
  document.getElementById('list-view').hidden = true;
  document.getElementById('arende-view').hidden = false;
  const arende = await api(`/api/arenden/${id}`);
  document.title = `${arende.diarienummer} – Ärenden – inkorg`;
  document.getElementById('arende-title').textContent = `${arende.diarienummer} ${arende.arendemening}`;
  document.getElementById('arende-facts').replaceChildren(
    ...fact('Register', REGISTER[arende.register] || arende.register),
    ...fact('Part', arende.part),
    ...fact('Personnummer', arende.personnummer),
    ...fact('Handläggare', arende.handlaggare),
    ...fact('Status', STATUS_TEXT[arende.status] || arende.status),
    ...fact('Ärendemening för allmänheten', arende.register === 'personakt' ? '(personakt – visas inte)' : arende.arendemening_public),
    ...fact('Upprättat', `${formatTime(arende.created_at)} av ${arende.created_by}`));
  const actions = document.getElementById('arende-actions');
  actions.replaceChildren();
  if (me.role === 'registrator' || me.role === 'administratör') {
    const next = arende.status === 'avslutat' ? 'pågående' : 'avslutat';
    actions.append(el('button', { type: 'button', class: 'secondary', onclick: async () => {
      try {
        await api(`/api/arenden/${id}/status`, { method: 'POST', body: { status: next } });
        say(message, next === 'avslutat' ? 'Ärendet är avslutat.' : 'Ärendet är återupptaget.', 'ok');
        await showArende(id, me);
      } catch (error) { say(message, error.message, 'error'); }
    } }, next === 'avslutat' ? 'Avsluta ärendet' : 'Återuppta ärendet'));
  }
  const body = document.querySelector('#handlingar tbody');
  body.replaceChildren(...arende.handlingar.map((doc) => el('tr', { 'data-id': doc.id },
    el('td', {}, el('a', { href: `/granska?id=${doc.id}` }, doc.diarienummer)),
    el('td', {}, formatTime(doc.inkom)),
    el('td', {}, (doc.form ? doc.form_title : doc.beskrivning) || 'Inkommen handling'),
    el('td', {}, doc.avsandare || ''),
    el('td', {}, statusBadge(doc.status)))));
  if (['handläggare', 'gruppledare', 'administratör'].includes(me.role)) await showEjVerkstallda(arende);
}

/** The ärende's gynnande beslut not carried out (SoL 34 kap.), each with a link to record it. */
async function showEjVerkstallda(arende) {
  const inArende = new Set(arende.handlingar.map((doc) => doc.id));
  const waiting = (await api('/api/decisions/ej-verkstallda')).filter((row) => inArende.has(row.document));
  document.getElementById('arende-verkstallighet').replaceChildren(...waiting.map((row) =>
    el('div', { class: `message ${row.overTreManader ? 'error' : 'info'}`, 'data-decision': row.decision },
      `${row.overTreManader ? '⚠ ' : ''}Beslut ${row.decision} (${row.beslutsdatum}, ${row.insats}) är inte verkställt; ` +
        `tre månader från beslutet ${row.overTreManader ? 'gick ut' : 'går ut'} ${row.senast}. `,
      el('a', { href: `/beslut?id=${row.document}` }, 'Verkställighet'))));
}

async function start() {
  const me = await startPage();
  const id = new URLSearchParams(window.location.search).get('id');
  if (id) return showArende(id, me);
  const form = document.getElementById('search');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showList(form.elements.q.value.trim()).catch((error) => say(message, error.message, 'error'));
  });
  return showList('');
}

start().catch((error) => say(message, error.message, 'error'));
