#!/usr/bin/env node
// CTest `formeval_generator` (label formeval): the generator makes one born-digital orosanmälan per
// layout and one stamped scan, and every document shows what its answer key says was printed:
// the title, every field's label and every plain-text value in the PDF's text layer, and the scan
// is an image of A4 at its dpi. Fails when a layout drops a field or the answer key and the page part.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'formeval-test-'));
const failures = [];
try {
  execFileSync(process.execPath, [path.join(here, 'generate.mjs'), '--out', out, '--seed', '3', '--forms', 'orosanmalan',
    '--variants', 'born-digital', '--stamped', '1'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const split = JSON.parse(fs.readFileSync(path.join(here, 'split.json'), 'utf8'));
  const keys = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).map((f) => JSON.parse(fs.readFileSync(path.join(out, f), 'utf8')));
  const layouts = new Set(keys.filter((k) => k.variant === 'born-digital').map((k) => k.layout));
  for (const l of [...split.tune, ...split.heldOut]) if (!layouts.has(l)) failures.push(`no document for layout ${l}`);
  const flat = (s) => s.replace(/\s+/g, ' ').toLowerCase();   // a layout may print its labels in capitals
  for (const key of keys.filter((k) => k.variant === 'born-digital')) {
    const text = flat(execFileSync('pdftotext', ['-layout', path.join(out, key.file), '-']).toString());
    const words = flat(execFileSync('pdftotext', [path.join(out, key.file), '-']).toString());
    const shows = (s) => text.includes(flat(s)) || words.includes(flat(s));
    if (!shows(key.title)) failures.push(`${key.id}: title «${key.title}» not printed`);
    for (const [field, label] of Object.entries(key.labels)) if (!shows(label)) failures.push(`${key.id}: label «${label}» of ${field} not printed`);
    for (const field of ['barn_namn', 'vardnadshavare_namn', 'anmalare_namn', 'anmalare_verksamhet'])
      if (field in key.answer && !shows(key.answer[field])) failures.push(`${key.id}: ${field} «${key.answer[field]}» not printed`);
    for (const sentence of key.answer.oro_beskrivning.split(/(?<=\.) /))
      if (!words.replace(/ /g, '').includes(flat(sentence).replace(/ /g, ''))) failures.push(`${key.id}: free text «${sentence}» not printed`);
  }
  const scan = keys.find((k) => k.variant === 'scan');
  if (!scan?.stamp) failures.push('no stamped scan');
  else if (!fs.existsSync(path.join(out, scan.file)) || fs.statSync(path.join(out, scan.file)).size < 50000) failures.push(`${scan.file}: no scan image`);
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
for (const f of failures) console.error(f);
console.log(failures.length ? `formeval generator: ${failures.length} failed` : 'formeval generator: all layouts print what their answer keys say');
process.exit(failures.length ? 1 : 0);
