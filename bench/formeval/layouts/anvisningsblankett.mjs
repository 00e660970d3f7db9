// An instruction-heavy kommun blankett (sans, Arial-like): short sections, each under a bold
// heading that is often a single word such as a field's own name ("Sökande", "Barnet",
// "Verksamheten"), with a line or two of instructions in italics; the label at the left, the value
// on a solid line at its right; many labels carry a parenthesised hint, under the label or after
// it ("(bifoga kopia)", "(om personnummer saknas)"); free text on ruled lines under its label with
// "(fortsätt på separat blad vid behov)"; a box for the office "(ifylles av handläggaren)" left
// empty. Choices are ☐/☒ glyphs on the value line. The same plain label ("Personnummer", "Namn")
// may stand in two sections, as kommuner print it.
import { esc, page } from '../lib/page.mjs';

const css = `
body { font-family: 'Nimbus Sans', 'DejaVu Sans', sans-serif; font-size: 10pt; }
.top { display:flex; justify-content:space-between; align-items:flex-start; }
.k { font-size: 14pt; font-weight: bold; } .f { font-size: 9pt; }
.office { border: 0.8px solid #000; font-size: 8pt; padding: 1mm 2mm; width: 62mm; }
.office .h { font-style: italic; margin-bottom: 0.5mm; }
.office .r { display:flex; gap: 1.5mm; margin-top: 1.6mm; } .office .r span:last-child { flex: 1; border-bottom: 0.6px solid #000; }
h1 { font-size: 16pt; margin: 5mm 0 1.5mm; }
.lead { font-size: 8.8pt; font-style: italic; margin-bottom: 1mm; }
h2 { font-size: 11.5pt; font-weight: bold; margin: 4.5mm 0 0.6mm; padding-bottom: 0.4mm; border-bottom: 1.4px solid #000; }
.ins { font-size: 8.5pt; font-style: italic; margin: 0.6mm 0 1mm; }
.row { display:grid; grid-template-columns: 58mm 1fr; column-gap: 3mm; margin-top: 2.2mm; align-items: end; }
.lab { font-size: 9.5pt; line-height: 1.2; }
.hint { font-size: 7.8pt; font-style: italic; }
.lab .hint { margin-left: 1mm; }
.under { display:block; margin-left: 0; }
.val { border-bottom: 1px solid #000; min-height: 5.5mm; padding: 0 1.5mm; font-size: 10.5pt; line-height: 5.5mm; }
.opts { padding: 0 1mm 0.6mm; }
.o { white-space: nowrap; margin-right: 5mm; } .g { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; margin-right: 1.2mm; }
.longlab { margin-top: 3mm; font-size: 9.5pt; }
.ruled { font-size: 10.5pt; line-height: 6.8mm; min-height: 27.2mm; padding: 0 1.5mm;
  background-image: linear-gradient(to bottom, transparent 6.4mm, #000 6.4mm, #000 6.7mm, transparent 6.7mm); background-size: 100% 6.8mm; }
.foot { margin-top: 6mm; font-size: 7.8pt; border-top: 0.6px solid #000; padding-top: 1mm; }`;

// Where this kommun starts a section (its own headings; the field that opens each).
const HEADINGS = {
  ekonomiskt_bistand: { sokande_personnummer: 'Sökande', medsokande_personnummer: 'Make/maka/sambo', ansokan_manad: 'Ansökan',
    boendeform: 'Boende', inkomst_lon: 'Inkomster', utgift_hushallsel: 'Utgifter', tillgangar_bank: 'Tillgångar', underskrift_datum: 'Underskrift' },
  lex_sarah: { rapportor_namn: 'Rapportör', verksamhet: 'Verksamheten', handelse_datum: 'Händelsen', berord_personnummer: 'Den enskilde',
    beskrivning: 'Missförhållandet', rapport_datum: 'Underskrift' },
  serveringstillstand: { sokande_namn: 'Sökande', serveringsstalle_namn: 'Serveringsstället', ansokan_avser: 'Ansökan',
    serveringstid_fran: 'Serveringstider', kontaktperson_namn: 'Kontaktperson', ansokan_datum: 'Underskrift' },
  orosanmalan: { barn_namn: 'Barnet', anmalare_typ: 'Anmälare', oro_beskrivning: 'Oron', anmalan_datum: 'Underskrift' },
};

// Instructions printed under a heading.
const INSTRUCTIONS = {
  Sökande: 'Fyll i dina egna uppgifter. Skriv personnumret med tolv siffror.',
  'Make/maka/sambo': 'Fylls i om ni är två som söker. Båda ska skriva under ansökan.',
  Inkomster: 'Ange alla inkomster för månaden, även sådana som inte betalats ut ännu. Lämna raden tom om den inte gäller dig.',
  Utgifter: 'Bifoga kvitton eller räkningar för de utgifter du tar upp.',
  Rapportör: 'Den som rapporterar är den medarbetare som uppmärksammat missförhållandet.',
  Händelsen: 'Ange datum så exakt du kan. Om du inte vet dagen, skriv den ungefärliga tidpunkten i beskrivningen.',
  Missförhållandet: 'Skriv vad som har hänt, inte vem som har gjort det. Namn på medarbetare ska inte anges här.',
  Serveringsstället: 'Bifoga ritning över lokalen och uteserveringen.',
  Serveringstider: 'Ange de tider då alkohol ska serveras, inte restaurangens öppettider.',
  Barnet: 'Uppge så mycket du vet om barnet. Saknar du någon uppgift, lämna raden tom.',
  Oron: 'Beskriv vad du har sett eller hört, när det hände och vad barnet själv har sagt.',
  Underskrift: 'Blanketten skrivs under och skickas i original till socialförvaltningen.',
};

// The kommun's hints: after the label on its line, or under it in smaller italics.
const HINTS = {
  ekonomiskt_bistand: {
    sokande_personnummer: ['under', '(12 siffror)'], sokande_namn: ['after', '(förnamn och efternamn)'], sokande_telefon: ['under', '(även mobilnummer)'],
    medsokande_namn: ['under', '(om ni söker tillsammans)'], antal_barn: ['under', '(bifoga kopia av avtal vid växelvis boende)'],
    boendeform: ['after', '(kryssa i ett alternativ)'], antal_rum: ['after', '(kök räknas inte)'], hyra: ['under', '(bifoga kopia av hyresavi)'],
    inkomst_lon: ['under', '(bifoga lönespecifikation)'], inkomst_ovrigt: ['after', '(ange vilka)'], utgift_hushallsel: ['under', '(bifoga kopia av elräkning)'],
    tillgangar_bank: ['under', '(samtliga konton, bifoga kontoutdrag)'], sokt_belopp: ['after', '(kronor)'], underskrift_datum: ['under', '(då blanketten skrevs under)'],
  },
  lex_sarah: {
    rapportor_telefon: ['after', '(arbetet)'], verksamhetsomrade: ['after', '(kryssa i ett alternativ)'],
    upptackt_datum: ['under', '(om annat än ovan)'], berord_personnummer: ['under', '(om personnummer saknas, ange födelsedatum)'],
    beskrivning: ['after', '(fortsätt på separat blad vid behov)'], konsekvens: ['after', '(även risk för skada)'],
    omedelbara_atgarder: ['after', '(fortsätt på separat blad vid behov)'], bedomning: ['under', '(ifylles av rapportören)'],
  },
  serveringstillstand: {
    sokande_namn: ['under', '(enligt registreringsbevis)'], organisationsnummer: ['after', '(bifoga kopia)'],
    serveringsstalle_adress: ['under', '(gatuadress och ort)'], antal_sittplatser: ['after', '(inomhus)'],
    drycker: ['after', '(flera alternativ kan väljas)'], serveringstid_fran: ['after', '(klockslag)'], kontaktperson_epost: ['under', '(skrivs tydligt)'],
  },
  orosanmalan: {
    barn_personnummer: ['under', '(tio eller tolv siffror)'], barn_fodelsedatum: ['after', '(om personnummer saknas)'], barn_adress: ['under', '(om den är känd)'],
    vardnadshavare_namn: ['under', '(namn, om känt)'], anmalare_typ: ['after', '(kryssa i)'], anmalare_verksamhet: ['under', '(ej för privatperson)'],
    oro_beskrivning: ['after', '(fortsätt på separat blad vid behov)'], akut: ['under', '(ring 112 om barnet är i akut fara)'],
  },
};

function label(f, hint) {
  return `<div class="lab">${esc(f.label)}${hint ? `<span class="hint${hint[0] === 'under' ? ' under' : ''}">${hint[0] === 'after' ? ' ' : ''}${esc(hint[1])}</span>` : ''}</div>`;
}

function item(f, hints) {
  const hint = hints[f.key];
  if (f.type === 'long')
    return `<div class="longlab">${label(f, hint)}</div><div class="ruled">${f.value.split('\n').map(esc).join('<br>')}</div>`;
  const value = f.options
    ? `<div class="opts">${f.options.map((o) => `<span class="o"><span class="g">${o.ticked ? '☒' : '☐'}</span>${esc(o.label)}</span>`).join('')}</div>`
    : `<div class="val">${esc(f.value)}</div>`;
  return `<div class="row">${label(f, hint)}${value}</div>`;
}

/** The items under this kommun's own headings (a section opens at each field HEADINGS names). */
function sections(doc, form) {
  const opens = HEADINGS[form] ?? {};
  const out = [];
  for (const s of doc.sections)
    for (const [i, f] of s.items.entries()) {
      if (opens[f.key] || (i === 0 && !out.length)) out.push({ heading: opens[f.key] ?? s.heading, items: [] });
      out.at(-1).items.push(f);
    }
  return out;
}

/** Which form this is, from its fields (the layout is handed only what it draws). */
const formOf = (doc) => {
  const first = doc.sections[0].items[0].key;
  return { sokande_personnummer: 'ekonomiskt_bistand', rapportor_namn: 'lex_sarah', sokande_namn: 'serveringstillstand', barn_namn: 'orosanmalan' }[first];
};

export default {
  name: 'anvisningsblankett',
  labels: {
    ekonomiskt_bistand: {
      sokande_personnummer: 'Personnummer', sokande_namn: 'Namn', sokande_adress: 'Adress', sokande_postnummer: 'Postnummer',
      sokande_ort: 'Ort', sokande_telefon: 'Telefonnummer', medsokande_personnummer: 'Personnummer', medsokande_namn: 'Namn',
      antal_barn: 'Antal barn i hushållet', ansokan_manad: 'Ansökan gäller månad', boendeform: 'Boendeform',
      antal_rum: 'Antal rum', hyra: 'Hyra per månad', inkomst_lon: 'Lön netto', inkomst_a_kassa: 'A-kassa',
      inkomst_sjukpenning: 'Sjukpenning', inkomst_bostadsbidrag: 'Bostadsbidrag', inkomst_barnbidrag: 'Barnbidrag',
      inkomst_underhallsstod: 'Underhållsstöd', inkomst_ovrigt: 'Övriga inkomster', utgift_hushallsel: 'Hushållsel',
      utgift_hemforsakring: 'Hemförsäkring', tillgangar_bank: 'Banktillgodohavanden', sokt_belopp: 'Sökt belopp', underskrift_datum: 'Datum',
    },
    lex_sarah: {
      rapportor_namn: 'Namn', rapportor_befattning: 'Yrke/titel', rapportor_telefon: 'Telefon', verksamhet: 'Verksamhet/enhet',
      verksamhetsomrade: 'Verksamhetsområde', handelse_datum: 'Datum då händelsen inträffade', upptackt_datum: 'Datum när det upptäcktes',
      berord_personnummer: 'Personnummer', berord_namn: 'Namn', beskrivning: 'Beskrivning av missförhållandet', konsekvens: 'Konsekvens för den enskilde',
      omedelbara_atgarder: 'Omedelbara åtgärder', bedomning: 'Bedömning', rapport_datum: 'Datum',
    },
    serveringstillstand: {
      sokande_namn: 'Företagets namn', organisationsnummer: 'Organisationsnummer', serveringsstalle_namn: 'Serveringsställets namn',
      serveringsstalle_adress: 'Besöksadress', antal_sittplatser: 'Antal sittplatser', ansokan_avser: 'Ansökan avser', tillstandstyp: 'Tillståndet avser',
      drycker: 'Drycker', serveringstid_fran: 'Serveringstid från', serveringstid_till: 'Serveringstid till', kontaktperson_namn: 'Namn',
      kontaktperson_telefon: 'Telefon', kontaktperson_epost: 'E-post', ansokan_datum: 'Datum',
    },
    orosanmalan: {
      barn_namn: 'Barnets namn', barn_personnummer: 'Personnummer', barn_fodelsedatum: 'Födelsedatum', barn_adress: 'Adress',
      vardnadshavare_namn: 'Vårdnadshavare', anmalare_typ: 'Anmälaren är', anmalare_namn: 'Namn', anmalare_verksamhet: 'Arbetsplats',
      anmalare_telefon: 'Telefon', oro_beskrivning: 'Beskriv det som gör dig orolig för barnet',
      akut: 'Behöver barnet skydd omedelbart?', vardnadshavare_informerad: 'Har vårdnadshavare informerats om anmälan?', anmalan_datum: 'Datum',
    },
  },
  render: (doc) => {
    const form = formOf(doc), hints = HINTS[form] ?? {};
    return page({
      css,
      margin: '13mm 17mm 14mm',
      body: `<div class="top"><div><div class="k">${esc(doc.kommun)}</div><div class="f">${esc(doc.forvaltning)}</div></div>
<div class="office"><div class="h">(ifylles av handläggaren)</div><div class="r"><span>Dnr</span><span></span></div>
<div class="r"><span>Inkom den</span><span></span></div><div class="r"><span>Handläggare</span><span></span></div></div></div>
<h1>${esc(doc.title)}</h1>
<div class="lead">Läs anvisningarna under varje rubrik innan du fyller i blanketten. Skriv tydligt med svart eller blå penna.</div>
${sections(doc, form).map((s) => `<h2>${esc(s.heading)}</h2>${INSTRUCTIONS[s.heading] ? `<div class="ins">${esc(INSTRUCTIONS[s.heading])}</div>` : ''}${s.items
    .map((f) => item(f, hints)).join('')}`).join('\n')}
<div class="foot">${esc(doc.forvaltning)} · ${esc(doc.address)} · Blankett ${esc(doc.number)} · Uppgifterna behandlas enligt dataskyddsförordningen (GDPR).</div>`,
    });
  },
};
