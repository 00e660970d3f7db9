// A statlig-myndighet style blankett (as Försäkringskassan's): a bordered grid, two or three cells
// to a row, each with its label small (7.5 pt) in the top left corner and the value written below
// it in the cell; numbered section headings in bold above each grid. Checkboxes are drawn squares,
// a ticked one filled with a smaller black square. Its kommun words its labels its own way.
import { esc, lines, page } from '../lib/page.mjs';

const css = `
body { font-family: 'Nimbus Sans', 'DejaVu Sans', sans-serif; font-size: 10pt; }
.top { display:grid; grid-template-columns: 1fr auto; border-bottom: 0.8px solid #000; padding-bottom: 2mm; }
.k { font-size: 13pt; font-weight: bold; } .f { font-size: 8.5pt; }
.nr { font-size: 7.5pt; text-align: right; }
h1 { font-size: 15pt; font-weight: bold; margin: 6mm 0 1mm; }
.lead { font-size: 8.5pt; margin-bottom: 3mm; }
h2 { font-size: 10.5pt; font-weight: bold; margin: 4mm 0 1mm; }
.grid { display:grid; grid-template-columns: repeat(6, 1fr); border-top: 0.8px solid #000; border-left: 0.8px solid #000; }
.c { border-right: 0.8px solid #000; border-bottom: 0.8px solid #000; padding: 0.6mm 1.6mm 1.6mm; min-height: 9.5mm; }
.l { font-size: 7.5pt; line-height: 1.15; }
.v { font-size: 11pt; padding-top: 1.2mm; min-height: 4.5mm; }
.long .v { min-height: 30mm; line-height: 5.4mm; }
.o { display:inline-block; margin: 1.6mm 5mm 0 0; }
.sq { display:inline-block; width: 3.4mm; height: 3.4mm; border: 0.8px solid #000; margin-right: 1.4mm; vertical-align: -0.6mm;
  position: relative; box-sizing: border-box; }
.sq.x::after { content: ''; position: absolute; left: 0.55mm; top: 0.55mm; width: 2mm; height: 2mm; background: #000; }`;

// How many sixths of a row a field's cell takes: short values a third, names and addresses half.
const SHORT = new Set(['personnummer', 'orgnr', 'postnummer', 'phone', 'date', 'month', 'time', 'integer', 'money']);
const span = (f) => (f.type === 'long' || f.options ? 6 : SHORT.has(f.type) ? 2 : 3);

function cell(f, width) {
  const body = f.options
    ? f.options.map((o) => `<span class="o"><span class="sq${o.ticked ? ' x' : ''}"></span>${esc(o.label)}</span>`).join('')
    : `<div class="v">${lines(f.value)}</div>`;
  return `<div class="c${f.type === 'long' ? ' long' : ''}" style="grid-column: span ${width}"><div class="l">${esc(f.label)}</div>${body}</div>`;
}

/** Cells packed into rows of six sixths; the last cell of a row widens to close it. */
function grid(items) {
  const rows = [];
  for (const f of items) {
    const last = rows.at(-1);
    if (last && last.used + span(f) <= 6) last.cells.push(f), (last.used += span(f));
    else rows.push({ cells: [f], used: span(f) });
  }
  return rows.map(({ cells, used }) => cells.map((f, i) => cell(f, span(f) + (i === cells.length - 1 ? 6 - used : 0))).join('')).join('');
}

export default {
  name: 'cellblankett',
  labels: {
    ekonomiskt_bistand: {
      sokande_namn: 'Sökandens för- och efternamn', sokande_adress: 'Folkbokföringsadress',
      sokande_postnummer: 'Postnummer', sokande_ort: 'Postort',
      antal_barn: 'Antal barn under 18 år som bor hos dig', boendeform: 'Boendeform',
      hyra: 'Hyra per månad', inkomst_a_kassa: 'Ersättning från arbetslöshetskassa',
      inkomst_sjukpenning: 'Sjukpenning', inkomst_bostadsbidrag: 'Bostadsbidrag', inkomst_barnbidrag: 'Barnbidrag',
      inkomst_underhallsstod: 'Underhållsstöd', inkomst_ovrigt: 'Övriga inkomster',
      utgift_hemforsakring: 'Hemförsäkring', tillgangar_bank: 'Behållning på bankkonton', sokt_belopp: 'Sökt belopp', underskrift_datum: 'Datum',
      inkomst_lon: 'Lön',
    },
    lex_sarah: {
      rapportor_namn: 'Rapportörens namn', rapportor_befattning: 'Befattning',
      verksamhetsomrade: 'Verksamhetsområde', handelse_datum: 'Händelsedatum',
      upptackt_datum: 'Datum då missförhållandet upptäcktes', berord_personnummer: 'Personnummer för den enskilde',
      bedomning: 'Rapportörens bedömning', rapport_datum: 'Datum',
      berord_namn: 'Den enskildes namn',
      verksamhet: 'Enhet',
    },
    serveringstillstand: {
      organisationsnummer: 'Organisationsnummer', serveringsstalle_namn: 'Serveringsställets namn',
      antal_sittplatser: 'Antal sittplatser', ansokan_avser: 'Ansökan avser',
      tillstandstyp: 'Serveringen avser', serveringstid_fran: 'Serveringstid från kl.',
      serveringstid_till: 'Serveringstid till kl.', kontaktperson_namn: 'Kontaktperson',
      kontaktperson_epost: 'E-postadress', ansokan_datum: 'Datum',
      serveringsstalle_adress: 'Serveringsställets adress',
    },
    orosanmalan: {
      barn_namn: 'Barnets namn', barn_personnummer: 'Barnets personnummer',
      barn_adress: 'Barnets adress', vardnadshavare_namn: 'Vårdnadshavares namn', anmalare_typ: 'Anmälaren är',
      anmalare_namn: 'Anmälarens namn', anmalare_verksamhet: 'Anmälarens verksamhet/arbetsplats',
      vardnadshavare_informerad: 'Har vårdnadshavarna fått veta om anmälan?', anmalan_datum: 'Datum',
      anmalare_telefon: 'Telefon',
    },
  },
  render: (doc) => page({
    css,
    margin: '12mm 15mm 14mm',
    body: `<div class="top"><div><div class="k">${esc(doc.kommun)}</div><div class="f">${esc(doc.forvaltning)} · ${esc(doc.address)}</div></div>
<div class="nr">${esc(doc.number)}<br>Sekretess enligt 26 kap. OSL</div></div>
<h1>${esc(doc.title)}</h1>
<div class="lead">Fyll i blanketten med tydlig text. Skicka den till förvaltningen eller lämna den i receptionen.</div>
${doc.sections.map((s, i) => `<h2>${i + 1}. ${esc(s.heading)}</h2><div class="grid">${grid(s.items)}</div>`).join('\n')}`,
  }),
};
