// Granska: originalets sidor bredvid fälten. Registratorn rättar fält (Spara), byter formulär,
// sätter inkom datum och bekräftar registreringen (Registrera); handläggaren fattar beslut.
// Ändringar som inte är sparade finns kvar när sidan ritas om och varnas för när man lämnar sidan.
import { api, confirmAction, downloadLink, el, formatTime, PRIORITY, say, startPage, STATUS, swedishDate, today } from '/app.js';
import { renderDescribe } from '/beskriv.js';
import { deciderFields } from '/beslutsfattare.js';
import { showLetterPreview } from '/forhandsgranskning.js';
import { eventSentence } from '/history.js';
import { PageView } from '/pageview.js';

/** Granskningens anmärkningar om hur ett fält lästes – desamma som Inkorgens rad räknar upp: osäker
 * avläsning, ett fält som syns men inte lästes, en oklar kryssruta, fel format, ett värde med
 * blankettens utfyllnadstecken, kryssrutor eller ledtext. Bara de ger ramen "Osäker tolkning". */
const READING_ISSUES = ['confidence.', 'field.unread', 'field.under_stamp', 'field.unaccounted', 'checkbox.', 'format.', 'value.'];
const isReadingIssue = (issue) => READING_ISSUES.some((prefix) => (issue.code || '').startsWith(prefix));

/** Texten under ett osäkert läst fält. */
function uncertainNote(issues, confidence) {
  if (issues.some((issue) => issue.code === 'field.under_stamp')) return 'Osäker tolkning: värdet ligger under ankomststämpeln – fyll i det från originalet';
  if (issues.some((issue) => issue.code === 'field.unread' || issue.code === 'field.unaccounted')) return 'Osäker tolkning: fältet kunde inte läsas – fyll i det från originalet';
  const percent = confidence !== undefined && confidence < 1 ? ` (${Math.round(confidence * 100)} %)` : '';
  return `Osäker tolkning${percent} – kontrollera mot originalet`;
}
/** Lagrum att välja per formulär (tomt: beslutsbrevets mall bestämmer). */
const LAGRUM = {
  ekonomiskt_bistand: [['12:1', '12 kap. 1 § SoL – försörjningsstöd'], ['12:2', '12 kap. 2 § SoL – livsföringen i övrigt']],
};
/** Standardformuleringar för motiveringen, per beslut. */
const PHRASES = {
  ekonomiskt_bistand: {
  bifall: [
    'Du har rätt till försörjningsstöd för den sökta perioden enligt riksnormen och dina skäliga kostnader.',
    'Ditt behov kan inte tillgodoses på annat sätt.',
  ],
  delvis: [
    'Du har rätt till försörjningsstöd för en del av det du har sökt.',
    'Kostnaden är inte skälig och beviljas därför upp till skälig nivå.',
  ],
  avslag: [
    'Dina inkomster är högre än riksnormen och dina skäliga kostnader för perioden.',
    'Du har inte visat att du har gjort vad du kan för att försörja dig själv.',
    'Du har inte lämnat de uppgifter som behövs för att pröva ansökan.',
  ],
  },
};
const id = new URLSearchParams(window.location.search).get('id');
const message = document.getElementById('message');
let me = null;
let forms = [];
let doc = null;
const view = new PageView(document.getElementById('pages'), {
  zoomIn: document.getElementById('zoom-in'),
  zoomOut: document.getElementById('zoom-out'),
  zoomFit: document.getElementById('zoom-fit'),
  level: document.getElementById('zoom-level'),
});

const isRegistrator = () => ['registrator', 'administratör'].includes(me.role);
const isDecider = () => ['handläggare', 'gruppledare', 'administratör'].includes(me.role);
const formOf = (formId) => forms.find((form) => form.id === formId);

function valueText(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function fact(label, ...value) {
  return [el('dt', {}, label), el('dd', {}, ...value)];
}

function renderFacts() {
  const facts = document.getElementById('facts');
  const deadlines = (doc.deadlines || []).map((deadline) => {
    const overdue = !deadline.done && deadline.due < today();
    return el('div', { class: overdue ? 'overdue' : '' },
      overdue ? '⚠ Försenad: ' : '', `${deadline.title} – ${deadline.due}${deadline.done ? ' (klar)' : ''}`);
  });
  const original = el('a', { href: `/api/documents/${doc.id}/original` }, doc.original_name || 'original');
  facts.replaceChildren(
    ...fact('Diarienummer', doc.diarienummer || '–'),
    ...fact('Status', el('span', { class: `badge status-${doc.status}` }, STATUS[doc.status] || doc.status)),
    ...fact('Prioritet', PRIORITY[doc.priority] || doc.priority),
    ...fact('Handling', doc.form_title),
    ...fact('Inkom', formatTime(doc.inkom)),
    ...fact('Registrerad', formatTime(doc.registrerad)),
    ...fact('Avsändare', doc.avsandare || '–'),
    ...fact('Personnummer', doc.personnummer || '–'),
    ...fact('Enhet', doc.unit ? `${doc.unit}${doc.handlaggare ? ' / ' + (doc.people?.[doc.handlaggare]?.namn || doc.handlaggare) : ' (ej fördelad)'}` : 'Ej fördelad'),
    ...fact('Fil', original),
    ...(deadlines.length ? fact('Frister', ...deadlines) : []),
    ...decisionFact());
  if (doc.reason) facts.append(...fact('Orsak till karantän', doc.reason));
  const documentIssues = (doc.issues || []).filter((issue) => !issue.field || !formOf(doc.form)?.fields.some((f) => f.key === issue.field));
  document.getElementById('document-issues').replaceChildren(...documentIssues.map((issue) =>
    el('div', { class: `message ${issue.severity === 'error' ? 'error' : 'info'}` },
      `${issue.severity === 'error' ? 'Fel' : 'Varning'}: ${issue.message}`)));
}

/** The beslut at the top, beside the other facts: the handläggare's way to Uppföljning (verkställighet,
 * avbrott, överklagande, överlämnande) or to Fatta beslut, without passing every read-only field. */
function decisionFact() {
  if (doc.status !== 'registered') return [];
  const decisions = doc.decisions || [];
  if (doc.form === 'lex_sarah' || decisions.length) {
    return fact(doc.form === 'lex_sarah' ? 'Lex Sarah' : 'Beslut', el('a', { href: `/beslut?id=${doc.id}`, id: 'facts-followup-link' },
      doc.form === 'lex_sarah' ? 'Bedömning och anmälan till IVO'
        : `${decisions.length} beslut – uppföljning: verkställighet, avbrott, överklagande`));
  }
  return isDecider() && formOf(doc.form)?.beslut ? fact('Beslut', el('a', { href: '#decision' }, 'Inget beslut ännu – Fatta beslut')) : [];
}

async function renderPages() {
  const pages = document.getElementById('pages');
  pages.replaceChildren();
  if (doc.status === 'quarantined' || doc.status === 'discarded') {
    pages.append(el('p', { class: 'message info' }, 'Filen visas inte här. Ladda ner originalet via länken Fil.'));
    return;
  }
  for (let number = 1; number <= Math.max(doc.pages, 1); number += 1) {
    const holder = el('div', { class: 'page', id: `page-${number}` });
    pages.append(holder);
    try {
      const response = await api(`/api/documents/${doc.id}/pages/${number}.png`, { raw: true });
      view.setPageSize(number, {
        width: Number(response.headers.get('X-Page-Width')) || 2480,
        height: Number(response.headers.get('X-Page-Height')) || 3508,
      });
      const url = URL.createObjectURL(await response.blob());
      holder.append(el('img', { src: url, alt: `Sida ${number} av ${doc.pages} av originalet` }));
    } catch (error) {
      holder.append(el('p', { class: 'message error' }, `Sidan ${number} kunde inte visas: ${error.message}`));
    }
  }
}

/** Ramar in var fältet lästes, om platsen finns sparad; bara bildytan rullar dit. */
function showLocation(key) {
  const where = doc.locations && doc.locations[key];
  const note = document.getElementById(`where-${key}`);
  if (!where) {
    view.clearMarker();
    if (note) note.textContent = 'Platsen på sidan är inte sparad för det här fältet.';
    return;
  }
  if (view.mark(where) && note) note.textContent = `Läst på sida ${where.page} (inramat i originalet).`;
}

// ---- ändringar som inte är sparade ---------------------------------------------------------------

/** Fältens ändrade värden (namn → värde) som inte är sparade. */
function unsavedEdits() {
  const edits = {};
  for (const input of document.querySelectorAll('#fields [name]')) {
    if (input.value !== input.dataset.original) edits[input.name] = input.value;
  }
  return edits;
}

const hasUnsavedEdits = () => doc !== null && Object.keys(unsavedEdits()).length > 0;

window.addEventListener('beforeunload', (event) => {
  if (!hasUnsavedEdits()) return;
  event.preventDefault();
  event.returnValue = '';
});

/** Får användaren lämna sidan? Med osparade ändringar frågar den först; ja glömmer ändringarna. */
async function mayLeave() {
  if (!hasUnsavedEdits()) return true;
  const count = Object.keys(unsavedEdits()).length;
  const leave = await confirmAction({
    title: 'Lämna sidan utan att spara?',
    consequence: `Du har ändrat ${count} fält utan att spara. Lämnar du sidan försvinner ${count === 1 ? 'ändringen' : 'ändringarna'}. Tryck Avbryt och sedan Spara för att behålla ${count === 1 ? 'den' : 'dem'}.`,
    confirm: 'Lämna utan att spara',
    danger: true,
  });
  if (leave) for (const input of document.querySelectorAll('#fields [name]')) input.dataset.original = input.value;
  return leave;
}

/** En länk på sidan (menyn, Tillbaka) frågar först om det finns osparade ändringar. */
document.addEventListener('click', async (event) => {
  const link = event.target.closest && event.target.closest('a[href]');
  if (!link || link.target === '_blank' || link.hasAttribute('download') || link.href.startsWith('blob:')) return;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0 || !hasUnsavedEdits()) return;
  event.preventDefault();
  if (await mayLeave()) window.location.href = link.href;
}, true);

/** Ett fält att rätta; för den som bara läser är textfälten skrivskyddade (de kan ändå få fokus och
 * visa var värdet lästes) och valen avstängda. */
function control(field, value, readOnly) {
  const choice = field.type === 'enum' || field.type === 'boolean';
  const common = { id: `f-${field.key}`, name: field.key, disabled: readOnly && choice, readonly: readOnly && !choice,
    'aria-describedby': `issues-${field.key} where-${field.key}` };
  if (choice) {
    const options = field.type === 'boolean'
      ? [{ value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' }]
      : field.options;
    return el('select', common, el('option', { value: '' }, '(inget valt)'),
      options.map((option) => el('option', { value: option.value, selected: option.value === value }, option.label)));
  }
  if (field.type === 'longtext') return el('textarea', common, value);
  const input = el('input', { ...common, type: 'text', value });
  if (field.type === 'multienum') input.setAttribute('placeholder', field.options.map((o) => o.value).join(', '));
  return input;
}

function renderFields() {
  const container = document.getElementById('fields');
  const form = formOf(doc.form);
  const actions = document.getElementById('field-actions');
  container.replaceChildren();
  actions.replaceChildren();
  // A letter has no fields: the words about dashed frames would be about nothing.
  document.getElementById('fields-help').hidden = !form;
  if (!form) {
    container.append(el('p', { class: 'message info' }, isRegistrator()
      ? 'Handlingen är ingen blankett och har inga fält: beskriv den under Beskriv och koppla och tryck Registrera. Är den en blankett, välj formulär ovan.'
      : 'Handlingen är ingen blankett och har inga fält.'));
  } else {
    const readOnly = !isRegistrator();
    for (const field of form.fields) {
      const value = valueText(doc.fields[field.key]);
      const issues = (doc.issues || []).filter((issue) => issue.field === field.key);
      const low = issues.some(isReadingIssue);
      const input = control(field, value, readOnly);
      input.dataset.original = value;
      input.addEventListener('focus', () => showLocation(field.key));
      if (issues.some((issue) => issue.severity === 'error')) input.setAttribute('aria-invalid', 'true');
      container.append(el('div', { class: `field${low ? ' low-confidence' : ''}`, id: `field-${field.key}` },
        el('label', { for: `f-${field.key}` }, field.label, field.required ? ' (obligatoriskt)' : ''),
        input,
        low ? el('div', { class: 'low-note' }, uncertainNote(issues, doc.field_confidence[field.key])) : null,
        el('div', { id: `issues-${field.key}` }, issues.map((issue) =>
          el('p', { class: `issue ${issue.severity}` }, `${issue.severity === 'error' ? 'Fel' : 'Varning'}: ${issue.message}`))),
        el('div', { id: `where-${field.key}`, class: 'muted', 'aria-live': 'polite' })));
    }
  }
  renderToCheck(form);
  if (isRegistrator() && doc.status !== 'quarantined' && doc.status !== 'discarded') {
    if (form) actions.append(el('button', { type: 'submit', id: 'save' }, 'Spara'));
    actions.append(el('button', { type: 'button', id: 'register', class: doc.status === 'registered' ? 'secondary' : '', onclick: confirmRegistration },
      doc.status === 'registered' ? 'Registrerad ✓ (bekräfta igen)' : 'Registrera'));
  }
}

/** Överst bland fälten: de fält som har fel eller lästes osäkert, i blankettens ordning, som
 * knappar som går till fältet (och visar var det lästes) – ett långt formulär behöver inte letas igenom. */
function renderToCheck(form) {
  const holder = document.getElementById('to-check');
  const flagged = form ? form.fields.filter((field) => (doc.issues || []).some((issue) =>
    issue.field === field.key && (issue.severity === 'error' || isReadingIssue(issue)))) : [];
  holder.hidden = flagged.length === 0;
  holder.replaceChildren(...(flagged.length === 0 ? [] : [
    el('strong', {}, flagged.length === 1 ? 'Ett fält att kontrollera: ' : `${flagged.length} fält att kontrollera: `),
    ...flagged.map((field) => el('button', { type: 'button', class: 'secondary', 'data-field': field.key,
      onclick: () => document.getElementById(`f-${field.key}`).focus() }, field.label))]));
}

/** Fälten som fortfarande har fel efter en sparning, med sina namn. */
function remainingErrors() {
  const form = formOf(doc.form);
  return (doc.issues || []).filter((issue) => issue.severity === 'error').map((issue) => {
    const field = form && issue.field ? form.fields.find((candidate) => candidate.key === issue.field) : null;
    return field ? `${field.label}: ${issue.message}` : issue.message;
  });
}

async function saveFields(event) {
  event.preventDefault();
  const messages = document.getElementById('fields-message');
  say(messages, '');   // the answer to this Spara, not an earlier one
  const edits = Object.fromEntries(Object.entries(unsavedEdits()).map(([key, value]) => [key, value.trim() === '' ? null : value]));
  if (Object.keys(edits).length === 0) {
    say(messages, 'Inga ändringar att spara.', 'info');
    return;
  }
  try {
    doc = await api(`/api/documents/${doc.id}/fields`, { method: 'POST', body: { fields: edits } });
    render({ keepEdits: false });
    const errors = remainingErrors();
    if (errors.length === 0) say(document.getElementById('fields-message'), 'Ändringarna är sparade.', 'ok');
    else {
      say(document.getElementById('fields-message'),
        `Ändringarna är sparade, men ${errors.length === 1 ? 'ett fel finns' : `${errors.length} fel finns`} kvar och handlingen kan inte registreras förrän ${errors.length === 1 ? 'det är rättat' : 'de är rättade'}: ${errors.join(' ')}`,
        'warn');
    }
  } catch (error) {
    say(messages, `Inget sparades: ${error.message}`, 'error');
    const refused = error.data.fields || {};
    let first = null;
    for (const [key, text] of Object.entries(refused)) {
      const issues = document.getElementById(`issues-${key}`);
      const input = document.getElementById(`f-${key}`);
      if (issues) issues.replaceChildren(el('p', { class: 'issue error refused' }, `Fel: ${text}`));
      if (input) { input.setAttribute('aria-invalid', 'true'); first = first || input; }
    }
    if (first) first.focus();
  }
}

async function confirmRegistration() {
  const messages = document.getElementById('fields-message');
  if (hasUnsavedEdits()) {
    say(messages, 'Du har ändrat fält utan att spara. Tryck Spara först – sedan Registrera.', 'error');
    return;
  }
  try {
    doc = await api(`/api/documents/${doc.id}/register`, { method: 'POST', body: {} });
    render();
    say(document.getElementById('fields-message'), `Registreringen är bekräftad (${doc.diarienummer}).`, 'ok');
  } catch (error) {
    say(messages, error.message, 'error');
  }
}

function renderClassification() {
  const holder = document.getElementById('classification');
  holder.replaceChildren();
  if (!isRegistrator() || doc.status === 'quarantined' || doc.status === 'discarded') return;
  const formSelect = el('select', { id: 'change-form' }, el('option', { value: '' }, '(välj formulär)'),
    forms.map((form) => el('option', { value: form.id, selected: form.id === doc.form }, form.title)));
  const inkom = el('input', { id: 'inkom-date', type: 'date', value: swedishDate(doc.inkom), max: today() });
  const status = el('div', { role: 'status', 'aria-live': 'polite' });
  holder.append(el('div', { class: 'panel' },
    el('div', { class: 'inline-form' },
      el('div', {}, el('label', { for: 'change-form' }, 'Formulär'), formSelect),
      el('button', { type: 'button', class: 'secondary', id: 'change-form-button', onclick: async () => {
        if (!formSelect.value) return say(status, 'Välj ett formulär.', 'error');
        try {
          doc = await api(`/api/documents/${doc.id}/form`, { method: 'POST', body: { form: formSelect.value } });
          render();
          say(document.getElementById('message'), 'Formuläret är bytt. Kontrollera fälten.', 'ok');
        } catch (error) { say(status, error.message, 'error'); }
      } }, 'Byt formulär')),
    el('div', { class: 'inline-form' },
      el('div', {}, el('label', { for: 'inkom-date' }, 'Inkom datum (ankomststämpel)'), inkom),
      el('button', { type: 'button', class: 'secondary', id: 'inkom-button', onclick: async () => {
        try {
          doc = await api(`/api/documents/${doc.id}/inkom`, { method: 'POST', body: { date: inkom.value } });
          render();
          say(document.getElementById('message'), 'Inkom datum är sparat.', 'ok');
        } catch (error) { say(status, error.message, 'error'); }
      } }, 'Spara inkom datum')),
    status));
}

function renderAssignment() {
  const holder = document.getElementById('assignment');
  holder.replaceChildren();
  if (doc.status === 'quarantined' || doc.status === 'discarded') return;
  const status = el('div', { role: 'status', 'aria-live': 'polite' });
  const assign = async (body) => {
    try {
      await api(`/api/documents/${doc.id}/assign`, { method: 'POST', body });
      doc = await api(`/api/documents/${doc.id}`);
      render();
      say(document.getElementById('message'), 'Tilldelningen är sparad.', 'ok');
    } catch (error) { say(status, error.message, 'error'); }
  };
  if (me.role === 'handläggare') {
    if (!doc.handlaggare) {
      holder.append(el('div', { class: 'panel' },
        el('button', { type: 'button', onclick: () => assign({ unit: me.unit, handlaggare: me.name }) }, 'Ta ärendet'), status));
    }
    return;
  }
  const unit = el('input', { id: 'assign-unit', type: 'text', value: doc.unit || (me.role === 'gruppledare' ? me.unit : '') });
  const person = el('input', { id: 'assign-handlaggare', type: 'text', value: doc.handlaggare || '', list: 'handlaggare-choices', autocomplete: 'off' });
  holder.append(el('div', { class: 'panel' }, el('h2', {}, 'Fördelning'),
    el('div', { class: 'inline-form' },
      el('div', {}, el('label', { for: 'assign-unit' }, 'Enhet'), unit),
      el('div', {}, el('label', { for: 'assign-handlaggare' }, 'Handläggare (tomt = enhetens kö)'), person),
      el('button', { type: 'button', class: 'secondary', id: 'assign-button', onclick: () => assign({ unit: unit.value, handlaggare: person.value }) }, 'Tilldela')),
    status));
}

function renderDecision() {
  const holder = document.getElementById('decision');
  holder.replaceChildren();
  if (doc.status === 'registered' && (doc.form === 'lex_sarah' || (doc.decisions || []).length))
    holder.append(el('p', {}, el('a', { href: `/beslut?id=${doc.id}`, id: 'followup-link' },
      doc.form === 'lex_sarah' ? 'Lex Sarah: bedömning och anmälan till IVO' : 'Uppföljning av beslut: verkställighet och överklagande')));
  const form = formOf(doc.form);
  if (!isDecider() || !form || !form.beslut || doc.status !== 'registered') return;
  const previous = (doc.decisions || []).map((decision) =>
    el('li', {}, `${decision.date}: ${decision.beslut}${decision.belopp !== null ? ', ' + decision.belopp + ' kr' : ''} (${decision.beslutsfattare}) `,
      el('a', { href: `/api/documents/${doc.id}/decisions/${decision.id}` }, 'Beslutsbrev (PDF)')));
  const panel = el('div', { class: 'panel' }, el('h2', {}, 'Beslut'), previous.length ? el('ul', {}, previous) : null);
  const open = el('button', { type: 'button', id: 'open-decision' }, 'Fatta beslut');
  panel.append(open);
  holder.append(panel);
  open.addEventListener('click', () => {
    open.remove();
    const beslut = el('select', { id: 'beslut', required: true },
      el('option', { value: 'bifall' }, 'Bifall'), el('option', { value: 'delvis' }, 'Delvis bifall'), el('option', { value: 'avslag' }, 'Avslag'));
    const belopp = el('input', { id: 'belopp', type: 'text', inputmode: 'numeric', 'aria-describedby': 'belopp-help' });
    const period = el('input', { id: 'period', type: 'month', value: valueText(doc.fields.ansokan_manad) });
    const lagrumChoices = LAGRUM[doc.form] || [];
    const lagrum = lagrumChoices.length
      ? el('select', { id: 'lagrum' }, lagrumChoices.map(([value, label]) => el('option', { value }, label)))
      : null;
    const phrase = el('select', { id: 'phrase', 'aria-describedby': 'phrase-help' });
    const motivering = el('textarea', { id: 'motivering', required: true });
    // The mottagare's postal address, when the ansökan lacks it (a serveringstillstånd's bolag):
    // without one the letter cannot be expedierat and saving is refused.
    const adress = el('textarea', { id: 'mottagare-adress', rows: 3, 'aria-describedby': 'adress-help' });
    const decider = deciderFields(form);
    const fillPhrases = () => phrase.replaceChildren(el('option', { value: '' }, '(välj en standardformulering)'),
      ...((PHRASES[doc.form] || {})[beslut.value] || []).map((text) => el('option', { value: text }, text)));
    fillPhrases();
    beslut.addEventListener('change', fillPhrases);
    const addPhrase = el('button', { type: 'button', class: 'secondary', id: 'add-phrase', onclick: () => {
      if (!phrase.value) return;
      motivering.value = motivering.value.trim() ? `${motivering.value.trim()} ${phrase.value}` : phrase.value;
      phrase.value = '';
    } }, 'Lägg till i motiveringen');
    const status = el('div', { role: 'alert' });
    const preview = el('div', { id: 'preview' });
    const values = () => ({ beslut: beslut.value, belopp: belopp.value, period: period.value, motivering: motivering.value,
      lagrum: lagrum ? lagrum.value : '', adress: adress.value.trim(), ...decider.values() });
    const send = async (path, body) => {
      const response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) {
        let text = `Fel ${response.status}`;
        try { text = (await response.json()).error || text; } catch (_) { /* inte JSON */ }
        throw new Error(text);
      }
      return response;
    };
    let adressSaknas = false;
    const post = async (path) => {
      const response = await send(path, values());
      adressSaknas = response.headers.get('X-Adress-Saknas') === 'ja';
      return response.blob();
    };
    // Spara och expediera only for the letter just previewed: a changed value needs a new preview.
    const previewed = () => { sendButton.disabled = false; };
    const changed = () => {
      if (saved) return;
      sendButton.disabled = true;
      preview.replaceChildren();   // the letter shown was of the values before the change
    };
    let saved = false;
    const previewButton = el('button', { type: 'button', class: 'secondary', id: 'preview-decision', onclick: async () => {
      try {
        const pdf = await post(`/api/documents/${doc.id}/decision/preview`);
        const url = URL.createObjectURL(pdf);
        const said = adressSaknas
          ? { kind: 'error', text: 'Brevet saknar mottagarens postadress och kan inte expedieras. Fyll i Mottagarens postadress ' +
            'och förhandsgranska igen.' }
          : { kind: 'ok', text: values().roll === 'namnd'
            ? `Nämndens beslut (${values().paragraf}): läs brevet och tryck Spara och expediera.`
            : 'Delegationskontrollen: beslutet ryms i din delegation. Läs brevet och tryck Spara och expediera.' };
        // The letter in a dialog as wide as the window; the form keeps a way back to it.
        const show = () => showLetterPreview({ url, said, onSend: adressSaknas ? null : sendDecision });
        preview.replaceChildren(el('p', {},
          el('button', { type: 'button', class: 'secondary', id: 'show-preview', onclick: show }, 'Visa förhandsgranskningen igen')));
        say(status, said.text, said.kind);
        if (!adressSaknas) previewed();
        show();
      } catch (error) { say(status, error.message, 'error'); }
    } }, 'Förhandsgranska');
    let decisionId = null;
    const expediera = async () => {
      const done = await (await send(`/api/decisions/${decisionId}/expediera`, {})).json();
      return `Beslutsbrevet är registrerat i ärendet som ${done.diarienummer} och expedierat ${done.expedierad}. ` +
        'Skriv ut det och skicka det med post till mottagaren – inkorg skickar inte brevet själv.';
    };
    const sendDecision = async () => {
      sendButton.disabled = true;
      try {
        if (!saved) {
          const response = await send(`/api/documents/${doc.id}/decision`, values());
          decisionId = response.headers.get('X-Decision-Id');
          const pdf = await response.blob();
          saved = true;
          preview.replaceChildren(el('div', { class: 'message ok', id: 'decision-saved' }, 'Beslutet är sparat. '),
            downloadLink(pdf, `beslutsbrev-${(doc.diarienummer || doc.id).toString().replace(/[^\w-]+/g, '-')}.pdf`, 'Ladda ner beslutsbrevet (PDF)'));
          preview.querySelector('a').id = 'download-decision';
        }
        say(status, await expediera(), 'ok');
        sendButton.textContent = 'Expedierat';
      } catch (error) {
        say(status, saved ? `Beslutet är sparat men inte expedierat: ${error.message} Försök igen.` : error.message, 'error');
        sendButton.disabled = false;
      }
    };
    const sendButton = el('button', { type: 'button', id: 'send-decision', disabled: true, onclick: sendDecision }, 'Spara och expediera');
    for (const input of [beslut, belopp, period, motivering, lagrum, adress]) if (input) input.addEventListener('input', changed);
    beslut.addEventListener('change', changed);
    for (const kind of ['input', 'change']) decider.element.addEventListener(kind, changed);
    panel.append(el('form', { id: 'decision-form', novalidate: true },
      el('div', { class: 'field' }, el('label', { for: 'beslut' }, 'Beslut'), beslut),
      el('div', { class: 'field' }, el('label', { for: 'belopp' }, 'Belopp (kr)'), belopp,
        el('div', { id: 'belopp-help', class: 'muted' }, 'Beviljat belopp i hela kronor, t.ex. 5 800')),
      el('div', { class: 'field' }, el('label', { for: 'period' }, 'Period (månad)'), period),
      lagrum ? el('div', { class: 'field' }, el('label', { for: 'lagrum' }, 'Lagrum'), lagrum) : null,
      decider.element,
      el('div', { class: 'field' }, el('label', { for: 'mottagare-adress' }, 'Mottagarens postadress (om ansökan saknar den)'), adress,
        el('div', { id: 'adress-help', class: 'muted' }, 'En rad per rad i adressen. Tomt: adressen i ansökan.')),
      PHRASES[doc.form] ? el('div', { class: 'field' }, el('label', { for: 'phrase' }, 'Standardformulering'),
        el('div', { class: 'inline-form' }, phrase, addPhrase),
        el('div', { id: 'phrase-help', class: 'muted' }, 'Välj en formulering och tryck Lägg till; skriv sedan vidare i motiveringen.')) : null,
      el('div', { class: 'field' }, el('label', { for: 'motivering' }, 'Motivering'), motivering),
      status,
      el('div', { class: 'actions' }, previewButton, sendButton),
      preview));
    beslut.focus();
  });
}

function renderEvents() {
  const form = formOf(doc.form);
  document.getElementById('events').replaceChildren(...(doc.events || []).map((event) =>
    el('li', {}, eventSentence({ ...event, form }, forms, doc.people))));
}

/** Ritar om sidan. Fält som är ändrade men inte sparade behåller det användaren skrev
 * (keepEdits: false efter en sparning, då är ändringarna sparade). */
function render({ keepEdits = true } = {}) {
  const edits = keepEdits ? unsavedEdits() : {};
  const focused = document.activeElement && document.activeElement.id;   // the redraw must not lose the place
  document.getElementById('title').textContent = `${doc.diarienummer || 'Handling ' + doc.id} – ${doc.form_title}`;
  document.title = `${doc.diarienummer || 'Handling ' + doc.id} – Granska – inkorg`;
  renderFacts();
  renderClassification();
  renderDescribe(doc, me, (updated) => { doc = updated; render(); }).catch((error) => say(message, error.message, 'error'));
  renderFields();
  renderAssignment();
  renderDecision();
  renderEvents();
  for (const [key, value] of Object.entries(edits)) {
    const input = document.getElementById(`f-${key}`);
    if (input && !input.disabled) input.value = value;
  }
  // Spara, Registrera, Byt formulär, Tilldela: the button pressed is drawn anew; the focus goes
  // back to it (not to the top of the page), without moving the window.
  const again = focused && document.getElementById(focused);
  if (again && (!document.activeElement || document.activeElement === document.body)) again.focus({ preventScroll: true });
}

/** Handläggare att välja bland där ett användarnamn ska skrivas (Fördelning, Starta ärende): den
 * som tilldelar ser namn och enhet, fältet får användarnamnet. */
async function handlaggareChoices() {
  const users = await api('/api/users');
  document.body.append(el('datalist', { id: 'handlaggare-choices' },
    users.filter((user) => user.active && ['handläggare', 'gruppledare'].includes(user.role)).map((user) =>
      el('option', { value: user.name }, [user.namn || user.name, user.titel, user.unit].filter(Boolean).join(', ')))));
}

async function main() {
  me = await startPage({ mayLeave });
  if (!id) return say(message, 'Ingen handling vald.', 'error');
  try {
    [forms, doc] = await Promise.all([api('/api/forms'), api(`/api/documents/${encodeURIComponent(id)}`)]);
  } catch (error) {
    return say(message, error.message, 'error');
  }
  document.getElementById('review').hidden = false;
  document.getElementById('fields-form').addEventListener('submit', saveFields);
  if (['registrator', 'administratör', 'gruppledare'].includes(me.role)) handlaggareChoices().catch(() => {});   // a help only
  render();
  await renderPages();
  // A field focused while the pages were loading gets its frame now.
  const active = document.activeElement;
  if (active && active.name && active.closest('#fields')) showLocation(active.name);
}

main();
