// Swedish names, places, businesses and the ways people write numbers and dates, for the answer keys.

export const FIRST = ['Anna', 'Maria', 'Elin', 'Karin', 'Sofia', 'Linnéa', 'Fatima', 'Amira', 'Ingrid', 'Märta',
  'Johan', 'Erik', 'Lars', 'Mikael', 'Ahmed', 'Omar', 'Björn', 'Gustav', 'Nils', 'Örjan', 'Åsa', 'Agnes',
  'Helena', 'Tove', 'Jonas', 'Per', 'Mohammed', 'Yasmin', 'Leila', 'Oskar', 'Viktor', 'Sven'];
export const LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson',
  'Svensson', 'Gustafsson', 'Pettersson', 'Lindqvist', 'Bergström', 'Holm', 'Åberg', 'Öhman', 'Ekström',
  'Hassan', 'Ali', 'Mahmoud', 'Sandberg', 'Forsberg', 'Sjöberg', 'Wikström', 'Lundgren', 'Engström'];
const STREETS = ['Storgatan', 'Kyrkogatan', 'Björkvägen', 'Södra Järnvägsgatan', 'Ekbacksvägen', 'Tallstigen',
  'Ringvägen', 'Skolgatan', 'Östra Långgatan', 'Lärkvägen', 'Mossebovägen', 'Stationsgatan', 'Hagagatan'];
export const TOWNS = [['Vetlanda', '574'], ['Eksjö', '575'], ['Borgholm', '387'], ['Växjö', '352'],
  ['Nässjö', '571'], ['Sävsjö', '576'], ['Tranås', '573'], ['Kalmar', '392'], ['Ljungby', '341'], ['Älmhult', '343']];
const UNITS = ['Solgårdens vård- och omsorgsboende', 'Hemtjänst Norra', 'Gruppbostaden Lärkan', 'Ekbackens äldreboende',
  'Daglig verksamhet Verkstan', 'Boendestöd Centrum', 'Korttidsboendet Rosen', 'Hemtjänst Löttorp'];
const ROLES = ['Undersköterska', 'Sjuksköterska', 'Boendestödjare', 'Personlig assistent', 'Enhetschef', 'Vårdbiträde',
  'Stödpedagog', 'Arbetsterapeut'];
const VENUES = ['Krogen Ekbacken', 'Restaurang Lärkan', 'Bistro Stationen', 'Hamnkrogen', 'Pizzeria Torget',
  'Café Gamla Stan', 'Brasseriet', 'Vinbaren Sju', 'Gästgiveriet', 'Thai Garden'];
const SCHOOLS = ['Östra skolan', 'Furulundsskolan', 'Förskolan Ängen', 'Vårdcentralen Centrum', 'BVC Norra',
  'Lokalpolisområde Vetlanda', 'Kyrkskolan', 'Förskolan Myran'];
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober',
  'november', 'december'];
const SHORT_MONTHS = ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'];

const pad = (n, width = 2) => String(n).padStart(width, '0');

export const fullName = (r) => `${r.pick(FIRST)} ${r.pick(LAST)}`;
export const street = (r) => `${r.pick(STREETS)} ${r.int(1, 48)}${r.chance(0.2) ? ' ' + r.pick(['A', 'B', 'C']) : ''}`;
export const unit = (r) => r.pick(UNITS);
export const role = (r) => r.pick(ROLES);
export const venue = (r) => r.pick(VENUES);
export const school = (r) => r.pick(SCHOOLS);

/** A town and its postnummer: { ort, normal: "NNN NN", printed }. */
export function place(r) {
  const [ort, prefix] = r.pick(TOWNS);
  const normal = `${prefix} ${pad(r.int(10, 99))}`;
  return { ort, normal, printed: r.chance(0.5) ? normal : normal.replace(' ', '') };
}

/** A Swedish mobile or landline number as written. */
export function telephone(r) {
  return r.chance(0.7)
    ? `07${r.pick(['0', '2', '3', '6'])}-${r.int(100, 999)} ${pad(r.int(0, 99))} ${pad(r.int(0, 99))}`
    : `0${r.int(380, 499)}-${r.int(10, 99)} ${r.int(100, 999)}`;
}

/** A day between two ISO dates: { normal: "YYYY-MM-DD", date }. */
export function day(r, from, to) {
  const a = Date.parse(from + 'T12:00:00Z'), b = Date.parse(to + 'T12:00:00Z');
  const date = new Date(a + r.int(0, Math.round((b - a) / 86400000)) * 86400000);
  return { date, normal: date.toISOString().slice(0, 10) };
}

export const addDays = (normal, days) => new Date(Date.parse(normal + 'T12:00:00Z') + days * 86400000).toISOString().slice(0, 10);

/** A date as people write it on a blankett. */
export function writeDate(r, normal) {
  const [y, m, d] = normal.split('-').map(Number);
  return r.pick([
    normal, normal, `${y}${pad(m)}${pad(d)}`, `${d}/${m} ${y}`, `${d} ${MONTHS[m - 1]} ${y}`, `${d} ${SHORT_MONTHS[m - 1]} ${y}`,
  ]);
}

export function writeMonth(r, normal) {
  const [y, m] = normal.split('-').map(Number);
  return r.pick([`${MONTHS[m - 1]} ${y}`, normal, `${MONTHS[m - 1].replace(/^./, (c) => c.toUpperCase())} ${y}`]);
}

/** Kronor as people write them: "4 800 kr", "4800:-", "4 800". */
export function writeMoney(r, kronor) {
  const spaced = String(kronor).replace(/\B(?=(\d{3})+$)/g, ' ');
  return r.pick([`${spaced} kr`, `${kronor}:-`, spaced, `${spaced}:-`]);
}

/** A personnummer as written: with or without century, dash or space. */
export function writePersonnummer(r, digits) {
  return r.pick([
    `${digits.slice(0, 8)}-${digits.slice(8)}`, `${digits.slice(0, 8)}-${digits.slice(8)}`, digits,
    `${digits.slice(2, 8)}-${digits.slice(8)}`, `${digits.slice(0, 8)} ${digits.slice(8)}`,
  ]);
}

export function writeTime(r, normal) {
  const [h, m] = normal.split(':');
  return r.pick([normal, `${h}.${m}`, m === '00' ? `kl. ${Number(h)}` : `kl. ${h}.${m}`]);
}
