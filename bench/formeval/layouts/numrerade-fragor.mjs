// A questionnaire made in Word (Times): numbered questions ("1. …", on through the whole
// blankett) in bordered sections, each section headed by a bold heading on a light band inside
// its frame; the answer written on a line under the question; free text in a tall box with faint
// ruled lines. Choices on the line under the question, ☐/⊠.
import { esc, page } from '../lib/page.mjs';

const css = `
body { font-family: 'Nimbus Roman', 'DejaVu Serif', serif; font-size: 11pt; }
.top { display:flex; justify-content:space-between; font-size: 9.5pt; margin-bottom: 2mm; }
.top b { font-size: 13pt; }
h1 { font-size: 17pt; margin: 4mm 0 2mm; }
.intro { font-size: 9.5pt; font-style: italic; margin-bottom: 3mm; }
.box { border: 1.1px solid #000; margin-bottom: 4mm; break-inside: avoid; }
.box h2 { font-size: 11.5pt; margin: 0; padding: 1mm 2.5mm; background: #ececec; border-bottom: 1.1px solid #000; }
.q { padding: 2mm 3mm 0; }
.q:last-child { padding-bottom: 2.5mm; }
.ask { font-size: 10.5pt; }
.ans { border-bottom: 0.8px solid #000; min-height: 6mm; line-height: 6mm; margin: 0.5mm 0 0 5mm; padding-left: 1mm; }
.free { border: 0.8px solid #666; margin: 1mm 0 0 5mm; padding: 0 2mm; min-height: 42mm; line-height: 7mm;
  background-image: linear-gradient(to bottom, transparent 6.7mm, #c8c8c8 6.7mm, #c8c8c8 7mm); background-size: 100% 7mm; }
.opts { margin: 1mm 0 0 5mm; }
.o { margin-right: 6mm; white-space: nowrap; } .g { font-family: 'DejaVu Sans', sans-serif; margin-right: 1mm; }`;

function question(f, n) {
  const ask = `<div class="ask">${n}. ${esc(f.label)}</div>`;
  if (f.type === 'long') return `<div class="q">${ask}<div class="free">${f.value.split('\n').map(esc).join('<br>')}</div></div>`;
  if (f.options)
    return `<div class="q">${ask}<div class="opts">${f.options
      .map((o) => `<span class="o"><span class="g">${o.ticked ? '⊠' : '☐'}</span>${esc(o.label)}</span>`).join('')}</div></div>`;
  return `<div class="q">${ask}<div class="ans">${esc(f.value)}</div></div>`;
}

export default {
  name: 'numrerade-fragor',
  labels: {
    ekonomiskt_bistand: {
      sokande_personnummer: 'Ditt personnummer',
      sokande_postnummer: 'Postnummer', sokande_ort: 'Ort', sokande_telefon: 'Telefonnummer',
      medsokande_personnummer: 'Medsökandes personnummer', medsokande_namn: 'Medsökandes namn',
      antal_barn: 'Hur många barn bor i hushållet?',
      antal_rum: 'Antal rum', hyra: 'Vad är din hyra per månad?', inkomst_lon: 'Lön',
      inkomst_bostadsbidrag: 'Bostadsbidrag', inkomst_barnbidrag: 'Barnbidrag',
      inkomst_underhallsstod: 'Underhållsstöd',
      sokt_belopp: 'Hur mycket söker du?',
      underskrift_datum: 'Datum',
      sokande_namn: 'Namn',
      utgift_hemforsakring: 'Hemförsäkring',
    },
    lex_sarah: {
      rapportor_telefon: 'Telefonnummer',
      verksamhet: 'På vilken enhet inträffade det?', verksamhetsomrade: 'Verksamhetsområde', handelse_datum: 'När inträffade händelsen?',
      berord_personnummer: 'Den enskildes personnummer', berord_namn: 'Den enskildes namn',
      omedelbara_atgarder: 'Vilka åtgärder vidtogs direkt?', rapport_datum: 'Datum',
      rapportor_befattning: 'Befattning',
      upptackt_datum: 'Datum när det upptäcktes',
    },
    serveringstillstand: {
      organisationsnummer: 'Organisationsnummer', serveringsstalle_namn: 'Vad heter serveringsstället?',
      serveringsstalle_adress: 'Serveringsställets adress',
      serveringstid_fran: 'Serveringen börjar kl.',
      serveringstid_till: 'Serveringen slutar kl.', kontaktperson_namn: 'Kontaktperson',
      kontaktperson_epost: 'E-postadress', ansokan_datum: 'Datum',
      kontaktperson_telefon: 'Telefon',
      tillstandstyp: 'Tillståndet avser',
    },
    orosanmalan: {
      barn_namn: 'Vad heter barnet?', barn_personnummer: 'Barnets personnummer', barn_fodelsedatum: 'Barnets födelsedatum',
      anmalare_typ: 'Vem är du som anmäler?',
      anmalare_verksamhet: 'Verksamhet',
      akut: 'Är situationen akut?',
      anmalan_datum: 'Datum',
      anmalare_namn: 'Anmälarens namn',
      vardnadshavare_informerad: 'Har vårdnadshavare informerats om anmälan?',
    },
  },
  render: (doc) => {
    let n = 0;
    return page({
      css,
      margin: '15mm 18mm',
      body: `<div class="top"><div><b>${esc(doc.kommun)}</b><br>${esc(doc.forvaltning)}</div><div>${esc(doc.address)}<br>${esc(doc.number)}</div></div>
<h1>${esc(doc.title)}</h1>
<div class="intro">Besvara frågorna så utförligt du kan. Skriv tydligt.</div>
${doc.sections.map((s) => `<div class="box"><h2>${esc(s.heading)}</h2>${s.items.map((f) => question(f, ++n)).join('')}</div>`).join('\n')}`,
    });
  },
};
