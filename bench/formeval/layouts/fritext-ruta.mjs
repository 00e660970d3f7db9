// Numbered sections in capitals, label left and the value on a solid line to the margin, the free
// text in a tall framed box with room to write; serif. Checkboxes are typed "[X]" / "[ ]".
import { esc, lines, page } from '../lib/page.mjs';

const css = `
body { font-family: 'DejaVu Serif', serif; font-size: 10.5pt; }
.brev { display:flex; justify-content:space-between; font-size: 9pt; margin-bottom: 8mm; }
.brev b { font-size: 12pt; }
h1 { font-size: 17pt; font-weight: normal; margin: 0 0 6mm; }
h2 { font-size: 10.5pt; margin: 6mm 0 2mm; letter-spacing: 1px; }
.row { display:flex; align-items:flex-end; margin: 2.4mm 0; }
.lab { width: 58mm; flex: none; }
.line { flex: 1; border-bottom: 1px solid #000; min-height: 5mm; font-family: 'DejaVu Sans Mono', monospace; font-size: 10pt; }
.boxlab { margin-top: 3mm; } .boxlab small { font-style: italic; }
.box { border: 1.5px solid #000; min-height: 45mm; padding: 2mm 3mm; margin-top: 1mm; font-family: 'DejaVu Sans Mono', monospace; font-size: 10pt; line-height: 5.5mm; }
.opts { font-family: 'DejaVu Sans Mono', monospace; font-size: 10pt; } .opts span { margin-right: 5mm; white-space: nowrap; }`;

function item(f) {
  if (f.type === 'long')
    return `<div class="boxlab">${esc(f.label)} <small>(fortsätt på separat blad vid behov)</small></div><div class="box">${lines(f.value)}</div>`;
  if (f.options)
    return `<div class="row"><div class="lab">${esc(f.label)}</div><div class="opts">${f.options
      .map((o) => `<span>[${o.ticked ? 'X' : '&nbsp;'}] ${esc(o.label)}</span>`).join(' ')}</div></div>`;
  return `<div class="row"><div class="lab">${esc(f.label)}</div><div class="line">${esc(f.value)}</div></div>`;
}

export default {
  name: 'fritext-ruta',
  render: (doc) => page({
    css,
    margin: '20mm 20mm',
    body: `<div class="brev"><div><b>${esc(doc.kommun)}</b><br>${esc(doc.forvaltning)}<br>${esc(doc.address)}</div><div>Blankett ${esc(doc.number)}<br>Sida 1</div></div>
<h1>${esc(doc.title)}</h1>
${doc.sections.map((s, i) => `<h2>${i + 1}. ${esc(s.heading.toUpperCase())}</h2>${s.items.map(item).join('')}`).join('\n')}`,
  }),
};
