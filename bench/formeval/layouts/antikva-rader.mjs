// A kommun's printed blankett in a book face (Palatino-like): each label in small italics above a
// ruled writing line, the value written on the line; short fields two or three to a row; free
// text on several ruled lines. Section headings in spaced capitals between thin rules. Choices are
// drawn circles, the chosen one filled.
import { esc, page } from '../lib/page.mjs';

const css = `
body { font-family: 'P052', 'DejaVu Serif', serif; font-size: 10.5pt; }
.top { text-align: center; }
.k { font-size: 16pt; letter-spacing: 1px; } .f { font-size: 9.5pt; font-style: italic; }
h1 { font-size: 17pt; font-weight: normal; text-align: center; margin: 5mm 0 4mm; }
h2 { font-size: 9.5pt; font-weight: normal; letter-spacing: 2.5px; text-transform: uppercase; text-align: center;
  border-top: 0.6px solid #000; border-bottom: 0.6px solid #000; padding: 0.8mm 0; margin: 5mm 0 1mm; }
.row { display:flex; gap: 7mm; }
.fld { flex: 1; margin-top: 2.6mm; }
.lab { font-size: 8.5pt; font-style: italic; }
.line { border-bottom: 0.9px solid #000; min-height: 6mm; padding: 0 1mm; font-size: 11pt; line-height: 6mm; }
.ruled { font-size: 11pt; line-height: 7mm; min-height: 28mm; padding: 0 1mm;
  background-image: linear-gradient(to bottom, transparent 6.6mm, #000 6.6mm, #000 6.9mm, transparent 6.9mm); background-size: 100% 7mm; }
.opts { padding-top: 1mm; }
.o { display:inline-block; margin-right: 6mm; white-space: nowrap; }
.ring { display:inline-block; width: 3.3mm; height: 3.3mm; border: 0.9px solid #000; border-radius: 50%; margin-right: 1.3mm;
  vertical-align: -0.5mm; box-sizing: border-box; position: relative; }
.ring.on::after { content: ''; position: absolute; left: 0.6mm; top: 0.6mm; width: 1.5mm; height: 1.5mm; border-radius: 50%; background: #000; }
.foot { margin-top: 8mm; font-size: 8pt; font-style: italic; text-align: center; }`;

const WIDE = new Set(['text', 'email']);

function field(f) {
  if (f.type === 'long')
    return `<div class="fld"><div class="lab">${esc(f.label)}</div><div class="ruled">${f.value.split('\n').map(esc).join('<br>')}</div></div>`;
  if (f.options)
    return `<div class="fld"><div class="lab">${esc(f.label)}</div><div class="opts">${f.options
      .map((o) => `<span class="o"><span class="ring${o.ticked ? ' on' : ''}"></span>${esc(o.label)}</span>`).join('')}</div></div>`;
  return `<div class="fld"><div class="lab">${esc(f.label)}</div><div class="line">${esc(f.value)}</div></div>`;
}

/** Short fields three to a row, names and addresses two; free text and choices alone. */
function rows(items) {
  const out = [];
  let row = [];
  const close = () => row.length && (out.push(`<div class="row">${row.map(field).join('')}</div>`), (row = []));
  for (const f of items) {
    if (f.type === 'long' || f.options) {
      close();
      out.push(field(f));
      continue;
    }
    const room = row.some((g) => WIDE.has(g.type)) || WIDE.has(f.type) ? 2 : 3;
    if (row.length >= room) close();
    row.push(f);
  }
  close();
  return out.join('');
}

export default {
  name: 'antikva-rader',
  labels: {
    ekonomiskt_bistand: {
      sokande_personnummer: 'Personnummer', sokande_adress: 'Adress',
      sokande_postnummer: 'Postnr', sokande_ort: 'Ort', sokande_telefon: 'Telefon där du nås dagtid',
      medsokande_personnummer: 'Medsökandes personnummer',
      antal_barn: 'Antal barn i hushållet', ansokan_manad: 'Bistånd söks för månaden',
      inkomst_a_kassa: 'A-kassa',
      inkomst_bostadsbidrag: 'Bostadsbidrag',
      inkomst_underhallsstod: 'Underhållsstöd', inkomst_ovrigt: 'Annan inkomst', utgift_hushallsel: 'Elräkning per månad',
      utgift_hemforsakring: 'Hemförsäkring', sokt_belopp: 'Jag söker totalt (kronor)',
      underskrift_datum: 'Ort och datum',
    },
    lex_sarah: {
      rapportor_namn: 'Uppgiftslämnarens namn', rapportor_befattning: 'Yrke/titel', rapportor_telefon: 'Telefon',
      handelse_datum: 'Dag då händelsen inträffade',
      konsekvens: 'Vilka följder fick det för den enskilde?', omedelbara_atgarder: 'Vidtagna åtgärder',
      rapport_datum: 'Datum',
      beskrivning: 'Händelsebeskrivning',
    },
    serveringstillstand: {
      sokande_namn: 'Bolagets namn', organisationsnummer: 'Org.nr', serveringsstalle_namn: 'Restaurangens namn',
      serveringsstalle_adress: 'Besöksadress', antal_sittplatser: 'Sittplatser',
      drycker: 'Alkoholdrycker', serveringstid_fran: 'Servering från klockan',
      serveringstid_till: 'Servering till klockan', kontaktperson_namn: 'Kontaktperson', kontaktperson_telefon: 'Telefon',
      kontaktperson_epost: 'E-post', ansokan_datum: 'Datum',
    },
    orosanmalan: {
      barn_namn: 'Barnets för- och efternamn', barn_personnummer: 'Barnets personnummer', barn_fodelsedatum: 'Födelsedatum',
      barn_adress: 'Adress där barnet bor', vardnadshavare_namn: 'Föräldrar/vårdnadshavare',
      anmalare_namn: 'Anmälarens namn', anmalare_verksamhet: 'Arbetsplats',
      oro_beskrivning: 'Beskriv din oro', akut: 'Behöver barnet skydd omedelbart?', vardnadshavare_informerad: 'Vet vårdnadshavarna om att du anmäler?',
      anmalan_datum: 'Datum',
    },
  },
  render: (doc) => page({
    css,
    margin: '16mm 20mm',
    body: `<div class="top"><div class="k">${esc(doc.kommun)}</div><div class="f">${esc(doc.forvaltning)}</div></div>
<h1>${esc(doc.title)}</h1>
${doc.sections.map((s) => `<h2>${esc(s.heading)}</h2>${rows(s.items)}`).join('\n')}
<div class="foot">${esc(doc.forvaltning)} · ${esc(doc.address)} · ${esc(doc.number)}</div>`,
  }),
};
