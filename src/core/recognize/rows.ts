import { Grid } from "./grid";
import { isBlank, isWhiteSpace } from "./text";
import type { TableBounds } from "./tables";
import { RegionColumn, RegionRow, RowKind, VALUE_ROLES } from "./types";

/**
 * How a table's rows nest (tujuan/sasaran/program/kegiatan/sub kegiatan): by kode when the
 * table has one, else by indentation, section labels ("TUJUAN :") or all-caps PROGRAM rows.
 */

const TOTAL = /^(?:jumlah|total|sub ?total|grand total)\b/i;
/** "JUMLAH", "Jumlah Total", "TOTAL ANGGARAN (Rp)": the keyword alone or with a money word. */
const TOTAL_ONLY =
  /^(?:jumlah|total|sub ?total|grand total)(?:\s+(?:total|keseluruhan|seluruhnya|akhir|anggaran|belanja|pagu|dana|biaya|realisasi|rp\.?|\(rp\.?\)))*\s*:?$/i;
const AVERAGE = /^rata[- ]?rata\b/i;
/** An all-caps program row: "PROGRAM …", "A. PROGRAM …". */
const PROGRAM = /^(?:[A-Z]\.\s*)?PROGRAM\b/;

const KODE_SHAPE = /^[0-9X]{1,4}(?:\.[0-9X]{1,4}){0,6}$/;
const MAX_KODE_SEGMENTS = 7;
const MAX_KODE_SEGMENT_LENGTH = 4;
const DOT = 46;

/** "1.05.02.2.03.0002", "X.XX.01", " 2.01 ", "1.15.0 0 .1 8" → normalised kode. */
export function normaliseKode(text: string): string | null {
  const plain = plainKode(text);
  if (plain !== undefined) return plain;
  const t = text.replace(/\s+/g, "").replace(/\.$/, "").toUpperCase();
  if (KODE_SHAPE.test(t) && /\d|X\./.test(t)) return t;
  return null;
}

/**
 * The common case of normaliseKode without regexes: text of digits and dots only (nothing
 * to strip but one trailing dot, nothing to upper-case). Every such kode has a digit, so
 * only its shape is tested: 1–7 segments of 1–4 digits. undefined: not that case, ask the
 * regexes.
 */
function plainKode(text: string): string | null | undefined {
  const end = text.charCodeAt(text.length - 1) === DOT ? text.length - 1 : text.length;
  let segments = 1;
  let segmentLength = 0;
  let valid = true;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT) {
      if (segmentLength === 0) valid = false;
      segments++;
      segmentLength = 0;
    } else if (code >= 48 && code <= 57) {
      segmentLength++;
      if (segmentLength > MAX_KODE_SEGMENT_LENGTH) valid = false;
    } else {
      return undefined;
    }
  }
  if (!valid || segmentLength === 0 || segments > MAX_KODE_SEGMENTS) return null;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Depth of a kode: full Permendagri 90/2019 codes by segment count, the short LKjIP forms
 * (NN program, N.NN kegiatan, NNNN sub kegiatan) by shape.
 */
export function kodeLevel(kode: string): number {
  // Segment count and the first two segments' lengths decide; no split needed.
  const firstDot = kode.indexOf(".");
  if (firstDot < 0) {
    if (kode.length <= 2) return 2;
    if (kode.length === 3) return 3;
    return 4;
  }
  let parts = 2;
  for (let i = kode.indexOf(".", firstDot + 1); i >= 0; i = kode.indexOf(".", i + 1)) parts++;
  if (parts === 2 && firstDot === 1 && kode.length - firstDot - 1 === 2) {
    // "2.01": a kegiatan in the short forms; "1.05" an urusan.bidang would be rare alone.
    return 3;
  }
  if (parts <= 2) return parts - 1;
  if (parts === 3) return 2;
  if (parts <= 5) return 3;
  return 4;
}

/**
 * Can the cell text of this raw text match PROGRAM? Only if its first visible character is
 * "P", or a capital followed by a dot (white space inside the text becomes a space, which
 * is neither). Spares building the label text of nearly every row; numbers never match.
 */
export function mayStartWithProgram(raw: string): boolean {
  let i = 0;
  while (i < raw.length && isWhiteSpace(raw.charCodeAt(i))) i++;
  const first = raw.charCodeAt(i);
  if (first === 0x50) return true;
  return first >= 0x41 && first <= 0x5a && raw.charCodeAt(i + 1) === 0x2e;
}

/** Indent typed as leading ASCII spaces, two per level. */
function leadingSpaces(raw: unknown): number {
  if (typeof raw !== "string") return 0;
  let spaces = 0;
  while (spaces < raw.length && raw.charCodeAt(spaces) === 32) spaces++;
  return Math.floor(spaces / 2);
}

function rowKind(
  grid: Grid,
  t: TableBounds,
  r: number,
  valueCols: number[],
  indikatorCols: number[],
): RowKind {
  const firstCol = grid.firstIn(r, t.left, t.right);
  const raw = firstCol >= 0 ? grid.value(r, firstCol) : null;
  // A number's digits never match; a text's first visible letter tells whether it can.
  if (typeof raw === "string" && startsLikeTotalOrAverage(firstVisibleCode(raw))) {
    const first = grid.text(r, firstCol);
    if (AVERAGE.test(first)) return "average";
    // "Jumlah Wirausaha Baru" in the indicator column is an indicator, not a JUMLAH row.
    if (TOTAL.test(first) && !(indikatorCols.includes(firstCol) && !TOTAL_ONLY.test(first)))
      return "total";
  }
  if (grid.countIn(r, t.left, t.right) <= 2 && !hasValue(grid, r, valueCols)) return "section";
  return "data";
}

/**
 * The anchored TOTAL and AVERAGE patterns can only match text starting with an ASCII
 * r, j, t, s or g in either case (without the u flag, /i folds no other letter onto them);
 * the letter test spares building the cell text and two regex runs on nearly every row.
 */
function startsLikeTotalOrAverage(code: number): boolean {
  const lower = code | 0x20;
  return lower === 0x72 || lower === 0x6a || lower === 0x74 || lower === 0x73 || lower === 0x67;
}

/** The first character of the cell text (raw text trimmed); NaN when there is none. */
function firstVisibleCode(raw: string): number {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (!isWhiteSpace(code)) return code;
  }
  return NaN;
}

/** Some value column of the row holds something other than a "-" placeholder. */
function hasValue(grid: Grid, r: number, valueCols: number[]): boolean {
  for (let k = 0; k < valueCols.length; k++) {
    const c = valueCols[k];
    if (!grid.isEmpty(r, c) && grid.text(r, c) !== "-") return true;
  }
  return false;
}

/**
 * Finds each row's parent: the nearest earlier row, not a total or average, with a lower
 * level. Rows that can no longer be anyone's parent are dropped from the stack: a later row
 * at the same or a lower level is nearer and qualifies whenever they do. So the stack's
 * levels rise strictly and each row is pushed and popped once.
 */
export class ParentFinder {
  private readonly stack: number[] = [];
  private readonly levels: number[] = [];

  parentOf(level: number): number | null {
    for (let k = this.levels.length - 1; k >= 0; k--) {
      if (this.levels[k] < level) return this.stack[k];
    }
    return null;
  }

  add(index: number, level: number): void {
    while (this.levels.length > 0 && this.levels[this.levels.length - 1] >= level) {
      this.levels.pop();
      this.stack.pop();
    }
    this.stack.push(index);
    this.levels.push(level);
  }
}

/** The columns that row reading looks at, by absolute index. */
interface RowColumns {
  kodeCol: number | undefined;
  labelCol: number | undefined;
  valueCols: number[];
  indikatorCols: number[];
}

export function recogniseRows(grid: Grid, t: TableBounds, columns: RegionColumn[]): RegionRow[] {
  return readRows(grid, t, {
    kodeCol: columns.find((c) => c.role === "kode")?.col,
    labelCol:
      columns.find((c) => c.role === "uraian")?.col ??
      columns.find((c) => c.role === "sasaran" || c.role === "tujuan")?.col ??
      columns.find((c) => c.role === "indikator")?.col,
    valueCols: columnsWith(columns, (c) => c.role !== null && VALUE_ROLES.has(c.role)),
    indikatorCols: columnsWith(columns, (c) => c.role === "indikator"),
  });
}

function columnsWith(columns: RegionColumn[], test: (c: RegionColumn) => boolean): number[] {
  const out: number[] = [];
  for (const c of columns) if (test(c)) out.push(c.col);
  return out;
}

/**
 * The row loop, apart from the column lookups above: column objects come in many shapes
 * (optional year, variant, number, formula …), and code that reads them is deoptimised each
 * time a new shape shows up, which would throw this loop back to the interpreter.
 */
function readRows(grid: Grid, t: TableBounds, cols: RowColumns): RegionRow[] {
  const { kodeCol, labelCol, valueCols, indikatorCols } = cols;
  const rows: RegionRow[] = [];
  const parents = new ParentFinder();
  let sectionLevel = -1;
  let sawCaps = false;
  for (let r = t.headerBottom + 1; r <= t.bottom; r++) {
    if (grid.isEmptyRow(r, t.left, t.right)) continue;
    const kind = rowKind(grid, t, r, valueCols, indikatorCols);
    let level = 1;
    let levelFrom: RegionRow["levelFrom"] = "layout";
    let kode: string | undefined;
    // Codes are typed as text to keep their zeros; a numeric 1, 2 in that column is numbering.
    // normaliseKode drops all white space, so it reads the raw text as it would the cell text.
    const kodeRaw = kodeCol !== undefined ? grid.value(r, kodeCol) : null;
    const kodeText = typeof kodeRaw === "string" && !isBlank(kodeRaw) ? kodeRaw : null;
    const normalised = kodeText !== null ? normaliseKode(kodeText) : null;
    if (normalised) {
      kode = normalised;
      level = kodeLevel(normalised);
      levelFrom = "kode";
    } else if (kodeText !== null && kind !== "total") {
      // Text in the kode column ("URUSAN WAJIB …", "DINAS …") heads everything below.
      level = 0;
      levelFrom = "kode";
    } else if (kind === "section") {
      sectionLevel = 0;
      level = 0;
      levelFrom = "section";
    } else if (labelCol !== undefined) {
      const rawLabel = grid.value(r, labelCol);
      const indent = grid.indent(r, labelCol) || leadingSpaces(rawLabel);
      if (indent > 0) {
        level = 1 + indent;
        levelFrom = "indent";
      } else if (
        typeof rawLabel === "string" &&
        mayStartWithProgram(rawLabel) &&
        PROGRAM.test(grid.text(r, labelCol))
      ) {
        level = sectionLevel + 1;
        levelFrom = "caps";
        sawCaps = true;
      } else {
        level = sectionLevel + 1 + (sawCaps ? 1 : 0);
      }
    }
    if (kind === "total" || kind === "average") level = 0;
    const parent = parents.parentOf(level);
    if (kind !== "total" && kind !== "average") parents.add(rows.length, level);
    // One literal per shape: adding kode afterwards would grow each object a second time.
    rows.push(
      kode
        ? { row: r, kind, level, parent, levelFrom, kode }
        : { row: r, kind, level, parent, levelFrom },
    );
  }
  return rows;
}
