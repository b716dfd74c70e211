#!/usr/bin/env node
// Generates the add-in icons in assets/ with pngjs: a deep green (Excel-like) rounded square
// with a white glyph. icon-16/32/64/80/128.png carry a check mark (the add-in); the ribbon
// buttons get their own glyph so they can be told apart: periksa-16/32/80.png a magnifier
// (Periksa, check) and ringkasan-16/32/80.png three table rows (Ringkasan, summary).
// Anti-aliased by supersampling each pixel on an 8 x 8 grid. The output is deterministic,
// so re-running the script on an unchanged file gives byte-identical PNGs.
//
//   npm run make-icons            (writes assets/)
//   node scripts/make-icons.js DIR (writes DIR/ instead)

const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");

const SIZES = [16, 32, 64, 80, 128];
// Ribbon buttons take 16, 32 and 80 pixel images.
const BUTTON_SIZES = [16, 32, 80];
const SAMPLES = 8;

// Colours (sRGB). Top and bottom of a subtle vertical gradient around #107C41.
const GREEN_TOP = [0x18, 0x8c, 0x4e];
const GREEN_BOTTOM = [0x0c, 0x6b, 0x37];
const WHITE = [0xff, 0xff, 0xff];

// Geometry in unit coordinates (0..1 across the icon).
const MARGIN = 1 / 16;
const RADIUS = 0.19;
const CHECK = [
  [0.27, 0.52],
  [0.43, 0.68],
  [0.74, 0.35],
];
const CHECK_HALF_WIDTH = 0.065;

function insideRoundedSquare(x, y) {
  const lo = MARGIN;
  const hi = 1 - MARGIN;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  // Distance to the nearest corner centre, only in the corner zones.
  const cx = x < lo + RADIUS ? lo + RADIUS : x > hi - RADIUS ? hi - RADIUS : x;
  const cy = y < lo + RADIUS ? lo + RADIUS : y > hi - RADIUS ? hi - RADIUS : y;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= RADIUS * RADIUS;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const dx = px - (ax + t * vx);
  const dy = py - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

function insideCheck(x, y) {
  for (let i = 0; i + 1 < CHECK.length; i++) {
    if (distanceToSegment(x, y, CHECK[i], CHECK[i + 1]) <= CHECK_HALF_WIDTH) return true;
  }
  return false;
}

const LENS = { x: 0.44, y: 0.44, radius: 0.2, halfWidth: 0.06 };
const HANDLE = [
  [0.58, 0.58],
  [0.75, 0.75],
];

function insideMagnifier(x, y) {
  const d = Math.hypot(x - LENS.x, y - LENS.y);
  if (Math.abs(d - LENS.radius) <= LENS.halfWidth) return true;
  return distanceToSegment(x, y, HANDLE[0], HANDLE[1]) <= 0.075;
}

const BARS = [0.32, 0.5, 0.68];

function insideBars(x, y) {
  if (x < 0.26 || x > 0.74) return false;
  return BARS.some((centre) => Math.abs(y - centre) <= 0.06);
}

const GLYPHS = { icon: insideCheck, periksa: insideMagnifier, ringkasan: insideBars };

function greenAt(y) {
  const t = Math.max(0, Math.min(1, (y - MARGIN) / (1 - 2 * MARGIN)));
  return GREEN_TOP.map((top, i) => top + (GREEN_BOTTOM[i] - top) * t);
}

/** Renders one icon of `size` x `size` pixels and returns the PNG instance. */
function renderIcon(size, glyph = "icon") {
  const inside = GLYPHS[glyph];
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let a = 0;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!insideRoundedSquare(x, y)) continue;
          const colour = inside(x, y) ? WHITE : greenAt(y);
          a += 1;
          r += colour[0];
          g += colour[1];
          b += colour[2];
        }
      }
      const idx = (py * size + px) * 4;
      // Un-premultiply: average colour of the covered samples, alpha = coverage.
      png.data[idx] = a ? Math.round(r / a) : 0;
      png.data[idx + 1] = a ? Math.round(g / a) : 0;
      png.data[idx + 2] = a ? Math.round(b / a) : 0;
      png.data[idx + 3] = Math.round((a / n) * 255);
    }
  }
  return png;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  const wanted = [
    ...SIZES.map((size) => ["icon", size]),
    ...["periksa", "ringkasan"].flatMap((glyph) => BUTTON_SIZES.map((size) => [glyph, size])),
  ];
  for (const [glyph, size] of wanted) {
    const file = path.join(outDir, `${glyph}-${size}.png`);
    fs.writeFileSync(file, PNG.sync.write(renderIcon(size, glyph)));
    console.log(`${path.relative(process.cwd(), file) || file} (${size} x ${size})`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, BUTTON_SIZES, GLYPHS, renderIcon };
