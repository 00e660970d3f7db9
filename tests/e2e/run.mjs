// Browser test of the inkorg web UI. Starts `inkorg serve` in a temporary data folder, drives
// Debian's chromium (headless, through playwright-core; no browser is downloaded) through the
// registrators' and handläggare's work, and writes a screenshot of each page to the build folder.
//
//   node tests/e2e/run.mjs --inkorg build/inkorg --build-dir build [--formgen build/tools/formgen]
//                          [--chromium /usr/bin/chromium]
//
// Prints one line per step and ends with "N passed, N failed"; exits non-zero on a failure.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const inkorg = path.resolve(args.inkorg || 'build/inkorg');
const buildDir = path.resolve(args['build-dir'] || path.dirname(inkorg));
const formgen = path.resolve(args.formgen || path.join(buildDir, 'tools', 'formgen'));
const chromiumPath = args.chromium || '/usr/bin/chromium';
const shots = path.join(buildDir, 'e2e-screenshots');
fs.mkdirSync(shots, { recursive: true });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'inkorg-e2e-'));
const dataDir = path.join(work, 'data');
const SCRIPT = '<script>alert(1)</script>';

// ---- fixtures: born-digital blanketter from formgen, and a file no one can read -----------------
const SAMPLES = {
  ekonomiskt_bistand: {
    sokande_personnummer: '19121212-1212', sokande_namn: 'Anna Andersson', sokande_adress: 'Storgatan 12 B',
    sokande_postnummer: '35230', sokande_ort: 'Växjö', sokande_telefon: '070-123 45 67', antal_barn: '2',
    ansokan_manad: 'mars 2026', boendeform: 'hyresratt', antal_rum: '3', hyra: '6 900 kr', inkomst_lon: '12 500',
    inkomst_barnbidrag: '2 500', sokt_belopp: '5 000', underskrift_datum: '20 februari 2026',
  },
  lex_sarah: {
    rapportor_namn: 'Karin Berg', rapportor_befattning: 'Undersköterska', verksamhet: 'Solgårdens äldreboende',
    verksamhetsomrade: 'aldreomsorg', handelse_datum: '2026-02-10', upptackt_datum: '11/2 2026',
    berord_personnummer: '19550123-4560', berord_namn: 'Gösta Lind',
    beskrivning: 'Brukaren fick inte sina läkemedel under tre dagar eftersom signeringslistan saknades.',
    omedelbara_atgarder: 'Läkemedlen gavs samma dag och ny rutin för signering infördes.',
    bedomning: 'pataglig_risk', rapport_datum: '2026-02-12',
  },
};

function makeBlankett(form) {
  const values = path.join(work, `${form}.json`);
  fs.writeFileSync(values, JSON.stringify(SAMPLES[form]));
  const out = path.join(work, `${form}.pdf`);
  execFileSync(formgen, ['--form', form, '--layout', 'etikett-vänster', '--values', values, '-o', out], { stdio: 'pipe' });
  return out;
}

function drop(file, name) {
  const inbox = path.join(dataDir, 'inbox');
  const temporary = path.join(work, `.${name}`);
  fs.copyFileSync(file, temporary);
  fs.renameSync(temporary, path.join(inbox, name));
}

// ---- the daemon ---------------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

async function startDaemon() {
  const port = await freePort();
  const config = path.join(work, 'inkorg.properties');
  fs.writeFileSync(config, [
    `inkorg.http.port = ${port}`,
    'inkorg.intake.settleMilliseconds = 300',
    'inkorg.intake.pollMilliseconds = 200',
    'inkorg.ocr.workers = 1',
  ].join('\n') + '\n');
  const log = fs.openSync(path.join(work, 'serve.log'), 'a');
  const child = spawn(inkorg, ['serve', '--data-dir', dataDir, '--config', config], { stdio: ['ignore', 'pipe', log] });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; fs.writeSync(log, chunk); });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60000;
  while (Date.now() < until) {
    try {
      const response = await fetch(`${base}/api/health`);
      // The first administratör's token is in a file only the daemon's user reads, never on its output.
      const firstLogin = path.join(dataDir, 'forsta-inloggning.txt');
      if (response.ok && fs.existsSync(firstLogin)) {
        const adminToken = fs.readFileSync(firstLogin, 'utf8').trim();
        if (output.includes(adminToken)) throw new Error('inkorg serve wrote the login token to its output');
        return { child, base, adminToken };
      }
    } catch (_) { /* not yet */ }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`inkorg serve did not start:\n${output}\n${fs.readFileSync(path.join(work, 'serve.log'), 'utf8')}`);
}

async function apiCall(base, token, method, route, body) {
  const response = await fetch(base + route, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

// ---- steps --------------------------------------------------------------------------------------
let passed = 0;
let failed = 0;
let currentPage = null;
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    passed += 1;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}: ${error.stack || error}`);
    if (currentPage) await currentPage.screenshot({ path: path.join(shots, 'failure.png'), fullPage: true }).catch(() => {});
    throw error;
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Every visible input, select and textarea has an accessible name (a label, aria-label or
 * aria-labelledby); every screenshot checks it. */
async function expectLabelled(page, name) {
  const unnamed = await page.$$eval('input:not([type=hidden]), select, textarea', (controls) => controls
    .filter((control) => control.getClientRects().length > 0)
    .filter((control) => !(control.labels && [...control.labels].some((label) => label.textContent.trim())) &&
      !(control.getAttribute('aria-label') || '').trim() &&
      !(control.getAttribute('aria-labelledby') || '').split(/\s+/).some((id) => id && document.getElementById(id)?.textContent.trim()))
    .map((control) => control.id || control.name || control.outerHTML.slice(0, 80)));
  expect(unnamed.length === 0, `${name}: inputs without an accessible name: ${unnamed.join(', ')}`);
}

async function shot(page, name) {
  await expectLabelled(page, name);
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

// ---- the keyboard: Tab reaches every control, focus is visible, Enter and Space activate --------
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), ' +
  'textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';

/** What has the focus now, and is the focus visible (an outline of 2 px or more)? */
async function focused(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return null;
    const style = getComputedStyle(active);
    return {
      key: active.dataset.kb || active.id || active.tagName,
      id: active.id,
      visible: active.tagName === 'IFRAME' || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2),
      text: `${active.tagName.toLowerCase()}${active.id ? '#' + active.id : ''} "${(active.textContent || active.value || '').trim().slice(0, 40)}"`,
    };
  });
}

/** Presses Tab from the top of the page until the focus has gone round once: every visible
 * control must have been reached, each with a visible focus. */
async function tabThroughEveryControl(page, pageName) {
  const expected = await page.$$eval(FOCUSABLE, (controls) => controls
    .filter((control) => control.getClientRects().length > 0 || control.classList.contains('skip-link'))
    .map((control, index) => { control.dataset.kb = `kb${index}`; return `kb${index}`; }));
  await page.evaluate(() => { document.activeElement?.blur(); window.getSelection()?.removeAllRanges(); });
  await page.keyboard.press('Tab');
  // A date or month input takes one Tab per part (year, month, day), so the walk ends when the
  // focus is back on the first control, not on the first repeat.
  const reached = new Set();
  let first = null;
  for (let presses = 0; presses < expected.length * 3 + 5; presses += 1) {
    const now = await focused(page);
    if (now) {
      expect(now.visible, `${pageName}: the focus on ${now.text} is not visible`);
      if (first === null) first = now.key;
      else if (now.key === first) break;
      reached.add(now.key);
    }
    await page.keyboard.press('Tab');
  }
  const missed = expected.filter((key) => !reached.has(key));
  const names = await page.$$eval(missed.map((key) => `[data-kb="${key}"]`).join(',') || 'nothing-missed',
    (controls) => controls.map((control) => control.outerHTML.slice(0, 100)));
  expect(missed.length === 0, `${pageName}: Tab never reaches ${names.join(' | ')}`);
  return expected.length;
}

/** Presses Tab (or Shift+Tab) until `selector` has the focus, checking the focus is visible. */
async function tabTo(page, selector, { backwards = false, max = 120 } = {}) {
  for (let presses = 0; presses < max; presses += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted), selector)) {
      const now = await focused(page);
      expect(now.visible, `the focus on ${now.text} is not visible`);
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reaches ${selector}`);
}

async function login(page, base, token) {
  await page.goto(`${base}/`);
  await page.fill('#token', token);
  await page.click('button[type=submit]');
  await page.waitForSelector('#whoami');
}

async function logout(page) {
  await page.click('#logout');
  await page.waitForSelector('#token');
}

async function main() {
  const daemon = await startDaemon();
  const { base, adminToken } = daemon;
  const userData = fs.mkdtempSync(path.join(work, 'chromium-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(20000);
  const page = context.pages()[0] || await context.newPage();
  currentPage = page;
  let alerted = false;
  page.on('dialog', async (dialog) => { alerted = true; await dialog.dismiss(); });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  const tokens = {};
  let economicId = null;
  let sarahId = null;
  let paNumber = '';
  let snNumber = '';
  try {
    await step('an unknown visitor gets the login page and a wrong token is refused', async () => {
      const response = await page.goto(`${base}/`);
      expect(response.status() === 401, `status ${response.status()}`);
      await page.fill('#token', 'fel-kod');
      await page.click('button[type=submit]');
      await page.waitForSelector('#login-message .message.error');
      expect((await page.textContent('#login-message')).includes('Fel inloggningskod'), 'no error text');
      await shot(page, '01-login');
    });

    await step('the administratör adds a registrator on Användare', async () => {
      await login(page, base, adminToken);
      await page.goto(`${base}/anvandare`);
      await page.fill('#name', 'rita');
      await page.selectOption('#role', 'registrator');
      await page.click('#add-user button[type=submit]');
      tokens.rita = (await page.textContent('#new-token')).trim();
      expect(tokens.rita.length >= 20, 'no token shown');
      await page.waitForSelector('#users td:text-is("rita")');
      await shot(page, '02-anvandare');
      await logout(page);
      tokens.hanna = (await apiCall(base, adminToken, 'POST', '/api/users', { name: 'hanna', role: 'handläggare', unit: 'Försörjningsstöd' })).token;
      tokens.gun = (await apiCall(base, adminToken, 'POST', '/api/users', { name: 'gun', role: 'gruppledare', unit: 'Försörjningsstöd' })).token;
    });

    await step('dropped scans appear in Inkorgen without a reload', async () => {
      await login(page, base, tokens.rita);
      const economic = makeBlankett('ekonomiskt_bistand');
      const sarah = makeBlankett('lex_sarah');
      fs.writeFileSync(path.join(work, 'trasig.pdf'), '%PDF-1.4\nthis is not a pdf at all\n');
      drop(economic, 'ansokan.pdf');
      drop(sarah, 'lex-sarah.pdf');
      drop(path.join(work, 'trasig.pdf'), 'trasig.pdf');
      await page.waitForFunction(() => document.querySelectorAll('#documents tbody tr[data-id]').length >= 3, null, { timeout: 60000 });
      const text = await page.textContent('#documents tbody');
      expect(text.includes('Ansökan om ekonomiskt bistånd'), 'no ansökan in the list');
      expect(text.includes('19121212-****'), 'personnummer not masked in the list');
      expect(!text.includes('19121212-1212'), 'personnummer shown in clear in the list');
      expect(text.includes('Karantän'), 'quarantined file not in the list');
      const list = await apiCall(base, tokens.rita, 'GET', '/api/documents');
      economicId = list.find((doc) => doc.form === 'ekonomiskt_bistand').id;
      sarahId = list.find((doc) => doc.form === 'lex_sarah').id;
      paNumber = list.find((doc) => doc.id === economicId).diarienummer;
      snNumber = list.find((doc) => doc.id === sarahId).diarienummer;
      const firstRowPriority = await page.textContent('#documents tbody tr:first-child td:first-child');
      expect(firstRowPriority.includes('Brådskande'), `lex Sarah (brådskande) is not first: ${firstRowPriority}`);
      await shot(page, '03-inkorgen');
    });

    await step('search by personnummer finds the ansökan only; no "Visa fler" when all are shown', async () => {
      expect(await page.isHidden('#more'), '"Visa fler" is shown though every document is listed');
      await page.fill('#q', '19121212');
      await page.click('#filters button[type=submit]');
      await page.waitForFunction(() => document.querySelectorAll('#documents tbody tr[data-id]').length === 1);
      await page.fill('#q', '');
      await page.click('#filters button[type=submit]');
      await page.waitForFunction(() => document.querySelectorAll('#documents tbody tr[data-id]').length >= 3);
    });

    await step('the status filter "Dead letter" shows the e-mail that could not be received (none here), with no error', async () => {
      await page.selectOption('#status', 'dead_letter');
      await page.waitForFunction(() => document.querySelector('#documents tbody').textContent.includes('Inga handlingar matchar.'));
      expect((await page.textContent('#message')).trim() === '', `an error: ${await page.textContent('#message')}`);
      await page.selectOption('#status', '');
      await page.waitForFunction(() => document.querySelectorAll('#documents tbody tr[data-id]').length >= 3);
    });

    await step('keyboard: Tab reaches every control of Inkorgen with a visible focus; Enter opens Granska', async () => {
      const controls = await tabThroughEveryControl(page, 'Inkorgen');
      expect(controls >= 10, `only ${controls} controls on Inkorgen`);
      await page.evaluate(() => document.activeElement?.blur());
      await tabTo(page, `#documents tr[data-id="${economicId}"] a`);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#f-sokande_namn');
      await page.waitForSelector('#page-1 img');
      const fields = await tabThroughEveryControl(page, 'Granska');
      expect(fields >= 20, `only ${fields} controls on Granska`);
    });

    await step('Granska shows the page image beside the fields', async () => {
      await page.waitForSelector('#f-sokande_namn');
      await page.waitForSelector('#page-1 img');
      await page.waitForFunction(() => document.querySelector('#page-1 img').naturalWidth > 100);
      expect((await page.inputValue('#f-sokande_namn')) === 'Anna Andersson', 'wrong name');
      expect((await page.textContent('#facts')).includes('19121212-1212'), 'personnummer not shown once opened');
      await shot(page, '04-granska');
    });

    await step('a value the schema refuses is shown beside the field and nothing is stored', async () => {
      await page.fill('#f-sokande_postnummer', 'inte ett postnummer');
      await page.click('#save');
      await page.waitForSelector('#issues-sokande_postnummer .refused');
      expect((await page.getAttribute('#f-sokande_postnummer', 'aria-invalid')) === 'true', 'field not marked invalid');
      await shot(page, '05-granska-fel');
      const stored = await apiCall(base, tokens.rita, 'GET', `/api/documents/${economicId}`);
      expect(stored.fields.sokande_postnummer === '352 30', `stored ${stored.fields.sokande_postnummer}`);
    });

    await step('correcting a field keeps the correction', async () => {
      await page.fill('#f-sokande_postnummer', '35230');
      await page.fill('#f-sokande_telefon', '070-999 99 99');
      await page.click('#save');
      await page.waitForSelector('#fields-message .message.ok');
      const stored = await apiCall(base, tokens.rita, 'GET', `/api/documents/${economicId}`);
      expect(stored.fields.sokande_telefon === '070-999 99 99', 'correction not stored');
      expect(stored.events.some((event) => event.kind === 'corrected'), 'no corrected event');
    });

    await step('Registrera confirms the registration (keyboard: Tab to it, Space)', async () => {
      await tabTo(page, '#register');
      await page.keyboard.press('Space');
      await page.waitForSelector('#fields-message .message.ok');
      const stored = await apiCall(base, tokens.rita, 'GET', `/api/documents/${economicId}`);
      expect(stored.status === 'registered', `status ${stored.status}: ${JSON.stringify(stored.issues)}`);
    });

    await step('the registrator assigns the ansökan to a handläggare', async () => {
      await page.fill('#assign-unit', 'Försörjningsstöd');
      await page.fill('#assign-handlaggare', 'hanna');
      await page.click('#assign-button');
      await page.waitForFunction(() => document.querySelector('#facts').textContent.includes('hanna'));
    });

    await step('script in a value is shown as text, never run', async () => {
      await page.goto(`${base}/granska?id=${sarahId}`);
      await page.waitForSelector('#f-rapportor_namn');
      await page.fill('#f-rapportor_namn', SCRIPT);
      await page.click('#save');
      await page.waitForSelector('#fields-message .message.ok');
      expect((await page.textContent('#facts')).includes(SCRIPT), 'the avsändare is not shown as text on Granska');
      await page.goto(`${base}/`);
      await page.waitForSelector(`#documents tr[data-id="${sarahId}"]`);
      expect((await page.textContent(`#documents tr[data-id="${sarahId}"]`)).includes(SCRIPT), 'not shown as text in Inkorgen');
      expect(!alerted, 'a script ran');
      expect((await page.locator('script:text("alert(1)")').count()) === 0, 'a script element was made');
      await shot(page, '06-inkorgen-script-som-text');
      await page.goto(`${base}/granska?id=${sarahId}`);
      await page.waitForSelector('#f-rapportor_namn');
      await page.fill('#f-rapportor_namn', 'Karin Berg');
      await page.click('#save');
      await page.waitForSelector('#fields-message .message.ok');
    });

    await step('Karantän: discarding needs a reason', async () => {
      await page.goto(`${base}/karantan`);
      await page.waitForSelector('#quarantine tbody tr[data-id]');
      expect((await page.textContent('#quarantine tbody')).includes('trasig.pdf'), 'file not listed');
      await shot(page, '07-karantan');
      await page.click('#quarantine tbody tr[data-id] button.discard');
      await page.waitForSelector('#message .message.error');
      await page.fill('#quarantine tbody tr[data-id] input[id^="reason-"]', 'Tom fil, avsändaren har skickat om');
      await page.click('#quarantine tbody tr[data-id] button.discard');
      await page.waitForSelector('#quarantine td:text("Karantänen är tom.")');
      await logout(page);
    });

    await step('the handläggare sees her ärende only and another unit\'s document is refused', async () => {
      await login(page, base, tokens.hanna);
      await page.waitForSelector('#documents tbody tr[data-id]');
      const ids = await page.$$eval('#documents tbody tr[data-id]', (rows) => rows.map((row) => Number(row.dataset.id)));
      expect(ids.length === 1 && ids[0] === economicId, `handläggare sees ${ids}`);
      await page.goto(`${base}/granska?id=${sarahId}`);
      await page.waitForSelector('#message .message.error');
      expect((await page.textContent('#message')).includes('behörighet'), 'no refusal text');
    });

    await step('keyboard: Fatta beslut over the delegation is refused before Skicka', async () => {
      await page.goto(`${base}/granska?id=${economicId}`);
      await page.waitForSelector('#open-decision');
      await tabTo(page, '#open-decision');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#beslut:focus');
      expect(await page.isDisabled('#send-decision'), 'Spara och expediera works before any preview');
      const controls = await tabThroughEveryControl(page, 'Granska med beslutsformuläret');
      expect(controls >= 12, `only ${controls} controls with the decision form`);
      await tabTo(page, '#beslut', { backwards: true });
      await tabTo(page, '#belopp');
      await page.keyboard.type('80 000');
      await tabTo(page, '#motivering');
      await page.keyboard.type('Du har rätt till försörjningsstöd för mars 2026.');
      await tabTo(page, '#preview-decision');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#decision-form [role=alert] .message.error');
      const refusal = await page.textContent('#decision-form [role=alert]');
      expect(/delegation/i.test(refusal), `not a delegation refusal: ${refusal}`);
      await shot(page, '08-beslut-utanfor-delegation');
      const stored = await apiCall(base, tokens.hanna, 'GET', `/api/documents/${economicId}`);
      expect(stored.decisions.length === 0, 'a refused decision was stored');
    });

    await step('keyboard: an avslag with a standard phrase; the preview is the real PDF, Spara och expediera stores and registers it, the PDF downloads', async () => {
      await tabTo(page, '#beslut', { backwards: true });
      await page.keyboard.type('a');
      expect((await page.inputValue('#beslut')) === 'avslag', `beslut is ${await page.inputValue('#beslut')}`);
      await tabTo(page, '#belopp');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await tabTo(page, '#motivering');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await tabTo(page, '#phrase', { backwards: true });
      await page.keyboard.type('Dina');
      const chosen = await page.inputValue('#phrase');
      const options = await page.$$eval('#phrase option', (all) => all.map((option) => option.value.slice(0, 20)));
      expect(chosen.startsWith('Dina inkomster'), `phrase ${chosen} of ${options.join(' | ')}`);
      await tabTo(page, '#add-phrase');
      await page.keyboard.press('Space');
      const motivering = await page.inputValue('#motivering');
      expect(motivering.startsWith('Dina inkomster är högre än riksnormen'), `motivering: ${motivering}`);
      await tabTo(page, '#preview-decision');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#preview iframe.pdf');
      await page.waitForSelector('#decision-form [role=alert] .message.ok');
      await page.waitForTimeout(500);
      await shot(page, '09-beslut-forhandsgranskning');
      await tabTo(page, '#send-decision');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#download-decision');
      await page.waitForFunction(() => /expedierat/.test(document.querySelector('#decision-form [role=alert]').textContent));
      const expedierat = await page.textContent('#decision-form [role=alert]');
      expect(expedierat.includes(`${paNumber}-`) && expedierat.includes('med post'), `not expedierat in the ärende: ${expedierat}`);
      await tabTo(page, '#download-decision');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      const saved = path.join(buildDir, 'e2e-beslutsbrev.pdf');
      await download.saveAs(saved);
      const bytes = fs.readFileSync(saved);
      expect(bytes.subarray(0, 5).toString() === '%PDF-', 'not a PDF');
      const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' });
      expect(text.includes(paNumber), `the letter lacks ${paNumber}`);
      expect(text.includes('Anna Andersson'), 'the letter lacks the sökande');
      expect(text.includes('Din ansökan avslås'), 'the letter does not say that the ansökan is refused');
      expect(text.includes('Dina inkomster är högre än riksnormen'), 'the letter lacks the motivering');
      const stored = await apiCall(base, tokens.hanna, 'GET', `/api/documents/${economicId}`);
      expect(stored.decisions.length === 1 && stored.decisions[0].beslut === 'avslag', 'decision not stored');
      await shot(page, '10-beslut-skickat');
    });

    await step('Frister lists the open deadlines', async () => {
      await logout(page);
      await login(page, base, tokens.rita);
      await page.goto(`${base}/frister`);
      await page.waitForSelector('#deadlines tbody tr');
      expect((await page.textContent('#deadlines tbody')).includes(snNumber), 'the lex Sarah utredning is not listed');
      await shot(page, '11-frister');
      await logout(page);
    });

    await step('Loggkontroll lists who read what, with the refused attempt', async () => {
      await login(page, base, tokens.gun);
      await page.goto(`${base}/loggkontroll`);
      await page.fill('#user', 'hanna');
      await page.click('#filters button[type=submit]');
      await page.waitForFunction(() => document.querySelector('#audit tbody').textContent.includes('Nekad åtkomst'));
      const text = await page.textContent('#audit tbody');
      expect(text.includes('Läste') && text.includes(paNumber), 'the read is not listed');
      expect(text.includes(snNumber), 'the refused attempt does not name the document');
      await shot(page, '12-loggkontroll');
      await logout(page);
    });

    await step('the public diarium needs no login and hides the personakt document', async () => {
      const response = await page.goto(`${base}/diarium`);
      expect(response.status() === 200, `status ${response.status()}`);
      await page.waitForSelector('#diarium tbody tr');
      const text = await page.textContent('#diarium tbody');
      expect(text.includes(snNumber), 'the diarium document is missing');
      expect(!text.includes(paNumber), 'the personakt document is public');
      expect(!text.includes('Anna Andersson') && !text.includes('19121212') && !text.includes('Gösta Lind'), 'secret data is public');
      await shot(page, '13-diarium');
    });

    await step('after logout the pages answer with the login page', async () => {
      const response = await page.goto(`${base}/granska?id=${economicId}`);
      expect(response.status() === 401, `status ${response.status()}`);
      expect((await page.content()).includes('Logga in i inkorg'), 'no login page');
      expect(!(await page.content()).includes('Anna Andersson'), 'content leaked');
    });

    await step('an expired session: the open page turns into the login page, the API answers 401, nothing leaks', async () => {
      await login(page, base, tokens.rita);
      await page.waitForSelector(`#documents tr[data-id="${economicId}"]`);
      // The session's end (inkorg.http.sessionHours) is moved into the past in the database.
      execFileSync('sqlite3', [path.join(dataDir, 'inkorg.db'), "UPDATE sessions SET expires_at = '2001-01-01T00:00:00.000Z'"]);
      await page.waitForSelector('#token', { timeout: 15000 });   // the next update of the list gets 401
      const content = await page.content();
      expect(content.includes('Logga in i inkorg'), 'no login page');
      expect(!content.includes('Anna Andersson') && !content.includes('19121212'), 'content leaked');
      const status = await page.evaluate(async () => (await fetch('/api/documents')).status);
      expect(status === 401, `the API answered ${status}`);
      await shot(page, '14-session-utgangen');
      expect(pageErrors.length === 0, `errors in the pages: ${pageErrors.join('; ')}`);
    });
  } catch (_) {
    // the failing step has been reported
  } finally {
    await context.close().catch(() => {});
    daemon.child.kill('SIGTERM');
    await new Promise((resolve) => { daemon.child.once('exit', resolve); setTimeout(resolve, 10000); });
    if (failed === 0) fs.rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work} (serve.log) for the failure`);
  }
  console.log(`screenshots in ${shots}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((error) => {
  console.log(`FAIL setup: ${error.stack || error}`);
  console.log(`0 passed, 1 failed`);
  process.exit(1);
});
