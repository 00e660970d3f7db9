// A boxed grid: every field a cell with borders, a tiny uppercase label in its top left corner and
// the value below it, as on a myndighet's blankett. Checkboxes are bordered boxes crossed with X.
import { esc, lines, page } from '../lib/page.mjs';

const css = `
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }
.top { display:flex; justify-content:space-between; align-items:flex-start; margin-bottom: 4mm; }
.k { font-size: 12pt; font-weight: bold; } .k small { display:block; font-weight: normal; font-size: 8.5pt; }
h1 { font-size: 14pt; margin: 0; text-align: right; max-width: 110mm; }
.sec { background: #000; color: #fff; font-weight: bold; font-size: 9pt; padding: 1mm 2mm; margin-top: 3mm; text-transform: uppercase; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
td { border: 1px solid #000; vertical-align: top; padding: 0.8mm 1.5mm 1.5mm; height: 10mm; }
.lab { font-size: 6.8pt; text-transform: uppercase; letter-spacing: .3px; }
.val { font-size: 10.5pt; padding-top: 1mm; }
.long .val { min-height: 26mm; line-height: 5.5mm; }
.opt { display:inline-block; margin: 1.2mm 4mm 0 0; font-size: 9.5pt; }
.cb { display:inline-block; width: 3.5mm; height: 3.5mm; border: 1px solid #000; margin-right: 1.2mm; vertical-align: -0.7mm;
  font-size: 9pt; line-height: 3.5mm; text-align: center; }`;

function cell(f, span) {
  const body = f.options
    ? f.options.map((o) => `<span class="opt"><span class="cb">${o.ticked ? 'X' : ''}</span>${esc(o.label)}</span>`).join('')
    : `<div class="val">${lines(f.value)}</div>`;
  return `<td colspan="${span}" class="${f.type === 'long' ? 'long' : ''}"><div class="lab">${esc(f.label)}</div>${body}</td>`;
}

/** Fields two to a row; long text and checkbox groups take the whole row. */
function rows(items) {
  const out = [];
  let pending = null;
  for (const f of items) {
    const whole = f.type === 'long' || f.options;
    if (whole) {
      if (pending) out.push(`<tr>${cell(pending, 2)}</tr>`), (pending = null);
      out.push(`<tr>${cell(f, 2)}</tr>`);
    } else if (pending) out.push(`<tr>${cell(pending, 1)}${cell(f, 1)}</tr>`), (pending = null);
    else pending = f;
  }
  if (pending) out.push(`<tr>${cell(pending, 2)}</tr>`);
  return out.join('');
}

export default {
  name: 'rutnat',
  render: (doc) => page({
    css,
    margin: '14mm 14mm',
    body: `<div class="top"><div class="k">${esc(doc.kommun)}<small>${esc(doc.forvaltning)}</small></div><h1>${esc(doc.title)}</h1></div>
${doc.sections.map((s) => `<div class="sec">${esc(s.heading)}</div><table>${rows(s.items)}</table>`).join('\n')}`,
  }),
};
