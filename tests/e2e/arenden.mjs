// Browser test of ärenden and the search in the text. Starts `inkorg serve` in a temporary data
// folder, drops an ansökan (formgen) and two letters into its inbox, and drives Debian's chromium
// (playwright-core) as a registrator: she starts an ärende from the ansökan in Granska ("Beskriv
// och koppla"), describes each letter and puts it in the ärende, and sees the ärende with its
// three handlingar; Inkorgen's search finds a letter by a word of its text in another form, the
// word marked; a handläggare of another unit finds nothing. Screenshots in the build folder.
//
//   node tests/e2e/arenden.mjs --inkorg build/inkorg --build-dir build [--formgen build/tools/formgen]
//                              [--chromium /usr/bin/chromium]
//
// Node 18 or later. Prints one line per step and "N passed, N failed"; exits non-zero on a failure.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { apiCall, drop as dropIn, expect, login, makeBlankett, runBrowserTest, setUp, stepper, textPdf } from './support.mjs';

const test = setUp('arenden');
const { shots } = test;
const steps = stepper(test);
const { step } = steps;

// ---- the documents ------------------------------------------------------------------------------
const ANSOKAN = {
  sokande_personnummer: '19121212-1212', sokande_namn: 'Per Svensson', sokande_adress: 'Storgatan 12 B',
  sokande_postnummer: '35230', sokande_ort: 'Växjö', sokande_telefon: '070-123 45 67', antal_barn: '0',
  ansokan_manad: 'mars 2026', boendeform: 'hyresratt', antal_rum: '2', hyra: '6 850 kr', inkomst_lon: '0',
  sokt_belopp: '9 000', underskrift_datum: '20 februari 2026',
};

const drop = (bytes, name) => dropIn(test, bytes, name);

runBrowserTest(chromium, test, steps, async ({ daemon, page, pageErrors }) => {
  const { base, adminToken } = daemon;
  const ids = {};
  const rita = (await apiCall(base, adminToken, 'POST', '/api/users', { name: 'rita', role: 'registrator', unit: '' })).token;
  const bo = (await apiCall(base, adminToken, 'POST', '/api/users', { name: 'bo', role: 'handläggare', unit: 'Barn' })).token;

  await step('an ansökan and two letters are registered', async () => {
    drop(makeBlankett(test, 'ekonomiskt_bistand', ANSOKAN), 'ansokan.pdf');
    drop(textPdf(['Hej!', 'Hyran för min lägenhet har höjts till 7 200 kr från april.', 'Hälsningar Per Svensson']), 'brev-hyra.pdf');
    drop(textPdf(['Hej!', 'Här kommer kontoutdraget ni bad om.', 'Per Svensson']), 'brev-konto.pdf');
    for (const until = Date.now() + 90000; Date.now() < until;) {
      const list = await apiCall(base, adminToken, 'GET', '/api/documents');
      ids.ansokan = list.find((doc) => doc.form === 'ekonomiskt_bistand')?.id;
      ids.letters = list.filter((doc) => doc.status === 'unclassified').map((doc) => doc.id).sort((a, b) => a - b);
      if (ids.ansokan && ids.letters.length === 2) return;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error('the documents were not registered in time');
  });

  await step('the registrator starts an ärende from the ansökan in Granska', async () => {
    await login(page, base, rita);
    await page.goto(`${base}/granska?id=${ids.ansokan}`);
    await page.waitForSelector('#arende-start');
    await page.fill('#arende-mening', 'Ekonomiskt bistånd – Per Svensson');
    await page.fill('#arende-mening-public', 'Ekonomiskt bistånd');
    await page.fill('#arende-part', 'Per Svensson');
    await page.fill('#arende-personnummer', '19121212-1212');
    await page.click('#arende-start');
    await page.waitForSelector('#arende-of-document');
    await page.screenshot({ path: path.join(shots, 'arenden-01-startat.png'), fullPage: true });
  });

  await step('each letter is described and put in the ärende: it leaves the public diarium', async () => {
    for (const [index, letter] of ids.letters.entries()) {
      await page.goto(`${base}/granska?id=${letter}`);
      await page.waitForSelector('#describe-save');
      await page.fill('#describe-beskrivning', index === 0 ? 'Höjd hyra, begär mer bistånd' : 'Kontoutdrag');
      await page.fill('#describe-beskrivning-public', 'Skrivelse från Per Svensson');
      await page.fill('#describe-avsandare', 'Per Svensson');
      await page.fill('#describe-personnummer', '19121212-1212');
      await page.click('#describe-save');
      await page.waitForFunction(() => document.querySelector('#describe [role=status]')?.textContent.includes('OSL 26 kap. 1 §'));
      await page.fill('#describe-beskrivning-public', 'Skrivelse');
      await page.click('#describe-save');
      await page.waitForFunction(() => document.getElementById('message').textContent.includes('Beskrivningen är sparad'));
      await page.fill('#arende-search', 'Svensson');
      await page.click('#arende-search-button');
      await page.click('#arende-results button');
      await page.waitForSelector('#arende-of-document');
      if (index === 0) await page.screenshot({ path: path.join(shots, 'arenden-02-beskriv-och-koppla.png'), fullPage: true });
    }
    const publicDiarium = await (await fetch(`${base}/api/public/diarium`)).text();
    expect(!publicDiarium.includes('Skrivelse') && !publicDiarium.includes('Svensson'), `the letters are public: ${publicDiarium}`);
    expect(publicDiarium.includes('Handling överförd till personakt'), 'the SN numbers left the series');
  });

  await step('the ärende shows its three handlingar, the ansökan first', async () => {
    await page.goto(`${base}/arenden`);
    await page.waitForSelector('#arenden tbody tr[data-arende] a');
    await page.click('#arenden tbody tr[data-arende] a');
    await page.waitForSelector('#handlingar tbody tr[data-id]');
    const rows = await page.$$eval('#handlingar tbody tr[data-id]', (trs) => trs.map((tr) => Number(tr.dataset.id)));
    expect(JSON.stringify(rows) === JSON.stringify([ids.ansokan, ...ids.letters]), `handlingar ${rows}`);
    const numbers = await page.$$eval('#handlingar tbody tr a', (links) => links.map((a) => a.textContent));
    expect(numbers.every((number) => number.startsWith('PA ')), `numbers ${numbers}`);
    const table = await page.textContent('#handlingar tbody');
    expect(table.includes('Höjd hyra, begär mer bistånd') && table.includes('Kontoutdrag'), `the letters' beskrivning: ${table}`);
    await page.screenshot({ path: path.join(shots, 'arenden-03-arende.png'), fullPage: true });
  });

  await step('Inkorgen finds a letter by a word of its text, the word marked', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('#documents tbody tr[data-id]');
    await page.fill('#q', 'hyra');
    await page.click('#filters button[type=submit]');
    // The letter says "Hyran"; the ansökan has the field "Hyra": both are hits, the letter first.
    await page.waitForFunction(() => document.querySelectorAll('#documents tbody tr[data-id] mark').length >= 2);
    const first = await page.getAttribute('#documents tbody tr[data-id]:first-child', 'data-id');
    expect(Number(first) === ids.letters[0], `first hit ${first}, not the letter ${ids.letters[0]}`);
    const mark = await page.textContent('#documents tbody tr[data-id]:first-child mark');
    expect(mark === 'Hyran', `marked ${mark}`);
    const title = await page.textContent('#documents tbody tr[data-id]:first-child');
    expect(title.includes('Höjd hyra, begär mer bistånd'), `the letter's beskrivning is not shown: ${title}`);
    await page.screenshot({ path: path.join(shots, 'arenden-04-sokning-i-texten.png'), fullPage: true });
  });

  await step('a handläggare of another unit finds nothing', async () => {
    await page.click('#logout');
    await page.waitForSelector('#token');
    await login(page, base, bo);
    await page.fill('#q', 'hyra');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#documents tbody').textContent.includes('Inga handlingar matchar.'));
    await page.goto(`${base}/arenden`);
    await page.waitForFunction(() => document.querySelector('#arenden tbody').textContent.includes('Inga ärenden'));
    expect(pageErrors.length === 0, `errors in the pages: ${pageErrors.join('; ')}`);
  });
});

