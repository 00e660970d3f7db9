#!/usr/bin/env node
// How many of the label wordings the generated documents print are not among inkorg's own label
// variants (forms/<id>/form.json) — the issue asks for about one in five — and, once run.mjs has
// run, how many fields were read exactly under either kind of label (on documents whose form was
// right). The only file of this evaluation that reads form.json, and it only counts.
//
//   node bench/formeval/check-wordings.mjs --dir DIR [--forms-dir forms]
import fs from 'node:fs';
import path from 'node:path';
import { options } from './lib/args.mjs';

const args = options(process.argv.slice(2));
const dir = path.resolve(args.dir), formsDir = path.resolve(args['forms-dir'] ?? 'forms');
const plain = (s) => s.toLowerCase().replace(/[:.]/g, '').replace(/\s+/g, ' ').trim();
const known = {};
for (const form of fs.readdirSync(formsDir)) {
  const file = path.join(formsDir, form, 'form.json');
  if (!fs.existsSync(file)) continue;
  known[form] = Object.fromEntries(JSON.parse(fs.readFileSync(file, 'utf8')).fields.map((f) => [f.key, new Set(f.labels.map(plain))]));
}
const { scoreDocument } = await import('./lib/score.mjs');
const resultsFile = path.join(dir, 'results.jsonl');
const results = fs.existsSync(resultsFile)
  ? new Map(fs.readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => [path.basename(r.file), r]))
  : null;
const exact = { known: [0, 0], own: [0, 0] };
const seen = new Map();   // form/layout/key → label
for (const f of JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))) {
  const key = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  if (key.generator !== 'formeval') continue;
  for (const [field, label] of Object.entries(key.labels)) seen.set(`${key.form}/${key.layout}/${field}`, [key.form, field, label]);
  const s = results && scoreDocument(key, results.get(key.file));
  if (s?.formRight)
    for (const f of s.fields) {
      const tally = exact[known[key.form]?.[f.key]?.has(plain(key.labels[f.key])) ? 'known' : 'own'];
      tally[0] += f.exact ? 1 : 0, (tally[1] += 1);
    }
}
const absent = [...seen.values()].filter(([form, field, label]) => !known[form]?.[field]?.has(plain(label)));
console.log(`${absent.length} of ${seen.size} (form, layout, field) wordings are not in form.json: ${(100 * absent.length / seen.size).toFixed(1)} %`);
if (results)
  for (const [kind, [hit, all]] of Object.entries(exact))
    console.log(`fields exact where the form was right, label ${kind === 'known' ? 'among form.json\'s variants' : 'worded otherwise'}: ${hit}/${all} (${(100 * hit / all).toFixed(1)} %)`);
const distinct = new Set(absent.map(([form, field, label]) => `${form}.${field}: ${label}`));
for (const line of [...distinct].sort()) console.log('  ' + line);
