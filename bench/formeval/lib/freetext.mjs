// Free text for the long fields, written for this evaluation: two to four sentences a field,
// sometimes broken over lines as a person types them into a box.

const TEXTS = {
  beskrivning: [
    'Vid morgonens besök hade brukaren inte fått sina läkemedel sedan föregående dag.',
    'Larmet i lägenheten var urkopplat och ingen personal hade märkt det under natten.',
    'En kollega talade till brukaren på ett kränkande sätt i samband med duschen.',
    'Brukaren lämnades ensam i rullstolen i matsalen i drygt två timmar.',
    'Besöket enligt genomförandeplanen uteblev eftersom schemat inte var bemannat.',
    'Brukaren hittades på golvet i sovrummet och hade troligen legat där sedan kvällen.',
    'Dokumentationen visar att tillsynen under natten inte genomfördes som planerat.',
    'Det saknades rena kläder och sängkläderna hade inte bytts på flera veckor.',
  ],
  konsekvens: [
    'Brukaren blev orolig och hade svårt att sova de följande nätterna.',
    'Ett blåmärke på höger höft, läkare kontaktades för bedömning.',
    'Risk för försämrat blodsocker eftersom insulinet inte gavs i tid.',
    'Brukaren uttrycker att hon inte längre känner sig trygg med personalen.',
    'Ingen synlig skada men brukaren var kall och uttorkad.',
  ],
  omedelbara_atgarder: [
    'Sjuksköterska tillkallades och läkemedlen gavs direkt.',
    'Larmet kopplades in och testades samma dag.',
    'Enhetschefen informerades och schemat för helgen har setts över.',
    'Medarbetaren har flyttats från uppdraget i väntan på utredning.',
    'Anhöriga har underrättats och extra tillsyn har satts in varannan timme.',
    'Rutinen för överlämning vid skiftbyte har gåtts igenom med all personal.',
  ],
  oro_beskrivning: [
    'Barnet har under de senaste veckorna kommit till skolan utan frukost och utan kläder efter väder.',
    'Hon berättade idag att pappa slår när han har druckit och att hon inte vill gå hem.',
    'Barnet har blåmärken på båda överarmarna som inte kan förklaras av lek.',
    'Frånvaron har ökat kraftigt sedan i höstas och vårdnadshavarna svarar inte när vi ringer.',
    'Grannar har hört höga bråk och ett barn som gråter sent på kvällarna flera gånger i veckan.',
    'Pojken verkar mycket trött, somnar på lektionerna och säger att han är rädd för mammas nya sambo.',
    'Vid hämtning på förskolan har vårdnadshavaren vid två tillfällen varit påverkad.',
    'Barnet har berättat för sin mentor att hon skadar sig själv och inte orkar längre.',
  ],
};

/** { normal: one line of the sentences, printed: as typed (line breaks where a person would). */
export function freeText(r, key) {
  const sentences = r.some(TEXTS[key], r.int(2, key === 'konsekvens' ? 2 : 4));
  const printed = sentences.map((s, i) => (i > 0 && r.chance(0.35) ? '\n' : i > 0 ? ' ' : '') + s).join('');
  return { normal: sentences.join(' '), printed };
}
