// A printed PDF made into a scan: pdftoppm rasterises each page at 200 or 300 dpi, ImageMagick
// turns it a little (±2°), adds sensor noise and blur, and it is saved as PNG, JPEG, TIFF (one
// file for all pages) or an image-only PDF. Deterministic from the random source (ImageMagick's
// own noise from -seed).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeImagePdf } from './imagepdf.mjs';

const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });

/** Chooses how a scanner treats this document. */
export function scanSettings(r, pages) {
  return {
    dpi: r.pick([200, 300, 300]),
    skew: Math.round((r.next() * 4 - 2) * 100) / 100,
    noise: Math.round((0.15 + r.next() * 0.6) * 100) / 100,
    blur: r.pick([0, 0.4, 0.7]),
    grey: r.chance(0.5),
    quality: r.int(55, 90),
    format: pages > 1 ? r.pick(['tif', 'pdf']) : r.pick(['png', 'jpg', 'tif', 'pdf']),
    seed: r.int(1, 1e6),
  };
}

export function pageCount(pdf) {
  const info = run('pdfinfo', [pdf]).toString();
  return Number(/Pages:\s+(\d+)/.exec(info)[1]);
}

/** Writes the scan of `pdf` to `base`.<format>; returns that file's path. */
export function scan(pdf, base, s) {
  const work = fs.mkdtempSync(base + '-sidor-');
  run('pdftoppm', ['-r', String(s.dpi), '-png', pdf, path.join(work, 'p')]);
  const pages = fs.readdirSync(work).filter((f) => f.endsWith('.png')).sort();
  const degraded = pages.map((page, i) => {
    const out = path.join(work, `d${i}.${s.format === 'pdf' ? 'jpg' : s.format === 'jpg' ? 'jpg' : 'png'}`);
    run('convert', [path.join(work, page), '-background', 'white', '-rotate', String(s.skew), '+repage', '-seed', String(s.seed + i),
      '-attenuate', String(s.noise), '+noise', 'Gaussian', ...(s.blur ? ['-blur', `0x${s.blur}`] : []),
      ...(s.grey ? ['-colorspace', 'Gray'] : []), '-quality', String(s.quality), '-density', String(s.dpi), '-units', 'PixelsPerInch', out]);
    return out;
  });
  const file = `${base}.${s.format}`;
  if (s.format === 'tif') run('convert', [...degraded, '-compress', 'lzw', '-density', String(s.dpi), '-units', 'PixelsPerInch', file]);
  else if (s.format === 'pdf')
    writeImagePdf(file, degraded.map((d) => {
      const rgb = d.replace(/\.jpg$/, '-rgb.jpg');
      run('convert', [d, '-colorspace', 'sRGB', '-type', 'TrueColor', '-quality', String(s.quality), rgb]);
      const [width, height] = run('identify', ['-format', '%w %h', rgb]).toString().split(' ').map(Number);
      return { jpeg: fs.readFileSync(rgb), width, height, dpi: s.dpi };
    }));
  else fs.copyFileSync(degraded[0], file);
  fs.rmSync(work, { recursive: true, force: true });
  return file;
}
