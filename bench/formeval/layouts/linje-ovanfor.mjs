// Label above a solid ruled line, two or three fields side by side; sans, small grey labels.
// Checkboxes are drawn boxes ticked with ✓.
import { esc, lines, page } from '../lib/page.mjs';

const css = `
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }
.logo { font-weight: bold; font-size: 13pt; letter-spacing: .5px; }
.sub { color: #444; font-size: 8.5pt; margin-bottom: 6mm; }
h1 { font-size: 15pt; font-weight: normal; margin: 0 0 5mm; }
h2 { font-size: 10.5pt; margin: 5mm 0 1mm; text-transform: uppercase; letter-spacing: .6px; }
.grid { display:grid; grid-template-columns: repeat(6, 1fr); column-gap: 6mm; }
.f { grid-column: span 3; margin-top: 2.5mm; } .f.wide { grid-column: span 6; } .f.narrow { grid-column: span 2; }
.lab { font-size: 7.5pt; color: #333; }
.val { border-bottom: 1px solid #000; min-height: 5.5mm; padding-top: 1mm; font-size: 10.5pt; }
.long { border: none; border-bottom: 1px solid #000; min-height: 24mm; line-height: 6mm; }
.opt { display:inline-block; margin: 1.5mm 5mm 0 0; }
.cb { display:inline-block; width: 3.4mm; height: 3.4mm; border: 1px solid #000; vertical-align: -0.6mm; margin-right: 1.5mm;
  text-align:center; line-height: 3.4mm; font-size: 9pt; font-weight: bold; }`;

const narrow = new Set(['postnummer', 'integer', 'time', 'money', 'month']);

function item(f) {
  if (f.options)
    return `<div class="f wide"><div class="lab">${esc(f.label)}</div>${f.options
      .map((o) => `<span class="opt"><span class="cb">${o.ticked ? '✓' : ''}</span>${esc(o.label)}</span>`).join('')}</div>`;
  const cls = f.type === 'long' || f.type === 'text' && f.label.length > 30 ? 'wide' : narrow.has(f.type) ? 'narrow' : '';
  return `<div class="f ${cls}"><div class="lab">${esc(f.label)}</div><div class="val ${f.type === 'long' ? 'long' : ''}">${lines(f.value)}</div></div>`;
}

export default {
  name: 'linje-ovanfor',
  render: (doc) => page({
    css,
    body: `<div class="logo">${esc(doc.kommun.toUpperCase())}</div><div class="sub">${esc(doc.forvaltning)} · ${esc(doc.address)}</div>
<h1>${esc(doc.title)}</h1>
${doc.sections.map((s) => `<h2>${esc(s.heading)}</h2><div class="grid">${s.items.map(item).join('')}</div>`).join('\n')}`,
  }),
};
