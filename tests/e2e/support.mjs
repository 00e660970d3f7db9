// What the browser tests share: their arguments, a daemon in a temporary folder, the API with a
// bearer token, born-digital blanketter from formgen dropped into the inbox, steps that report
// and stop at the first failure, and logging in through the login page.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** --inkorg, --build-dir, --formgen, --chromium, --share-dir, --keep-going, with their defaults
 * (args: all of them as given); `prefix` names the temporary folder (work, with data/ for the
 * daemon) and the failure's screenshot. */
export function setUp(prefix) {
  const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []));
  const inkorg = path.resolve(args.inkorg || 'build/inkorg');
  const buildDir = path.resolve(args['build-dir'] || path.dirname(inkorg));
  const shots = path.join(buildDir, 'e2e-screenshots');
  fs.mkdirSync(shots, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `inkorg-e2e-${prefix}-`));
  return {
    prefix, args, inkorg, buildDir, shots, work,
    dataDir: path.join(work, 'data'),
    formgen: path.resolve(args.formgen || path.join(buildDir, 'tools', 'formgen')),
    chromium: args.chromium || '/usr/bin/chromium',
    shareDir: path.resolve(args['share-dir'] || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..')),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

/** Starts `inkorg serve` on a free port with the checkout's pages and forms; resolves when it
 * answers and the first administratör's token is in its file: { child, base, adminToken, config }. */
export async function startDaemon(test) {
  const port = await freePort();
  const config = path.join(test.work, 'inkorg.properties');
  fs.writeFileSync(config, [`inkorg.http.port = ${port}`, 'inkorg.intake.settleMilliseconds = 300',
    'inkorg.intake.pollMilliseconds = 200', 'inkorg.ocr.workers = 1', `inkorg.share.dir = ${test.shareDir}`].join('\n') + '\n');
  const logFile = path.join(test.work, 'serve.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(test.inkorg, ['serve', '--data-dir', test.dataDir, '--config', config], { stdio: ['ignore', log, log] });
  const base = `http://127.0.0.1:${port}`;
  const firstLogin = path.join(test.dataDir, 'forsta-inloggning.txt');
  for (const until = Date.now() + 60000; Date.now() < until && child.exitCode === null;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok && fs.existsSync(firstLogin)) {
        const adminToken = fs.readFileSync(firstLogin, 'utf8').trim();
        // The first administratör's token is in a file only the daemon's user reads, never on its output.
        if (fs.readFileSync(logFile, 'utf8').includes(adminToken)) throw new Error('inkorg serve wrote the login token to its output');
        return { child, base, config, adminToken };
      }
    } catch (error) {
      if (error.message.includes('login token')) throw error;   // else: not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`inkorg serve did not start:\n${fs.readFileSync(logFile, 'utf8')}`);
}

/** Stops the daemon; the temporary folder goes unless a step failed (then its log is kept). */
export async function stopDaemon(test, daemon, failed) {
  daemon.child.kill('SIGTERM');
  await new Promise((resolve) => { daemon.child.once('exit', resolve); setTimeout(resolve, 10000); });
  if (failed === 0) fs.rmSync(test.work, { recursive: true, force: true });
  else console.log(`kept ${test.work} (serve.log) for the failure`);
}

/** One API call with a bearer token; throws with the status and answer unless it is 2xx. */
export async function apiCall(base, token, method, route, body) {
  const response = await fetch(base + route, {
    method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** A born-digital blankett of `form` filled in with `values` (formgen), as a file in work. */
export function makeBlankett(test, form, values, name = form) {
  const valuesFile = path.join(test.work, `${name}.json`);
  fs.writeFileSync(valuesFile, JSON.stringify(values));
  const out = path.join(test.work, `${name}.pdf`);
  execFileSync(test.formgen, ['--form', form, '--layout', 'etikett-vänster', '--values', valuesFile, '-o', out], { stdio: 'pipe' });
  return out;
}

/** A one-page PDF whose text layer is `lines` (Helvetica, WinAnsi: Swedish letters included). */
export function textPdf(lines) {
  const text = lines.map((line, i) => `BT /F1 12 Tf 72 ${760 - 18 * i} Td (${line.replace(/[\\()]/g, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Puts a file (a path, or the bytes) into the daemon's inbox whole: written beside it, then
 * renamed in. */
export function drop(test, file, name) {
  const temporary = path.join(test.work, `.${name}`);
  if (Buffer.isBuffer(file)) fs.writeFileSync(temporary, file);
  else fs.copyFileSync(file, temporary);
  fs.renameSync(temporary, path.join(test.dataDir, 'inbox', name));
}

/** Steps that print "ok" or "FAIL" with the time taken; a failing step takes a screenshot of
 * `steps.page` and throws, so that the test stops there (with --keep-going 1 the next steps run
 * too: every assertion an old checkout fails, with --share-dir and --inkorg of that checkout). */
export function stepper(test) {
  const steps = { passed: 0, failed: 0, page: null };
  steps.step = async (name, body) => {
    const started = Date.now();
    try {
      await body();
      steps.passed += 1;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      steps.failed += 1;
      console.log(`FAIL ${name}: ${error.stack || error}`);
      if (steps.page) await steps.page.screenshot({ path: path.join(test.shots, `${test.prefix}-failure.png`), fullPage: true }).catch(() => {});
      if (!test.args['keep-going']) throw error;
    }
  };
  steps.finish = () => {
    console.log(`${steps.passed} passed, ${steps.failed} failed`);
    process.exit(steps.failed === 0 && steps.passed > 0 ? 0 : 1);
  };
  return steps;
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Logs in through the login page with a token. */
export async function login(page, base, token) {
  await page.goto(`${base}/`);
  await page.fill('#token', token);
  await page.click('button[type=submit]');
  await page.waitForSelector('#whoami');
}

/** Chromium (Debian's) headless, with a profile of its own in work, and its page: the one a
 * failing step takes a screenshot of; pageErrors collects the page's uncaught errors. */
export async function openBrowser(chromium, test, steps, viewport = { width: 1400, height: 1000 }) {
  const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(test.work, 'chromium-')), {
    executablePath: test.chromium, headless: true, viewport, acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(20000);
  const page = context.pages()[0] || await context.newPage();
  steps.page = page;
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  return { context, page, pageErrors };
}

/** Runs a browser test: the daemon and Chromium, then `body({ daemon, context, page, pageErrors })`
 * whose steps stop at the first failure; closes both, prints the tally and exits with it. */
export async function runBrowserTest(chromium, test, steps, body) {
  let daemon = null;
  let browser = null;
  try {
    daemon = await startDaemon(test);
    browser = await openBrowser(chromium, test, steps);
    await body({ daemon, ...browser });
  } catch (error) {
    if (steps.failed === 0) {   // else the failing step has been reported
      steps.failed += 1;
      console.log(`FAIL setup: ${error.stack || error}`);
    }
  } finally {
    if (browser) await browser.context.close().catch(() => {});
    if (daemon) await stopDaemon(test, daemon, steps.failed);
  }
  steps.finish();
}
