// Frister: öppna frister, försenade i rött OCH med texten "Försenad". Klarmarkera frågar först och
// kan ångras direkt efteråt (Ångra). För handläggare också gynnande beslut som inte är verkställda
// (SoL 34 kap.), och för gruppledare och administratör kvartalsrapporten om dem.
import { api, confirmAction, el, say, startPage, today } from '/app.js';

const body = document.querySelector('#deadlines tbody');
const message = document.getElementById('message');

/** Where a deadline is handled: the follow-up page (IVO-anmälan, överklagande) or Granska. */
const pageOf = (deadline) => deadline.kind === 'ivo_anmalan' || deadline.kind.startsWith('overklagande-') ? '/beslut' : '/granska';

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
    el('td', {}, el('a', { href: `${pageOf(deadline)}?id=${deadline.document}` }, deadline.diarienummer || `Handling ${deadline.document}`)),
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

/** Gynnande beslut som inte är verkställda, de äldsta först; över tre månader i rött med ord. */
async function renderEjVerkstallda() {
  const rows = await api('/api/decisions/ej-verkstallda');
  const body = document.querySelector('#ej-verkstallda tbody');
  body.replaceChildren(...rows.map((row) => el('tr', { 'data-decision': row.decision, class: row.overTreManader ? 'overdue-row' : '' },
    el('td', { class: row.overTreManader ? 'overdue' : '' }, row.senast),
    el('td', {}, row.overTreManader ? el('span', { class: 'overdue' }, '⚠ Mer än tre månader') : 'Inom tre månader'),
    el('td', {}, `Beslut ${row.decision}, ${row.beslutsdatum}: ${row.insats}`),
    el('td', {}, el('a', { href: `/beslut?id=${row.document}` }, row.diarienummer || `Handling ${row.document}`)),
    el('td', {}, row.skal || ''))));
  if (rows.length === 0) body.append(el('tr', {}, el('td', { colspan: 5 }, 'Alla gynnande beslut är verkställda.')));
  document.getElementById('ej-verkstallda-section').hidden = false;
}

/** Kvartalsrapporten (PDF) för det valda kvartalet; förvalt det senast avslutade. */
function renderReport() {
  const [year, month] = today().split('-').map(Number);
  const quarter = Math.floor((month - 1) / 3);
  const kvartal = document.getElementById('rapport-kvartal');
  kvartal.value = quarter === 0 ? `${year - 1}-4` : `${year}-${quarter}`;
  const link = document.getElementById('rapport-link');
  const said = document.getElementById('rapport-message');
  const valid = () => /^\d{4}-(Q|K)?[1-4]$/i.test(kvartal.value.trim());
  const update = () => {
    link.href = `/api/rapport/ej-verkstallda?kvartal=${encodeURIComponent(kvartal.value.trim().replace(/-K/i, '-'))}`;
    kvartal.setAttribute('aria-invalid', String(!valid()));
    if (valid()) say(said, '');
  };
  kvartal.addEventListener('input', update);
  link.addEventListener('click', (event) => {
    if (valid()) return;
    event.preventDefault();
    say(said, 'Ange kvartalet som år och kvartalets nummer, till exempel 2026-4.', 'error');
    kvartal.focus();
  });
  update();
  document.getElementById('rapport-section').hidden = false;
}

async function main() {
  const [me] = await Promise.all([startPage(), refresh()]);
  if (['handläggare', 'gruppledare', 'administratör'].includes(me.role)) await renderEjVerkstallda();
  if (['gruppledare', 'administratör'].includes(me.role)) renderReport();
}

main().catch((error) => say(message, error.message, 'error'));
