// A table of rows: the label in a grey shaded column, the value beside it, every other row
// tinted. Condensed sans. The options are round radio marks, ● for the chosen one.
import { esc, lines, page } from '../lib/page.mjs';

const css = `
body { font-family: 'DejaVu Sans Condensed', 'DejaVu Sans', sans-serif; font-size: 10pt; }
header { border-left: 6px solid #555; padding-left: 3mm; margin-bottom: 5mm; }
header b { font-size: 13pt; } header div { font-size: 8.5pt; color: #333; }
h1 { font-size: 15pt; margin: 0 0 4mm; font-family: 'DejaVu Serif', serif; }
table { width: 100%; border-collapse: collapse; margin-bottom: 3mm; }
th.sec { text-align: left; background: #7f7f7f; color: #fff; padding: 1.2mm 2mm; font-size: 10pt; }
td { padding: 1.6mm 2mm; border-bottom: 1px solid #bbb; vertical-align: top; }
td.lab { width: 38%; background: #d6d6d6; font-weight: bold; font-size: 9pt; }
tr:nth-child(odd) td.val { background: #eeeeee; }
td.val { font-size: 10.5pt; }
td.val.long { height: 28mm; line-height: 5.5mm; }
.opt { display:inline-block; margin-right: 4mm; } .dot { font-size: 11pt; margin-right: 1mm; }`;

function row(f) {
  const value = f.options
    ? f.options.map((o) => `<span class="opt"><span class="dot">${o.ticked ? '●' : '○'}</span>${esc(o.label)}</span>`).join('')
    : lines(f.value);
  return `<tr><td class="lab">${esc(f.label)}</td><td class="val ${f.type === 'long' ? 'long' : ''}">${value}</td></tr>`;
}

export default {
  name: 'skuggad-tabell',
  render: (doc) => page({
    css,
    body: `<header><b>${esc(doc.kommun)}</b><div>${esc(doc.forvaltning)}, ${esc(doc.address)}</div></header>
<h1>${esc(doc.title)}</h1>
${doc.sections.map((s) => `<table><tr><th class="sec" colspan="2">${esc(s.heading)}</th></tr>${s.items.map(row).join('')}</table>`).join('\n')}`,
  }),
};
