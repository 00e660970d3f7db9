// Two columns: the sections flow down the left column and on into the right one, each field
// "Label:" with the value on the next line; long text in a thin frame. Checkboxes are ☐/☑ glyphs
// stacked one per line.
import { esc, lines, page } from '../lib/page.mjs';

const css = `
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; }
.head { text-align: center; margin-bottom: 5mm; }
.head .k { font-size: 12pt; font-weight: bold; } .head .f { font-size: 8.5pt; }
h1 { font-size: 15pt; text-align: center; margin: 2mm 0 5mm; border-top: 1px solid #000; border-bottom: 1px solid #000; padding: 2mm 0; }
.cols { column-count: 2; column-gap: 10mm; column-rule: 1px solid #999; }
.sec { break-inside: avoid; margin-bottom: 4mm; }
h2 { font-size: 10pt; margin: 0 0 1.5mm; color: #000; border-bottom: 2px solid #000; }
.f { margin: 0 0 2.2mm; break-inside: avoid; }
.lab { font-weight: bold; font-size: 8.5pt; }
.val { font-size: 10pt; padding-left: 1mm; min-height: 4.5mm; }
.long { border: 1px solid #555; padding: 1.5mm; min-height: 30mm; line-height: 5mm; }
.opt { display:block; margin-left: 1mm; } .g { font-size: 11pt; margin-right: 1.5mm; }`;

function item(f) {
  if (f.options)
    return `<div class="f"><div class="lab">${esc(f.label)}</div>${f.options
      .map((o) => `<span class="opt"><span class="g">${o.ticked ? '☑' : '☐'}</span>${esc(o.label)}</span>`).join('')}</div>`;
  return `<div class="f"><div class="lab">${esc(f.label)}:</div><div class="val ${f.type === 'long' ? 'long' : ''}">${lines(f.value)}</div></div>`;
}

export default {
  name: 'tvaspalt',
  render: (doc) => page({
    css,
    margin: '15mm 14mm',
    body: `<div class="head"><div class="k">${esc(doc.kommun)}</div><div class="f">${esc(doc.forvaltning)}</div></div>
<h1>${esc(doc.title)}</h1>
<div class="cols">${doc.sections.map((s) => `<div class="sec"><h2>${esc(s.heading)}</h2>${s.items.map(item).join('')}</div>`).join('\n')}</div>`,
  }),
};
