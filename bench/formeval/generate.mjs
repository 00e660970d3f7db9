#!/usr/bin/env node
// Makes the documents of the independent forms evaluation and their answer keys.
//
//   node bench/formeval/generate.mjs --out DIR [--seed 1] [--per 1] [--stamped 8]
//        [--layouts a,b | none] [--forms x,y] [--variants scan,born-digital]
//        [--chromium /usr/bin/chromium] [--append]
//        [--formgen build/tools/formgen [--forms-dir forms] [--renderer-layouts a,b] [--renderer-rotate]]
//
// For every layout in layouts/ (HTML and CSS, one file each) and every form it fills --per
// documents with synthetic people (lib/forms.mjs), prints each to PDF with Debian's headless
// Chromium and keeps it twice: as a scan (rasterised at 200/300 dpi, skewed, noisy, blurred,
// saved as PNG, JPEG, TIFF or an image-only PDF) and born-digital (Chromium's PDF with its text
// layer). --stamped more scans carry an ankomststämpel over the header or the title. Every fourth
// document has one planted invalid identity number (wrong check digit). With --formgen, one scan
// per form and BlankettRenderer layout (--renderer-rotate: one form per layout) is made from the
// same kind of values by inkorg's own test tool, for comparison. Writes DIR/<id>.<ext>,
// DIR/<id>.json (the answer key) and DIR/manifest.json; --append adds to what DIR has.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Random, hash } from './lib/random.mjs';
import { FORMS, FORM_IDS, fill } from './lib/forms.mjs';
import { stamp } from './lib/page.mjs';
import { scan, scanSettings, pageCount } from './lib/scan.mjs';
import { writeDate, TOWNS } from './lib/people.mjs';
import { options } from './lib/args.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = options(process.argv.slice(2));
if (!args.out) {
  console.error('usage: generate.mjs --out DIR [--seed 1] [--per 1] [--stamped 8] [--layouts a,b] [--forms x,y] [--formgen PATH]');
  process.exit(2);
}
const out = path.resolve(args.out);
const seed = Number(args.seed ?? 1), per = Number(args.per ?? 1), stamped = Number(args.stamped ?? 8);
const split = JSON.parse(fs.readFileSync(path.join(here, 'split.json'), 'utf8'));
const allLayouts = [...split.tune, ...split.heldOut];
// A layout's number chooses its wordings. The eight of the first split keep theirs (the four tune,
// then the four held-out); layouts added to tune later number on after them, so that adding one
// never changes what another prints (nor, by default, the order the first eight are made in).
const numbered = [...split.tune.slice(0, 4), ...split.heldOut, ...split.tune.slice(4)];
const layoutNames = args.layouts === 'none' ? [] : args.layouts ? args.layouts.split(',') : numbered;
const formIds = args.forms ? args.forms.split(',') : FORM_IDS;
const variants = args.variants ? args.variants.split(',') : ['scan', 'born-digital'];
for (const name of layoutNames) if (!allLayouts.includes(name)) throw new Error(`okänd layout ${name}`);
const splitOf = (layout) => (split.tune.includes(layout) ? 'tune' : 'held-out');

/** The layout's wording of a form: which label and option text each field gets. */
function wording(form, layout) {
  const l = numbered.indexOf(layout), f = FORM_IDS.indexOf(form);
  const own = layouts[layout].labels?.[form] ?? {};
  let i = 0;
  return {
    title: FORMS[form].titles[(l + f) % FORMS[form].titles.length],
    // A layout may word its labels itself (`labels`: form → key → label, as its kommun writes
    // them). Otherwise each pool lists its usual wordings first and one of our own last; the last
    // is printed about one time in five, the others in turn.
    label: (field) => {
      const n = field.labels.length, k = i++;
      if (own[field.key]) return own[field.key];
      return (l * 7 + k * 3) % 5 === 0 || n === 1 ? field.labels[n - 1] : field.labels[(l + k) % (n - 1)];
    },
    option: (o) => o.labels[l % o.labels.length],
  };
}

/** What a layout draws: the sections with each field's label and printed value or ticks. */
function documentModel(form, layout, filled, r) {
  const w = wording(form, layout);
  const [ort] = r.pick(TOWNS);
  const sections = FORMS[form].sections.map(([heading, fields]) => ({
    heading,
    items: fields.map((field) => {
      const printed = filled.printed[field.key];
      const item = { key: field.key, type: field.type, label: w.label(field), value: typeof printed === 'string' ? printed : '' };
      if (field.options) item.options = field.options.map((o) => ({ label: w.option(o), ticked: !!printed?.ticked.includes(o.value) }));
      if (field.type === 'boolean') item.options = [{ label: 'Ja', ticked: printed?.ticked[0] === true }, { label: 'Nej', ticked: printed?.ticked[0] === false }];
      return item;
    }),
  }));
  return {
    kommun: `${ort}${/[aeiouyåäö]$/.test(ort) ? '' : 's'} kommun`.replace('ss kommun', 's kommun'),
    forvaltning: r.pick(['Socialförvaltningen', 'Socialtjänsten', 'Omsorgsförvaltningen', 'Individ- och familjeomsorgen']),
    address: `Box ${r.int(10, 999)}, ${ort}`,
    number: `SN-${r.int(100, 999)}`,
    title: w.title,
    sections,
  };
}

/** One document in four gets a planted invalid id, scans and born-digital alike (they alternate). */
const planted = (serial) => serial % 8 === 3 || serial % 8 === 6;

const documentDay = (filled) => Object.values(filled.answer).filter((v) => /^\d{4}-\d\d-\d\d$/.test(v)).sort().at(-1);

const layouts = Object.fromEntries(await Promise.all(allLayouts.map(async (name) => [name, (await import(`./layouts/${name}.mjs`)).default])));

function main() {
  fs.mkdirSync(out, { recursive: true });
  // Debian's chromium prints each page from the command line (no browser library, so any Node ≥ 18 runs this).
  const profile = fs.mkdtempSync(path.join(out, 'chromium-'));
  const print = (htmlFile, pdf) => execFileSync(args.chromium || '/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-sync', '--disable-extensions',
    '--disable-dev-shm-usage', `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`,
    `file://${htmlFile}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  // --append adds to the documents already in DIR (numbered on from them).
  const manifest = args.append ? JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).map((f) => JSON.parse(fs.readFileSync(path.join(out, f), 'utf8'))) : [];
  let serial = manifest.length;
  const plan = [];
  for (const layout of layoutNames)
    for (const form of formIds)
      for (let k = 0; k < per; ++k)
        for (const variant of variants) plan.push({ layout, form, variant });
  for (let k = 0; k < stamped; ++k)
    plan.push({ layout: layoutNames[(k * 3) % layoutNames.length], form: formIds[k % formIds.length], variant: 'scan', stamped: true });

  for (const job of plan) {
    const id = `d${String(serial).padStart(3, '0')}-${job.form}-${job.layout}-${job.variant}${job.stamped ? '-stamp' : ''}`;
    const r = new Random(hash(`${seed}:${serial}:${id}`));
    const filled = fill(job.form, r, { plant: planted(serial) });
    const model = documentModel(job.form, job.layout, filled, r);
    const layout = layouts[job.layout];
    let html = layout.render(model);
    const key = { id, form: job.form, layout: job.layout, split: splitOf(job.layout), variant: job.variant, generator: 'formeval',
      title: model.title, labels: Object.fromEntries(model.sections.flatMap((s) => s.items.map((i) => [i.key, i.label]))),
      answer: filled.answer, planted: filled.planted, stamp: null, scan: null };
    if (job.stamped) {
      const received = new Date(Date.parse(documentDay(filled) + 'T12:00:00Z') + r.int(1, 4) * 86400000).toISOString().slice(0, 10);
      key.stamp = { date: received, over: r.pick(['header', 'title']), color: r.pick(['#c0262d', '#1c3f94']) };
      const where = key.stamp.over === 'header' ? { top: r.int(-11, -5), left: r.int(100, 135) } : { top: r.int(1, 7), left: r.int(25, 85) };
      html = html.replace('</body>', `${stamp({ date: writeDate(r, received).toUpperCase(), namnd: 'Socialnämnden', kommun: model.kommun,
        color: key.stamp.color, angle: r.int(-12, 12), ...where })}</body>`);
    }
    const printed = path.join(out, `${id}-utskrift.pdf`);
    fs.writeFileSync(path.join(out, `${id}.html`), html);
    print(path.join(out, `${id}.html`), printed);
    if (job.variant === 'born-digital') {
      key.file = `${id}.pdf`;
      fs.renameSync(printed, path.join(out, key.file));
    } else {
      key.scan = scanSettings(r, pageCount(printed));
      key.file = path.basename(scan(printed, path.join(out, id), key.scan));
      fs.rmSync(printed);
    }
    fs.writeFileSync(path.join(out, `${id}.json`), JSON.stringify(key, null, 1) + '\n');
    manifest.push(key);
    ++serial;
    process.stderr.write(`  ${serial}/${plan.length} ${key.file}\n`);
  }
  fs.rmSync(profile, { recursive: true, force: true });

  if (args.formgen) serial = renderer(path.resolve(args.formgen), manifest, serial);
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest.map((k) => `${k.id}.json`), null, 1) + '\n');
  console.error(`${manifest.length} dokument i ${out}`);
}

/**
 * The comparison: the same kind of values printed by inkorg's own BlankettRenderer (tests/tools/
 * formgen) in its five layouts with its own label variants, scanned the same way.
 */
function renderer(formgen, manifest, serial) {
  const layouts = args['renderer-layouts'] ? args['renderer-layouts'].split(',') : ['etikett-vänster', 'rutor', 'löptext', 'tvåspalt', 'ovanför'];
  // --renderer-rotate: one form per layout, in turn, instead of every form in every layout.
  const pairs = layouts.flatMap((layout, j) => (args['renderer-rotate'] ? [formIds[j % formIds.length]] : formIds).map((form) => [layout, form]));
  for (const [layout, form] of pairs) {
    const id = `d${String(serial).padStart(3, '0')}-${form}-renderer-${layout}-scan`;
    const r = new Random(hash(`${seed}:${serial}:${id}`));
    const filled = fill(form, r, { plant: planted(serial) });
    const values = {};
    for (const [k, v] of Object.entries(filled.printed)) values[k] = typeof v === 'string' ? v : FORMS[form].sections.flatMap(([, f]) => f)
      .find((f) => f.key === k).type === 'multienum' ? v.ticked : v.ticked[0];
    const valuesFile = path.join(out, `${id}-values.json`), printed = path.join(out, `${id}-utskrift.pdf`);
    fs.writeFileSync(valuesFile, JSON.stringify(values));
    execFileSync(formgen, [...(args['forms-dir'] ? ['--forms-dir', path.resolve(args['forms-dir'])] : []), '--form', form, '--layout', layout, '--values', valuesFile, '-o', printed,
      '--label-shift', String(r.int(0, 3)), '--title-variant', String(r.int(0, 2))], { stdio: ['ignore', 'pipe', 'inherit'] });
    const key = { id, form, layout: `renderer:${layout}`, split: layout === 'ovanför' ? 'held-out' : 'tune', variant: 'scan',
      generator: 'BlankettRenderer', answer: filled.answer, planted: filled.planted, stamp: null, scan: scanSettings(r, pageCount(printed)) };
    key.file = path.basename(scan(printed, path.join(out, id), key.scan));
    fs.rmSync(printed);
    fs.writeFileSync(path.join(out, `${id}.json`), JSON.stringify(key, null, 1) + '\n');
    manifest.push(key);
    ++serial;
    process.stderr.write(`  ${key.file}\n`);
  }
  return serial;
}

main();
