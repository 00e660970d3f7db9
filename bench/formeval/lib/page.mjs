// What every layout needs around its own HTML: escaping, the A4 page, and the registrator's
// ankomststämpel (stamped on paper after printing, so it is laid over the page, not into it).

export const esc = (text) => String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Free text as typed: its line breaks kept. */
export const lines = (text) => esc(text).replace(/\n/g, '<br>');

/** A whole HTML page: A4 with the given margin, the layout's CSS and body. */
export function page({ css, body, margin = '18mm 16mm' }) {
  return `<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><style>
@page { size: A4; margin: ${margin}; }
html, body { margin: 0; padding: 0; }
body { -webkit-print-color-adjust: exact; print-color-adjust: exact; color: #111; }
${css}
</style></head><body>
${body}
</body></html>`;
}

/**
 * An ankomststämpel: a rotated ink rectangle saying INKOM, the date and the nämnd. at: where on
 * the page (top/left in mm), over the header or the title.
 */
export function stamp({ date, namnd, kommun, color, angle, top, left }) {
  return `<div style="position:fixed; top:${top}mm; left:${left}mm; transform:rotate(${angle}deg); z-index:9;
    border:2.5px solid ${color}; border-radius:3px; padding:1mm 3mm; color:${color}; opacity:0.82;
    font-family:'DejaVu Sans Mono', monospace; text-align:center; line-height:1.25; background:transparent;">
  <div style="font-size:8pt; letter-spacing:1px">${esc(kommun.toUpperCase())}</div>
  <div style="font-size:17pt; font-weight:bold; letter-spacing:4px">INKOM</div>
  <div style="font-size:11pt; font-weight:bold">${esc(date)}</div>
  <div style="font-size:8pt">${esc(namnd)}</div>
  <div style="font-size:8pt; text-align:left; margin-top:1mm">Dnr ......................</div>
</div>`;
}
