// Sections in rounded frames under a coloured band, labels above grey filled input boxes (a
// fillable PDF form printed), serif labels and sans values; ticked options as filled squares.
import { esc, lines, page } from '../lib/page.mjs';

const css = `
body { font-family: 'DejaVu Serif', serif; font-size: 9.5pt; }
.band { background: #1f4e79; color: #fff; padding: 3mm 4mm; display:flex; justify-content:space-between; align-items:center; }
.band b { font-size: 13pt; } .band span { font-size: 8.5pt; }
h1 { font-size: 15pt; color: #1f4e79; margin: 5mm 0 4mm; }
.box { border: 1.2px solid #1f4e79; border-radius: 3mm; margin-bottom: 4mm; overflow: hidden; break-inside: avoid; }
.box h2 { margin: 0; background: #dce6f1; color: #1f4e79; font-size: 10pt; padding: 1.2mm 3mm; }
.in { display:flex; flex-wrap: wrap; gap: 2mm 4mm; padding: 2mm 3mm 3mm; }
.f { flex: 1 1 70mm; } .f.full { flex-basis: 100%; }
.lab { font-size: 8pt; margin-bottom: 0.6mm; }
.val { background: #e4e4e4; min-height: 6mm; padding: 1mm 1.5mm; font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }
.val.long { min-height: 30mm; line-height: 5mm; }
.opt { display:inline-block; margin: 1mm 5mm 0 0; font-family: 'DejaVu Sans', sans-serif; }
.sq { display:inline-block; width: 3.2mm; height: 3.2mm; border: 1px solid #1f4e79; margin-right: 1.3mm; vertical-align: -0.5mm; }
.sq.on { background: #111; }`;

function item(f) {
  if (f.options)
    return `<div class="f full"><div class="lab">${esc(f.label)}</div>${f.options
      .map((o) => `<span class="opt"><span class="sq ${o.ticked ? 'on' : ''}"></span>${esc(o.label)}</span>`).join('')}</div>`;
  return `<div class="f ${f.type === 'long' ? 'full' : ''}"><div class="lab">${esc(f.label)}</div><div class="val ${f.type === 'long' ? 'long' : ''}">${lines(f.value)}</div></div>`;
}

export default {
  name: 'sektionsboxar',
  render: (doc) => page({
    css,
    margin: '12mm 14mm',
    body: `<div class="band"><b>${esc(doc.kommun)}</b><span>${esc(doc.forvaltning)}</span></div>
<h1>${esc(doc.title)}</h1>
${doc.sections.map((s) => `<div class="box"><h2>${esc(s.heading)}</h2><div class="in">${s.items.map(item).join('')}</div></div>`).join('\n')}`,
  }),
};
