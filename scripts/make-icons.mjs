// Draws Vuoro's icon (a rounded square with two speech turns) as PNGs at the manifest's sizes,
// with no image library: a tiny rasteriser and zlib. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // 4x4 supersampling for smooth edges
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const p = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
        acc = acc.map((v, i) => v + p[i] * (i === 3 ? 1 : p[3]));
      }
      const a = acc[3] / 16;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? acc[0] / acc[3] : 0; raw[o + 1] = a ? acc[1] / acc[3] : 0; raw[o + 2] = a ? acc[2] / acc[3] : 0; raw[o + 3] = Math.round(a * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const bubble = (x, y, x0, y0, x1, y1) => inRoundRect(x, y, x0, y0, x1, y1, 0.07);
function pixel(x, y) {
  if (!inRoundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return [0, 0, 0, 0];
  if (bubble(x, y, 0.18, 0.22, 0.62, 0.48) || (x > 0.26 && x < 0.36 && y > 0.46 && y < 0.58 && x - 0.26 < 0.58 - y)) return [255, 255, 255, 1];
  if (bubble(x, y, 0.38, 0.54, 0.82, 0.8) || (x > 0.64 && x < 0.74 && y > 0.78 && y < 0.88 && 0.74 - x < 0.88 - y)) return [255, 191, 71, 1];
  return [32, 48, 74, 1];
}
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../assets/icons/icon-${size}.png`, import.meta.url), png(size, pixel));
