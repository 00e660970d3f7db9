// Delat för alla sidor: anrop till API:t, sidhuvudet med meny, och hjälp för att bygga DOM.
// Data från servern sätts alltid som text (textContent), aldrig som HTML.

export class ApiError extends Error {
  constructor(status, message, data) {
    super(message);
    this.status = status;
    this.data = data || {};
  }
}

/** Anropar API:t. Svarar 401 är sessionen slut: sidan laddas om och servern visar inloggningen. */
export async function api(path, { method = 'GET', body, raw = false } = {}) {
  const options = { method, credentials: 'same-origin', headers: {} };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (response.status === 401 && !path.startsWith('/api/session')) {
    window.location.reload();
    throw new ApiError(401, 'Inloggningen har gått ut');
  }
  if (!response.ok) {
    let data = {};
    try { data = await response.json(); } catch (_) { /* inte JSON */ }
    throw new ApiError(response.status, data.error || `Fel ${response.status}`, data);
  }
  if (raw) return response;
  return response.json();
}

/** Skapar ett element; barn som är strängar blir textnoder. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const STATUS = {
  registered: 'Registrerad',
  needs_review: 'Behöver granskas',
  unclassified: 'Oklassificerad',
  quarantined: 'Karantän',
  discarded: 'Kasserad',
  dead_letter: 'E-post ej mottagen',
};

export const PRIORITY = { akut: 'Akut', 'brådskande': 'Brådskande', normal: 'Normal' };

export const ROLE = {
  registrator: 'Registrator',
  'handläggare': 'Handläggare',
  gruppledare: 'Gruppledare',
  'administratör': 'Administratör',
};

export function statusBadge(status) {
  return el('span', { class: `badge status-${status}` }, STATUS[status] || status);
}

export function priorityBadge(priority) {
  return el('span', { class: `badge priority-${priority}` }, PRIORITY[priority] || priority);
}

/** "2026-03-02T08:15:00.000Z" → "2026-03-02 09:15"; ett rent datum visas som det är. */
export function formatTime(iso) {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** Dagen i Sverige ("2026-07-01") för en UTC-tid ("2026-06-30T22:30:00Z") eller ett datum. */
export function swedishDate(iso) {
  if (!iso || /^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso || '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

const MONTHS = ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "2026-12-07T09:14:00Z" → "7 dec 2026 kl. 10.14" (svensk tid); ett rent datum → "7 dec 2026". */
export function spokenTime(iso) {
  if (!iso) return '';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) return `${Number(plain[3])} ${MONTHS[Number(plain[2]) - 1]} ${plain[1]}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit',
  }).formatToParts(date).map((part) => [part.type, part.value]));
  return `${Number(parts.day)} ${MONTHS[Number(parts.month) - 1]} ${parts.year} kl. ${parts.hour}.${parts.minute}`;
}

/** En tabellcell med datum och tid som var för sig aldrig bryts ("2026-12-07 10:14"; i ett smalt
 * fönster hamnar tiden under datumet, aldrig "2026-12-" på en rad och "07" på nästa). */
export function timeCell(iso) {
  const [date, time] = formatTime(iso).split(' ');
  return el('td', { class: 'time' }, el('span', { class: 'nowrap' }, date), time ? ' ' : null, time ? el('span', { class: 'nowrap' }, time) : null);
}

export function today() {
  return swedishDate(new Date().toISOString());
}

/** Visar ett meddelande i en aria-live-yta. kind: ok | warn | error | info. */
export function say(region, text, kind = 'info') {
  region.replaceChildren();
  if (!text) return;
  region.append(el('div', { class: `message ${kind}` }, text));
}

const PAGES = [
  { href: '/', label: 'Inkorgen' },
  { href: '/karantan', label: 'Karantän', roles: ['registrator', 'administratör'] },
  { href: '/arenden', label: 'Ärenden' },
  { href: '/frister', label: 'Frister' },
  { href: '/loggkontroll', label: 'Loggkontroll', roles: ['gruppledare', 'administratör'] },
  { href: '/anvandare', label: 'Användare', roles: ['administratör'] },
  { href: '/diarium', label: 'Allmänhetens diarium' },
];

/** Hämtar inloggad användare och bygger sidhuvudet. Returnerar användaren. mayLeave: frågar
 * sidan om man får lämna den (osparade ändringar) innan Logga ut; svarar den false görs inget. */
export async function startPage({ mayLeave = async () => true } = {}) {
  const me = await api('/api/session');
  const header = document.querySelector('header.top');
  const here = window.location.pathname.replace(/\.html$/, '').replace(/\/index$/, '/');
  const links = PAGES.filter((page) => !page.roles || page.roles.includes(me.role)).map((page) =>
    el('li', {}, el('a', { href: page.href, 'aria-current': here === page.href ? 'page' : null }, page.label)));
  const logout = el('button', { type: 'button', id: 'logout' }, 'Logga ut');
  logout.addEventListener('click', async () => {
    if (!await mayLeave()) return;
    await api('/api/session', { method: 'DELETE' });
    window.location.href = '/';
  });
  header.replaceChildren(
    el('a', { class: 'skip-link', href: '#main' }, 'Hoppa till innehållet'),
    el('span', { class: 'brand' }, 'inkorg'),
    el('nav', { 'aria-label': 'Huvudmeny' }, el('ul', {}, links)),
    el('span', { class: 'who' },
      el('span', { id: 'whoami' }, `${me.namn || me.name} (${ROLE[me.role] || me.role}${me.unit ? ', ' + me.unit : ''})`),
      logout));
  // Warnings the daemon gives every user (e.g. that the kommun's name and address are still the
  // example ones), as a banner under the header.
  for (const warning of Array.isArray(me.varningar) ? me.varningar : []) {
    header.after(el('div', { class: 'banner message error', role: 'alert' }, `⚠ ${warning}`));
  }
  return me;
}

/** Användarnas fullständiga namn, {inloggningsnamn: "Hanna Holm"}, för de roller som får se
 * användarlistan (registrator, gruppledare, administratör); andra får bara sitt eget. Listor visar
 * personer med namn, inte med inloggningsnamn. */
export async function fullNames(me) {
  if (!['registrator', 'gruppledare', 'administratör'].includes(me.role)) return me.namn ? { [me.name]: me.namn } : {};
  const users = await api('/api/users');
  return Object.fromEntries(users.filter((user) => user.namn).map((user) => [user.name, user.namn]));
}

/** Laddar ner bytes som en fil med ett namn. */
export function downloadLink(blob, fileName, label) {
  const url = URL.createObjectURL(blob);
  return el('a', { href: url, download: fileName, class: 'button secondary' }, label);
}

/** Frågar innan en åtgärd som inte går att ångra (eller som får följder): en modal dialog med
 * följden i klartext. Svarar true om användaren bekräftar, false om hen avbryter (Esc, Avbryt). */
export function confirmAction({ title, consequence, confirm, danger = false }) {
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
      el('h2', { id: 'confirm-title' }, title),
      el('p', { id: 'confirm-text' }, consequence));
    const cancel = el('button', { type: 'button', class: 'secondary', id: 'confirm-cancel' }, 'Avbryt');
    const accept = el('button', { type: 'button', class: danger ? 'danger' : '', id: 'confirm-accept' }, confirm);
    dialog.append(el('div', { class: 'actions' }, cancel, accept));
    let answer = false;
    cancel.addEventListener('click', () => dialog.close());
    accept.addEventListener('click', () => { answer = true; dialog.close(); });
    dialog.addEventListener('close', () => { dialog.remove(); resolve(answer); });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
