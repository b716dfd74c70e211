import type { CellNumber } from "../cellNumber";
import type { CheckSettings } from "../check/settings";
import { settingFor } from "../check/settings";
import type { Table } from "../check/table";
import { Decimal, fromExcelNumber } from "../decimal";
import { capaian, CapaianOptions, Polarity, POLARITY_SPELLINGS } from "../formulas/capaian";
import { Agreement, comparePrinted, isAccepted } from "../numbers";
import type { RegionColumn } from "../recognize/types";

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
  const label = table.label(row);
  const configured = label ? settingFor(settings.polarity, label) : undefined;
  if (configured) return configured;
  for (let c = table.region.range.left; c <= table.region.range.right; c++) {
    const text = table.text(row, c);
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

function unitKey(n: CellNumber): string | null {
  if (n.isPercent) return "%";
  if (n.unit === null) return null;
  const key = n.unit.toLowerCase().replace(/[^\p{L}]+/gu, "");
  return key === "" ? null : key;
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
