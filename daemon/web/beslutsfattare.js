// Beslutsformulärets del om vem som beslutar: en delegat (den inloggade) eller nämnden själv vid
// ett sammanträde, med sammanträdets paragraf och dag; och det ett bifall ska ange enligt
// formulärets rättsliga modell (GET /api/forms: beviljat — serveringsyta, period …).
import { el, today } from '/app.js';

/** Fälten för beslutsfattaren och det beviljade. values() ger det som läggs till i beslutets JSON
 * (roll, paragraf, datum, anslagDatum, uppgifter); tomt för en delegats beslut utan uppgifter. */
export function deciderFields(form) {
  // A select, not radio buttons: Tab reaches every control of the decision form.
  const decider = el('select', { id: 'beslutsfattare' },
    el('option', { value: '' }, 'Jag, på delegation'), el('option', { value: 'namnd' }, 'Nämnden, vid sammanträde'));
  const namnd = () => decider.value === 'namnd';
  const paragraf = el('input', { type: 'text', id: 'namnd-paragraf', maxlength: 40, placeholder: 'SocN § 78', 'aria-describedby': 'namnd-help' });
  const datum = el('input', { type: 'date', id: 'namnd-datum', max: today(), value: today() });
  const anslag = el('input', { type: 'date', id: 'namnd-anslag', max: today(), 'aria-describedby': 'anslag-help' });
  const meeting = el('div', { id: 'namnd-sammantrade', hidden: true },
    el('div', { class: 'field' }, el('label', { for: 'namnd-paragraf' }, 'Sammanträdets paragraf'), paragraf,
      el('div', { id: 'namnd-help', class: 'muted' }, 'Paragrafen i nämndens protokoll, t.ex. SocN § 78. Brevet säger att nämnden beslutade vid sammanträdet.')),
    el('div', { class: 'field' }, el('label', { for: 'namnd-datum' }, 'Sammanträdets dag (beslutsdatum)'), datum),
    el('div', { class: 'field' }, el('label', { for: 'namnd-anslag' }, 'Protokollet anslogs den (om det är känt)'), anslag,
      el('div', { id: 'anslag-help', class: 'muted' }, 'Tiden för laglighetsprövning räknas från anslaget (13 kap. 5 § kommunallagen). Det kan också registreras senare under Uppföljning.')));
  decider.addEventListener('change', () => { meeting.hidden = !namnd(); });

  const uppgifter = (form.beviljat || []).map((uppgift) => ({
    key: uppgift.key,
    input: el('input', { type: 'text', id: `uppgift-${uppgift.key}` }),
    label: `${uppgift.rubrik}${uppgift.kravs ? ' (krävs vid bifall)' : ''}`,
  }));

  const element = el('div', {},
    el('div', { class: 'field' }, el('label', { for: 'beslutsfattare' }, 'Vem beslutar?'), decider, meeting),
    uppgifter.length ? el('fieldset', { class: 'field', id: 'beviljat' },
      el('legend', {}, 'Det som beviljas (tomt: det som står i ansökan)'),
      uppgifter.map(({ key, input, label }) => el('div', { class: 'field' }, el('label', { for: `uppgift-${key}` }, label), input))) : null);

  const values = () => {
    const given = Object.fromEntries(uppgifter.filter(({ input }) => input.value.trim()).map(({ key, input }) => [key, input.value.trim()]));
    return {
      ...(namnd() ? { roll: 'namnd', paragraf: paragraf.value.trim(), datum: datum.value, anslagDatum: anslag.value } : {}),
      ...(Object.keys(given).length ? { uppgifter: given } : {}),
    };
  };
  return { element, values };
}
