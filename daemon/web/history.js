// Handlingens historik i ord: varje händelse blir en svensk mening med vem, vad (med värdena före
// och efter) och när, t.ex. "Rita ändrade Hyra från 6 580 till 6 850 den 7 dec 2026 kl. 10.14".
// Inga interna koder visas; en händelse som sidan inte känner till sägs med allmänna ord.
import { spokenTime, STATUS, PRIORITY } from '/app.js';

const BESLUT = { bifall: 'bifall', delvis: 'delvis bifall', avslag: 'avslag' };
const SATT = { post: 'med post', 'e-post': 'med e-post', bud: 'med bud', personligt: 'personligen' };
const UTFALL = { omprovat: 'beslutet omprövades', overlamnat: 'överlämnat till förvaltningsrätten', avvisat: 'avvisat som för sent' };

/** En användare med fullständigt namn och titel när hen har det ("Rita Rask (registrator)"), annars
 * inloggningsnamnet. people: API:ts {inloggningsnamn: {namn, titel}}, slaget upp när sidan läses. */
function person(login, people) {
  const known = (people || {})[login];
  if (!known || !known.namn) return login;
  const title = known.titel || '';
  // En titel mitt i meningen skrivs med liten bokstav ("socialsekreterare"), en förkortning ("IT-…") inte.
  const inSentence = /^.\p{Ll}/u.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
  return inSentence ? `${known.namn} (${inSentence})` : known.namn;
}

/** "system" är inkorg själv; annars användaren. */
function who(event, people) {
  if (event.actor === 'system') return 'inkorg';
  return event.actor ? person(event.actor, people) : 'någon';
}

/** a, b och c */
function list(parts) {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}`;
}

function isEmpty(value) {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Ett värde som text, med alternativens namn för val och kryssrutor. */
function shown(value, field) {
  if (isEmpty(value)) return '(tomt)';
  const label = (one) => (field && field.options ? (field.options.find((option) => option.value === one) || {}).label : null) || String(one);
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return label(value);
}


/** Fältändringar mellan två uppsättningar värden: "ändrade Hyra från 6 580 till 6 850". */
function fieldChanges(before, after, form) {
  const keys = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])];
  const fields = form ? form.fields : [];
  const order = (key) => { const index = fields.findIndex((field) => field.key === key); return index < 0 ? fields.length : index; };
  keys.sort((a, b) => order(a) - order(b));
  const changes = [];
  for (const key of keys) {
    const was = (before || {})[key];
    const now = (after || {})[key];
    if (JSON.stringify(was) === JSON.stringify(now) || (isEmpty(was) && isEmpty(now))) continue;
    const field = fields.find((candidate) => candidate.key === key);
    const name = field ? field.label : key;
    if (isEmpty(was)) changes.push(`fyllde i ${name} med ${shown(now, field)}`);
    else if (isEmpty(now)) changes.push(`tömde ${name} (var ${shown(was, field)})`);
    else changes.push(`ändrade ${name} från ${shown(was, field)} till ${shown(now, field)}`);
  }
  return changes;
}

function corrected(detail, form) {
  const changes = detail.changes || {};
  const parts = [];
  if (changes.record) parts.push(...fieldChanges(changes.record.before, changes.record.after, form));
  if (changes.priority) {
    parts.push(`ändrade prioritet från ${PRIORITY[changes.priority.before] || changes.priority.before} till ${PRIORITY[changes.priority.after] || changes.priority.after}`);
  }
  for (const [key, name] of [['avsandareSecret', 'avsändare'], ['beskrivningSecret', 'beskrivning'],
    ['avsandarePublic', 'avsändare i det allmänna diariet'], ['beskrivningPublic', 'beskrivning i det allmänna diariet']]) {
    if (changes[key]) parts.push(`ändrade ${name} från ${shown(changes[key].before)} till ${shown(changes[key].after)}`);
  }
  if (changes.status) {
    parts.push(changes.status.after === 'registered'
      ? 'bekräftade registreringen'
      : `ändrade status från ${STATUS[changes.status.before] || changes.status.before} till ${STATUS[changes.status.after] || changes.status.after}`);
  }
  if (parts.length === 0 && (changes.issues || changes.fieldConfidence)) parts.push('kontrollerade fälten på nytt');
  return parts.length ? list(parts) : 'sparade handlingen utan ändringar';
}

function deadlineName(detail) {
  return `fristen ${detail.title || detail.kind || ''}${detail.due ? ` (${spokenTime(detail.due)})` : ''}`.replace(/\s+\(/, ' (');
}

/** Vad som hände, utan vem och när. forms: alla formulär (för fältens och formulärens namn). */
function what(event, forms, people) {
  const detail = event.detail || {};
  const formOf = (id) => forms.find((form) => form.id === id);
  const formTitle = (id) => (id ? (formOf(id) || {}).title || id : 'inget formulär');
  switch (event.kind) {
    case 'registered':
      return event.actor === 'system'
        ? `tog emot handlingen och registrerade den som ${detail.diarienummer || 'ny handling'}` +
          (detail.status === 'needs_review' || detail.status === 'unclassified' ? ' (att granskas)' : '')
        : `registrerade handlingen som ${detail.diarienummer || 'ny handling'}`;
    case 'field_locations': return 'läste av fälten och sparade var på sidan de står';
    case 'archive_copy': return `sparade en arkivkopia${detail.format ? ` (${detail.format})` : ''}`;
    case 'archive_copy_failed': return 'kunde inte spara arkivkopian (se loggen)';
    case 'corrected': return corrected(detail, event.form);
    case 'form_changed': return `bytte formulär från ${formTitle(detail.before)} till ${formTitle(detail.after)}`;
    case 'inkom_set':
      if (detail.source === 'ankomststämpel') return `Inkom datum från ankomststämpeln: ${spokenTime(detail.after)} (skannad ${spokenTime(detail.before)})`;
      return `ändrade inkom datum från ${spokenTime(detail.before) || '(tomt)'} till ${spokenTime(detail.after)}`;
    case 'assigned':
      return `fördelade handlingen till ${detail.unit || 'ingen enhet'}` +
        (detail.handlaggare ? ` med ${person(detail.handlaggare, people)} som handläggare` : ' (enhetens kö)');
    case 'decision':
      return `fattade beslut om ${BESLUT[detail.beslut] || detail.beslut || 'beslut'}${detail.date ? ` med beslutsdatum ${spokenTime(detail.date)}` : ''}`;
    case 'decision_superseded':
      return `fattade ett nytt beslut om ${BESLUT[detail.beslut] || detail.beslut || 'beslut'} som ersätter det tidigare`;
    case 'beslutsbrev': return 'skapade beslutsbrevet';
    case 'delegationsbeslut': return `fattade beslutet på delegation${detail.punkt ? ` (punkt ${detail.punkt})` : ''}`;
    case 'deadline_done': return `klarmarkerade ${deadlineName(detail)}`;
    case 'deadline_reopened': return `ångrade klarmarkeringen av ${deadlineName(detail)}`;
    case 'quarantined': return `lade filen i karantän${detail.reason ? `: ${detail.reason}` : ''}`;
    case 'released': return 'släppte handlingen ur karantänen';
    case 'discarded': return `kasserade handlingen${detail.reason ? `: ${detail.reason}` : ''}`;
    case 'duplicate_received': return `tog emot samma fil en gång till${detail.originalName ? ` (${detail.originalName})` : ''}`;
    case 'same_bytes': return detail.diarienummer ? `noterade att filen är densamma som ${detail.diarienummer}` : 'noterade att filen redan finns i karantänen';
    case 'mail_received': return `tog emot e-postmeddelandet${detail.attachments ? ` med ${detail.attachments} bilag${detail.attachments === 1 ? 'a' : 'or'}` : ''}`;
    case 'message_id_reused': return `noterade att e-postens meddelande-id redan finns på ${detail.diarienummer || 'en annan handling'}`;
    case 'batch_part': return `delade upp inskanningen${detail.part ? `; det här är del ${detail.part}${detail.parts ? ` av ${detail.parts}` : ''}` : ''}`;
    case 'register_moved': return `flyttade handlingen till ${detail.register ? `registret ${detail.register}` : 'ett annat register'}`;
    case 'arende_started': return `startade ärendet ${detail.diarienummer || ''} med handlingen`.replace('  ', ' ');
    case 'arende_handling': return `lade handlingen i ärendet ${detail.arendeDiarienummer || ''}`.trimEnd();
    case 'arende_status': return `ändrade ärendets status från ${detail.before || '(tomt)'} till ${detail.after || '(tomt)'}`;
    case 'expedierad':
      return `expedierade beslutsbrevet${detail.diarienummer ? ` (${detail.diarienummer})` : ''}${detail.satt ? ` ${SATT[detail.satt] || `med ${detail.satt}`}` : ''}`;
    case 'namndbeslut': return `förde beslutet till nämnden${detail.paragraf ? ` (${detail.paragraf})` : ''}`;
    case 'verkstallighet':
      return detail.verkstalld ? `noterade att beslutet verkställdes ${spokenTime(detail.verkstalld)}${detail.insats ? ` (${detail.insats})` : ''}`
        : `noterade varför beslutet inte är verkställt${detail.skal ? `: ${detail.skal}` : ''}`;
    case 'verkstallighet_avbrott':
      return `noterade att verkställigheten avbröts ${spokenTime(detail.avbruten)}${detail.skal ? `: ${detail.skal}` : ''}`;
    case 'verkstallighet_aterupptagen': return `noterade att verkställigheten återupptogs ${spokenTime(detail.aterupptagen)}`;
    case 'verkstallighet_avslutad':
      return `noterade att beslutet avslutades utan verkställighet ${spokenTime(detail.avslutad)}${detail.skal ? `: ${detail.skal}` : ''}`;
    case 'protokoll_anslag': return `noterade att protokollet med beslutet anslogs ${spokenTime(detail.datum)}`;
    case 'lex_sarah_bedomning':
      return `bedömde missförhållandet som ${detail.allvarligt ? 'allvarligt' : 'inte allvarligt'}${detail.datum ? ` (${spokenTime(detail.datum)})` : ''}`;
    case 'ivo_anmalan': return `anmälde missförhållandet till IVO${detail.ivoDiarienummer ? ` (IVO:s diarienummer ${detail.ivoDiarienummer})` : ''}`;
    case 'overklagande':
      return `tog emot ett överklagande${detail.inkom ? ` som kom in ${spokenTime(detail.inkom)}` : ''}` +
        (detail.rattidig === false ? ' – för sent' : detail.rattidig ? ' i rätt tid' : '');
    case 'overklagande_avgjort': return `avgjorde överklagandet: ${UTFALL[detail.utfall] || detail.utfall || 'avgjort'}`;
    default: return 'gjorde en ändring som inte kan visas här';
  }
}

/** Händelsen som en mening: "Rita Rask (registrator) ändrade Hyra från 6 580 till 6 850 den 7 dec
 * 2026 kl. 10.14." event.form är formuläret som gällde (för fältens namn); people som för person(). */
export function eventSentence(event, forms, people) {
  const text = `${who(event, people)} ${what(event, forms, people)}`;
  const when = spokenTime(event.at);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${when ? ` den ${when}` : ''}.`;
}
