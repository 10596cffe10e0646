// Makes the app icons (node built-ins only): `node scripts/generate-icons.mjs`.
// A white target on the brand red (精准: "precise"), drawn with 4×4 supersampling, written as
// 8-bit RGBA PNGs by hand (zlib for the IDAT, CRC-32 per chunk). The maskable icon keeps the
// target inside the central safe circle (radius 40 %), so any launcher mask leaves it whole.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const RED = [0xb4, 0x23, 0x18];
const WHITE = [0xff, 0xff, 0xff];

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** What colour a point (0..1 square) is: background (rounded or full-bleed), rings, the centre dot. */
function shade(u, v, { maskable }) {
  const dx = u - 0.5,
    dy = v - 0.5;
  if (!maskable) {
    // a rounded square, transparent corners
    const r = 0.18,
      q = (t) => Math.max(Math.abs(t) - (0.5 - r), 0);
    if (Math.hypot(q(dx), q(dy)) > r) return null;
  }
  const s = maskable ? 0.8 : 1; // the target shrinks into the maskable safe zone
  const d = Math.hypot(dx, dy) / s;
  const ring = (a, b) => d >= a && d <= b;
  if (d <= 0.075 || ring(0.15, 0.215) || ring(0.285, 0.35)) return WHITE;
  // the cross-hairs through the rings' gaps
  if ((Math.abs(dx) / s < 0.022 || Math.abs(dy) / s < 0.022) && d > 0.075 && d < 0.42) return WHITE;
  return RED;
}

function icon(size, opts) {
  const N = 4;
  return png(size, (x, y) => {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let i = 0; i < N; i++)
      for (let j = 0; j < N; j++) {
        const c = shade((x + (i + 0.5) / N) / size, (y + (j + 0.5) / N) / size, opts);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a += 255;
      }
    const n = a / 255;
    return n ? [Math.round(r / n), Math.round(g / n), Math.round(b / n), Math.round(a / (N * N))] : [0, 0, 0, 0];
  });
}

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "public", "icons");
fs.writeFileSync(path.join(dir, "icon-192.png"), icon(192, { maskable: false }));
fs.writeFileSync(path.join(dir, "icon-512.png"), icon(512, { maskable: false }));
fs.writeFileSync(path.join(dir, "icon-maskable-512.png"), icon(512, { maskable: true }));
fs.writeFileSync(path.join(dir, "apple-touch-icon.png"), icon(180, { maskable: true }));
console.log("icons written to", dir);
