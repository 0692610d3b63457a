#!/usr/bin/env node
// Draws the app icons in public/icons/ (the favicon's check mark on its blue tile) as PNGs, so the manifest needs no
// asset from anywhere else. Run `node scripts/make-icons.mjs` after changing the design; the PNGs are committed.
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BLUE = [0x1f, 0x5f, 0xae];
const WHITE = [0xff, 0xff, 0xff];
/** The favicon's check mark in its 32-unit view box, and its stroke width. */
const CHECK = [
  [9, 16.5],
  [13.5, 21],
  [23, 11],
];
const STROKE = 3.2;
const SAMPLES = 4;

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour at a point of the 32-unit view box: the tile (rounded unless maskable), then the mark on it. */
function colourAt(x, y, maskable) {
  // A maskable icon is cropped to a circle of 80 % of its size: the mark is drawn smaller, the tile fills it all.
  const scale = maskable ? 0.7 : 1;
  const ux = 16 + (x - 16) / scale;
  const uy = 16 + (y - 16) / scale;
  const onMark =
    distanceToSegment(ux, uy, CHECK[0], CHECK[1]) <= STROKE / 2 ||
    distanceToSegment(ux, uy, CHECK[1], CHECK[2]) <= STROKE / 2;
  if (onMark) return WHITE;
  if (maskable) return BLUE;
  const r = 6;
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  return Math.hypot(x - cx, y - cy) <= r ? BLUE : null;
}

function render(size, maskable) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt(
            ((px + (sx + 0.5) / SAMPLES) * 32) / size,
            ((py + (sy + 0.5) / SAMPLES) * 32) / size,
            maskable,
          );
          if (colour === null) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const at = 1 + px * 4;
      for (let c = 0; c < 3; c++) row[at + c] = covered === 0 ? 0 : Math.round(sum[c] / covered);
      row[at + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, scanlines) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(scanlines, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = new URL("../public/icons/", import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL("icon-192.png", out), render(192, false));
writeFileSync(new URL("icon-512.png", out), render(512, false));
writeFileSync(new URL("icon-maskable-512.png", out), render(512, true));
