#!/usr/bin/env node
// Runs inkorg on the documents generate.mjs made and scores them against their answer keys.
//
//   node bench/formeval/run.mjs --dir DIR [--inkorg build/inkorg] [--config FILE] [--batch 6]
//        [--manifest manifest.json] [--report FILE] [--details FILE [--show-held-out]]
//        [--rescore | --resume]
//
// Every document goes through `inkorg process --json --dry-run` (a fresh data dir in DIR/var;
// --config is handed to inkorg), in batches; the raw answers are kept in DIR/results.jsonl.
// --rescore scores those again without running inkorg; --resume runs inkorg only on the
// documents without an answer there. Prints Markdown tables — per split (tune / held-out, from
// split.json) and generator, per layout, per form, per variant (scan, stamped scan, born-digital):
//   fields exact        fields read exactly (lib/score.mjs says how each type compares)
//   false error         valid documents (no planted invalid) with any issue of severity error
//   silently wrong      wrong fields that carry no issue on their field, of all wrong fields (the
//                       fields of a document left oklassificerad are flagged by form.unclassified)
//   no issue at all     valid documents through without a single issue
//   planted flagged     documents with a planted invalid id flagged by an error on that field
//   wrong form          a document registered as another form (oklassificerad is not counted here)
// --details counts the misses by kind and lists every miss, false error and spurious field of
// the tune layouts (and the BlankettRenderer control); the held-out layouts' only with --show-held-out.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { scoreDocument, tally } from './lib/score.mjs';
import { options } from './lib/args.mjs';

const args = options(process.argv.slice(2));
if (!args.dir) {
  console.error('usage: run.mjs --dir DIR [--inkorg build/inkorg] [--config FILE] [--batch 6] [--manifest FILE] [--report FILE] [--details FILE [--show-held-out]] [--rescore | --resume]');
  process.exit(2);
}
const dir = path.resolve(args.dir);
const inkorg = path.resolve(args.inkorg && args.inkorg !== true ? args.inkorg : 'build/inkorg');
const batch = Number(args.batch ?? 6);
const keys = JSON.parse(fs.readFileSync(path.join(dir, args.manifest && args.manifest !== true ? args.manifest : 'manifest.json'), 'utf8'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
const resultsFile = path.join(dir, 'results.jsonl');

function process_() {
  const started = Date.now();
  const done = new Set();
  if (args.resume && fs.existsSync(resultsFile))
    for (const line of fs.readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean)) done.add(path.basename(JSON.parse(line).file));
  else fs.writeFileSync(resultsFile, '');
  const todo = keys.filter((k) => !done.has(k.file));
  for (let start = 0; start < todo.length; start += batch) {
    const files = todo.slice(start, start + batch).map((k) => path.join(dir, k.file));
    const config = args.config && args.config !== true ? ['--config', path.resolve(args.config)] : [];
    const run = spawnSync(inkorg, ['process', '--json', '--dry-run', '--data-dir', path.join(dir, 'var'), ...config, ...files],
      { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.error) throw run.error;
    const lines = run.stdout.split('\n').filter(Boolean);
    fs.appendFileSync(resultsFile, lines.map((l) => l + '\n').join(''));
    if (lines.length < files.length) process.stderr.write(run.stderr.slice(-2000));
    process.stderr.write(`  ${Math.min(start + batch, todo.length)}/${todo.length} (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
  return (Date.now() - started) / 60000;
}

const minutes = args.rescore ? null : process_();
const results = new Map(fs.readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => [path.basename(r.file), r]));
const scored = keys.map((key) => ({ key, s: scoreDocument(key, results.get(key.file)) }));

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
const ratio = (a, b) => `${pct(a, b)} (${a}/${b})`;
const HEAD = '| documents | form right | wrong form | fields exact | valid docs with a false error | silently wrong (of wrong fields) | valid docs with no issue | planted invalid flagged | spurious fields |';
const row = (name, t) => `| ${name} | ${t.documents} | ${ratio(t.formRight, t.documents)} | ${t.wrongForm} | ${ratio(t.exact, t.fields)} | ${ratio(t.falseError, t.valid)} | `
  + `${ratio(t.silent, t.wrong)} | ${ratio(t.noIssue, t.valid)} | ${ratio(t.plantedFlagged, t.planted)} | ${t.spurious} |`;
const table = (title, groups) => [`| ${title} ${HEAD}`, `|---${'|---'.repeat(9)}|`, ...[...groups].map(([n, t]) => row(n, t))].join('\n');
const group = (fn, filter = () => true) => {
  const m = new Map();
  for (const { key, s } of scored.filter(({ key }) => filter(key))) {
    const name = fn(key);
    m.set(name, tally(m.get(name) ?? {}, s));
  }
  return new Map([...m].sort(([a], [b]) => a.localeCompare(b, 'sv')));
};
const variant = (k) => (k.variant === 'born-digital' ? 'born-digital' : k.stamp ? 'scan with ankomststämpel' : 'scan');
const generator = (k) => (k.generator === 'BlankettRenderer' ? 'BlankettRenderer (inkorg\'s own)' : 'independent layouts');
const ours = (k) => k.generator !== 'BlankettRenderer';

const report = [
  `${keys.length} documents${minutes === null ? '' : `, ${minutes.toFixed(1)} min`}.`, '',
  table('generator / split', group((k) => `${generator(k)}: ${k.split}`)), '',
  table('layout (independent)', group((k) => `${k.layout} (${k.split})`, ours)), '',
  table('form (independent, tune)', group((k) => k.form, (k) => ours(k) && k.split === 'tune')), '',
  table('form (independent, held-out)', group((k) => k.form, (k) => ours(k) && k.split === 'held-out')), '',
  table('variant (independent)', group((k) => `${variant(k)}: ${k.split}`, ours)), '',
  ...(keys.some((k) => !ours(k)) ? [table('layout (BlankettRenderer)', group((k) => `${k.layout} (${k.split})`, (k) => !ours(k))), ''] : []),
].join('\n');
if (args.report && args.report !== true) fs.writeFileSync(args.report, report + '\n');
console.log(report);

if (args.details && args.details !== true) {
  const out = [];
  const kinds = new Map();
  let hidden = 0;
  for (const { key, s } of scored) {
    const where = `${key.id} [${key.split}]`;
    // The held-out layouts are looked at only to report: their misses are counted, not shown.
    const show = key.split !== 'held-out' || !ours(key) || args['show-held-out'];
    for (const f of s.fields.filter((f) => !f.exact)) {
      const name = `${f.kind}${ours(key) ? '' : ' (BlankettRenderer)'}`;
      kinds.set(name, (kinds.get(name) ?? 0) + 1);
    }
    if (!show) {
      hidden += 1;
      continue;
    }
    if (!s.formRight) out.push(`${where}: form ${s.predicted ?? 'oklassificerad'} (${s.status ?? 'no result'})`);
    for (const f of s.fields.filter((f) => !f.exact)) {
      out.push(`${where}: ${f.key} «${f.label ?? ''}» want ${JSON.stringify(f.expected)} got ${JSON.stringify(f.actual ?? null)} — ${f.kind}${f.issues.length ? '; issues ' + f.issues.join(',') : '; NO ISSUE'}`);
    }
    for (const f of s.spurious) out.push(`${where}: ${f.key} left blank but read ${JSON.stringify(f.actual)}`);
    if (s.valid && s.errors.length) out.push(`${where}: false error ${s.errors.join(', ')}`);
    if (!s.valid && !s.plantedFlagged.length) out.push(`${where}: planted invalid ${s.invalid.join(',')} not flagged`);
  }
  const counted = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${String(n).padStart(4)}  ${k}`);
  const note = hidden ? [`(the misses of ${hidden} documents on held-out layouts are counted above, not listed: --show-held-out lists them)`, ''] : [];
  fs.writeFileSync(args.details, ['Misses by kind (all layouts):', ...counted, '', ...note, ...out].join('\n') + '\n');
}
