// A compact Word form: several "Label: value" pairs on one line, each value underlined only as
// long as it is, sections as bold run-in headings; the options inline as □/■.
import { esc, lines, page } from '../lib/page.mjs';

const css = `
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.5; }
.top { font-size: 9pt; border-bottom: 3px double #000; padding-bottom: 2mm; margin-bottom: 4mm; }
.top b { font-size: 12pt; }
h1 { font-size: 14pt; margin: 0 0 3mm; }
.sec { margin-top: 3mm; }
.sec > b { display: block; font-size: 10.5pt; background: #e8e8e8; padding: 0.5mm 1.5mm; margin-bottom: 1mm; }
.pair { display: inline-block; margin: 0 7mm 1.5mm 0; }
.v { border-bottom: 1px solid #000; padding: 0 2mm; font-family: 'DejaVu Serif', serif; }
.v:empty { display:inline-block; width: 30mm; }
.longv { display:block; border: 1px solid #000; padding: 1.5mm 2mm; min-height: 20mm; font-family: 'DejaVu Serif', serif; margin-bottom: 2mm; }
.o { margin-left: 3mm; white-space: nowrap; }`;

function item(f) {
  if (f.type === 'long') return `<div>${esc(f.label)}:</div><div class="longv">${lines(f.value)}</div>`;
  if (f.options)
    return `<span class="pair">${esc(f.label)}:${f.options.map((o) => `<span class="o">${o.ticked ? '■' : '□'} ${esc(o.label)}</span>`).join('')}</span>`;
  return `<span class="pair">${esc(f.label)}: <span class="v">${esc(f.value)}</span></span>`;
}

export default {
  name: 'kompakt-inline',
  render: (doc) => page({
    css,
    margin: '15mm 15mm',
    body: `<div class="top"><b>${esc(doc.kommun)}</b> · ${esc(doc.forvaltning)} · ${esc(doc.address)}</div>
<h1>${esc(doc.title)}</h1>
${doc.sections.map((s) => `<div class="sec"><b>${esc(s.heading)}</b>${s.items.map(item).join('')}</div>`).join('\n')}`,
  }),
};
