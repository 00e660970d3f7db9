// Label left, the value on a dotted leader line running to the margin; serif, as an older
// Word-made blankett. Checkboxes are the ☐/☒ glyphs after the label.
import { esc, lines, page } from '../lib/page.mjs';

const css = `
body { font-family: 'DejaVu Serif', serif; font-size: 10.5pt; }
.head { display:flex; justify-content:space-between; border-bottom: 1.5px solid #000; padding-bottom: 3mm; }
.kommun { font-size: 15pt; font-weight: bold; } .forv { font-size: 9pt; }
h1 { font-size: 16pt; margin: 7mm 0 4mm; }
h2 { font-size: 11pt; margin: 5mm 0 1.5mm; font-style: italic; }
.row { display:flex; align-items:flex-end; margin: 2.2mm 0; }
.label { white-space: nowrap; padding-right: 1.5mm; }
.leader { flex: 1; border-bottom: 1.3px dotted #000; min-height: 5mm; padding-left: 2mm; font-family: 'DejaVu Sans', sans-serif; }
.long { border-bottom: 1.3px dotted #000; font-family: 'DejaVu Sans', sans-serif; line-height: 7mm; min-height: 21mm;
  background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 6.7mm, #000 6.7mm, transparent 7mm); background-size: 100% 7mm; }
.box { font-size: 12pt; margin: 0 1mm 0 4mm; }`;

function item(f) {
  if (f.type === 'long') return `<div class="row"><span class="label">${esc(f.label)}:</span></div><div class="long">${lines(f.value)}</div>`;
  if (f.options)
    return `<div class="row"><span class="label">${esc(f.label)}:</span>${f.options
      .map((o) => `<span class="box">${o.ticked ? '☒' : '☐'}</span>${esc(o.label)}`).join('')}</div>`;
  return `<div class="row"><span class="label">${esc(f.label)}</span><span class="leader">${esc(f.value)}</span></div>`;
}

export default {
  name: 'prick-ledare',
  render: (doc) => page({
    css,
    body: `<div class="head"><div><div class="kommun">${esc(doc.kommun)}</div><div class="forv">${esc(doc.forvaltning)}</div></div>
<div class="forv">Sekretess enligt OSL<br>Blankett ${esc(doc.number)}</div></div>
<h1>${esc(doc.title)}</h1>
${doc.sections.map((s) => `<h2>${esc(s.heading)}</h2>${s.items.map(item).join('')}`).join('\n')}`,
  }),
};
