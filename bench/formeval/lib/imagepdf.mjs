// An image-only PDF, as a scanner writes one: each page one JPEG (DCTDecode) filling the page.
// Written here because Debian's ImageMagick refuses to write PDF by policy.
import fs from 'node:fs';

/** pages: [{ jpeg: Buffer, width, height (pixels), dpi }]. */
export function writeImagePdf(file, pages) {
  const objects = [];   // body of object n at index n-1
  const add = (body) => objects.push(body) && objects.length;
  const catalog = add(null), tree = add(null);
  const kids = [];
  for (const { jpeg, width, height, dpi } of pages) {
    const w = (width * 72) / dpi, h = (height * 72) / dpi;
    const image = add([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB `
      + `/BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`), jpeg, Buffer.from('\nendstream')]);
    const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    const content = add([Buffer.from(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`)]);
    kids.push(add([Buffer.from(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] `
      + `/Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`)]));
  }
  objects[catalog - 1] = [Buffer.from(`<< /Type /Catalog /Pages ${tree} 0 R >>`)];
  objects[tree - 1] = [Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`)];
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), ...body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  fs.writeFileSync(file, Buffer.concat(parts));
}
