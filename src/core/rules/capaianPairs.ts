import type { CellNumber } from "../cellNumber";
import type { CheckSettings } from "../check/settings";
import { hasSettings, settingFor } from "../check/settings";
import type { Table } from "../check/table";
import { Decimal, fromExcelNumber } from "../decimal";
import { capaian, CapaianOptions, Polarity, POLARITY_SPELLINGS } from "../formulas/capaian";
import { Agreement, comparePrinted, comparePrintedFast, isAccepted } from "../numbers";
import type { RegionColumn } from "../recognize/types";
import { valueAt } from "../snapshot";

/**
 * Shared by capaian-mismatch, category-mismatch and efficiency-mismatch: which target and
 * realisasi columns a capaian column is computed from, the row's polarity, and the capaian
 * recomputed from a row's T and R (DOMAIN.md §4.1).
 */

export interface CapaianSource {
  target: RegionColumn;
  realisasi: RegionColumn;
}

function roleAt(table: Table, col: number): RegionColumn | undefined {
  return table.columns.find((c) => c.col === col);
}

/** A declared "(7) = (6) : (5)" names the realisasi and target columns outright. */
function fromColumnFormula(table: Table, column: RegionColumn): CapaianSource | null {
  const f = column.formula;
  if (!f || f.op !== "divide" || f.operandColumns.length !== 2) return null;
  const [a, b] = f.operandColumns.map((c) => roleAt(table, c));
  if (a?.role === "realisasi" && b?.role === "target") return { realisasi: a, target: b };
  return null;
}

/** Plain annual columns: end-of-period targets, cumulative and quarterly values are other checks. */
function annualTargets(table: Table): RegionColumn[] {
  return table.columnsWith("target").filter((c) => !c.endOfPeriod && !c.cumulative && !c.period);
}

function annualRealisasi(table: Table): RegionColumn[] {
  return table.columnsWith("realisasi").filter((c) => !c.cumulative && !c.period);
}

/** Distance used to prefer the columns just left of the capaian column ("Target | Realisasi | %"). */
function distance(capaianCol: number, col: number): number {
  return col < capaianCol ? capaianCol - col : 1000 + col - capaianCol;
}

function nearest(columns: RegionColumn[], capaianCol: number): RegionColumn | undefined {
  return [...columns].sort((a, b) => distance(capaianCol, a.col) - distance(capaianCol, b.col))[0];
}

/**
 * The target and realisasi a capaian column divides: the column-number formula when the
 * table declares one, else the same-year target and realisasi (nearest to the left). A
 * capaian column whose only target is of another year (capaian against the Renstra end
 * target, LS25 Tabel 3.4) is left to percent-mismatch: null.
 */
export function capaianSource(table: Table, column: RegionColumn): CapaianSource | null {
  const declared = fromColumnFormula(table, column);
  if (declared) return declared;
  const targets = annualTargets(table);
  const realisasi = annualRealisasi(table);
  if (column.year !== undefined) {
    const t = nearest(
      targets.filter((c) => c.year === column.year),
      column.col,
    );
    const r = nearest(
      realisasi.filter((c) => c.year === column.year),
      column.col,
    );
    return t && r ? { target: t, realisasi: r } : null;
  }
  let best: CapaianSource | null = null;
  let bestDistance = Infinity;
  for (const t of targets) {
    for (const r of realisasi) {
      if (t.year !== r.year) continue;
      const d = Math.max(distance(column.col, t.col), distance(column.col, r.col));
      if (d < bestDistance) {
        best = { target: t, realisasi: r };
        bestDistance = d;
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Polarity

const LOWER_IS_BETTER = /semakin\s+(?:kecil|rendah|sedikit|turun)\b[^.;]{0,60}?semakin\s+baik/i;
const HIGHER_IS_BETTER = /semakin\s+(?:besar|tinggi|banyak|naik)\b[^.;]{0,60}?semakin\s+baik/i;
/** Whole-cell polarity words; short ones ("-", "min", "naik") are too ambiguous in a table. */
const POLARITY_WORDS = new Set([
  "positif",
  "positive",
  "negatif",
  "negative",
  "inverse",
  "terbalik",
]);

/**
 * The row's polarity: the user's setting for the indicator, else what the row's text says
 * ("semakin kecil … semakin baik", a "negatif" cell), else unknown. Never from the name.
 */
export function rowPolarity(
  table: Table,
  row: number,
  settings: CheckSettings,
): Polarity | "unknown" {
  // Usually no polarity is configured: then the row's label is not needed at all.
  if (hasSettings(settings.polarity)) {
    const label = table.label(row);
    const configured = label ? settingFor(settings.polarity, label) : undefined;
    if (configured) return configured;
  }
  for (let c = table.region.range.left; c <= table.region.range.right; c++) {
    // Numbers and booleans print as digits, "true" or "false": never polarity words.
    const value = valueAt(table.sheet, row, c);
    if (typeof value !== "string") continue;
    const text = value.trim();
    if (text === "" || /^-?[\d.,\s%]+$/.test(text)) continue;
    if (LOWER_IS_BETTER.test(text)) return "negatif";
    if (HIGHER_IS_BETTER.test(text)) return "positif";
    const word = text.toLowerCase();
    if (POLARITY_WORDS.has(word)) return POLARITY_SPELLINGS[word];
  }
  return "unknown";
}

// ---------------------------------------------------------------------------------------
// Units

/** Unit texts seen so far and their keys: a workbook prints a few units on thousands of rows. */
const UNIT_KEYS = new Map<string, string | null>();

function unitKey(n: CellNumber): string | null {
  if (n.isPercent) return "%";
  if (n.unit === null) return null;
  let key = UNIT_KEYS.get(n.unit);
  if (key === undefined) {
    const letters = n.unit.toLowerCase().replace(/[^\p{L}]+/gu, "");
    key = letters === "" ? null : letters;
    if (UNIT_KEYS.size > 1000) UNIT_KEYS.clear();
    UNIT_KEYS.set(n.unit, key);
  }
  return key;
}

/** T and R in the same unit; a bare number agrees with anything (most tables print bare). */
export function unitsAgree(target: CellNumber, realisasi: CellNumber): boolean {
  const t = unitKey(target);
  const r = unitKey(realisasi);
  return t === null || r === null || t === r;
}

/** One side percent, the other bare: the bare one may be a fraction or percent points. */
function mixedPercent(target: CellNumber, realisasi: CellNumber): boolean {
  return (
    (target.isPercent && unitKey(realisasi) === null) ||
    (realisasi.isPercent && unitKey(target) === null)
  );
}

// ---------------------------------------------------------------------------------------
// Recomputation

export interface Candidate {
  value: Decimal;
  polarity: Polarity;
  /** The reading the document most likely means; the others are documented alternatives. */
  primary: boolean;
}

export function capaianOptions(settings: CheckSettings, polarity: Polarity): CapaianOptions {
  return {
    polarity,
    inverseMethod: settings.inverseMethod,
    cap: settings.capaianCap === null ? null : new Decimal(settings.capaianCap),
    floor: settings.capaianFloor === null ? null : new Decimal(settings.capaianFloor),
    zeroTargetZeroRealisasiIs100: settings.zeroTargetZeroRealisasiIs100,
  };
}

/**
 * The capaian values a row's T and R allow: the known polarity's, or (unknown polarity)
 * the normal one first and, when R ≠ T, the inverse one as an alternative (DOMAIN.md §4.1:
 * "if a printed capaian matches only an inverse formula, inverse"). Empty when T is 0,
 * negative, or the units differ.
 */
export function capaianCandidates(
  target: CellNumber,
  realisasi: CellNumber,
  polarity: Polarity | "unknown",
  settings: CheckSettings,
): Candidate[] {
  if (!unitsAgree(target, realisasi)) return [];
  const t = fromExcelNumber(target.value);
  const r = fromExcelNumber(realisasi.value);
  const wanted: Polarity[] =
    polarity === "unknown" ? (t.eq(r) ? ["positif"] : ["positif", "negatif"]) : [polarity];
  const out: Candidate[] = [];
  for (const [i, p] of wanted.entries()) {
    const result = capaian(r, t, capaianOptions(settings, p));
    if (result.ok) out.push({ value: result.value, polarity: p, primary: i === 0 });
  }
  if (out.length > 0 && mixedPercent(target, realisasi)) {
    // "45" beside "46,17%": read the bare side ×100 or ÷100 too, only to avoid a false error.
    for (const factor of ["100", "0.01"]) {
      const scaled = target.isPercent
        ? capaian(r.times(factor), t, capaianOptions(settings, "positif"))
        : capaian(r, t.times(factor), capaianOptions(settings, "positif"));
      if (scaled.ok) out.push({ value: scaled.value, polarity: "positif", primary: false });
    }
  }
  return out;
}

/** How a printed capaian agrees with a recomputed one; a ratio printed as "1,06" counts too. */
export function agreement(printed: CellNumber, computed: Decimal): Agreement {
  const direct = comparePrinted(printed.value, computed, printed.decimals);
  if (isAccepted(direct) || printed.readAs === "percent-format") return direct;
  const asRatio = comparePrinted(
    fromExcelNumber(printed.value).times(100).toNumber(),
    computed,
    Math.max(0, printed.decimals - 2),
  );
  return isAccepted(asRatio) && Math.abs(printed.value) < 10 ? asRatio : direct;
}

// ---------------------------------------------------------------------------------------
// The same decisions in floats (millions of rows): exact wherever they decide, else NaN.
//
// comparePrintedFast keeps each of its bounds by half an epsilon, 5e-10·max(1, |x|): a float
// within FLOAT_TRUST·max(1, |x|) of the decimal it stands for gets the decision the decimal
// would get, with fifty times that to spare.

export const FLOAT_TRUST = 1e-11;

/**
 * How far capaianFloat() may be from capaian() of the same cells, relative to max(1, |x|).
 * The decimals start from the cells' 15-digit values, within 5e-15 of the floats (relative).
 * R/T·100 and T/R·100 then differ by at most 1.1e-14·|x|. (2T−R)/T·100 differs by at most
 * 100·(2·5e-15·T + 5e-15·|R|)/T + 3.4e-16·|x| = 1e-12 + 5e-13·|R/T| + 3.4e-16·|x|: below
 * 3.3e-12 while |R/T| ≤ 4, and once |R/T| > 4, |x| ≥ 50·|R/T|, so below 1.6e-14·|x|. Cap and
 * floor (min and max) move no value further than its own error, and a bound's float is
 * within 1.2e-16 of new Decimal(bound).
 */
export const CANDIDATE_ERROR = 5e-12;

/**
 * capaian() of floats T > 0 and R, within CANDIDATE_ERROR·max(1, |x|) of the decimal value;
 * NaN when the floats cannot tell (an overflow; T/R with R = 0, which capaian() refuses).
 */
export function capaianFloat(
  realisasi: number,
  target: number,
  polarity: Polarity,
  settings: CheckSettings,
): number {
  let x: number;
  if (polarity === "positif") x = (realisasi / target) * 100;
  else if (settings.inverseMethod === "t/r") x = realisasi === 0 ? NaN : (target / realisasi) * 100;
  else x = ((target * 2 - realisasi) / target) * 100;
  // Before the cap: an overflowed 2T is no value the cap may replace.
  if (!Number.isFinite(x)) return NaN;
  if (settings.capaianFloor !== null) x = Math.max(x, settings.capaianFloor);
  if (settings.capaianCap !== null) x = Math.min(x, settings.capaianCap);
  return x;
}

/**
 * True only when T and R differ at 15 digits (capaianCandidates' t.eq(r) is false): two
 * floats of one 15-digit decimal are within 5e-15·(|T| + |R|) ≤ 1e-14·max(|T|, |R|).
 */
export function surelyDifferent(target: number, realisasi: number): boolean {
  return Math.abs(target - realisasi) > 2e-14 * Math.max(Math.abs(target), Math.abs(realisasi));
}

/**
 * agreement() reduced to "accepted?" in floats: true or false where the floats decide, null
 * where the decimals must (a bound within reach, or a printed "1,06" that may be a ratio).
 * x must be within FLOAT_TRUST·max(1, |x|) of the decimal it stands for.
 */
export function acceptsFast(printed: CellNumber, x: number): boolean | null {
  const direct = comparePrintedFast(printed.value, x, printed.decimals);
  if (direct === null) return null;
  if (isAccepted(direct)) return true;
  return printed.readAs !== "percent-format" && Math.abs(printed.value) < 10 ? null : false;
}

/**
 * The candidate of capaianCandidates() that a printed capaian accepts (the first accepted,
 * as capaian-mismatch takes it), in floats within CANDIDATE_ERROR·max(1, |x|) of its
 * decimal. null when there is no candidate (T ≤ 0, units differ); NaN when the decimals must
 * decide: a comparison near a bound, no candidate accepted (a finding, or the mixed-percent
 * readings), or a number beyond the double range.
 */
export function acceptedCapaianFast(
  printed: CellNumber,
  target: CellNumber,
  realisasi: CellNumber,
  polarity: Polarity | "unknown",
  settings: CheckSettings,
): number | null {
  const t = target.value;
  const r = realisasi.value;
  if (!Number.isFinite(t) || !Number.isFinite(r)) return NaN;
  if (!unitsAgree(target, realisasi)) return null;
  // A float has the sign, and the zero, of its 15-digit decimal: capaian() fails on T ≤ 0
  // except for the optional 0/0 = 100.
  if (t === 0 && r === 0 && settings.zeroTargetZeroRealisasiIs100) return NaN;
  if (t <= 0) return null;
  const primary = capaianFloat(r, t, polarity === "unknown" ? "positif" : polarity, settings);
  const accepted = acceptsFast(printed, primary);
  if (accepted !== false) return accepted === true ? primary : NaN;
  if (polarity !== "unknown" || t === r || !surelyDifferent(t, r)) return NaN;
  const inverse = capaianFloat(r, t, "negatif", settings);
  return acceptsFast(printed, inverse) === true ? inverse : NaN;
}

/**
 * The mean of a growing list of floats, and whether it is within FLOAT_TRUST of mean() of
 * the decimals they stand for (each float within its own given error of its decimal).
 */
export class FloatMean {
  private count = 0;
  private sum = 0;
  private sumAbs = 0;
  private sumError = 0;

  get size(): number {
    return this.count;
  }

  add(x: number, error: number): void {
    this.count++;
    this.sum += x;
    this.sumAbs += Math.abs(x);
    this.sumError += error;
  }

  clear(): void {
    this.count = this.sum = this.sumAbs = this.sumError = 0;
  }

  /**
   * The mean, or NaN when floats cannot vouch for it (or the list is empty). A float sum of
   * n terms is within (n−1)·1.2e-16·Σ|x| of the exact sum, the 40-digit decimal sum far
   * closer still; the division adds 1.2e-16·|mean|. The bound below doubles both.
   */
  value(): number {
    const mean = this.approximate();
    const trusted =
      Number.isFinite(mean) && this.errorBound() <= FLOAT_TRUST * Math.max(1, Math.abs(mean));
    return trusted ? mean : NaN;
  }

  /** The float mean, trusted or not. */
  approximate(): number {
    return this.sum / this.count;
  }

  /** How far the float mean may be from the decimal one (see value()). */
  errorBound(): number {
    const n = this.count;
    return (this.sumError + n * 2.3e-16 * this.sumAbs) / n + 2.3e-16 * Math.abs(this.sum / n);
  }
}

/** Rows whose label says they average capaian ("Rata-rata capaian …", "Total rata-rata …"). */
export function isAverageRow(table: Table, row: number, kind: string): boolean {
  if (kind === "average") return true;
  for (let c = table.region.range.left; c <= table.region.range.right; c++) {
    const text = table.text(row, c);
    if (/\p{L}/u.test(text)) return /\brata[- ]?rata\b/i.test(text);
  }
  return false;
}

export function mean(values: Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), new Decimal(0)).div(values.length);
}
