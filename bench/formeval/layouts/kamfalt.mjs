// A two-page blankett in the style of Skatteverket's (serif, Century Schoolbook-like): the
// personnummer, organisationsnummer, postnummer and dates written one character per box in a row
// of small boxes ("kamfält"; a space in the value leaves a gap between two groups of boxes), the
// label small above; the other values on dotted lines under their label; short fields two or
// three to a row. The blankett runs onto a second page, which repeats a short header (kommun,
// title, "Sida 2 (2)") and continues the section it broke in with "(forts.)". Choices are drawn
// squares crossed with a heavy X.
import { esc, page } from '../lib/page.mjs';

const css = `
body { font-family: 'C059', 'DejaVu Serif', serif; font-size: 10pt; }
.top { display:flex; justify-content:space-between; align-items:flex-start; border-bottom: 1px solid #000; padding-bottom: 1.5mm; }
.k { font-size: 13pt; font-weight: bold; } .f { font-size: 8.5pt; }
.pg { font-size: 8.5pt; text-align: right; }
h1 { font-size: 15.5pt; margin: 4mm 0 2mm; }
.short { font-size: 9pt; font-weight: bold; }
h2 { font-size: 10.5pt; font-weight: bold; margin: 4mm 0 0.5mm; padding: 0.6mm 1.5mm; border: 0.8px solid #000; background: #f2f2f2; }
.row { display:flex; gap: 8mm; align-items:flex-end; }
.fld { margin-top: 2.4mm; flex: none; }
.fld.grow { flex: 1; }
.lab { font-size: 8pt; margin-bottom: 0.6mm; }
.comb { display:flex; gap: 0; }
.comb .c { width: 4.6mm; height: 6mm; border: 0.8px solid #000; margin-left: -0.8px; text-align: center; line-height: 6mm;
  font-family: 'Nimbus Sans', 'DejaVu Sans', sans-serif; font-size: 11pt; box-sizing: border-box; }
.comb .c:first-child { margin-left: 0; }
.comb .gap { width: 2.4mm; }
.dots { border-bottom: 1.2px dotted #000; min-height: 6mm; line-height: 6mm; padding: 0 1mm; font-family: 'Nimbus Sans', 'DejaVu Sans', sans-serif; font-size: 10.5pt; }
.free { font-family: 'Nimbus Sans', 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 7mm; min-height: 28mm; padding: 0 1mm;
  background-image: radial-gradient(circle at 0.8mm 6.6mm, #000 0.3mm, transparent 0.36mm); background-size: 1.6mm 7mm; }
.opts { padding-top: 0.5mm; }
.o { white-space: nowrap; margin-right: 6mm; display:inline-flex; align-items:center; }
.sq { display:inline-block; width: 3.6mm; height: 3.6mm; border: 0.8px solid #000; margin-right: 1.5mm; box-sizing: border-box;
  font-family: 'DejaVu Sans', sans-serif; font-weight: bold; font-size: 9pt; line-height: 3.4mm; text-align: center; }
.next { break-before: page; }
.foot { margin-top: 5mm; font-size: 7.5pt; }`;

// The types written in boxes, with how many boxes the form prints at least.
const COMB = { personnummer: 12, orgnr: 11, postnummer: 5, date: 10 };
const SHORT = new Set(['personnummer', 'orgnr', 'postnummer', 'phone', 'date', 'month', 'time', 'integer', 'money']);

/** One character a box; a space leaves a gap; empty boxes fill the row up to the form's count. */
function comb(value, boxes) {
  const cells = [];
  let count = 0;
  for (const ch of value) {
    if (ch === ' ') cells.push('<span class="gap"></span>');
    else cells.push(`<span class="c">${esc(ch)}</span>`), ++count;
  }
  for (; count < boxes; ++count) cells.push('<span class="c"></span>');
  return `<div class="comb">${cells.join('')}</div>`;
}

/** Dates written in words do not go in boxes: the person writes them on the line beside. */
const inBoxes = (f) => f.type in COMB && /^[\d\s./-]*$/.test(f.value);

function field(f) {
  const lab = `<div class="lab">${esc(f.label)}</div>`;
  if (f.type === 'long') return `<div class="fld grow">${lab}<div class="free">${f.value.split('\n').map(esc).join('<br>')}</div></div>`;
  if (f.options)
    return `<div class="fld grow">${lab}<div class="opts">${f.options
      .map((o) => `<span class="o"><span class="sq">${o.ticked ? 'X' : ''}</span>${esc(o.label)}</span>`).join('')}</div></div>`;
  if (inBoxes(f)) return `<div class="fld">${lab}${comb(f.value, COMB[f.type])}</div>`;
  return `<div class="fld grow">${lab}<div class="dots">${esc(f.value)}</div></div>`;
}

/** Short fields up to three a row (two beside a name or address); long text and choices alone. */
function rows(items) {
  const out = [];
  let row = [];
  const close = () => row.length && (out.push(`<div class="row">${row.map(field).join('')}</div>`), (row = []));
  for (const f of items) {
    if (f.type === 'long' || f.options || !SHORT.has(f.type) && row.length >= 1) close();
    if (f.type === 'long' || f.options) {
      out.push(field(f));
      continue;
    }
    if (row.length >= (row.some((g) => !SHORT.has(g.type)) || !SHORT.has(f.type) ? 2 : 3)) close();
    row.push(f);
  }
  close();
  return out.join('');
}

const weight = (f) => (f.type === 'long' ? 5 : f.options ? 1.6 : 1.3);

/** The sections split over two pages at the field where half the blankett's height is reached. */
function pages(sections) {
  const total = sections.flatMap((s) => s.items).reduce((sum, f) => sum + weight(f), 0);
  const first = [], second = [];
  let used = 0;
  for (const s of sections) {
    const here = { heading: s.heading, items: [] }, there = { heading: `${s.heading} (forts.)`, items: [] };
    for (const f of s.items) {
      (used < total / 2 ? here : there).items.push(f);
      used += weight(f);
    }
    if (here.items.length) first.push(here);
    if (there.items.length) second.push(here.items.length ? there : { ...there, heading: s.heading });
  }
  return [first, second];
}

export default {
  name: 'kamfalt',
  labels: {
    ekonomiskt_bistand: {
      sokande_personnummer: 'Personnummer (sökande)', sokande_namn: 'Sökandes namn', sokande_adress: 'Utdelningsadress',
      sokande_postnummer: 'Postnummer', sokande_ort: 'Postort', sokande_telefon: 'Telefon',
      medsokande_personnummer: 'Personnummer (make/maka/sambo)', medsokande_namn: 'Make/maka/sambo',
      antal_barn: 'Antal barn under 18 år i hushållet', ansokan_manad: 'Ansökan avser månad', boendeform: 'Bostadens upplåtelseform',
      antal_rum: 'Antal rum', hyra: 'Hyra per månad', inkomst_lon: 'Lön netto', inkomst_a_kassa: 'Arbetslöshetsersättning',
      inkomst_sjukpenning: 'Sjukpenning', inkomst_bostadsbidrag: 'Bostadsbidrag', inkomst_barnbidrag: 'Barnbidrag',
      inkomst_underhallsstod: 'Underhållsstöd', inkomst_ovrigt: 'Övriga inkomster', utgift_hushallsel: 'Hushållsel',
      utgift_hemforsakring: 'Hemförsäkringspremie per månad', tillgangar_bank: 'Tillgodohavande på bank', sokt_belopp: 'Sökt belopp',
      underskrift_datum: 'Underskrift datum',
    },
    lex_sarah: {
      rapportor_namn: 'Rapportörens namn', rapportor_befattning: 'Befattning', rapportor_telefon: 'Telefonnummer', verksamhet: 'Verksamhet/enhet',
      verksamhetsomrade: 'Verksamhetsområde', handelse_datum: 'Händelsedatum', upptackt_datum: 'Datum då missförhållandet uppmärksammades',
      berord_personnummer: 'Den enskildes personnummer', berord_namn: 'Den enskildes namn', beskrivning: 'Redogörelse för händelsen',
      konsekvens: 'Konsekvens för den enskilde', omedelbara_atgarder: 'Omedelbara åtgärder', bedomning: 'Rapportörens bedömning',
      rapport_datum: 'Rapportdatum',
    },
    serveringstillstand: {
      sokande_namn: 'Sökandens firma', organisationsnummer: 'Organisationsnummer', serveringsstalle_namn: 'Serveringsställets namn',
      serveringsstalle_adress: 'Serveringsställets adress', antal_sittplatser: 'Antal sittplatser', ansokan_avser: 'Ansökan avser',
      tillstandstyp: 'Tillståndet avser servering till', drycker: 'Drycker', serveringstid_fran: 'Serveringstid från',
      serveringstid_till: 'Serveringstid till', kontaktperson_namn: 'Kontaktperson', kontaktperson_telefon: 'Telefon',
      kontaktperson_epost: 'E-postadress', ansokan_datum: 'Datum',
    },
    orosanmalan: {
      barn_namn: 'Barnets efternamn och förnamn', barn_personnummer: 'Barnets personnummer', barn_fodelsedatum: 'Födelsedatum',
      barn_adress: 'Barnets adress', vardnadshavare_namn: 'Vårdnadshavares namn', anmalare_typ: 'Anmälaren är',
      anmalare_namn: 'Anmälarens namn', anmalare_verksamhet: 'Verksamhet', anmalare_telefon: 'Telefon',
      oro_beskrivning: 'Beskrivning av det som föranleder anmälan', akut: 'Bedöms situationen som akut?',
      vardnadshavare_informerad: 'Har vårdnadshavare informerats om anmälan?', anmalan_datum: 'Anmälningsdatum',
    },
  },
  render: (doc) => {
    const [first, second] = pages(doc.sections);
    const section = (s) => `<h2>${esc(s.heading)}</h2>${rows(s.items)}`;
    return page({
      css,
      margin: '13mm 17mm 13mm',
      body: `<div class="top"><div><div class="k">${esc(doc.kommun)}</div><div class="f">${esc(doc.forvaltning)}</div></div>
<div class="pg">${esc(doc.number)}<br>Sida 1 (2)</div></div>
<h1>${esc(doc.title)}</h1>
${first.map(section).join('\n')}
<div class="next"><div class="top"><div class="short">${esc(doc.kommun)} · ${esc(doc.title)}</div><div class="pg">${esc(doc.number)}<br>Sida 2 (2)</div></div>
${second.map(section).join('\n')}
<div class="foot">Blanketten skickas till ${esc(doc.forvaltning)}, ${esc(doc.address)}.</div></div>`,
    });
  },
};
