// The four forms as FORMS.md defines their records (the keys are the contract), with label and
// option wordings written for this evaluation the way Swedish kommuner word their blanketter, and
// a filler that makes one applicant's values: the answer (normalised as FORMS.md says) and the
// text as printed. Nothing here is read from inkorg's form.json.
import * as p from './people.mjs';
import { personnummer, organisationsnummer, breakCheckDigit } from './ids.mjs';
import { freeText } from './freetext.mjs';

// A document's day: well before the machine's today, so that no date is in the future.
const FIRST_DAY = '2026-01-12', LAST_DAY = '2026-11-20';
// Vetlanda's högsta godtagbara hyra per antal rum (seeds/004), to stay under norm.hyra.
const MAX_RENT = { 1: 4800, 2: 5800, 3: 6900, 4: 8000 };

const field = (key, type, labels, extra = {}) => ({ key, type, labels, ...extra });
const option = (value, ...labels) => ({ value, labels });

export const FORMS = {
  ekonomiskt_bistand: {
    titles: ['Ansökan om ekonomiskt bistånd', 'Ansökan om försörjningsstöd', 'Ansökan om ekonomiskt bistånd (försörjningsstöd)',
      'Ekonomiskt bistånd – ansökan'],
    sections: [
      ['Sökande', [
        field('sokande_personnummer', 'personnummer', ['Personnummer', 'Sökandes personnummer', 'Personnr', 'Personnummer (ÅÅÅÅMMDD-NNNN)']),
        field('sokande_namn', 'text', ['Sökandes namn', 'För- och efternamn', 'Namn', 'Efternamn och förnamn']),
        field('sokande_adress', 'text', ['Gatuadress', 'Adress', 'Utdelningsadress', 'Bostadsadress']),
        field('sokande_postnummer', 'postnummer', ['Postnummer', 'Postnr']),
        field('sokande_ort', 'text', ['Postort', 'Ort']),
        field('sokande_telefon', 'phone', ['Telefon', 'Telefonnummer', 'Telefon dagtid']),
      ]],
      ['Make/maka/sambo', [
        field('medsokande_personnummer', 'personnummer', ['Medsökandes personnummer', 'Make/maka/sambo personnummer', 'Medsökande, personnummer']),
        field('medsokande_namn', 'text', ['Medsökandes namn', 'Make/maka/sambo', 'Medsökande, namn']),
        field('antal_barn', 'integer', ['Antal barn i hushållet', 'Hemmavarande barn', 'Antal hemmaboende barn under 18 år']),
      ]],
      ['Ansökan och boende', [
        field('ansokan_manad', 'month', ['Ansökan avser månad', 'Avser månad', 'Period', 'Jag/vi ansöker för månaden']),
        field('boendeform', 'enum', ['Boendeform', 'Bor i', 'Jag bor i'], { options: [
          option('hyresratt', 'Hyresrätt', 'Eget hyreskontrakt', 'Förstahandskontrakt'),
          option('bostadsratt', 'Bostadsrätt'),
          option('andrahand', 'Andrahandskontrakt', 'Hyr i andra hand'),
          option('inneboende', 'Inneboende'),
          option('villa', 'Villa/egen fastighet', 'Äger hus'),
          option('saknar_bostad', 'Saknar bostad', 'Bostadslös'),
        ] }),
        field('antal_rum', 'integer', ['Antal rum', 'Lägenhetsstorlek (antal rum)']),
        field('hyra', 'money', ['Hyra per månad', 'Hyra', 'Boendekostnad', 'Månadshyra']),
      ]],
      ['Inkomster och utgifter', [
        field('inkomst_lon', 'money', ['Lön', 'Lön netto', 'Lön efter skatt']),
        field('inkomst_a_kassa', 'money', ['A-kassa', 'Arbetslöshetsersättning', 'Ersättning från a-kassa']),
        field('inkomst_sjukpenning', 'money', ['Sjukpenning', 'Sjukersättning/Aktivitetsersättning', 'Sjukpenning från Försäkringskassan']),
        field('inkomst_bostadsbidrag', 'money', ['Bostadsbidrag', 'Bostadstillägg/bostadsbidrag']),
        field('inkomst_barnbidrag', 'money', ['Barnbidrag']),
        field('inkomst_underhallsstod', 'money', ['Underhållsstöd', 'Underhållsbidrag']),
        field('inkomst_ovrigt', 'money', ['Övriga inkomster', 'Andra inkomster']),
        field('utgift_hushallsel', 'money', ['Hushållsel', 'El', 'Elkostnad']),
        field('utgift_hemforsakring', 'money', ['Hemförsäkring', 'Hemförsäkring per månad']),
        field('tillgangar_bank', 'money', ['Banktillgodohavanden', 'Saldo på bankkonton', 'Pengar på bank']),
        field('sokt_belopp', 'money', ['Sökt belopp', 'Jag ansöker om (kr)', 'Belopp jag söker']),
      ]],
      ['Underskrift', [
        field('underskrift_datum', 'date', ['Datum', 'Underskrift datum', 'Datum för underskrift']),
      ]],
    ],
    fill(r, v) {
      const sokande = personnummer(r, 1952, 2005, { samordning: r.chance(0.1) });
      const signed = p.day(r, FIRST_DAY, LAST_DAY).normal;
      const place = p.place(r);
      v.id('sokande_personnummer', sokande);
      v.text('sokande_namn', p.fullName(r));
      v.text('sokande_adress', p.street(r));
      v.set('sokande_postnummer', place.normal, place.printed);
      v.text('sokande_ort', place.ort);
      if (r.chance(0.8)) v.set('sokande_telefon', null, p.telephone(r));
      if (r.chance(0.4)) {
        v.id('medsokande_personnummer', personnummer(r, 1955, 2004));
        v.text('medsokande_namn', p.fullName(r));
      }
      const children = r.int(0, 3);
      if (children > 0 || r.chance(0.5)) v.set('antal_barn', children, String(children));
      const month = signed.slice(0, 7).replace(/-(\d\d)$/, (_, m) => (r.chance(0.5) || m === '12' ? '-' + m : '-' + String(Number(m) + 1).padStart(2, '0')));
      v.set('ansokan_manad', month, p.writeMonth(r, month));
      const bor = r.pick(['hyresratt', 'hyresratt', 'andrahand', 'inneboende', 'bostadsratt', 'villa', 'saknar_bostad']);
      v.choice('boendeform', bor);
      if (bor !== 'saknar_bostad') {
        const rooms = r.int(1, 4);
        v.set('antal_rum', rooms, String(rooms));
        v.money('hyra', r.int(28, MAX_RENT[rooms] / 100 - 2) * 100 + r.pick([0, 0, 50, 75]));
      }
      for (const key of r.some(['inkomst_lon', 'inkomst_a_kassa', 'inkomst_sjukpenning', 'inkomst_bostadsbidrag',
        'inkomst_barnbidrag', 'inkomst_underhallsstod', 'inkomst_ovrigt'], r.int(1, 3)))
        v.money(key, r.int(5, 60) * 100 + r.pick([0, 0, 25]));
      if (r.chance(0.6)) v.money('utgift_hushallsel', r.int(150, 700));
      if (r.chance(0.6)) v.money('utgift_hemforsakring', r.int(90, 260));
      if (r.chance(0.5)) v.money('tillgangar_bank', r.int(0, 3000));
      if (r.chance(0.8)) v.money('sokt_belopp', r.int(20, 60) * 100);
      v.date('underskrift_datum', signed);
    },
  },

  lex_sarah: {
    titles: ['Rapport enligt lex Sarah', 'Lex Sarah-rapport', 'Rapportering av missförhållande (lex Sarah)',
      'Rapport om missförhållande eller påtaglig risk för missförhållande'],
    sections: [
      ['Uppgifter om rapportören', [
        field('rapportor_namn', 'text', ['Rapportörens namn', 'Namn på den som rapporterar', 'Rapporterad av', 'Ditt namn']),
        field('rapportor_befattning', 'text', ['Befattning', 'Yrke/titel', 'Funktion', 'Yrkesroll']),
        field('rapportor_telefon', 'phone', ['Telefon', 'Telefonnummer', 'Telefon (arbete)']),
        field('verksamhet', 'text', ['Verksamhet/enhet', 'Enhet', 'Arbetsplats', 'Enhet där missförhållandet inträffat']),
        field('verksamhetsomrade', 'enum', ['Verksamhetsområde', 'Område'], { options: [
          option('aldreomsorg', 'Äldreomsorg', 'Vård och omsorg om äldre'),
          option('funktionshinder', 'Funktionshinder', 'LSS/funktionsnedsättning'),
          option('individ_och_familjeomsorg', 'Individ- och familjeomsorg', 'IFO'),
          option('annat', 'Annat', 'Övrigt'),
        ] }),
      ]],
      ['Händelsen', [
        field('handelse_datum', 'date', ['Datum för händelsen', 'Händelsedatum', 'När inträffade händelsen', 'Händelsen inträffade (datum)']),
        field('upptackt_datum', 'date', ['Datum när det upptäcktes', 'Upptäcktes datum', 'Upptäckt den']),
        field('berord_personnummer', 'personnummer', ['Den enskildes personnummer', 'Berörd brukare (personnummer)', 'Brukarens personnummer']),
        field('berord_namn', 'text', ['Den enskildes namn', 'Berörd brukare', 'Brukarens namn']),
        field('beskrivning', 'long', ['Beskrivning av missförhållandet', 'Vad har hänt', 'Händelsebeskrivning', 'Beskriv vad som hänt']),
        field('konsekvens', 'long', ['Konsekvens för den enskilde', 'Vilka konsekvenser', 'Följder för den enskilde']),
        field('omedelbara_atgarder', 'long', ['Omedelbara åtgärder', 'Vidtagna åtgärder', 'Åtgärder som vidtagits direkt']),
        field('bedomning', 'enum', ['Rapportörens bedömning', 'Bedömning', 'Jag bedömer att det rör sig om'], { options: [
          option('missforhallande', 'Missförhållande'),
          option('pataglig_risk', 'Påtaglig risk för missförhållande', 'Risk för missförhållande'),
        ] }),
      ]],
      ['Datum', [
        field('rapport_datum', 'date', ['Datum', 'Rapportdatum', 'Datum för rapporten']),
      ]],
    ],
    fill(r, v) {
      const happened = p.day(r, FIRST_DAY, '2026-11-10').normal;
      const found = p.addDays(happened, r.pick([0, 0, 1, 3]));
      const reported = p.addDays(found, r.pick([0, 1, 2, 5]));
      v.text('rapportor_namn', p.fullName(r));
      if (r.chance(0.85)) v.text('rapportor_befattning', p.role(r));
      if (r.chance(0.6)) v.set('rapportor_telefon', null, p.telephone(r));
      v.text('verksamhet', p.unit(r));
      if (r.chance(0.85)) v.choice('verksamhetsomrade', r.pick(['aldreomsorg', 'aldreomsorg', 'funktionshinder', 'individ_och_familjeomsorg', 'annat']));
      v.date('handelse_datum', happened);
      if (r.chance(0.8)) v.date('upptackt_datum', found);
      if (r.chance(0.8)) {
        v.id('berord_personnummer', personnummer(r, 1928, 1990));
        v.text('berord_namn', p.fullName(r));
      }
      v.long('beskrivning', freeText(r, 'beskrivning'));
      if (r.chance(0.7)) v.long('konsekvens', freeText(r, 'konsekvens'));
      v.long('omedelbara_atgarder', freeText(r, 'omedelbara_atgarder'));
      if (r.chance(0.8)) v.choice('bedomning', r.pick(['missforhallande', 'pataglig_risk']));
      v.date('rapport_datum', reported);
    },
  },

  serveringstillstand: {
    titles: ['Ansökan om serveringstillstånd', 'Ansökan – serveringstillstånd', 'Ansökan om serveringstillstånd enligt alkohollagen',
      'Serveringstillstånd, ansökan'],
    sections: [
      ['Sökande', [
        field('sokande_namn', 'text', ['Sökande (bolagets namn)', 'Bolagets namn', 'Firma', 'Sökande (företag)']),
        field('organisationsnummer', 'orgnr', ['Organisationsnummer', 'Org.nr', 'Organisationsnr']),
      ]],
      ['Serveringsställe', [
        field('serveringsstalle_namn', 'text', ['Serveringsställets namn', 'Restaurangens namn', 'Serveringsställe']),
        field('serveringsstalle_adress', 'text', ['Serveringsställets adress', 'Besöksadress', 'Adress till serveringsstället']),
        field('antal_sittplatser', 'integer', ['Antal sittplatser', 'Sittplatser', 'Antal sittplatser inomhus']),
      ]],
      ['Ansökan', [
        field('ansokan_avser', 'enum', ['Ansökan avser', 'Ansökan gäller'], { options: [
          option('nytt', 'Nytt tillstånd', 'Nytt serveringstillstånd'),
          option('andrat', 'Ändrat tillstånd', 'Ändring av befintligt tillstånd'),
          option('tillfalligt', 'Tillfälligt tillstånd', 'Tillfälligt serveringstillstånd'),
        ] }),
        field('tillstandstyp', 'enum', ['Tillståndet avser', 'Servering till'], { options: [
          option('allmanheten', 'Allmänheten'),
          option('slutet_sallskap', 'Slutet sällskap'),
          option('catering', 'Catering', 'Catering för slutna sällskap'),
          option('provsmakning', 'Provsmakning'),
        ] }),
        field('drycker', 'multienum', ['Drycker', 'Drycker som ska serveras'], { options: [
          option('starkol', 'Starköl'),
          option('vin', 'Vin'),
          option('spritdrycker', 'Spritdrycker', 'Sprit'),
          option('andra_jasta', 'Andra jästa alkoholdrycker', 'Cider och andra jästa drycker'),
        ] }),
        field('serveringstid_fran', 'time', ['Serveringstid från', 'Serveringstid, från']),
        field('serveringstid_till', 'time', ['Serveringstid till', 'Serveringstid, till']),
      ]],
      ['Kontaktperson', [
        field('kontaktperson_namn', 'text', ['Kontaktperson', 'Kontaktperson, namn']),
        field('kontaktperson_telefon', 'phone', ['Telefon', 'Telefon kontaktperson']),
        field('kontaktperson_epost', 'email', ['E-post', 'E-postadress', 'Mejl']),
        field('ansokan_datum', 'date', ['Datum', 'Ansökningsdatum', 'Datum och ort']),
      ]],
    ],
    fill(r, v) {
      const name = p.venue(r);
      const company = `${name.split(' ').pop()} ${r.pick(['Restaurang', 'Krog', 'Mat & Dryck', 'Gastronomi'])} AB`;
      v.text('sokande_namn', company);
      v.orgnr('organisationsnummer', organisationsnummer(r, '5'));
      v.text('serveringsstalle_namn', name);
      v.text('serveringsstalle_adress', p.street(r));
      if (r.chance(0.8)) {
        const seats = r.int(20, 180);
        v.set('antal_sittplatser', seats, String(seats));
      }
      v.choice('ansokan_avser', r.pick(['nytt', 'nytt', 'andrat', 'tillfalligt']));
      v.choice('tillstandstyp', r.pick(['allmanheten', 'allmanheten', 'slutet_sallskap', 'catering', 'provsmakning']));
      v.multi('drycker', r.some(['starkol', 'vin', 'spritdrycker', 'andra_jasta'], r.int(1, 4)));
      v.time('serveringstid_fran', r.pick(['11:00', '11:30', '12:00', '16:00', '17:00']));
      v.time('serveringstid_till', r.pick(['22:00', '23:00', '23:30', '00:00', '01:00']));
      const contact = p.fullName(r);
      v.text('kontaktperson_namn', contact);
      if (r.chance(0.8)) v.set('kontaktperson_telefon', null, p.telephone(r));
      if (r.chance(0.7)) {
        const mail = `${contact.split(' ')[0].toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@${name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.se`;
        v.set('kontaktperson_epost', mail, mail);
      }
      v.date('ansokan_datum', p.day(r, FIRST_DAY, LAST_DAY).normal);
    },
  },

  orosanmalan: {
    titles: ['Orosanmälan', 'Anmälan om oro för barn', 'Anmälan till socialnämnden om att ett barn kan behöva skydd eller stöd',
      'Orosanmälan – barn och unga'],
    sections: [
      ['Barnet', [
        field('barn_namn', 'text', ['Barnets namn', 'Barnets för- och efternamn', 'Namn på barnet']),
        field('barn_personnummer', 'personnummer', ['Barnets personnummer', 'Barnets personnr', 'Personnummer (barnet)']),
        field('barn_fodelsedatum', 'date', ['Födelsedatum', 'Barnets födelsedatum', 'Födelsedatum (om personnummer saknas)']),
        field('barn_adress', 'text', ['Barnets adress', 'Adress', 'Barnets bostadsadress']),
        field('vardnadshavare_namn', 'text', ['Vårdnadshavare', 'Föräldrar/vårdnadshavare', 'Vårdnadshavarens namn']),
      ]],
      ['Anmälare', [
        field('anmalare_typ', 'enum', ['Anmälare', 'Anmälaren är', 'Jag anmäler som'], { options: [
          option('skola', 'Skola'),
          option('forskola', 'Förskola'),
          option('halso_och_sjukvard', 'Hälso- och sjukvård', 'Sjukvård'),
          option('polis', 'Polis', 'Polismyndigheten'),
          option('socialtjanst', 'Socialtjänst'),
          option('annan_myndighet', 'Annan myndighet'),
          option('privatperson', 'Privatperson', 'Enskild person'),
        ] }),
        field('anmalare_namn', 'text', ['Anmälarens namn', 'Uppgiftslämnare', 'Ditt namn']),
        field('anmalare_verksamhet', 'text', ['Verksamhet', 'Arbetsplats', 'Yrkesroll', 'Verksamhet/arbetsplats']),
        field('anmalare_telefon', 'phone', ['Telefon', 'Telefonnummer', 'Telefon (dagtid)']),
      ]],
      ['Oron', [
        field('oro_beskrivning', 'long', ['Beskriv din oro', 'Beskrivning', 'Vad har hänt', 'Beskriv vad som gör dig orolig']),
        field('akut', 'boolean', ['Är det akut?', 'Behöver barnet skydd omedelbart?', 'Bedömer du att barnet behöver skydd omgående?']),
        field('vardnadshavare_informerad', 'boolean', ['Har vårdnadshavare informerats om anmälan?', 'Vårdnadshavare informerad', 'Känner vårdnadshavarna till anmälan?']),
        field('anmalan_datum', 'date', ['Datum', 'Anmälningsdatum', 'Datum för anmälan']),
      ]],
    ],
    fill(r, v) {
      const child = personnummer(r, 2010, 2024);
      v.text('barn_namn', p.fullName(r));
      if (r.chance(0.8)) v.id('barn_personnummer', child);
      else v.date('barn_fodelsedatum', child.birth);
      if (r.chance(0.7)) v.text('barn_adress', `${p.street(r)}, ${p.place(r).ort}`);
      if (r.chance(0.7)) v.text('vardnadshavare_namn', p.fullName(r));
      const kind = r.pick(['skola', 'skola', 'forskola', 'halso_och_sjukvard', 'polis', 'socialtjanst', 'privatperson', 'privatperson']);
      v.choice('anmalare_typ', kind);
      if (kind !== 'privatperson' || r.chance(0.6)) v.text('anmalare_namn', p.fullName(r));
      if (kind !== 'privatperson') v.text('anmalare_verksamhet', p.school(r));
      if (r.chance(0.7)) v.set('anmalare_telefon', null, p.telephone(r));
      v.long('oro_beskrivning', freeText(r, 'oro_beskrivning'));
      if (r.chance(0.8)) v.yesno('akut', r.chance(0.3));
      if (r.chance(0.8)) v.yesno('vardnadshavare_informerad', r.chance(0.5));
      v.date('anmalan_datum', p.day(r, FIRST_DAY, LAST_DAY).normal);
    },
  },
};

export const FORM_IDS = Object.keys(FORMS);

/** Every field of a form by key. */
export function fieldsOf(form) {
  return Object.fromEntries(FORMS[form].sections.flatMap(([, fields]) => fields.map((f) => [f.key, f])));
}

/**
 * One filled-in form: { answer: {key: normalised value}, printed: {key: text or {ticked}},
 * planted: [key] }. With `plant`, one identity number gets a wrong check digit; it is printed and
 * answered as read (FORMS.md: stored as read, with an error on its field).
 */
export function fill(form, r, { plant = false } = {}) {
  const answer = {}, printed = {}, ids = [];
  const v = {
    set(key, value, text) {
      answer[key] = value;
      printed[key] = text;
    },
    text(key, text) { this.set(key, text, text); },
    long(key, { normal, printed: text }) { this.set(key, normal, text); },
    id(key, number) {
      ids.push(key);
      printed[key] = { digits: number.digits, text: p.writePersonnummer(r, number.digits) };
      answer[key] = number.normal;
    },
    orgnr(key, number) {
      ids.push(key);
      printed[key] = { digits: number.digits, text: r.chance(0.7) ? number.normal : number.digits };
      answer[key] = number.normal;
    },
    date(key, normal) { this.set(key, normal, p.writeDate(r, normal)); },
    time(key, normal) { this.set(key, normal, p.writeTime(r, normal)); },
    money(key, kronor) { this.set(key, kronor, p.writeMoney(r, kronor)); },
    choice(key, value) { this.set(key, value, { ticked: [value] }); },
    multi(key, values) { this.set(key, values, { ticked: values }); },
    yesno(key, yes) { this.set(key, yes, { ticked: [yes] }); },
  };
  FORMS[form].fill(r, v);
  const planted = [];
  if (plant && ids.length) {
    const key = r.pick(ids);
    const { digits, text } = printed[key];
    const broken = breakCheckDigit(digits, r);
    const tail = broken.at(-1);
    printed[key] = { digits: broken, text: text.slice(0, -1) + tail };
    answer[key] = answer[key].slice(0, -1) + tail;
    planted.push(key);
  }
  for (const key of ids) printed[key] = printed[key].text;
  // The telephone's answer is its digits (FORMS.md: as written, digits compared).
  for (const [key, f] of Object.entries(fieldsOf(form)))
    if (f.type === 'phone' && key in printed) answer[key] = printed[key];
  return { answer, printed, planted };
}
