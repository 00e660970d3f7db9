// A two-column table made in a spreadsheet-like word processor: the label column shaded grey, the
// rows striped (every other row a shade darker in both columns), the value in the right column;
// each section a header row across the table. Choices sit in cells of their own inside the value
// cell (three to a row), ☐/☒ before each option.
import { esc, lines, page } from '../lib/page.mjs';

const css = `
body { font-family: 'Lato', 'DejaVu Sans', sans-serif; font-size: 10pt; }
.top { display:flex; justify-content:space-between; align-items:flex-end; margin-bottom: 3mm; }
.k { font-size: 14pt; font-weight: bold; } .f { font-size: 9pt; } .nr { font-size: 8.5pt; text-align: right; }
h1 { font-size: 15pt; margin: 2mm 0 4mm; padding: 2mm 0; border-top: 2px solid #333; border-bottom: 2px solid #333; }
table.t { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 3mm; }
.t td, .t th { border: 0.7px solid #8a8a8a; padding: 1.6mm 2mm; vertical-align: top; }
.t th { background: #a9a9a9; text-align: left; font-size: 10pt; }
.t td.l { width: 38%; background: #d4d4d4; font-size: 9pt; }
.t tr.z td.l { background: #c4c4c4; } .t tr.z td.v { background: #f0f0f0; }
.t td.v { font-size: 10.5pt; }
.t td.long { height: 28mm; line-height: 5.2mm; }
table.o { border-collapse: collapse; width: 100%; } .o td { border: 0.6px solid #8a8a8a; padding: 0.6mm 1.5mm; font-size: 9.5pt; width: 33%; }
.g { font-size: 11pt; margin-right: 1.2mm; }`;

function value(f) {
  if (f.options)
    return `<table class="o">${f.options.map((o, i) => `${i % 3 ? '' : '<tr>'}<td><span class="g">${o.ticked ? '☒' : '☐'}</span>${esc(o.label)}</td>`)
      .join('')}</table>`;
  return lines(f.value);
}

const section = (s, stripe) => `<table class="t"><tr><th colspan="2">${esc(s.heading)}</th></tr>${s.items
  .map((f, i) => `<tr class="${(stripe + i) % 2 ? 'z' : ''}"><td class="l">${esc(f.label)}</td><td class="v${f.type === 'long' ? ' long' : ''}">${value(f)}</td></tr>`)
  .join('')}</table>`;

export default {
  name: 'zebrarader',
  labels: {
    ekonomiskt_bistand: {
      sokande_personnummer: 'Personnummer, sökande', sokande_namn: 'Namn, sökande', sokande_adress: 'Gatuadress',
      sokande_postnummer: 'Postnummer', sokande_ort: 'Postort', sokande_telefon: 'Telefon',
      medsokande_namn: 'Namn, make/maka/sambo',
      ansokan_manad: 'Avser månad', boendeform: 'Boende',
      antal_rum: 'Antal rum', inkomst_lon: 'Nettolön', inkomst_a_kassa: 'A-kassa',
      inkomst_sjukpenning: 'Sjukpenning', inkomst_bostadsbidrag: 'Bostadsbidrag', inkomst_barnbidrag: 'Barnbidrag',
      utgift_hushallsel: 'Hushållsel',
      tillgangar_bank: 'Saldo på bankkonton',
    },
    lex_sarah: {
      rapportor_namn: 'Namn på rapportör', rapportor_befattning: 'Befattning', rapportor_telefon: 'Telefonnummer',
      verksamhet: 'Enhet', verksamhetsomrade: 'Verksamhetsområde', handelse_datum: 'Datum för händelsen',
      upptackt_datum: 'Datum när det upptäcktes', berord_namn: 'Berörd person, namn',
      beskrivning: 'Händelsebeskrivning', omedelbara_atgarder: 'Omedelbara åtgärder',
      bedomning: 'Bedömning', rapport_datum: 'Rapportdatum',
    },
    serveringstillstand: {
      sokande_namn: 'Sökande (juridisk person)', organisationsnummer: 'Organisationsnummer',
      antal_sittplatser: 'Antal sittplatser', ansokan_avser: 'Typ av ansökan',
      tillstandstyp: 'Tillståndet avser', drycker: 'Drycker',
      kontaktperson_telefon: 'Kontaktperson, telefon',
      ansokan_datum: 'Ansökningsdatum',
      kontaktperson_namn: 'Kontaktperson',
    },
    orosanmalan: {
      barn_fodelsedatum: 'Barnets födelsedatum',
      anmalare_typ: 'Anmälare',
      oro_beskrivning: 'Beskrivning av oron', akut: 'Akut skyddsbehov?',
      anmalan_datum: 'Anmälningsdatum',
      barn_namn: 'Barnets namn',
    },
  },
  render: (doc) => {
    let stripe = 0;
    return page({
      css,
      margin: '14mm 16mm',
      body: `<div class="top"><div><div class="k">${esc(doc.kommun)}</div><div class="f">${esc(doc.forvaltning)}</div></div>
<div class="nr">${esc(doc.address)}<br>Blankett ${esc(doc.number)}</div></div>
<h1>${esc(doc.title)}</h1>
${doc.sections.map((s) => section(s, (stripe += s.items.length) - s.items.length)).join('\n')}`,
    });
  },
};
