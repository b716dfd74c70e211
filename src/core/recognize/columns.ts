import { SCALES } from "../formulas/scales";
import { normaliseLabel } from "../formulas/scales";
import { Grid } from "./grid";
import { hasInnerWhiteSpace } from "./text";
import { segmentOf, SegmentInfo } from "./lexicon";
import type { TableBounds } from "./tables";
import type { ColumnFormula, ColumnRole, Evidence, RegionColumn } from "./types";

/**
 * Column roles: the full header read segment by segment (the most specific segment names
 * the role, parents add year, variant and context), then the table's data confirms or
 * corrects what the words suggest (a "Capaian" column that holds realisasi, a "No" column
 * that holds kode, a label column of kategori).
 */

/** Header texts above a column, top to bottom, merged parents included, repeats removed. */
export function headerSegments(grid: Grid, t: TableBounds, col: number): string[] {
  const parts: string[] = [];
  for (let r = t.top; r <= t.headerBottom; r++) {
    if (r === t.numberRow) continue;
    let text = grid.shownText(r, col);
    if (text === "" && !grid.merge(r, col) && r < t.headerBottom) {
      // An unmerged group label spans the empty cells to its right when the row below
      // has sub-headers there.
      const below = grid.shownText(r + 1, col);
      if (below !== "" && r + 1 !== t.numberRow) {
        for (let c = col - 1; c >= t.left; c--) {
          const left = grid.text(r, c);
          if (left !== "") {
            if (grid.shownText(r + 1, c) !== "") text = left;
            break;
          }
          if (grid.shownText(r + 1, c) === "") break;
        }
      }
    }
    if (text !== "" && parts[parts.length - 1] !== text) parts.push(text);
  }
  return parts;
}

const FORMULA = /^\(?\s*(\d{1,2})\s*\)?\s*=\s*\(?(.+?)\)?\s*$/;

/** "(7) = (6) : (5)" → 7 = 6 ÷ 5; "10=(5+7+9)" → 10 = 5 + 7 + 9. */
export function parseNumberFormula(
  text: string,
): Omit<ColumnFormula, "operandColumns" | "percent"> | null {
  const m = FORMULA.exec(text.trim());
  if (!m) return null;
  const body = m[2].replace(/[()\s]/g, "");
  const ops: [ColumnFormula["op"], RegExp][] = [
    ["divide", /[:/]/],
    ["multiply", /[x×*]/i],
    ["add", /\+/],
    ["subtract", /-/],
  ];
  for (const [op, sep] of ops) {
    const parts = body.split(sep);
    if (parts.length >= 2 && parts.every((p) => /^\d{1,2}$/.test(p))) {
      return { number: Number(m[1]), text: text.trim(), op, operands: parts.map(Number) };
    }
  }
  return null;
}

interface Draft {
  col: number;
  header: string;
  segments: Readonly<SegmentInfo>[];
  role: ColumnRole | "percent" | null | undefined;
  roleSegment?: Readonly<SegmentInfo>;
  column: RegionColumn;
}

function resolveChain(col: number, texts: string[]): Draft {
  const segments = texts.map((text) => segmentOf(text));
  const column: RegionColumn = {
    col,
    header: texts.join(" / "),
    role: null,
    confidence: 0.5,
    evidence: [],
  };
  let role: Draft["role"] = undefined;
  let roleSegment: Readonly<SegmentInfo> | undefined;
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    if (role === undefined) {
      if (s.none) {
        role = null;
        roleSegment = s;
      } else if (s.proposal) {
        role = s.proposal;
        roleSegment = s;
      }
    }
    if (column.year === undefined && s.year !== undefined) {
      column.year = s.year;
      if (s.endOfPeriod) column.endOfPeriod = true;
      if (s.cumulative) column.cumulative = true;
    }
    if (column.variant === undefined && s.variant) column.variant = s.variant;
    if (column.period === undefined && s.period) column.period = s.period;
    if (column.source === undefined && s.source) column.source = s.source;
  }
  if (roleSegment?.endOfPeriod) column.endOfPeriod = true;
  // Only a year over the column ("TAHUN 2018"): values of that year, realisasi by default.
  if (role === undefined && column.year !== undefined && segments.every((s) => s.generic))
    role = "realisasi";
  return { col, header: column.header, segments, role, roleSegment, column };
}

/**
 * On at least half of the rows where all three are numbers (and the target is not 0), the
 * column's value is realisasi/target×100 (or its inverse, or that as a fraction).
 *
 * Each further row changes 2·matched − tested by +1 (a match), −1 (a miss) or 0 (not
 * tested), so with `unread` rows left the answer is sure once that sum is ≥ unread (with
 * something tested) or < −unread; the remaining cells are not read.
 */
function mostlyRatio(
  grid: Grid,
  t: TableBounds,
  col: number,
  targetCol: number,
  realCol: number,
): boolean {
  let tested = 0;
  let matched = 0;
  for (let r = t.headerBottom + 1; r <= t.bottom; r++) {
    const unread = t.bottom - r + 1;
    const lead = matched * 2 - tested;
    if (tested > 0 && lead >= unread) return true;
    if (lead + unread < 0) return false;
    // A cell that reads as no number is NaN (numberValue); such rows are not tested.
    const c = grid.numberValue(r, col);
    if (Number.isNaN(c)) continue;
    const T = grid.numberValue(r, targetCol);
    if (Number.isNaN(T) || T === 0) continue;
    const R = grid.numberValue(r, realCol);
    if (Number.isNaN(R)) continue;
    tested++;
    const normal = (R / T) * 100;
    const inverse = ((2 * T - R) / T) * 100;
    if (near(c, normal) || near(c, inverse) || near(c * 100, normal)) matched++;
  }
  return tested > 0 && matched * 2 >= tested;
}

/** Codes are typed as text (to keep their zeros) and look like codes, not decimals. */
function holdsKode(grid: Grid, t: TableBounds, col: number): boolean {
  let filled = 0;
  let kodeLike = 0;
  let unmistakable = false;
  for (let r = t.headerBottom + 1; r <= t.bottom; r++) {
    // An empty cell is exactly one whose text is "".
    if (grid.isEmpty(r, col)) continue;
    filled++;
    if (typeof grid.value(r, col) !== "string") continue;
    const code = compactKode(grid.text(r, col));
    if (!KODE.test(code)) continue;
    kodeLike++;
    if (!unmistakable) unmistakable = UNMISTAKABLE_KODE.test(code);
  }
  return kodeLike >= 2 && kodeLike * 2 >= filled && unmistakable;
}

/** The cell text without spaces and one trailing dot: "1.15.0 0 .1 8." → "1.15.00.18". */
function compactKode(text: string): string {
  // A cell text's only white space is single inner ASCII spaces (Grid.text collapses runs).
  if (!text.includes(" ") && !text.endsWith(".")) return text;
  return text.replace(/\s+/g, "").replace(/\.$/, "");
}

/** Kode shapes of DOMAIN.md §1: full Permendagri 90/2019 codes, old 13/2006 codes, short forms. */
const KODE =
  /^(?:[1-9X](?:\.[0-9X]{2}){1,2}(?:\.\d(?:\.\d{2}(?:\.\d{2,4})?)?)?|\d{1,2}(?:\.\d{2,3}){2,}|\d\.\d{2}|0\d{1,3})$/;
/** At least one value no decimal number or outline number could be. */
const UNMISTAKABLE_KODE = /^0\d|\..*\./;
/** Row numbers: "1", "1.", "(2)", "a.", "IV", and outline numbers "1.1", "2.3.1". */
const NUMBERING = /^\(?(?:\d{1,3}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4})[.)]?$/i;

const SCALE_LABELS = new Set(
  SCALES.flatMap((s) => s.bands.flatMap((b) => [b.label, ...b.synonyms])).map(normaliseLabel),
);

/**
 * At least `least` of the column's non-empty data texts pass the test (false for a column
 * without any). The share only grows with each text read, so reading stops once the answer
 * is sure either way.
 */
function mostly(
  grid: Grid,
  t: TableBounds,
  col: number,
  test: (grid: Grid, r: number, col: number) => boolean,
  least: number,
): boolean {
  let n = 0;
  for (let r = t.headerBottom + 1; r <= t.bottom; r++) if (!grid.isEmpty(r, col)) n++;
  if (n === 0) return false;
  let passed = 0;
  let unread = n;
  for (let r = t.headerBottom + 1; r <= t.bottom; r++) {
    // Empty cells (exactly those whose text is "") do not count.
    if (grid.isEmpty(r, col)) continue;
    if (test(grid, r, col)) passed++;
    unread--;
    if (passed / n >= least) return true;
    if ((passed + unread) / n < least) return false;
  }
  return passed / n >= least;
}

/**
 * The cell text is a row number. NUMBERING has no space in it, so text with white space
 * between two words fails without building its cell text (long label columns are tested).
 */
function isNumbering(grid: Grid, r: number, col: number): boolean {
  const v = grid.value(r, col);
  if (typeof v === "string" && hasInnerWhiteSpace(v)) return false;
  return NUMBERING.test(grid.text(r, col));
}

function isScaleLabel(grid: Grid, r: number, col: number): boolean {
  return SCALE_LABELS.has(normaliseLabel(grid.text(r, col)));
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.6, Math.abs(b) * 0.01);
}

/** The column of the same year, else the first one (a table with one target column). */
function sameYearOr<T extends Draft>(drafts: T[], year: number | undefined): T | undefined {
  return drafts.find((d) => d.column.year === year) ?? drafts[0];
}

/**
 * DOMAIN.md §2 trap: "Capaian" often labels realisasi. A capaian column is kept when its
 * values are realisasi/target×100 on most rows; otherwise values that sit nearer the target
 * (or realisasi) than 100 are realisasi.
 */
function capaianOrRealisasi(
  grid: Grid,
  t: TableBounds,
  draft: Draft,
  drafts: Draft[],
): { role: ColumnRole; why: string } {
  const targets = drafts.filter((d) => d.role === "target" && !d.column.period);
  const reals = drafts.filter((d) => d.role === "realisasi" && d !== draft);
  const target = sameYearOr(targets, draft.column.year);
  const real = sameYearOr(reals, draft.column.year);
  if (target && real && mostlyRatio(grid, t, draft.col, target.col, real.col)) {
    return { role: "capaian", why: "nilainya = realisasi/target × 100" };
  }
  const ref = target ?? real;
  if (!ref) return { role: "capaian", why: "judul kolom" };
  let votesRealisasi = 0;
  let votes = 0;
  for (let r = t.headerBottom + 1; r <= t.bottom; r++) {
    const c = grid.numberValue(r, draft.col);
    if (Number.isNaN(c)) continue;
    const x = grid.numberValue(r, ref.col);
    if (Number.isNaN(x)) continue;
    votes++;
    if (Math.abs(c - x) < Math.abs(c - 100)) votesRealisasi++;
  }
  if (votes > 0 && votesRealisasi * 2 > votes) {
    return {
      role: "realisasi",
      why: "nilainya sebesaran target/realisasi, bukan persentase capaian",
    };
  }
  return { role: "capaian", why: "judul kolom" };
}

function evidence(reason: string, weight: number): Evidence {
  return { reason, weight };
}

/** Roles, years and derivations of every column of a table. */
export function recogniseColumns(grid: Grid, t: TableBounds): RegionColumn[] {
  const drafts: Draft[] = [];
  for (let c = t.left; c <= t.right; c++) drafts.push(resolveChain(c, headerSegments(grid, t, c)));

  const hasPagu = drafts.some((d) => d.role === "pagu" || d.role === "realisasi-anggaran");
  const hasKinerja = drafts.some(
    (d) => d.role === "target" || (d.role === "realisasi" && !d.segments.some((s) => s.money)),
  );

  for (const d of drafts) {
    const header = d.header === "" ? "(tanpa judul)" : `"${d.header}"`;
    if (d.role === "percent" || (d.role === "capaian" && hasPagu && !hasKinerja)) {
      d.role = hasPagu ? "persen-anggaran" : "capaian";
      d.column.evidence.push(evidence(`judul kolom ${header} berupa persentase`, 0.7));
    }
    if (d.role === "realisasi" && hasPagu && d.segments.some((s) => s.money))
      d.role = "realisasi-anggaran";
    if (d.role === "baseline") delete d.column.year;
    if (d.role !== undefined && d.role !== null) {
      d.column.evidence.push(evidence(`judul kolom ${header}`, 0.8));
      d.column.confidence = 0.8;
    }
  }

  for (const d of drafts) {
    if (d.role === "capaian") {
      const decided = capaianOrRealisasi(grid, t, d, drafts);
      d.role = decided.role;
      d.column.evidence.push(evidence(decided.why, 0.7));
      if (decided.role === "capaian" && d.roleSegment?.renstraEnd) delete d.column.year;
    }
  }

  for (const d of drafts) {
    const textual =
      d.role === undefined || d.role === null || d.role === "uraian" || d.role === "kode";
    if (textual && d.role !== "uraian" && d.role !== "kode" && holdsKode(grid, t, d.col)) {
      d.role = "kode";
      d.column.evidence.push(evidence("isinya kode program/kegiatan", 0.8));
      continue;
    }
    const wordy =
      d.role === undefined ||
      d.role === null ||
      ["uraian", "sasaran", "tujuan", "indikator"].includes(d.role);
    if (wordy && d.role !== null && mostly(grid, t, d.col, isNumbering, 0.6)) {
      // "No | Uraian" printed under one label: the label belongs to the text column beside.
      const next = drafts[drafts.indexOf(d) + 1];
      if (d.role !== undefined && next && next.header === "" && next.role === undefined) {
        next.role = d.role;
        next.column.evidence.push(evidence(`judul "${d.header}" juga menaungi kolom ini`, 0.6));
      }
      d.role = null;
      d.column.evidence.push(evidence("isinya nomor urut", 0.8));
      continue;
    }
    if (d.role === undefined && mostly(grid, t, d.col, isScaleLabel, 0.6)) {
      d.role = "kategori";
      d.column.evidence.push(evidence("isinya label kategori", 0.7));
    }
  }

  const numberToCol = numberRowMap(grid, t);
  return drafts.map((d) => {
    const column = d.column;
    column.role = d.role === undefined || d.role === "percent" ? null : d.role;
    if (column.role === null) {
      delete column.year;
      delete column.variant;
      delete column.cumulative;
      delete column.endOfPeriod;
    }
    if (column.role === null && column.evidence.length === 0) column.confidence = 0.6;
    if (t.numberRow !== undefined) attachNumber(grid, t, column, numberToCol);
    return column;
  });
}

function numberRowMap(grid: Grid, t: TableBounds): Map<number, number> {
  const map = new Map<number, number>();
  const seen = new Set<number>();
  if (t.numberRow === undefined) return map;
  for (let c = t.left; c <= t.right; c++) {
    const m = /\d+/.exec(grid.text(t.numberRow, c));
    if (!m) continue;
    const n = Number(m[0]);
    // A duplicated number (faulty numbering, "6 6") cannot be mapped.
    if (seen.has(n)) map.delete(n);
    else map.set(n, c);
    seen.add(n);
  }
  return map;
}

function attachNumber(
  grid: Grid,
  t: TableBounds,
  column: RegionColumn,
  numberToCol: Map<number, number>,
): void {
  const text = grid.text(t.numberRow as number, column.col);
  const m = /\d+/.exec(text);
  if (m) column.number = Number(m[0]);
  const formula = parseNumberFormula(text);
  if (!formula) return;
  const operandColumns = formula.operands.map((n) => numberToCol.get(n));
  if (operandColumns.some((c) => c === undefined)) return;
  column.formula = {
    ...formula,
    operandColumns: operandColumns as number[],
    percent: /%|persen/i.test(column.header) || formula.op === "divide",
  };
  column.evidence.push(evidence(`baris nomor kolom menyatakan ${formula.text}`, 0.9));
}
