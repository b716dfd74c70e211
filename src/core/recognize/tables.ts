import { Grid } from "./grid";
import { segmentOf } from "./lexicon";

/**
 * Where the tables are: blocks of rows split by blank rows and empty columns, a header
 * found by its shape (short labels, merged group labels, year rows, a column-number row)
 * and its words, data rows below it until a blank gap, a note, a caption or the next header.
 */

export interface TableBounds {
  /** First header row. */
  top: number;
  /** Last header row (the column-number row when there is one). */
  headerBottom: number;
  numberRow?: number;
  left: number;
  right: number;
  /** Last data row. */
  bottom: number;
  /** Text rows just above the header (the caption), nearest last. */
  captionRows: number[];
}

interface Segment {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const MAX_HEADER_ROWS = 5;
const LONG_TEXT = 100;
const CAPTION = /^(?:tabel|table|lampiran|gambar|grafik|formulir|bagan)\b/i;
const NOTE = /^(?:sumber(?: data)?\s*:|sumber\b|keterangan\s*:|catatan\s*:|ket\s*:|\*|note\b)/i;
const NUMBER_CELL = /^\(?\s*\d{1,2}\s*\)?\s*(?:[=:].*)?$/;

function verticalBlocks(grid: Grid): { top: number; bottom: number }[] {
  const blocks: { top: number; bottom: number }[] = [];
  let start = -1;
  for (let r = grid.top; r <= grid.bottom + 1; r++) {
    const empty = r > grid.bottom || grid.isEmptyRow(r);
    if (!empty && start < 0) start = r;
    if (empty && start >= 0) {
      blocks.push({ top: start, bottom: r - 1 });
      start = -1;
    }
  }
  return blocks;
}

/**
 * Split a block at columns that are empty in every row (and not inside a merged area).
 * `used` is a zeroed scratch array over the grid's columns (index col - grid.minCol); it is
 * zeroed again before returning.
 */
function splitColumns(
  grid: Grid,
  block: { top: number; bottom: number },
  used: Uint8Array,
): Segment[] {
  const base = grid.minCol;
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = block.top; r <= block.bottom; r++) {
    const merged = grid.mayHaveMerges(r);
    for (let k = grid.cellsStart(r), end = grid.cellsEnd(r); k < end; k++) {
      const col = grid.cellCol(k);
      const m = merged ? grid.merge(r, col) : undefined;
      const from = m ? m.left : col;
      const to = m ? m.right : col;
      for (let c = from; c <= to; c++) used[c - base] = 1;
      if (from < lo) lo = from;
      if (to > hi) hi = to;
    }
  }
  const segments: Segment[] = [];
  let left = lo;
  for (let c = lo; c <= hi + 1; c++) {
    if (c <= hi && used[c - base] === 1) continue;
    // c is the first unused column after a run [left, c - 1].
    if (c > left) {
      const s = trimRows(grid, { top: block.top, bottom: block.bottom, left, right: c - 1 });
      if (s.top <= s.bottom) segments.push(s);
    }
    left = c + 1;
  }
  used.fill(0, Math.max(0, lo - base), Math.max(0, hi - base + 1));
  return segments;
}

function trimRows(grid: Grid, s: Segment): Segment {
  let { top, bottom } = s;
  while (top <= bottom && grid.isEmptyRow(top, s.left, s.right)) top++;
  while (bottom >= top && grid.isEmptyRow(bottom, s.left, s.right)) bottom--;
  return { ...s, top, bottom };
}

const YEAR_TEXT = /^(?:19[5-9]\d|20\d\d|21\d\d)$/;

/** A numeric cell whose plain digits (String(v)) read as a year 1950–2199. */
function isYearNumber(v: number): boolean {
  return Number.isInteger(v) && v >= 1950 && v <= 2199;
}

function isYear(grid: Grid, r: number, c: number): boolean {
  const v = grid.value(r, c);
  if (typeof v === "number") return isYearNumber(v);
  return YEAR_TEXT.test(grid.text(r, c));
}

/** Columns a row's cells cover in [left, right], merged areas included. */
function coveredWidth(grid: Grid, r: number, left: number, right: number): number {
  let n = 0;
  for (let k = grid.cellsStart(r), end = grid.cellsEnd(r); k < end; k++) {
    const c = grid.cellCol(k);
    if (c < left || c > right) continue;
    const m = grid.merge(r, c);
    n += m ? Math.min(m.right, right) - Math.max(m.left, left) + 1 : 1;
  }
  return n;
}

/** Every non-empty cell of the row in [left, right] is a year (true for an empty row). */
function allYears(grid: Grid, r: number, left: number, right: number): boolean {
  for (let k = grid.cellsStart(r), end = grid.cellsEnd(r); k < end; k++) {
    const c = grid.cellCol(k);
    if (c >= left && c <= right && !isYear(grid, r, c)) return false;
  }
  return true;
}

/** "1 2 3 …", "(1) (2)", "8=(7/6)", "(7) = (6) : (5)": a column-number row. */
export function isNumberRow(grid: Grid, r: number, left: number, right: number): boolean {
  const count = grid.countIn(r, left, right);
  if (count < 2) return false;
  // Mostly increasing ordinals starting small ("1 2 3", or "3 4 5" under merged columns):
  // the first at most 12, and at most one that is lower than the one before it.
  let first = NaN;
  let previous = NaN;
  let rising = 0;
  for (let k = grid.cellsStart(r), end = grid.cellsEnd(r); k < end; k++) {
    const c = grid.cellCol(k);
    if (c < left || c > right) continue;
    const t = grid.text(r, c);
    if (!NUMBER_CELL.test(t)) return false;
    const n = Number(/\d+/.exec(t)?.[0]);
    if (Number.isNaN(first)) {
      first = n;
      rising++;
    } else if (n >= previous) {
      rising++;
    }
    previous = n;
  }
  return first <= 12 && rising >= count - 1;
}

function headerishCell(grid: Grid, r: number, c: number): boolean {
  const v = grid.value(r, c);
  // A number's plain digits are never long, nor a "-" placeholder.
  if (typeof v === "number") return isYearNumber(v) || !grid.isNumber(r, c);
  const t = grid.text(r, c);
  if (t.length > LONG_TEXT) return false;
  if (t === "-" || t === "–") return false;
  if (isYear(grid, r, c)) return true;
  return !grid.isNumber(r, c);
}

/**
 * Every cell of the row in [left, right] is headerish. Numeric cells are tried first: they
 * are decided without reading text, and in a data row one of them usually settles it.
 */
function allHeaderish(grid: Grid, r: number, left: number, right: number): boolean {
  const start = grid.cellsStart(r);
  const end = grid.cellsEnd(r);
  for (let k = start; k < end; k++) {
    const c = grid.cellCol(k);
    if (c < left || c > right || typeof grid.value(r, c) !== "number") continue;
    if (!headerishCell(grid, r, c)) return false;
  }
  for (let k = start; k < end; k++) {
    const c = grid.cellCol(k);
    if (c < left || c > right || typeof grid.value(r, c) === "number") continue;
    if (!headerishCell(grid, r, c)) return false;
  }
  return true;
}

function lexiconHits(grid: Grid, r: number, cells: number[]): number {
  return cells.filter((c) => {
    const info = segmentOf(grid.text(r, c));
    return info.proposal !== undefined || info.none === true;
  }).length;
}

/** A row that holds data: numbers (not years), placeholders or long text. */
function dataLike(grid: Grid, r: number, left: number, right: number): boolean {
  for (let k = grid.cellsStart(r), end = grid.cellsEnd(r); k < end; k++) {
    const c = grid.cellCol(k);
    if (c >= left && c <= right && dataCell(grid, r, c)) return true;
  }
  return false;
}

function dataCell(grid: Grid, r: number, c: number): boolean {
  const v = grid.value(r, c);
  if (typeof v === "number") return grid.isNumber(r, c) && !isYearNumber(v);
  const t = grid.text(r, c);
  if (t === "-" || t.length > LONG_TEXT) return true;
  return grid.isNumber(r, c) && !isYear(grid, r, c);
}

function captionLike(grid: Grid, r: number, left: number, right: number): boolean {
  return (
    grid.countIn(r, left, right) === 1 && CAPTION.test(grid.text(r, grid.firstIn(r, left, right)))
  );
}

function noteLike(grid: Grid, r: number, left: number, right: number): boolean {
  const n = grid.countIn(r, left, right);
  return n > 0 && n <= 2 && NOTE.test(grid.text(r, grid.firstIn(r, left, right)));
}

/** Does a header start at row r: short labels over ≥2 columns, with data below? */
function headerStart(grid: Grid, seg: Segment, r: number): boolean {
  // Every row of a table is tried here: the cheap, allocation-free tests come first.
  if (grid.isEmptyRow(r, seg.left, seg.right)) return false;
  if (!allHeaderish(grid, r, seg.left, seg.right)) return false;
  if (coveredWidth(grid, r, seg.left, seg.right) < 2) return false;
  if (allYears(grid, r, seg.left, seg.right)) return false;
  if (isNumberRow(grid, r, seg.left, seg.right)) return false;
  // Data must follow within a few rows.
  let sawData = false;
  for (let k = r + 1; k <= Math.min(seg.bottom, r + MAX_HEADER_ROWS + 1); k++) {
    if (dataLike(grid, k, seg.left, seg.right)) {
      sawData = true;
      break;
    }
  }
  if (!sawData) {
    // A table of text (IKU definitions, proposals): accept when the words are header words.
    const rowsBelow = r < seg.bottom;
    const cells = grid.cellsIn(r, seg.left, seg.right);
    return (
      rowsBelow && cells.length >= 2 && lexiconHits(grid, r, cells) >= Math.ceil(cells.length / 2)
    );
  }
  return true;
}

/** Is row r (below header rows top..r-1) still part of the header? */
function continuesHeader(grid: Grid, seg: Segment, top: number, r: number): boolean {
  const cells = grid.cellsIn(r, seg.left, seg.right);
  if (cells.length === 0) {
    // A row entirely covered by vertical merges from above.
    for (let c = seg.left; c <= seg.right; c++) {
      const m = grid.merge(r, c);
      if (m && m.top < r && m.top >= top) return true;
    }
    return false;
  }
  if (!cells.every((c) => headerishCell(grid, r, c))) return false;
  // Under a group label: a merged area above spanning several columns, or an unmerged
  // label with empty cells to its right.
  const underGroup = cells.some((c) => {
    for (let k = top; k < r; k++) {
      const m = grid.merge(k, c);
      if (m && m.right > m.left) return true;
      if (grid.isEmpty(k, c) && !grid.merge(k, c)) {
        for (let j = c - 1; j >= seg.left; j--) {
          if (!grid.isEmpty(k, j)) return true;
        }
      }
    }
    return false;
  });
  const verticalMerges = (() => {
    for (let c = seg.left; c <= seg.right; c++) {
      const m = grid.merge(r, c);
      if (m && m.top < r && m.top >= top) return true;
    }
    return false;
  })();
  const years = cells.every((c) => isYear(grid, r, c));
  const words = lexiconHits(grid, r, cells) * 2 >= cells.length;
  const repeated = cells.every((c) => grid.text(r, c) === grid.text(r - 1, c));
  return underGroup || verticalMerges || years || repeated || (words && cells.length >= 2);
}

function headerEnd(grid: Grid, seg: Segment, top: number): { bottom: number; numberRow?: number } {
  let bottom = top;
  for (let r = top + 1; r <= Math.min(seg.bottom, top + MAX_HEADER_ROWS); r++) {
    if (isNumberRow(grid, r, seg.left, seg.right)) return { bottom: r, numberRow: r };
    if (!continuesHeader(grid, seg, top, r)) break;
    bottom = r;
  }
  return { bottom };
}

/** Rows of a segment from `from`: data until a stop; returns the last data row. */
function dataEnd(grid: Grid, seg: Segment, from: number): number {
  let last = from - 1;
  for (let r = from; r <= seg.bottom; r++) {
    if (grid.isEmptyRow(r, seg.left, seg.right)) continue;
    if (noteLike(grid, r, seg.left, seg.right) || captionLike(grid, r, seg.left, seg.right)) break;
    if (r > from && headerStart(grid, seg, r) && looksLikeNewHeader(grid, seg, r)) break;
    last = r;
  }
  return last;
}

/** A header start inside data is a new table only if its words say so. */
function looksLikeNewHeader(grid: Grid, seg: Segment, r: number): boolean {
  const cells = grid.cellsIn(r, seg.left, seg.right);
  return cells.length >= 2 && lexiconHits(grid, r, cells) * 2 >= cells.length;
}

function captionAbove(
  grid: Grid,
  left: number,
  right: number,
  top: number,
  floor: number,
): number[] {
  const rows: number[] = [];
  for (let r = top - 1; r >= Math.max(floor, top - 5); r--) {
    const cells = grid.cellsIn(r, left, right);
    if (cells.length === 0) continue;
    if (cells.length > 1) break;
    rows.unshift(r);
  }
  return rows;
}

/** Every table on a sheet, top to bottom. */
export function findTables(grid: Grid): TableBounds[] {
  const used = new Uint8Array(grid.maxCol - grid.minCol + 1);
  const segments = verticalBlocks(grid).flatMap((b) => splitColumns(grid, b, used));
  const tables: TableBounds[] = [];
  const consumedUntil = new Map<Segment, number>();

  for (const seg of segments) {
    let pos = consumedUntil.get(seg) ?? seg.top;
    while (pos <= seg.bottom) {
      let h = pos;
      while (h <= seg.bottom && !headerStart(grid, seg, h)) h++;
      if (h > seg.bottom) break;
      const head = headerEnd(grid, seg, h);
      let bottom = dataEnd(grid, seg, head.bottom + 1);
      if (bottom <= head.bottom) {
        pos = h + 1;
        continue;
      }
      let right = seg.right;
      let left = seg.left;
      // Data may go on after a blank row or two, in the next block below.
      if (bottom === seg.bottom) {
        for (const next of segments) {
          if (next.top <= bottom || next.top > bottom + 3) continue;
          const overlap = Math.min(next.right, right) - Math.max(next.left, left) + 1;
          if (overlap * 2 < next.right - next.left + 1) continue;
          if (
            headerStart(grid, next, next.top) ||
            captionLike(grid, next.top, next.left, next.right)
          )
            break;
          if (noteLike(grid, next.top, next.left, next.right)) break;
          const end = dataEnd(grid, next, next.top);
          if (end < next.top) break;
          bottom = end;
          left = Math.min(left, next.left);
          right = Math.max(right, next.right);
          consumedUntil.set(next, end + 1);
          if (end < next.bottom) break;
        }
      }
      const floor = tables.length > 0 ? tables[tables.length - 1].bottom + 1 : grid.top;
      tables.push({
        top: h,
        headerBottom: head.bottom,
        numberRow: head.numberRow,
        left,
        right,
        bottom,
        captionRows: captionAbove(grid, left, right, h, floor),
      });
      pos = bottom + 1;
    }
  }
  return tables.sort((a, b) => a.top - b.top || a.left - b.left);
}
