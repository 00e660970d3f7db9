// Granska: panelen "Beskriv och koppla". Registratorn beskriver vilken handling som helst
// (kort beskrivning, avsändare, personnummer – och vad allmänheten får se av dem, OSL 26:1) och
// lägger den i ett ärende eller en personakt, eller startar ett nytt ärende med den.
import { api, el, say } from '/app.js';

let holder = null;

function field(id, label, value, attributes = {}) {
  return el('div', {}, el('label', { for: id }, label), el('input', { id, value: value || '', autocomplete: 'off', ...attributes }));
}

function valueOf(id) {
  return document.getElementById(id).value.trim();
}

function describeForm(doc, onChange, status) {
  const personnummer = doc.form ? null
    : field('describe-personnummer', 'Personnummer (den handlingen gäller)', doc.personnummer, { inputmode: 'numeric' });
  return el('div', {},
    el('h3', {}, 'Beskriv handlingen'),
    field('describe-beskrivning', 'Kort beskrivning', doc.beskrivning),
    field('describe-beskrivning-public', 'Beskrivning för allmänheten (utan namn och personnummer)', doc.beskrivning_public),
    field('describe-avsandare', 'Avsändare', doc.avsandare),
    field('describe-avsandare-public', 'Avsändare för allmänheten (tomt eller "(sekretess)" om den är hemlig)', doc.avsandare_public),
    personnummer,
    el('button', { type: 'button', id: 'describe-save', class: 'secondary', onclick: async () => {
      const body = {
        beskrivning: valueOf('describe-beskrivning'), beskrivning_public: valueOf('describe-beskrivning-public'),
        avsandare: valueOf('describe-avsandare'), avsandare_public: valueOf('describe-avsandare-public'),
      };
      if (personnummer) body.personnummer = valueOf('describe-personnummer');
      try {
        onChange(await api(`/api/documents/${doc.id}/describe`, { method: 'POST', body }), 'Beskrivningen är sparad.');
      } catch (error) { say(status, error.message, 'error'); }
    } }, 'Spara beskrivning'));
}

async function attach(doc, arende, onChange, status) {
  try {
    const result = await api(`/api/arenden/${arende.id}/handlingar`, { method: 'POST', body: { document: doc.id } });
    onChange(await api(`/api/documents/${doc.id}`), `Handlingen ligger nu i ärendet ${result.diarienummer}.`);
  } catch (error) { say(status, error.message, 'error'); }
}

function attachForm(doc, onChange, status) {
  const results = el('ul', { id: 'arende-results' });
  const search = async () => {
    try {
      const q = valueOf('arende-search');
      const found = await api(`/api/arenden${q ? '?q=' + encodeURIComponent(q) : ''}`);
      results.replaceChildren(...found.map((arende) => el('li', {},
        `${arende.diarienummer} ${arende.arendemening}${arende.register === 'personakt' ? ' (personakt)' : ''} `,
        el('button', { type: 'button', class: 'secondary', 'data-arende': arende.id,
          onclick: () => attach(doc, arende, onChange, status) }, 'Lägg i ärendet'))));
      if (found.length === 0) results.append(el('li', {}, 'Inget ärende hittades.'));
    } catch (error) { say(status, error.message, 'error'); }
  };
  return el('div', {},
    el('h3', {}, 'Lägg i ett ärende eller en personakt'),
    el('div', { class: 'inline-form' },
      field('arende-search', 'Sök ärende (diarienummer, ärendemening, part, personnummer)', ''),
      el('button', { type: 'button', class: 'secondary', id: 'arende-search-button', onclick: search }, 'Sök ärende')),
    results,
    el('h3', {}, 'Eller starta ett nytt ärende med handlingen'),
    field('arende-mening', 'Ärendemening', doc.form_title || doc.beskrivning),
    field('arende-mening-public', 'Ärendemening för allmänheten (utan namn och personnummer)', ''),
    field('arende-part', 'Part (person eller organisation)', doc.avsandare),
    field('arende-personnummer', 'Partens personnummer', doc.personnummer && !doc.personnummer.includes('*') ? doc.personnummer : ''),
    field('arende-handlaggare', 'Handläggare (användarnamn)', doc.handlaggare, { list: 'handlaggare-choices' }),
    el('button', { type: 'button', id: 'arende-start', onclick: async () => {
      try {
        const arende = await api('/api/arenden', { method: 'POST', body: {
          document: doc.id, arendemening: valueOf('arende-mening'), arendemening_public: valueOf('arende-mening-public'),
          part: valueOf('arende-part'), personnummer: valueOf('arende-personnummer'), handlaggare: valueOf('arende-handlaggare'),
        } });
        onChange(await api(`/api/documents/${doc.id}`), `Ärendet ${arende.diarienummer} är startat.`);
      } catch (error) { say(status, error.message, 'error'); }
    } }, 'Starta ärende'));
}

/**
 * Ritar panelen under fälten (en blankett) eller under klassificeringen (en handling utan
 * formulär, som ett brev). `onChange(doc, text)` tar emot handlingen efter en
 * ändring. Bara för registratorer, och inte för handlingar i karantän eller kasserade.
 */
export async function renderDescribe(doc, me, onChange) {
  if (!holder) holder = el('section', { id: 'describe', class: 'panel', 'aria-labelledby': 'describe-heading' });
  // A blankett's fields are what the registrator checks first: the panel follows them. A letter
  // that is no form has no fields to check, and its description comes first.
  document.getElementById(doc.form ? 'fields-form' : 'classification').after(holder);
  holder.replaceChildren();
  holder.hidden = true;   // an empty panel is a grey bar that says nothing
  if (['quarantined', 'discarded'].includes(doc.status)) return;
  const { arende } = await api(`/api/documents/${doc.id}/arende`);
  const inArende = arende ? el('p', { id: 'arende-of-document' }, 'Handlingen ligger i ärendet ',
    el('a', { href: `/arenden?id=${arende.id}` }, `${arende.diarienummer} ${arende.arendemening}`), '.') : null;
  if (!['registrator', 'administratör'].includes(me.role)) {
    // The handläggare changes nothing here, but sees which ärende the handling belongs to.
    if (inArende) holder.append(el('h2', { id: 'describe-heading' }, 'Ärende'), inArende);
    holder.hidden = !inArende;
    return;
  }
  holder.hidden = false;
  const status = el('div', { role: 'status', 'aria-live': 'polite' });
  const done = (updated, text) => { onChange(updated); say(document.getElementById('message'), text, 'ok'); };
  holder.append(el('h2', { id: 'describe-heading' }, 'Beskriv och koppla'), describeForm(doc, done, status));
  if (inArende) {
    holder.append(inArende);
  } else {
    holder.append(attachForm(doc, done, status));
  }
  holder.append(status);
}
