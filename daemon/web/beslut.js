// Uppföljning av en handling efter beslutet: en lex Sarah-rapports bedömning och anmälan till IVO
// (SoL 27 kap.), ett gynnande besluts verkställighet (SoL 34 kap.) och ett inkommet överklagande
// med rättidsprövning (FL 44–46 §§) och omprövning eller överlämnande. Det som inte går att ta
// tillbaka frågar först. Allt läses ur handlingens händelser och frister (GET /api/documents/{id}).
import { api, confirmAction, el, say, startPage, swedishDate, today } from '/app.js';

const id = new URLSearchParams(window.location.search).get('id');
const message = document.getElementById('message');
let me = null;
let doc = null;

const isDecider = () => ['handläggare', 'gruppledare', 'administratör'].includes(me.role);
const mayRegisterAppeal = () => isDecider() || me.role === 'registrator';
const BESLUT = { bifall: 'Bifall', delvis: 'Delvis bifall', avslag: 'Avslag' };
const LAGRUM = { '12:1': '12 kap. 1 § SoL', '12:2': '12 kap. 2 § SoL', '11:1': '11 kap. 1 § SoL', '8kap': '8 kap. alkohollagen' };
const UTFALL = {
  omprovat: 'Omprövat av nämnden (FL 39 §)',
  overlamnat: 'Överlämnat till förvaltningsrätten (FL 46 §)',
  avvisat: 'Avvisat som för sent inkommet (FL 45 §)',
};

/** Sista dagen av tre månader från beslutsdatum (SoL 34 kap. 1 §): 2026-11-30 → 2027-02-28. */
export function threeMonthsAfter(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(year, month + 2, 0)).getUTCDate();   // last day of month + 3
  const target = new Date(Date.UTC(year, month + 2, Math.min(day, last)));
  return target.toISOString().slice(0, 10);
}

const eventsOf = (kind, decisionId) => doc.events.filter((event) => event.kind === kind &&
  (decisionId === undefined || Number(event.detail.decisionId ?? event.detail.decision) === decisionId));
const latest = (list) => list[list.length - 1];
const openDeadline = (kind) => doc.deadlines.find((deadline) => deadline.kind === kind && !deadline.done);

function fact(label, ...value) {
  return [el('dt', {}, label), el('dd', {}, ...value)];
}

/** Kör en åtgärd efter en bekräftelse; ritar om sidan och säger vad som hände. */
async function act({ confirm, run, done }) {
  if (confirm && !await confirmAction(confirm)) return;
  try {
    const answer = await run();
    doc = await api(`/api/documents/${encodeURIComponent(id)}`);
    render();
    say(message, typeof done === 'function' ? done(answer) : done, 'ok');
  } catch (error) {
    say(message, error.message, 'error');
  }
}

// ---- lex Sarah ----------------------------------------------------------------------------------

function bedomningText(detail) {
  if (!detail.allvarligt) return 'Inte allvarligt';
  if (detail.avser === 'risk') return 'Påtaglig risk för ett allvarligt missförhållande';
  if (detail.avser === 'missforhallande') return 'Allvarligt missförhållande';
  return 'Allvarligt';
}

function renderLexSarah() {
  const section = document.getElementById('lex-sarah');
  const content = document.getElementById('lex-sarah-content');
  section.hidden = doc.form !== 'lex_sarah';
  content.replaceChildren();
  if (section.hidden) return;
  const bedomning = latest(eventsOf('lex_sarah_bedomning'));
  const anmalan = bedomning && latest(doc.events.slice(doc.events.indexOf(bedomning)).filter((event) => event.kind === 'ivo_anmalan'));
  const deadline = openDeadline('ivo_anmalan');
  content.append(el('dl', { class: 'facts', id: 'lex-sarah-state' },
    fact('Bedömning', bedomning ? `${bedomningText(bedomning.detail)} (${bedomning.detail.datum}, ${bedomning.actor})` : 'Inte bedömd ännu'),
    bedomning ? fact('Motivering', bedomning.detail.motivering) : null,
    bedomning && bedomning.detail.allvarligt ? fact('Anmälan till IVO', anmalan
      ? `Skickad ${anmalan.detail.datum}${anmalan.detail.ivoDiarienummer ? ', IVO:s diarienummer ' + anmalan.detail.ivoDiarienummer : ''}`
      : el('span', { class: deadline && deadline.due < today() ? 'overdue' : '' },
        `Ska göras snarast (SoL 27 kap. 6 §), senast ${deadline ? deadline.due : '–'}${deadline && deadline.due < today() ? ' – ⚠ Försenad' : ''}`)) : null));
  if (!isDecider()) return;

  if (bedomning && bedomning.detail.allvarligt && !anmalan) {
    const datum = el('input', { type: 'date', id: 'ivo-datum', max: today(), value: today() });
    const dnr = el('input', { type: 'text', id: 'ivo-dnr', maxlength: 40 });
    content.append(el('form', { class: 'panel', id: 'ivo-form', novalidate: true },
      el('h3', {}, 'Anmälan till IVO är skickad'),
      el('div', { class: 'inline-form' },
        el('div', {}, el('label', { for: 'ivo-datum' }, 'Skickad den'), datum),
        el('div', {}, el('label', { for: 'ivo-dnr' }, 'IVO:s diarienummer (om det finns)'), dnr),
        el('button', { type: 'button', id: 'ivo-save', onclick: () => act({
          confirm: { title: 'Markera anmälan till IVO som skickad?',
            consequence: `Anmälan registreras som skickad ${datum.value} och fristen för anmälan stängs. Det går inte att ångra här.`,
            confirm: 'Markera som skickad' },
          run: () => api(`/api/documents/${doc.id}/lex-sarah/ivo-anmalan`, { method: 'POST', body: { datum: datum.value, ivoDiarienummer: dnr.value.trim() } }),
          done: `Anmälan till IVO är registrerad som skickad ${datum.value}; fristen är stängd.`,
        }) }, 'Markera anmälan som skickad'))));
  }

  const choices = [['missforhallande', 'Allvarligt missförhållande'], ['risk', 'Påtaglig risk för ett allvarligt missförhållande'],
    ['inte', 'Inte allvarligt']];
  const choice = el('select', { id: 'bedomning' }, el('option', { value: '' }, '(välj)'),
    choices.map(([value, label]) => el('option', { value }, label)));
  const motivering = el('textarea', { id: 'bedomning-motivering', required: true });
  const datum = el('input', { type: 'date', id: 'bedomning-datum', max: today(), value: today() });
  const save = () => {
    const chosen = choice.value;
    if (!chosen) return say(message, 'Välj en bedömning: allvarligt missförhållande, påtaglig risk eller inte allvarligt.', 'error');
    const allvarligt = chosen !== 'inte';
    return act({
      confirm: allvarligt
        ? { title: `Spara bedömningen: ${choices.find(([value]) => value === chosen)[1].toLowerCase()}?`,
          consequence: 'Ett allvarligt missförhållande ska anmälas till IVO snarast (SoL 27 kap. 6 §): en frist på 14 dagar öppnas och syns under Frister.',
          confirm: 'Spara bedömningen' }
        : { title: 'Spara bedömningen: inte allvarligt?',
          consequence: 'Ingen anmälan till IVO behövs; en öppen frist för anmälan stängs.', confirm: 'Spara bedömningen' },
      run: () => api(`/api/documents/${doc.id}/lex-sarah/bedomning`, { method: 'POST',
        body: { allvarligt, avser: allvarligt ? chosen : '', motivering: motivering.value.trim(), datum: datum.value } }),
      done: (answer) => answer.ivoAnmalanSenast
        ? `Bedömningen är sparad. Anmälan till IVO ska göras snarast, senast ${answer.ivoAnmalanSenast}.`
        : 'Bedömningen är sparad. Ingen anmälan till IVO behövs.',
    });
  };
  content.append(el('form', { class: 'panel', id: 'bedomning-form', novalidate: true },
    el('h3', {}, bedomning ? 'Ändra bedömningen' : 'Bedömning'),
    el('div', { class: 'field' }, el('label', { for: 'bedomning' }, 'Är missförhållandet allvarligt?'), choice),
    el('div', { class: 'field' }, el('label', { for: 'bedomning-motivering' }, 'Motivering'), motivering),
    el('div', { class: 'field' }, el('label', { for: 'bedomning-datum' }, 'Bedömd den'), datum),
    el('div', { class: 'actions' }, el('button', { type: 'button', id: 'bedomning-save', onclick: save }, 'Spara bedömningen'))));
}

// ---- beslut: verkställighet och överklagande ----------------------------------------------------

/** SoL 34 kap. covers gynnande beslut under 11 kap. 1 § and 12 kap. 1 § (followup/Verkstallighet.hpp). */
const COVERED_BY_34_KAP = /^\s*(11|12)\s*(?::|kap\.?)\s*1(?![0-9])/;

/** A date and a short text, saved with a confirmation: the forms of avbrott and avslutat. */
function dateForm({ key, decision, dateLabel, textLabel, placeholder, button, min, confirm, run, done }) {
  const datum = el('input', { type: 'date', id: `${key}-datum-${decision.id}`, min, max: today() });
  const text = textLabel ? el('input', { type: 'text', id: `${key}-skal-${decision.id}`, maxlength: 300, placeholder }) : null;
  return el('div', { class: 'inline-form', id: `${key}-form-${decision.id}` },
    el('div', {}, el('label', { for: datum.id }, dateLabel), datum),
    text ? el('div', {}, el('label', { for: text.id }, textLabel), text) : null,
    el('button', { type: 'button', class: 'secondary', id: `${key}-save-${decision.id}`, onclick: () => {
      if (!datum.value) return say(message, `Ange ${dateLabel.toLowerCase()}.`, 'error');
      return act({ confirm: confirm(datum.value), run: () => run(datum.value, text ? text.value.trim() : ''), done: done(datum.value) });
    } }, button));
}

function renderVerkstallighet(decision, holder) {
  if (!['bifall', 'delvis'].includes(decision.beslut) || !COVERED_BY_34_KAP.test(decision.lagrum || '')) return;
  const recorded = latest(eventsOf('verkstallighet', decision.id));
  const senast = threeMonthsAfter(decision.date);
  const carriedOut = doc.events.filter((event) => event.kind === 'verkstallighet' && Number(event.detail.decisionId) === decision.id)
    .map((event) => event.detail.verkstalld).filter(Boolean).pop();
  const avbrott = latest(eventsOf('verkstallighet_avbrott', decision.id));
  const aterupptagen = avbrott && latest(doc.events.slice(doc.events.indexOf(avbrott)).filter((event) =>
    event.kind === 'verkstallighet_aterupptagen' && Number(event.detail.decisionId) === decision.id));
  const openAvbrott = avbrott && !aterupptagen ? avbrott : null;
  const avslutat = latest(eventsOf('verkstallighet_avslutad', decision.id));
  const late = !carriedOut && !avslutat && senast < today();
  const avbrottSenast = openAvbrott && threeMonthsAfter(openAvbrott.detail.avbruten);
  const state = avslutat
    ? `Avslutat utan verkställighet ${avslutat.detail.avslutad}: ${avslutat.detail.skal}. Beslutet väntar inte längre på verkställighet.`
    : openAvbrott
      ? `${avbrottSenast < today() ? '⚠ ' : ''}Verkställt ${carriedOut}, avbrutet ${openAvbrott.detail.avbruten}` +
        `${openAvbrott.detail.skal ? ` (${openAvbrott.detail.skal})` : ''}: ska verkställas på nytt senast ${avbrottSenast} (SoL 34 kap. 1 §).`
      : carriedOut
        ? `Verkställt ${carriedOut}.${aterupptagen ? ` Avbrutet ${avbrott.detail.avbruten}, återupptaget ${aterupptagen.detail.aterupptagen}.` : ''}`
        : `${late ? '⚠ Inte verkställt inom tre månader' : 'Inte verkställt ännu'}: tre månader från beslutet går ut ${senast} (SoL 34 kap. 1 §).` +
          (recorded && recorded.detail.skal ? ` Skäl för dröjsmålet: ${recorded.detail.skal}.` : '');
  holder.append(el('h3', {}, 'Verkställighet'),
    el('p', { class: `verkstallighet-state${late || (avbrottSenast && avbrottSenast < today()) ? ' overdue' : ''}`,
      id: `verkstallighet-${decision.id}` }, state));
  if (!isDecider() || avslutat || decision.superseded) return;
  const post = (path, body) => api(`/api/decisions/${decision.id}/verkstallighet${path}`, { method: 'POST', body });
  if (carriedOut && !openAvbrott) {
    holder.append(dateForm({ key: 'avbrott', decision, dateLabel: 'Verkställigheten avbröts den', textLabel: 'Skäl',
      button: 'Registrera avbrottet', min: aterupptagen ? aterupptagen.detail.aterupptagen : carriedOut,
      confirm: (datum) => ({ title: `Registrera att verkställigheten av beslut ${decision.id} avbröts ${datum}?`,
        consequence: 'Verkställs beslutet inte på nytt inom tre månader från den dag då verkställigheten avbröts rapporteras det till ' +
          'IVO och revisorerna (SoL 34 kap. 1 § andra stycket) och räknas i statistikrapporten till kommunfullmäktige (34 kap. 3 §).',
        confirm: 'Registrera avbrottet' }),
      run: (avbruten, skal) => post('/avbrott', { avbruten, skal }),
      done: (datum) => `Avbrottet ${datum} är registrerat.` }));
  }
  if (openAvbrott) {
    holder.append(dateForm({ key: 'aterupptagen', decision, dateLabel: 'Verkställt på nytt den', button: 'Registrera återupptagandet',
      min: openAvbrott.detail.avbruten,
      confirm: (datum) => ({ title: `Registrera att beslut ${decision.id} verkställdes på nytt ${datum}?`,
        consequence: 'Avbrottet avslutas; har det gått mer än tre månader anges dagen i kvartalsrapporten (SoL 34 kap. 2 §).',
        confirm: 'Registrera återupptagandet' }),
      run: (aterupptagen) => post('/avbrott', { aterupptagen }),
      done: (datum) => `Verkställigheten är återupptagen ${datum}.` }));
  }
  // What is done most: the day it was carried out (or why not yet), before ending it without.
  if (!carriedOut) {
    const datum = el('input', { type: 'date', id: `verkstalld-${decision.id}`, min: decision.date, max: today() });
    const skal = el('input', { type: 'text', id: `skal-${decision.id}`, value: recorded ? recorded.detail.skal || '' : '' });
    const insats = el('input', { type: 'text', id: `insats-${decision.id}`, value: recorded ? recorded.detail.insats || '' : '',
      placeholder: decision.lagrum && decision.lagrum.startsWith('11') ? 'Insatser för personliga behov' : 'Ekonomiskt bistånd' });
    holder.append(el('div', { class: 'inline-form' },
      el('div', {}, el('label', { for: `verkstalld-${decision.id}` }, 'Verkställt den'), datum),
      el('div', {}, el('label', { for: `skal-${decision.id}` }, 'Skäl för dröjsmålet (om det inte är verkställt)'), skal),
      el('div', {}, el('label', { for: `insats-${decision.id}` }, 'Typ av insats'), insats),
      el('button', { type: 'button', class: 'secondary', id: `verkstall-save-${decision.id}`, onclick: () => act({
        confirm: datum.value ? { title: `Registrera beslut ${decision.id} som verkställt ${datum.value}?`,
          consequence: 'Beslutet räknas då som verkställt och tas inte med som ej verkställt i kvartalsrapporten till IVO.',
          confirm: 'Registrera verkställigheten' } : null,
        run: () => api(`/api/decisions/${decision.id}/verkstallighet`, { method: 'POST',
          body: { ...(datum.value ? { datum: datum.value } : {}), skal: skal.value.trim(), insats: insats.value.trim() } }),
        done: datum.value ? `Beslut ${decision.id} är registrerat som verkställt ${datum.value}.` : 'Verkställigheten är sparad.',
      }) }, 'Spara verkställigheten')));
  }
  if (!carriedOut || openAvbrott) {
    holder.append(el('p', { class: 'muted form-lead' }, 'Ska beslutet inte verkställas alls – den enskilde har tackat nej, flyttat eller avlidit?'));
    holder.append(dateForm({ key: 'avslutat', decision, dateLabel: 'Avslutat utan verkställighet den',
      textLabel: 'Skäl (kortfattat, utan namn)', placeholder: 'Den enskilde har tackat nej / flyttat / avlidit',
      button: 'Avsluta utan verkställighet', min: openAvbrott ? openAvbrott.detail.avbruten : decision.date,
      confirm: (datum) => ({ title: `Avsluta beslut ${decision.id} utan verkställighet ${datum}?`,
        consequence: 'Beslutet väntar då inte längre på verkställighet. Var det redan försenat tas det med i kvartalsrapporten till IVO ' +
          'med dagen och skälet, till och med det kvartal då det avslutades. Det går inte att ångra här.',
        confirm: 'Avsluta utan verkställighet' }),
      run: (avslutad, skal) => post('/avslutad', { avslutad, skal }),
      done: (datum) => `Beslut ${decision.id} är avslutat utan verkställighet ${datum}.` }));
  }
}

/** Laglighetsprövning (KL 13 kap.): three weeks from the day the protocol was posted (13:5). */
function renderAnslag(decision, holder) {
  const given = eventsOf('beslutsbrev', decision.id).map((event) => event.detail.anslag_datum)
    .concat(eventsOf('protokoll_anslag', decision.id).map((event) => event.detail.datum)).filter(Boolean).pop();
  // 12:2 is appealed by laglighetsprövning only; any kommunmedlem may ask for it of the nämnd's own decision.
  if (decision.lagrum !== '12:2' && !eventsOf('namndbeslut', decision.id).length && !given) return;
  holder.append(el('h3', {}, 'Protokollets anslag (laglighetsprövning)'),
    el('p', { id: `anslag-${decision.id}` }, given
      ? `Protokollet anslogs ${given}. En laglighetsprövning ska ha kommit in till förvaltningsrätten inom tre veckor, ` +
        `senast ${addDays(given, 21)} (13 kap. 5 § kommunallagen).`
      : 'Dagen då protokollet med beslutet anslogs är inte registrerad. Tre veckor för laglighetsprövning räknas från den (13 kap. 5 § kommunallagen).'));
  if (!isDecider()) return;
  holder.append(dateForm({ key: 'anslag', decision, dateLabel: 'Protokollet anslogs den', button: 'Registrera anslaget', min: decision.date,
    confirm: (datum) => ({ title: `Registrera att protokollet med beslut ${decision.id} anslogs ${datum}?`,
      consequence: 'Tiden för laglighetsprövning räknas från den dagen.', confirm: 'Registrera anslaget' }),
    run: (datum) => api(`/api/decisions/${decision.id}/anslag`, { method: 'POST', body: { datum } }),
    done: (datum) => `Anslaget ${datum} är registrerat.` }));
}

/** "2026-11-27" + 21 → "2026-12-18". */
function addDays(iso, days) {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The överklagande as a handling of the diarium: its inkom datum (the ankomststämpel's, when the
 * registrator set it) fills the form; a number the diarium lacks is said at once. */
async function lookUpHandling(diarienummer, inkom, note) {
  note.replaceChildren();
  if (!diarienummer) return;
  try {
    const hits = (await api(`/api/documents?q=${encodeURIComponent(diarienummer)}`)).filter((hit) => hit.diarienummer === diarienummer);
    if (hits.length !== 1) return say(note, `Ingen handling i diariet har diarienumret ${diarienummer}. Kontrollera numret.`, 'warn');
    inkom.value = swedishDate(hits[0].inkom);
    say(note, `${diarienummer} inkom ${inkom.value}${hits[0].beskrivning ? ' (' + hits[0].beskrivning + ')' : ''}: överklagandets inkom datum är ifyllt.`, 'info');
  } catch (error) {
    say(note, error.message, 'error');
  }
}

function renderOverklagande(decision, holder) {
  const registered = eventsOf('overklagande', decision.id);
  const appeal = latest(registered);
  const avgjort = appeal && latest(doc.events.slice(doc.events.indexOf(appeal)).filter((event) =>
    event.kind === 'overklagande_avgjort' && Number(event.detail.decisionId) === decision.id));
  holder.append(el('h3', {}, 'Överklagande'));
  if (appeal) {
    const d = appeal.detail;
    const timeliness = d.iTid ? `kom in i tid (sista dag ${d.sistaDag}, FL 44 §)`
      : `kom in för sent (sista dag var ${d.sistaDag}, FL 44 §)${d.felaktigHanvisning ? ', men överklagandehänvisningen var felaktig: det prövas som om det kommit in i tid (FL 45 § andra stycket)' : ''}`;
    const deadline = openDeadline(`overklagande-${decision.id}`);
    holder.append(el('dl', { class: 'facts', id: `overklagande-${decision.id}` },
      fact('Inkom', `${d.inkom}${d.handling ? ' som ' + d.handling : ''}; klienten fick del av beslutet ${d.delfatt}`),
      fact('Rättidsprövning', el('strong', { class: d.rattidig ? '' : 'overdue' }, `Överklagandet ${timeliness}.`)),
      avgjort ? fact('Utfall', `${UTFALL[avgjort.detail.utfall] || avgjort.detail.utfall}, ${avgjort.detail.datum}`)
        : fact('Frist', el('span', { class: deadline && deadline.due < today() ? 'overdue' : '' },
          deadline ? `${deadline.title}, senast ${deadline.due}` : '–'))));
    if (d.rattidig && isDecider() && (!avgjort || avgjort.detail.utfall === 'overlamnat')) {
      const omprovning = el('select', { id: `overlamnande-omprovning-${decision.id}` },
        el('option', { value: 'ingen' }, 'Nämnden har inte ändrat beslutet'),
        el('option', { value: 'delvis' }, 'Nämnden har ändrat beslutet delvis'));
      const link = el('a', { id: `overlamnande-${decision.id}`, target: '_blank',
        href: `/api/decisions/${decision.id}/overlamnande?omprovning=ingen` }, 'Överlämnande till förvaltningsrätten (PDF)');
      omprovning.addEventListener('change', () => { link.href = `/api/decisions/${decision.id}/overlamnande?omprovning=${omprovning.value}`; });
      holder.append(el('div', { class: 'inline-form' },
        el('div', {}, el('label', { for: omprovning.id }, 'Omprövning (FL 39 §)'), omprovning), link));
    }
    if (!avgjort && isDecider()) {
      const options = d.rattidig ? ['omprovat', 'overlamnat'] : ['avvisat'];
      const choice = el('select', { id: `utfall-${decision.id}` }, options.map((value) => el('option', { value }, UTFALL[value])));
      const datum = el('input', { type: 'date', id: `utfall-datum-${decision.id}`, max: today(), value: today() });
      holder.append(el('form', { class: 'panel', novalidate: true },
        el('div', { class: 'inline-form' },
          el('div', {}, el('label', { for: choice.id }, d.rattidig ? 'Ompröva eller överlämna' : 'Avvisa'), choice),
          el('div', {}, el('label', { for: datum.id }, 'Datum'), datum),
          el('button', { type: 'button', id: `utfall-save-${decision.id}`, onclick: () => {
            const utfall = choice.value;
            return act({
              confirm: { title: `${UTFALL[utfall]}?`,
                consequence: utfall === 'overlamnat'
                  ? 'Överklagandet och handlingarna ska skickas till förvaltningsrätten skyndsamt (FL 46 §). Fristen stängs; det går inte att ångra här.'
                  : 'Utfallet registreras och fristen stängs; det går inte att ångra här. Ett ändrat beslut fattas som ett nytt beslut.',
                confirm: 'Registrera utfallet' },
              run: () => api(`/api/decisions/${decision.id}/overklagande/utfall`, { method: 'POST', body: { utfall, datum: datum.value } }),
              done: `Utfallet är registrerat: ${UTFALL[utfall]}.`,
            });
          } }, 'Registrera utfallet'))));
    }
    if (!avgjort || !mayRegisterAppeal()) return;
  }
  if (!mayRegisterAppeal()) {
    if (!appeal) holder.append(el('p', { class: 'muted' }, 'Inget överklagande har kommit in.'));
    return;
  }
  const inkom = el('input', { type: 'date', id: `overklagande-inkom-${decision.id}`, max: today(), value: today() });
  const delfatt = el('input', { type: 'date', id: `overklagande-delfatt-${decision.id}`, min: decision.date, max: today() });
  const handling = el('input', { type: 'text', id: `overklagande-handling-${decision.id}`, maxlength: 40, placeholder: 'SN 2026/123' });
  const felaktig = el('input', { type: 'checkbox', id: `overklagande-felaktig-${decision.id}` });
  const found = el('div', { id: `overklagande-handling-note-${decision.id}`, role: 'status', 'aria-live': 'polite' });
  handling.addEventListener('change', () => lookUpHandling(handling.value.trim(), inkom, found));
  holder.append(el('form', { class: 'panel', id: `overklagande-form-${decision.id}`, novalidate: true },
    el('h4', {}, appeal ? 'Registrera ett nytt överklagande' : 'Registrera ett inkommet överklagande'),
    el('p', { class: 'muted' }, 'Ett överklagande ska ha kommit in inom tre veckor från den dag klienten fick del av beslutet (FL 44 §).'),
    el('div', { class: 'inline-form' },
      el('div', {}, el('label', { for: inkom.id }, 'Överklagandet inkom'), inkom),
      el('div', {}, el('label', { for: delfatt.id }, 'Klienten fick del av beslutet'), delfatt),
      el('div', {}, el('label', { for: handling.id }, 'Överklagandets diarienummer'), handling)),
    found,
    el('label', { for: felaktig.id }, felaktig, ' Beslutsbrevets överklagandehänvisning var felaktig (FL 45 § andra stycket)'),
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', id: `overklagande-save-${decision.id}`, onclick: () => act({
      confirm: { title: `Registrera ett överklagande av beslut ${decision.id}?`,
        consequence: 'Överklagandet rättidsprövas och en frist öppnas för omprövning, överlämnande eller avvisning. Det går inte att ta bort här.',
        confirm: 'Registrera överklagandet' },
      run: () => api(`/api/decisions/${decision.id}/overklagande`, { method: 'POST',
        body: { inkom: inkom.value, delfatt: delfatt.value, handling: handling.value.trim(), felaktigHanvisning: felaktig.checked } }),
      done: (answer) => `Överklagandet är registrerat och ${answer.rattidig ? 'kom in i tid' : 'kom in för sent'} (sista dag ${answer.sistaDag}, FL 44 §). ` +
        `${answer.frist}: senast ${answer.senast}.`,
    }) }, 'Registrera överklagandet'))));
}

function renderDecisions() {
  const content = document.getElementById('beslut-content');
  const decisions = doc.decisions || [];
  const supersededIds = new Set(decisions.map((decision) => decision.supersedes).filter((value) => value !== null && value !== undefined));
  content.replaceChildren(decisions.length ? '' : el('p', {}, 'Inga beslut är fattade i handlingen.'));
  for (const decision of [...decisions].reverse()) {
    decision.superseded = supersededIds.has(decision.id);
    const namnd = latest(eventsOf('namndbeslut', decision.id));
    const expedierad = latest(eventsOf('expedierad', decision.id));
    const article = el('article', { class: 'panel', 'data-decision': decision.id },
      el('h2', {}, `Beslut ${decision.id}: ${BESLUT[decision.beslut] || decision.beslut}, ${decision.date}${decision.superseded ? ' (ersatt)' : ''}`),
      el('dl', { class: 'facts' },
        fact('Beslutsfattare', namnd ? `Nämnden vid sammanträde, ${namnd.detail.paragraf}` : decision.beslutsfattare),
        decision.lagrum ? fact('Lagrum', LAGRUM[decision.lagrum] || decision.lagrum) : null,
        decision.belopp !== null ? fact('Belopp', `${Number(decision.belopp).toLocaleString('sv-SE')} kr`) : null,
        fact('Expedierat', expedierad ? `${expedierad.detail.expedierad} (${expedierad.detail.diarienummer}, med post)` : 'Inte expedierat'),
        fact('Beslutsbrev', el('a', { href: `/api/documents/${doc.id}/decisions/${decision.id}` }, 'Beslutsbrev (PDF)'))));
    renderVerkstallighet(decision, article);
    renderAnslag(decision, article);
    renderOverklagande(decision, article);
    content.append(article);
  }
}

function render() {
  const name = doc.diarienummer || `Handling ${doc.id}`;
  document.getElementById('title').textContent = `Uppföljning – ${name} – ${doc.form_title}`;
  document.title = `Uppföljning – ${name} – inkorg`;
  document.getElementById('back').href = `/granska?id=${doc.id}`;
  document.getElementById('back').textContent = `← Tillbaka till ${name}`;
  renderLexSarah();
  document.getElementById('beslut').hidden = doc.form === 'lex_sarah';
  renderDecisions();
}

async function main() {
  me = await startPage();
  if (!id) return say(message, 'Ingen handling vald.', 'error');
  try {
    doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  } catch (error) {
    return say(message, error.message, 'error');
  }
  render();
}

main();
