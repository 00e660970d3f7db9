// The printout of a kommun's e-tjänst (the applicant filled it in on the web and printed the
// summary, or the e-tjänst mailed it as PDF): every value in a bordered input box with its label
// above the box, outside it, required ones marked with an asterisk; short fields two to a row;
// each choice a question with its options as checkboxes in two or three columns under it, the
// ticked ones a drawn square with ✓ in it or a filled square ■ (the e-tjänst's theme, one per
// document), several ticked where the field takes more than one; free text in a tall bordered
// box. A grey header band with the e-tjänst's reference and a footer with the page.
import { esc, lines, page } from '../lib/page.mjs';

const css = `
body { font-family: 'Lato', 'DejaVu Sans', sans-serif; font-size: 10pt; color: #1a1a1a; }
.band { display:flex; justify-content:space-between; background: #ececec; border-bottom: 1px solid #bdbdbd; padding: 2mm 3mm; font-size: 8.5pt; }
.band b { font-size: 11pt; }
h1 { font-size: 17pt; font-weight: 600; margin: 5mm 0 1mm; }
.ref { font-size: 8.5pt; color: #444; margin-bottom: 2mm; }
h2 { font-size: 12.5pt; font-weight: 600; margin: 5mm 0 1mm; padding-bottom: 1mm; border-bottom: 1px solid #bdbdbd; }
.grid { display:grid; grid-template-columns: 1fr 1fr; column-gap: 6mm; }
.fld { margin-top: 2.4mm; break-inside: avoid; }
.fld.wide { grid-column: span 2; }
.lab { font-size: 9pt; font-weight: 600; margin-bottom: 0.8mm; }
.req { color: #a00; margin-left: 0.6mm; }
.box { border: 0.9px solid #7a7a7a; border-radius: 1.2mm; padding: 1.4mm 2mm; min-height: 5mm; font-size: 10.5pt; background: #fff; }
.box.tall { min-height: 34mm; line-height: 5.2mm; }
.q { grid-column: span 2; margin-top: 3mm; break-inside: avoid; }
.opts { display:grid; column-gap: 4mm; row-gap: 1.4mm; margin-top: 1mm; padding-left: 1mm; }
.o { display:flex; align-items:center; font-size: 10pt; }
.sq { display:inline-block; width: 3.8mm; height: 3.8mm; border: 0.9px solid #555; border-radius: 0.5mm; margin-right: 1.8mm; box-sizing: border-box;
  position: relative; flex: none; font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; line-height: 3.6mm; text-align: center; }
.sq.fill::after { content: ''; position: absolute; left: 0.5mm; top: 0.5mm; width: 2.1mm; height: 2.1mm; background: #111; }
.foot { margin-top: 6mm; font-size: 7.8pt; color: #444; display:flex; justify-content:space-between; border-top: 1px solid #bdbdbd; padding-top: 1mm; }`;

const WIDE = new Set(['text', 'email', 'long']);
// Which fields the e-tjänst requires (marked *).
const REQUIRED = new Set(['sokande_personnummer', 'sokande_namn', 'sokande_adress', 'sokande_postnummer', 'sokande_ort', 'ansokan_manad',
  'underskrift_datum', 'rapportor_namn', 'verksamhet', 'handelse_datum', 'beskrivning', 'rapport_datum', 'organisationsnummer',
  'serveringsstalle_namn', 'ansokan_avser', 'ansokan_datum', 'barn_namn', 'oro_beskrivning', 'anmalan_datum']);

const lab = (f) => `<div class="lab">${esc(f.label)}${REQUIRED.has(f.key) ? '<span class="req">*</span>' : ''}</div>`;

function item(f, tick) {
  if (f.options) {
    const columns = f.options.length > 4 ? 3 : 2;
    return `<div class="q">${lab(f)}<div class="opts" style="grid-template-columns: repeat(${columns}, 1fr)">${f.options
      .map((o) => `<span class="o">${tick(o.ticked)}${esc(o.label)}</span>`).join('')}</div></div>`;
  }
  return `<div class="fld${WIDE.has(f.type) ? ' wide' : ''}">${lab(f)}<div class="box${f.type === 'long' ? ' tall' : ''}">${lines(f.value)}</div></div>`;
}

export default {
  name: 'etjanst-utskrift',
  labels: {
    ekonomiskt_bistand: {
      sokande_personnummer: 'Ditt personnummer', sokande_namn: 'Sökandes namn', sokande_adress: 'Gatuadress', sokande_postnummer: 'Postnummer',
      sokande_ort: 'Postort', sokande_telefon: 'Mobilnummer', medsokande_personnummer: 'Medsökandes personnummer',
      medsokande_namn: 'Medsökandes namn', antal_barn: 'Antal barn i hushållet', ansokan_manad: 'Vilken månad söker du för?',
      boendeform: 'Hur bor du?', antal_rum: 'Antal rum', hyra: 'Hyra per månad', inkomst_lon: 'Lön netto',
      inkomst_a_kassa: 'A-kassa', inkomst_sjukpenning: 'Sjukpenning', inkomst_bostadsbidrag: 'Bostadsbidrag', inkomst_barnbidrag: 'Barnbidrag',
      inkomst_underhallsstod: 'Underhållsstöd', inkomst_ovrigt: 'Övriga inkomster', utgift_hushallsel: 'Hushållsel',
      utgift_hemforsakring: 'Hemförsäkring', tillgangar_bank: 'Saldo på bankkonton', sokt_belopp: 'Hur mycket söker du?', underskrift_datum: 'Datum',
    },
    lex_sarah: {
      rapportor_namn: 'Namn på den som rapporterar', rapportor_befattning: 'Din yrkesroll', rapportor_telefon: 'Telefonnummer', verksamhet: 'Enhet',
      verksamhetsomrade: 'Inom vilket område?', handelse_datum: 'Datum för händelsen', upptackt_datum: 'Upptäckt den',
      berord_personnummer: 'Den enskildes personnummer', berord_namn: 'Den enskildes namn', beskrivning: 'Händelsebeskrivning',
      konsekvens: 'Vilka konsekvenser fick det för den enskilde?', omedelbara_atgarder: 'Vidtagna åtgärder',
      bedomning: 'Bedömning', rapport_datum: 'Datum',
    },
    serveringstillstand: {
      sokande_namn: 'Bolagets namn', organisationsnummer: 'Organisationsnummer', serveringsstalle_namn: 'Serveringsställets namn',
      serveringsstalle_adress: 'Serveringsställets adress', antal_sittplatser: 'Antal sittplatser', ansokan_avser: 'Vad gäller ansökan?',
      tillstandstyp: 'Tillståndet avser', drycker: 'Vilka drycker ska serveras?', serveringstid_fran: 'Serveringstid från',
      serveringstid_till: 'Serveringstid till', kontaktperson_namn: 'Kontaktpersonens namn', kontaktperson_telefon: 'Telefon',
      kontaktperson_epost: 'Kontaktpersonens e-post', ansokan_datum: 'Datum',
    },
    orosanmalan: {
      barn_namn: 'Barnets namn', barn_personnummer: 'Barnets personnummer', barn_fodelsedatum: 'Barnets födelsedatum',
      barn_adress: 'Barnets adress', vardnadshavare_namn: 'Vårdnadshavares namn', anmalare_typ: 'Vem är du?',
      anmalare_namn: 'Anmälarens namn', anmalare_verksamhet: 'Arbetsplats', anmalare_telefon: 'Telefonnummer',
      oro_beskrivning: 'Beskriv din oro', akut: 'Är barnet i akut fara?', vardnadshavare_informerad: 'Har vårdnadshavarna informerats?',
      anmalan_datum: 'Datum',
    },
  },
  render: (doc) => {
    // The e-tjänst's theme: a ✓ drawn in the square, or the square filled.
    const filled = Number(doc.number.replace(/\D/g, '')) % 2 === 0;
    const tick = (on) => (filled ? `<span class="sq${on ? ' fill' : ''}"></span>` : `<span class="sq">${on ? '✓' : ''}</span>`);
    return page({
      css,
      margin: '12mm 15mm 13mm',
      body: `<div class="band"><div><b>${esc(doc.kommun)}</b><br>${esc(doc.forvaltning)}</div><div style="text-align:right">E-tjänst<br>Utskrift av inskickat formulär</div></div>
<h1>${esc(doc.title)}</h1>
<div class="ref">Referensnummer ${esc(doc.number.replace('SN-', 'E'))}${doc.number.slice(-2)}4 · Fält markerade med * är obligatoriska</div>
${doc.sections.map((s) => `<h2>${esc(s.heading)}</h2><div class="grid">${s.items.map((f) => item(f, tick)).join('')}</div>`).join('\n')}
<div class="foot"><span>${esc(doc.kommun)} · ${esc(doc.address)}</span><span>Sammanfattning av ärende</span></div>`,
    });
  },
};
