// Browser test of what follows an ansökan or a rapport, in the web UI: the nämnd's own decision
// with its paragraf and what it grants (a delegate refused first, naming the point), lex Sarah's bedömning and the
// anmälan to IVO, the verkställighet of a gynnande beslut (Frister lists it after three months),
// the quarterly report for the gruppledare, and an incoming överklagande — rättidsprövning, and
// överlämnat to förvaltningsrätten. Starts `inkorg serve` in a temporary folder and drives
// Debian's chromium (playwright-core); screenshots at 800 and 1920 px in build/e2e-screenshots/.
//
//   node tests/e2e/followup.mjs --inkorg build/inkorg --build-dir build [--formgen build/tools/formgen]
//                               [--chromium /usr/bin/chromium]
//
// Prints one line per step and "N passed, N failed"; exits non-zero on a failure.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { apiCall, drop, expect, login, makeBlankett, runBrowserTest, setUp, stepper, textPdf } from './support.mjs';

const test = setUp('followup');
const steps = stepper(test);
const { step } = steps;

const ANSOKAN = {
  sokande_personnummer: '19121212-1212', sokande_namn: 'Anna Andersson', sokande_adress: 'Storgatan 12 B',
  sokande_postnummer: '35230', sokande_ort: 'Växjö', sokande_telefon: '070-123 45 67', antal_barn: '0',
  ansokan_manad: 'mars 2026', boendeform: 'hyresratt', antal_rum: '2', hyra: '6 850 kr', inkomst_lon: '0',
  sokt_belopp: '5 000', underskrift_datum: '20 februari 2026',
};
const KROG = {
  sokande_namn: 'Krogen Norr AB', organisationsnummer: '556677-8899', serveringsstalle_namn: 'Krogen',
  serveringsstalle_adress: 'Torget 1, 574 31 Vetlanda', tillstandstyp: 'allmanheten', ansokan_avser: 'nytt',
  drycker: ['starkol', 'vin'], serveringstid_fran: '11:00', serveringstid_till: '01:00', antal_sittplatser: '40',
  kontaktperson_namn: 'Nils Krog', ansokan_datum: '2026-11-02',
};
const LEX_SARAH = {
  rapportor_namn: 'Lena Lind', verksamhet: 'Hemtjänsten Norr', handelse_datum: '2026-11-20',
  beskrivning: 'Trygghetslarmet hos en brukare var ur funktion i två dygn utan att någon märkte det.',
  omedelbara_atgarder: 'Larmet byttes och alla larm i området testades.', rapport_datum: '2026-11-23',
};

/** The day in Sweden `days` days before today (negative: after). */
function swedishDay(days = 0) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() - days * 86400000));
}

async function shots(page, name) {
  const unnamed = await page.$$eval('input, select, textarea, button', (controls) => controls
    .filter((control) => !control.labels?.length && !control.getAttribute('aria-label') && !control.textContent.trim())
    .map((control) => control.id || control.outerHTML.slice(0, 60)));
  expect(unnamed.length === 0, `controls without an accessible name on ${name}: ${unnamed.join(', ')}`);
  for (const width of [800, 1920]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.screenshot({ path: path.join(test.shots, `followup-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 1000 });
}

/** Confirms the dialog that opened and checks that it names the consequence. */
async function confirm(page, words) {
  await page.waitForSelector('dialog.confirm[open]');
  const text = await page.textContent('dialog.confirm');
  expect(text.includes(words), `the confirmation does not say "${words}": ${text}`);
  await page.click('#confirm-accept');
}

runBrowserTest(chromium, test, steps, async ({ daemon, page, pageErrors }) => {
  const { base, adminToken } = daemon;
  const ids = {};
  const users = {};
  for (const [name, role, unit] of [['hanna', 'handläggare', 'Socialtjänst'], ['greta', 'gruppledare', 'Socialtjänst'],
    ['rita', 'registrator', '']]) {
    users[name] = (await apiCall(base, adminToken, 'POST', '/api/users', { name, role, unit })).token;
  }

  await step('an ansökan, a serveringstillstånd and a lex Sarah rapport are registered and assigned', async () => {
    drop(test, makeBlankett(test, 'ekonomiskt_bistand', ANSOKAN), 'ansokan.pdf');
    drop(test, makeBlankett(test, 'serveringstillstand', KROG), 'krogen.pdf');
    drop(test, makeBlankett(test, 'lex_sarah', LEX_SARAH), 'lex-sarah.pdf');
    drop(test, textPdf(['Till socialnämnden', 'Jag överklagar beslutet om serveringstillstånd för Krogen.', 'Krogen Norr AB']),
      'overklagande.pdf');
    const all = () => ids.ansokan && ids.krog && ids.sarah && ids.appeal;
    for (const until = Date.now() + 90000; Date.now() < until && !all();) {
      const list = await apiCall(base, adminToken, 'GET', '/api/documents');
      for (const [key, form] of [['ansokan', 'ekonomiskt_bistand'], ['krog', 'serveringstillstand'], ['sarah', 'lex_sarah']])
        ids[key] = list.find((doc) => doc.form === form)?.id;
      const appeal = list.find((doc) => doc.status === 'unclassified');
      [ids.appeal, ids.appealNumber] = [appeal?.id, appeal?.diarienummer];
      if (!all()) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(all(), `not all registered in time: ${JSON.stringify(ids)}`);
    // The överklagande's ankomststämpel says it came in two days ago.
    await apiCall(base, adminToken, 'POST', `/api/documents/${ids.appeal}/inkom`, { date: swedishDay(2) });
    for (const id of [ids.ansokan, ids.krog, ids.sarah]) {
      const doc = await apiCall(base, adminToken, 'GET', `/api/documents/${id}`);
      if (doc.status !== 'registered') await apiCall(base, adminToken, 'POST', `/api/documents/${id}/register`, {});
      await apiCall(base, adminToken, 'POST', `/api/documents/${id}/assign`, { unit: 'Socialtjänst', handlaggare: 'hanna' });
    }
  });

  await step('a delegate is refused a new permanent serveringstillstånd, naming the point', async () => {
    await login(page, base, users.hanna);
    await page.goto(`${base}/granska?id=${ids.krog}`);
    await page.click('#open-decision');
    await page.selectOption('#beslut', 'avslag');
    await page.fill('#motivering', 'Serveringsstället saknar kök för lagad mat.');
    await page.click('#preview-decision');
    await page.waitForFunction(() => document.querySelector('#decision-form [role=alert]')?.textContent.includes('8.3'));
    const refusal = await page.textContent('#decision-form [role=alert]');
    expect(refusal.includes('nämnden'), `the refusal does not say the nämnd decides: ${refusal}`);
    expect(await page.isDisabled('#send-decision'), 'Spara och expediera is open after a refused preview');
  });

  await step('the nämnd grants at its meeting: the letter says so, with the paragraf, the day and what was granted', async () => {
    await page.selectOption('#beslutsfattare', 'namnd');
    await page.fill('#namnd-paragraf', 'SocN § 78');
    await page.fill('#namnd-datum', swedishDay(20));
    await page.selectOption('#beslut', 'bifall');
    await page.fill('#motivering', 'Sökanden är lämplig och serveringsstället uppfyller kraven.');
    await page.fill('#uppgift-serveringsyta', 'Matsalen, 40 platser');
    await page.fill('#uppgift-villkor', 'Ordningsvakt fredag och lördag efter kl. 22');
    await page.fill('#uppgift-period', 'Tills vidare');
    // The blankett gives no postal address for the bolag: the letter cannot be expedierat without one.
    await page.click('#preview-decision');
    await page.waitForSelector('dialog.letter-preview[open]');
    const refused = await page.textContent('#preview-status');
    expect(refused.includes('saknar mottagarens postadress'), `the preview does not say the address is missing: ${refused}`);
    expect(await page.locator('#preview-send').count() === 0, 'the preview offers Spara och expediera for a letter without an address');
    await page.click('#preview-close');
    expect(await page.isDisabled('#send-decision'), 'Spara och expediera is open for a letter without an address');
    await page.fill('#mottagare-adress', 'Box 17\n574 21 Vetlanda');
    // The letter is read at the window's width: at 800 px Granska's column beside the page image
    // would give it about 340 px.
    for (const width of [800, 1920]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.click('#preview-decision');
      await page.waitForSelector('dialog.letter-preview[open] iframe');
      const shown = await page.evaluate(() => ({ letter: document.querySelector('dialog.letter-preview iframe').getBoundingClientRect(),
        window: { width: innerWidth, height: innerHeight } }));
      expect(shown.letter.width >= Math.min(shown.window.width * 0.9, 1000) && shown.letter.height >= shown.window.height * 0.6,
        `at ${width} px the letter is ${Math.round(shown.letter.width)} × ${Math.round(shown.letter.height)} px`);
      await page.waitForTimeout(1500);   // the PDF viewer draws the page (for the screenshot)
      await page.screenshot({ path: path.join(test.shots, `followup-01-forhandsgranskning-${width}.png`) });
      if (width === 800) await page.click('#preview-close');
    }
    await page.setViewportSize({ width: 1400, height: 1000 });
    expect((await page.textContent('#preview-status')).includes('Nämndens beslut'), 'the preview does not say it is the nämnd\'s decision');
    await page.click('#preview-send');
    await shots(page, '01-namndens-beslut');
    await page.waitForSelector('#decision-saved');
    await page.waitForFunction(() => document.querySelector('#decision-form [role=alert]')?.textContent.includes('expedierat'));
    const doc = await apiCall(base, users.hanna, 'GET', `/api/documents/${ids.krog}`);
    const decision = doc.decisions[0];
    expect(decision.roll === 'namnd' && decision.date === swedishDay(20), `stored as ${JSON.stringify(decision)}`);
    ids.krogDecision = decision.id;
    const letter = await fetch(`${base}/api/documents/${ids.krog}/decisions/${decision.id}`, { headers: { Authorization: `Bearer ${users.hanna}` } });
    const saved = path.join(test.work, 'namnd.pdf');
    fs.writeFileSync(saved, Buffer.from(await letter.arrayBuffer()));
    const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(/\s+/g, ' ');
    expect(text.includes('SocN § 78') && text.includes('vid sammanträdet'), `the letter does not name the meeting: ${text}`);
    expect(text.includes('Matsalen, 40 platser') && text.includes('Ordningsvakt fredag och lördag'), `the letter does not say what was granted: ${text}`);
    expect(text.includes('Krogen Norr AB Box 17 574 21 Vetlanda'), `the letter is not addressed to the bolag: ${text}`);
    expect(text.includes('Skriv ert överklagande till Förvaltningsrätten i Jönköping'), `the letter does not name the court: ${text}`);
  });

  await step('lex Sarah: a påtaglig risk opens the IVO frist in Frister', async () => {
    await page.goto(`${base}/granska?id=${ids.sarah}`);
    // The way to the follow-up is at the top among the facts, not only under every read-only field.
    await page.waitForSelector('#facts-followup-link');
    expect(await page.evaluate(() => document.getElementById('facts-followup-link').getBoundingClientRect().bottom <
      document.getElementById('fields').getBoundingClientRect().top), 'the follow-up is reached only below the fields');
    await page.click('#facts-followup-link');
    await page.waitForSelector('#bedomning-form');
    await page.selectOption('#bedomning', 'risk');
    await page.fill('#bedomning-motivering', 'Läkemedel uteblev i tre dagar; risken för allvarlig skada var påtaglig.');
    await page.click('#bedomning-save');
    await confirm(page, 'IVO');
    await page.waitForFunction(() => document.getElementById('message').textContent.includes('senast'));
    const state = await page.textContent('#lex-sarah-state');
    expect(state.includes('Påtaglig risk för ett allvarligt missförhållande') && state.includes(`senast ${swedishDay(-14)}`),
      `the bedömning is not shown: ${state}`);
    await shots(page, '02-lex-sarah');
    await page.goto(`${base}/frister`);
    await page.waitForSelector('#deadlines tbody tr');
    const row = page.locator('#deadlines tbody tr', { hasText: 'Anmälan till IVO' });
    expect(await row.count() === 1, 'no IVO frist in Frister');
    expect((await row.locator('a').getAttribute('href')) === `/beslut?id=${ids.sarah}`, 'the frist does not lead to the bedömning');
  });

  await step('the anmälan to IVO marked sent closes the frist', async () => {
    await page.click(`#deadlines a[href="/beslut?id=${ids.sarah}"]`);
    await page.waitForSelector('#ivo-form');
    await page.fill('#ivo-dnr', '3.5.1-12345/2026');
    await page.click('#ivo-save');
    await confirm(page, 'fristen för anmälan stängs');
    await page.waitForFunction(() => document.getElementById('lex-sarah-state').textContent.includes('Skickad'));
    expect(await page.locator('#ivo-form').count() === 0, 'the anmälan can still be marked sent');
    await page.goto(`${base}/frister`);
    await page.waitForSelector('#deadlines tbody tr');
    expect(!(await page.textContent('#deadlines tbody')).includes('Anmälan till IVO'), 'the IVO frist is still open');
  });

  await step('a gynnande beslut not carried out after three months is in Frister; verkställt, it leaves', async () => {
    const decided = spawnDecide(daemon, ids.ansokan, swedishDay(125));
    expect(/beslut/i.test(decided), decided);
    await page.goto(`${base}/frister`);
    await page.waitForSelector('#ej-verkstallda tbody tr[data-decision]');
    const row = await page.textContent('#ej-verkstallda tbody tr[data-decision]');
    expect(row.includes('Mer än tre månader') && row.includes('Ekonomiskt bistånd'), `the row: ${row}`);
    expect(await page.isHidden('#rapport-section'), 'a handläggare is offered the quarterly report');
    await shots(page, '03-frister');
    const arende = await apiCall(base, users.rita, 'POST', '/api/arenden', { document: ids.ansokan,
      arendemening: 'Ekonomiskt bistånd – Anna Andersson', arendemening_public: 'Ekonomiskt bistånd', part: 'Anna Andersson' });
    await page.goto(`${base}/arenden?id=${arende.id}`);
    await page.waitForSelector('#arende-verkstallighet [data-decision]');
    const notice = await page.textContent('#arende-verkstallighet');
    expect(notice.includes('är inte verkställt') && notice.includes('gick ut'), `the ärende says: ${notice}`);
    await shots(page, '03-arende');
    await page.goto(`${base}/frister`);
    await page.waitForSelector('#ej-verkstallda tbody tr[data-decision]');
    await page.click('#ej-verkstallda tbody tr[data-decision] a');
    await page.waitForSelector('article[data-decision] .verkstallighet-state');
    const decisionId = Number(await page.getAttribute('article[data-decision]', 'data-decision'));
    ids.ansokanDecision = decisionId;
    const state = await page.textContent(`#verkstallighet-${decisionId}`);
    expect(state.includes('Inte verkställt inom tre månader'), `the beslut page says: ${state}`);
    const facts = await page.textContent(`article[data-decision="${decisionId}"] dl.facts`);
    expect(/Belopp5\s000 kr/.test(facts), `the belopp is not written as in the letter (5 000 kr): ${facts}`);
    // What is done most comes first; ending the beslut without verkställighet (not to be undone) after it.
    expect(await page.evaluate((decision) => Boolean(document.getElementById(`verkstalld-${decision}`)
      .compareDocumentPosition(document.getElementById(`avslutat-form-${decision}`)) & Node.DOCUMENT_POSITION_FOLLOWING), decisionId),
    'Avsluta utan verkställighet comes before Verkställt den');
    await page.fill(`#verkstalld-${decisionId}`, swedishDay(1));
    await page.click(`#verkstall-save-${decisionId}`);
    await confirm(page, 'kvartalsrapporten');
    await page.waitForFunction((id) => document.getElementById(`verkstallighet-${id}`)?.textContent.startsWith('Verkställt'), decisionId);
    await page.goto(`${base}/frister`);
    await page.waitForFunction(() => document.querySelector('#ej-verkstallda tbody')?.textContent.includes('Alla gynnande beslut är verkställda'));
  });

  await step('the verkställighet is interrupted, then the beslut ends without verkställighet (the klient moved)', async () => {
    const id = ids.ansokanDecision;
    await page.goto(`${base}/beslut?id=${ids.ansokan}`);
    await page.waitForSelector(`#avbrott-form-${id}`);
    expect(await page.locator(`#avslutat-form-${id}`).count() === 0, 'a beslut carried out and running cannot end without verkställighet');
    await page.fill(`#avbrott-datum-${id}`, swedishDay(0));
    await page.fill(`#avbrott-skal-${id}`, 'Boendet stängdes');
    await page.click(`#avbrott-save-${id}`);
    await confirm(page, 'inom tre månader');
    await page.waitForFunction((decision) => document.getElementById(`verkstallighet-${decision}`)?.textContent.includes('avbrutet'), id);
    await page.waitForSelector(`#aterupptagen-form-${id}`);
    await page.fill(`#avslutat-datum-${id}`, swedishDay(0));
    await page.fill(`#avslutat-skal-${id}`, 'Den enskilde har flyttat från kommunen');
    await page.click(`#avslutat-save-${id}`);
    await confirm(page, 'väntar då inte längre');
    await page.waitForFunction((decision) => document.getElementById(`verkstallighet-${decision}`)?.textContent
      .includes('Avslutat utan verkställighet'), id);
    const state = await page.textContent(`#verkstallighet-${id}`);
    expect(state.includes('Den enskilde har flyttat från kommunen'), `the state: ${state}`);
    expect(await page.locator(`#avslutat-form-${id}`).count() === 0, 'an ended beslut can be ended again');
    await shots(page, '03-avslutat');
  });

  await step('the gruppledare downloads the quarterly report of ej verkställda beslut', async () => {
    await page.click('#logout');
    await page.waitForSelector('#token');
    await login(page, base, users.greta);
    await page.goto(`${base}/frister`);
    await page.waitForSelector('#rapport-section:not([hidden])');
    await page.fill('#rapport-kvartal', 'fjärde');
    await page.click('#rapport-link');
    await page.waitForFunction(() => document.getElementById('rapport-message').textContent.includes('till exempel 2026-4'));
    await page.fill('#rapport-kvartal', '2026-4');
    expect(!(await page.textContent('#rapport-message')), 'the error stays after a right kvartal');
    const href = await page.getAttribute('#rapport-link', 'href');
    expect(href.endsWith('kvartal=2026-4'), `the report link: ${href}`);
    const report = await page.evaluate(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin' });
      return { status: response.status, type: response.headers.get('Content-Type'), size: (await response.arrayBuffer()).byteLength };
    }, href);
    expect(report.status === 200 && report.type.startsWith('application/pdf') && report.size > 1000, `the report: ${JSON.stringify(report)}`);
    await shots(page, '04-rapport');
  });

  await step('the registrator registers an överklagande in time: rättidsprövning and the frist', async () => {
    await page.click('#logout');
    await page.waitForSelector('#token');
    await login(page, base, users.rita);
    await page.goto(`${base}/beslut?id=${ids.krog}`);
    const id = ids.krogDecision;
    await page.waitForSelector(`#overklagande-form-${id}`);
    await page.fill(`#overklagande-delfatt-${id}`, swedishDay(14));
    await page.fill(`#overklagande-handling-${id}`, 'SN 2026/999');
    await page.press(`#overklagande-handling-${id}`, 'Tab');
    await page.waitForFunction((decision) => document.getElementById(`overklagande-handling-note-${decision}`).textContent.includes('Ingen handling'), id);
    await page.fill(`#overklagande-handling-${id}`, ids.appealNumber);
    await page.press(`#overklagande-handling-${id}`, 'Tab');
    await page.waitForFunction((decision) => document.getElementById(`overklagande-handling-note-${decision}`).textContent.includes('är ifyllt'), id);
    expect(await page.inputValue(`#overklagande-inkom-${id}`) === swedishDay(2), 'the inkom datum is not the handling\'s');
    await page.click(`#overklagande-save-${id}`);
    await confirm(page, 'rättidsprövas');
    await page.waitForFunction(() => document.getElementById('message').textContent.includes('FL 44 §'));
    const said = await page.textContent('#message');
    expect(said.includes('kom in i tid') && said.includes(`senast ${swedishDay(-5)}`), `the answer: ${said}`);
    const facts = await page.textContent(`#overklagande-${id}`);
    expect(facts.includes('Överklagandet kom in i tid') && facts.includes('förvaltningsrätten (FL 46 §)'), `the facts: ${facts}`);
    expect(await page.locator(`#utfall-save-${id}`).count() === 0, 'a registrator may not decide the utfall');
    expect(await page.locator('.verkstallighet-state').count() === 0, 'a serveringstillstånd is no insats under SoL 34 kap.');
    await shots(page, '05-overklagande');
  });

  await step('a late överklagande is to be avvisat; the one in time is överlämnat to förvaltningsrätten', async () => {
    const late = ids.ansokanDecision;
    await page.goto(`${base}/beslut?id=${ids.ansokan}`);
    await page.waitForSelector(`#overklagande-form-${late}`);
    await page.fill(`#overklagande-delfatt-${late}`, swedishDay(120));
    await page.click(`#overklagande-save-${late}`);
    await confirm(page, 'rättidsprövas');
    await page.waitForFunction(() => document.getElementById('message').textContent.includes('för sent'));
    await page.click('#logout');
    await page.waitForSelector('#token');
    await login(page, base, users.hanna);
    await page.goto(`${base}/beslut?id=${ids.ansokan}`);
    await page.waitForSelector(`#utfall-save-${late}`);
    const options = await page.$$eval(`#utfall-${late} option`, (choices) => choices.map((choice) => choice.value));
    expect(JSON.stringify(options) === '["avvisat"]', `a late överklagande offers ${options}`);

    const id = ids.krogDecision;
    await page.goto(`${base}/beslut?id=${ids.krog}`);
    // The nämnd's decision: the day its protocol was posted starts the three weeks of a laglighetsprövning.
    await page.waitForSelector(`#anslag-form-${id}`);
    await page.fill(`#anslag-datum-${id}`, swedishDay(15));
    await page.click(`#anslag-save-${id}`);
    await confirm(page, 'laglighetsprövning');
    await page.waitForFunction((decision) => document.getElementById(`anslag-${decision}`)?.textContent.includes('Protokollet anslogs'), id);
    expect((await page.textContent(`#anslag-${id}`)).includes(`anslogs ${swedishDay(15)}`), 'the anslag is not shown');
    // The överlämnande letter, addressed to the förvaltningsrätt of the kommun.
    await page.selectOption(`#overlamnande-omprovning-${id}`, 'delvis');
    const href = await page.getAttribute(`#overlamnande-${id}`, 'href');
    expect(href.endsWith('omprovning=delvis'), `the överlämnande link: ${href}`);
    const bytes = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url, { credentials: 'same-origin' })).arrayBuffer())), href);
    const overlamnande = path.join(test.work, 'overlamnande.pdf');
    fs.writeFileSync(overlamnande, Buffer.from(bytes));
    const letter = execFileSync('pdftotext', [overlamnande, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(/\s+/g, ' ');
    expect(letter.includes('Till Förvaltningsrätten i Jönköping') && letter.includes('ändrat det delvis'), `the överlämnande: ${letter}`);
    await page.selectOption(`#utfall-${id}`, 'overlamnat');
    await page.click(`#utfall-save-${id}`);
    await confirm(page, 'skyndsamt (FL 46 §)');
    await page.waitForFunction((decision) => document.getElementById(`overklagande-${decision}`)?.textContent.includes('Överlämnat till förvaltningsrätten'), id);
    await shots(page, '06-overlamnat');
    expect(pageErrors.length === 0, `errors in the pages: ${pageErrors.join('; ')}`);
  });
});

/** A bifall decided `date` (months ago) on the command line, as a decision made before inkorg. */
function spawnDecide(daemon, documentId, date) {
  return execFileSync(test.inkorg, ['decide', String(documentId), '--beslut', 'bifall', '--motivering', 'Behovet är styrkt.',
    '--belopp', '5000', '--lagrum', '12:1', '--period', '2026-03', '--datum', date, '--handlaggare', 'hanna',
    '-o', path.join(test.work, 'bifall.pdf'), '--data-dir', test.dataDir, '--config', daemon.config], { encoding: 'utf8' });
}

