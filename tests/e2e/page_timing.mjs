// Times real page loads of the web UI in Debian's Chromium (headless, playwright-core): from the
// start of the navigation until the page's content is on screen (the list's first row, Granska's
// fields and page image). Used by bench_ui_pages --chromium against a daemon it filled; prints a
// Markdown table with the median and the slowest of N loads of each page against 300 ms.
//
//   node tests/e2e/page_timing.mjs --base http://127.0.0.1:PORT --token ADMIN_TOKEN --document ID [--loads 20]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const base = args.base;
const loads = Number(args.loads || 20);
const BAR_MS = 300;

const hasRow = (table) => (page) => page.waitForSelector(`${table} tbody tr`);
const PAGES = [
  { name: 'Inkorgen', url: '/', ready: hasRow('#documents') },
  { name: 'Inkorgen, sök "Andersson"', url: '/', ready: async (page) => {
    await page.waitForSelector('#documents tbody tr[data-id]');
    const before = await page.textContent('#count');
    await page.fill('#q', 'Andersson');
    const searched = Date.now();
    await page.click('#filters button[type=submit]');
    await page.waitForFunction((shown) => document.querySelector('#count').textContent !== shown, before);
    return Date.now() - searched;
  } },
  { name: 'Granska (fält och sidbild)', url: `/granska?id=${args.document}`, ready: async (page) => {
    await page.waitForSelector('#f-sokande_namn');
    await page.waitForFunction(() => document.querySelector('#page-1 img')?.naturalWidth > 0);
  } },
  { name: 'Karantän', url: '/karantan', ready: hasRow('#quarantine') },
  { name: 'Frister', url: '/frister', ready: hasRow('#deadlines') },
  { name: 'Loggkontroll', url: '/loggkontroll', ready: hasRow('#audit') },
  { name: 'Användare', url: '/anvandare', ready: hasRow('#users') },
  { name: 'Allmänhetens diarium', url: '/diarium', ready: hasRow('#diarium') },
];

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'inkorg-timing-'));
const context = await chromium.launchPersistentContext(userData, {
  executablePath: args.chromium || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
context.setDefaultTimeout(30000);
const page = context.pages()[0] || await context.newPage();
try {
  await page.goto(`${base}/`);
  await page.fill('#token', args.token);
  await page.click('button[type=submit]');
  await page.waitForSelector('#whoami');
  console.log(`| Page in Chromium | Median ms | Slowest ms | < ${BAR_MS} ms | HTML ms | DOMContentLoaded ms |`);
  console.log('|---|---:|---:|---|---:|---:|');
  let allUnder = true;
  for (const target of PAGES) {
    const times = [];
    const html = [];
    const parsed = [];
    for (let i = 0; i < loads + 1; i += 1) {
      const started = Date.now();
      await page.goto(`${base}${target.url}`, { waitUntil: 'commit' });
      const own = await target.ready(page);
      if (i === 0) continue;   // the first load warms the cache
      times.push(typeof own === 'number' ? own : Date.now() - started);
      const navigation = await page.evaluate(() => {
        const entry = performance.getEntriesByType('navigation')[0];
        return { html: entry.responseEnd, parsed: entry.domContentLoadedEventEnd };
      });
      html.push(navigation.html);
      parsed.push(navigation.parsed);
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const slowest = Math.max(...times);
    allUnder &&= slowest < BAR_MS;
    console.log(`| ${target.name} | ${median(times)} | ${slowest} | ${slowest < BAR_MS ? 'ja' : 'NEJ'} | ` +
      `${Math.round(median(html))} | ${Math.round(median(parsed))} |`);
  }
  console.log(allUnder ? '\nevery page under 300 ms in Chromium' : '\nSOME PAGE OVER 300 ms in Chromium');
} finally {
  await context.close();
  fs.rmSync(userData, { recursive: true, force: true });
}
