// A fillable PDF blankett filled in on the computer and printed in colour: every value in a
// light tinted input field (pastel blue, yellow, green, pink or grey, one tint a document, as the
// viewer shows form fields), the label in small capitals at the left of its field, short fields
// two pairs to a row; each section under a coloured heading bar with white text; the choices
// written as (X) and ( ) in front of each option, as the form's text fields were ticked with an X.
// Free text in a tall tinted field.
import { esc, lines, page } from '../lib/page.mjs';

const TINTS = ['#dce8f7', '#fdf3c4', '#dff1de', '#f7dfe8', '#e3e3e3'];
const BARS = ['#1f5a87', '#2d6e46', '#7b2d55', '#4a4a4a', '#8a4b12'];

const css = (tint, bar) => `
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; }
.top { display:flex; justify-content:space-between; align-items:flex-end; border-bottom: 2px solid ${bar}; padding-bottom: 2mm; }
.k { font-size: 14pt; font-weight: bold; color: ${bar}; } .f { font-size: 8.5pt; }
.nr { font-size: 8pt; text-align: right; }
h1 { font-size: 15pt; margin: 5mm 0 3mm; }
.bar { background: ${bar}; color: #fff; font-weight: bold; font-size: 10pt; padding: 1.2mm 2.5mm; margin: 4mm 0 1.2mm; }
.row { display:grid; grid-template-columns: 36mm 1fr; column-gap: 2mm; align-items: center; margin: 1.5mm 0; }
.row.two { grid-template-columns: 36mm 1fr 30mm 1fr; }
.lab { font-variant: small-caps; font-size: 9.5pt; letter-spacing: 0.2px; line-height: 1.15; }
.in { background: ${tint}; border: 0.5px solid #9aa3ad; min-height: 6mm; padding: 0.6mm 1.8mm; font-family: 'Nimbus Sans', 'DejaVu Sans', sans-serif;
  font-size: 10.5pt; line-height: 4.8mm; box-sizing: border-box; }
.in.tall { min-height: 32mm; }
.longrow .lab { margin: 2mm 0 0.8mm; }
.opts { font-size: 10pt; } .o { white-space: nowrap; margin-right: 5mm; font-family: 'DejaVu Sans Mono', monospace; }
.o span { font-family: 'DejaVu Sans', sans-serif; }
.foot { margin-top: 5mm; font-size: 7.5pt; color: #333; }`;

const SHORT = new Set(['personnummer', 'orgnr', 'postnummer', 'phone', 'date', 'month', 'time', 'integer', 'money']);

const pair = (f) => `<div class="lab">${esc(f.label)}</div><div class="in">${esc(f.value)}</div>`;

function rows(items) {
  const out = [];
  let waiting = null;
  const flush = () => waiting && (out.push(`<div class="row">${pair(waiting)}</div>`), (waiting = null));
  for (const f of items) {
    if (f.type === 'long') {
      flush();
      out.push(`<div class="longrow"><div class="lab">${esc(f.label)}</div><div class="in tall">${lines(f.value)}</div></div>`);
    } else if (f.options) {
      flush();
      out.push(`<div class="row"><div class="lab">${esc(f.label)}</div><div class="opts">${f.options
        .map((o) => `<span class="o">(${o.ticked ? 'X' : '&nbsp;'}) <span>${esc(o.label)}</span></span>`).join(' ')}</div></div>`);
    } else if (!SHORT.has(f.type)) {
      flush();
      out.push(`<div class="row">${pair(f)}</div>`);
    } else if (waiting) {
      out.push(`<div class="row two">${pair(waiting)}${pair(f)}</div>`);
      waiting = null;
    } else waiting = f;
  }
  flush();
  return out.join('');
}

export default {
  name: 'tonade-falt',
  labels: {
    ekonomiskt_bistand: {
      sokande_personnummer: 'Personnummer', sokande_namn: 'Sökandes namn', sokande_adress: 'Adress', sokande_postnummer: 'Postnr',
      sokande_ort: 'Postort', sokande_telefon: 'Tel. dagtid', medsokande_personnummer: 'Medsökandes pnr', medsokande_namn: 'Medsökande, namn',
      antal_barn: 'Hemmavarande barn', ansokan_manad: 'Gäller månad', boendeform: 'Boendeform', antal_rum: 'Antal rum',
      hyra: 'Hyra', inkomst_lon: 'Nettolön', inkomst_a_kassa: 'A-kassa', inkomst_sjukpenning: 'Sjukpenning',
      inkomst_bostadsbidrag: 'Bostadsbidrag', inkomst_barnbidrag: 'Barnbidrag', inkomst_underhallsstod: 'Underhållsstöd',
      inkomst_ovrigt: 'Övriga inkomster', utgift_hushallsel: 'Hushållsel', utgift_hemforsakring: 'Hemförsäkring', tillgangar_bank: 'Banksaldo',
      sokt_belopp: 'Sökt belopp', underskrift_datum: 'Datum',
    },
    lex_sarah: {
      rapportor_namn: 'Rapportör', rapportor_befattning: 'Befattning', rapportor_telefon: 'Telefon', verksamhet: 'Verksamhet/enhet',
      verksamhetsomrade: 'Verksamhetsområde', handelse_datum: 'Händelsedatum', upptackt_datum: 'Upptäckt datum', berord_personnummer: 'Brukarens pnr',
      berord_namn: 'Berörd brukare', beskrivning: 'Vad har hänt', konsekvens: 'Vilka konsekvenser', omedelbara_atgarder: 'Omedelbara åtgärder',
      bedomning: 'Bedömning', rapport_datum: 'Datum',
    },
    serveringstillstand: {
      sokande_namn: 'Bolagets namn', organisationsnummer: 'Org.nummer', serveringsstalle_namn: 'Serveringsställets namn', serveringsstalle_adress: 'Adress',
      antal_sittplatser: 'Sittplatser', ansokan_avser: 'Ansökan avser', tillstandstyp: 'Tillståndet gäller', drycker: 'Drycker',
      serveringstid_fran: 'Servering från', serveringstid_till: 'Servering till', kontaktperson_namn: 'Kontaktperson',
      kontaktperson_telefon: 'Telefon', kontaktperson_epost: 'E-post', ansokan_datum: 'Datum',
    },
    orosanmalan: {
      barn_namn: 'Barnets namn', barn_personnummer: 'Barnets pnr', barn_fodelsedatum: 'Födelsedatum', barn_adress: 'Barnets adress',
      vardnadshavare_namn: 'Vårdnadshavare', anmalare_typ: 'Anmälaren är', anmalare_namn: 'Anmälarens namn', anmalare_verksamhet: 'Verksamhet',
      anmalare_telefon: 'Telefon', oro_beskrivning: 'Beskrivning', akut: 'Akut?', vardnadshavare_informerad: 'Vårdnadshavare informerad',
      anmalan_datum: 'Datum',
    },
  },
  render: (doc) => {
    const n = Number(doc.number.replace(/\D/g, ''));
    return page({
      css: css(TINTS[n % TINTS.length], BARS[Math.floor(n / 5) % BARS.length]),
      margin: '13mm 15mm',
      body: `<div class="top"><div><div class="k">${esc(doc.kommun)}</div><div class="f">${esc(doc.forvaltning)} · ${esc(doc.address)}</div></div>
<div class="nr">Blankett ${esc(doc.number)}<br>Fyll i på datorn och skriv ut</div></div>
<h1>${esc(doc.title)}</h1>
${doc.sections.map((s) => `<div class="bar">${esc(s.heading)}</div>${rows(s.items)}`).join('\n')}
<div class="foot">Ifylld blankett skrivs ut, undertecknas och skickas till ${esc(doc.forvaltning.toLowerCase())}.</div>`,
    });
  },
};
