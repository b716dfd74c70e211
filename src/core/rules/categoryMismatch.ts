import type { Rule, RuleContext } from "../check/context";
import type { Table } from "../check/table";
import type { CellRef, Finding } from "../check/types";
import { Decimal, fromExcelNumber } from "../decimal";
import {
  Band,
  classify,
  findScale,
  labelMatches,
  Scale,
  SCALES,
  ScaleMeasure,
} from "../formulas/scales";
import type { RegionColumn } from "../recognize/types";
import {
  capaianCandidates,
  capaianSource,
  CapaianSource,
  isAverageRow,
  rowPolarity,
} from "./capaianPairs";

/**
 * `category-mismatch` (DOMAIN.md §6.8, §5): a kategori / predikat label against the band its
 * number falls in under the active scale: the row's printed capaian (average rows too), or
 * Nilai Efisiensi, Nilai AKIP or IKM where the row holds those. Without a capaian column the
 * capaian of the latest year with target and realisasi is used, and the finding is at most a
 * warning. A label the active scale does not know gets a warning naming the scales that do.
 */

/** A number the label may speak of. */
interface Reading {
  measure: ScaleMeasure;
  /** The printed value first, then accepted recomputations (rounding may cross a bound). */
  values: Decimal[];
  /** Recomputed from T and R because the table prints no capaian: at most a warning. */
  derived: boolean;
  related: CellRef[];
}

const MEASURE_NAME: Record<ScaleMeasure, string> = {
  capaian: "capaian",
  efisiensi: "nilai efisiensi",
  akip: "nilai AKIP",
  ikm: "IKM",
};

function distance(from: number, col: number): number {
  return col <= from ? from - col : 1000 + col - from;
}

function nearestLeft(columns: readonly RegionColumn[], col: number): RegionColumn | undefined {
  return [...columns].sort((a, b) => distance(col, a.col) - distance(col, b.col))[0];
}

/** The capaian column a kategori column classifies: same year, else the nearest on its left. */
function capaianColumnFor(table: Table, kategori: RegionColumn): RegionColumn | undefined {
  const all = table.columnsWith("capaian");
  const sameYear = all.filter((c) => kategori.year !== undefined && c.year === kategori.year);
  return nearestLeft(sameYear.length > 0 ? sameYear : all, kategori.col);
}

/** What a kategori column reads from its table, the same on every row. */
interface KategoriFacts {
  kategori: RegionColumn;
  /** The capaian column it classifies, and that column's target and realisasi. */
  capaianColumn: RegionColumn | undefined;
  source: CapaianSource | null;
  /** The realisasi column holding NE, Nilai AKIP or IKM on rows that name them. */
  realisasiColumn: RegionColumn | undefined;
}

function kategoriFacts(table: Table, kategori: RegionColumn): KategoriFacts {
  const capaianColumn = capaianColumnFor(table, kategori);
  const realisasi = table.columnsWith("realisasi");
  const sameYear = realisasi.filter((c) => kategori.year !== undefined && c.year === kategori.year);
  return {
    kategori,
    capaianColumn,
    source: capaianColumn ? capaianSource(table, capaianColumn) : null,
    realisasiColumn: nearestLeft(sameYear.length > 0 ? sameYear : realisasi, kategori.col),
  };
}

function capaianReading(
  ctx: RuleContext,
  table: Table,
  row: number,
  average: boolean,
  facts: KategoriFacts,
): Reading | null {
  const { capaianColumn } = facts;
  if (capaianColumn) {
    const printed = table.number(row, capaianColumn.col);
    if (!printed) return null;
    const values = [fromExcelNumber(printed.value)];
    const related = [table.ref(row, capaianColumn.col)];
    const source = average ? null : facts.source;
    const t = source ? table.number(row, source.target.col) : null;
    const r = source ? table.number(row, source.realisasi.col) : null;
    if (t && r) {
      const polarity = rowPolarity(table, row, ctx.settings);
      values.push(...capaianCandidates(t, r, polarity, ctx.settings).map((c) => c.value));
    }
    return { measure: "capaian", values, derived: false, related };
  }
  if (average) return null;
  return latestYearCapaian(ctx, table, row);
}

/** No capaian column (RS21 Tabel 2.3): the latest year whose target and realisasi are both printed. */
function latestYearCapaian(ctx: RuleContext, table: Table, row: number): Reading | null {
  const pairs: { year: number; target: RegionColumn; realisasi: RegionColumn }[] = [];
  for (const t of table.columnsWith("target")) {
    if (t.cumulative || t.endOfPeriod || t.period) continue;
    const r = table
      .columnsWith("realisasi")
      .find((c) => c.year === t.year && !c.cumulative && !c.period);
    if (r) pairs.push({ year: t.year ?? 0, target: t, realisasi: r });
  }
  pairs.sort((a, b) => b.year - a.year);
  const polarity = rowPolarity(table, row, ctx.settings);
  for (const pair of pairs) {
    const t = table.number(row, pair.target.col);
    const r = table.number(row, pair.realisasi.col);
    if (!t || !r) continue;
    const candidates = capaianCandidates(t, r, polarity, ctx.settings);
    if (candidates.length === 0) continue;
    return {
      measure: "capaian",
      values: candidates.map((c) => c.value),
      derived: true,
      related: [table.ref(row, pair.target.col), table.ref(row, pair.realisasi.col)],
    };
  }
  return null;
}

const INDICATOR_MEASURES: { measure: ScaleMeasure; name: RegExp }[] = [
  { measure: "efisiensi", name: /\bnilai\s+efisiensi\b/i },
  { measure: "akip", name: /\bakip\b/i },
  { measure: "ikm", name: /\bikm\b|indeks\s+kepuasan|kepuasan\s+masyarakat/i },
];

/** NE, Nilai AKIP or IKM: the row's indicator names the measure, its realisasi is the value. */
function indicatorReadings(table: Table, row: number, facts: KategoriFacts): Reading[] {
  const label = table.label(row);
  const out: Reading[] = [];
  const column = facts.realisasiColumn;
  for (const { measure, name } of INDICATOR_MEASURES) {
    if (!name.test(label) || !column) continue;
    const value = table.number(row, column.col);
    if (value) {
      out.push({
        measure,
        values: [fromExcelNumber(value.value)],
        derived: false,
        related: [table.ref(row, column.col)],
      });
    }
  }
  return out;
}

/**
 * The bands of a scale a printed label names (labelMatches), remembered per scale and label
 * text: a workbook prints a handful of kategori labels on thousands of rows.
 */
const NAMED_BANDS = new WeakMap<Scale, Map<string, readonly Band[]>>();

function bandsNamed(scale: Scale, label: string): readonly Band[] {
  let byLabel = NAMED_BANDS.get(scale);
  if (byLabel === undefined) {
    byLabel = new Map();
    NAMED_BANDS.set(scale, byLabel);
  }
  let bands = byLabel.get(label);
  if (bands === undefined) {
    bands = scale.bands.filter((b) => labelMatches(b, label));
    if (byLabel.size > 1000) byLabel.clear();
    byLabel.set(label, bands);
  }
  return bands;
}

function knows(scale: Scale, label: string): boolean {
  return bandsNamed(scale, label).length > 0;
}

/**
 * Which side of a scale bound (a number, read by classify() as new Decimal(bound)) the
 * 15-digit decimal of a float lies on: 1 above, -1 below, 0 when floats cannot tell. The
 * decimal is within 5e-15·|x| of the float and the bound's decimal within 1.2e-16·|bound|,
 * so a gap over 1e-14·max(|x|, |bound|) keeps its sign.
 */
export function sideOfBound(x: number, bound: number): -1 | 0 | 1 {
  const gap = x - bound;
  if (!(Math.abs(gap) > 1e-14 * Math.max(Math.abs(x), Math.abs(bound)))) return 0;
  return gap > 0 ? 1 : -1;
}

/**
 * classify() of the 15-digit decimal of a float: its band, null when it falls in none, or
 * undefined when it lies too close to a bound for floats to tell.
 */
export function bandOfFast(x: number, scale: Scale): Band | null | undefined {
  if (scale.range) {
    const low = sideOfBound(x, scale.range.min);
    const high = sideOfBound(x, scale.range.max);
    if (low === 0 || high === 0) return undefined;
    if (low < 0 || high > 0) return null;
  }
  for (const band of scale.bands) {
    // Off every bound, inclusive and exclusive bounds agree.
    const above = band.min === null ? 1 : sideOfBound(x, band.min.value);
    if (above === 0) return undefined;
    if (above < 0) continue;
    const below = band.max === null ? -1 : sideOfBound(x, band.max.value);
    if (below === 0) return undefined;
    if (below < 0) return band;
  }
  return null;
}

/**
 * The common row in floats: it has a printed capaian, the active capaian scale knows the
 * label, and the printed value falls in a band the label names. Then checkLabel's first
 * reading is that capaian and its printed value alone answers "no finding".
 */
function printedCapaianAgrees(
  table: Table,
  row: number,
  facts: KategoriFacts,
  scale: Scale | undefined,
  label: string,
): boolean {
  if (!facts.capaianColumn || !scale) return false;
  const named = bandsNamed(scale, label);
  if (named.length === 0) return false;
  const printed = table.number(row, facts.capaianColumn.col);
  if (!printed) return false;
  const band = bandOfFast(printed.value, scale);
  return band !== undefined && band !== null && named.includes(band);
}

function bandOf(value: Decimal, scale: Scale): Band | null {
  const result = classify(value, scale);
  return result.ok ? result.value : null;
}

function checkLabel(
  ctx: RuleContext,
  table: Table,
  row: number,
  kategori: RegionColumn,
  label: string,
  readings: Reading[],
): Finding | null {
  const at = table.ref(row, kategori.col);
  const indicator = table.label(row);
  for (const reading of readings) {
    const scale = findScale(ctx.settings.scales[reading.measure]);
    if (!scale || !knows(scale, label)) continue;
    const bands = reading.values.map((v) => bandOf(v, scale));
    const named = bandsNamed(scale, label);
    if (bands.some((b) => b !== null && named.includes(b))) return null;
    const band = bands[0];
    if (!band) return null;
    return ctx.finding("category-mismatch", {
      at,
      indicator,
      actual: reading.values[0].toNumber(),
      related: reading.related,
      severity: reading.derived ? "warning" : undefined,
      message: {
        id: reading.derived ? "categoryMismatch.mismatchDerived" : "categoryMismatch.mismatch",
        params: {
          label,
          measure: MEASURE_NAME[reading.measure],
          value: { number: reading.values[0].toNumber(), decimals: 2 },
          band: band.label,
          scale: scale.name,
        },
      },
    });
  }
  if (readings.length === 0) return null;
  // Prose ("melampaui target") is no label at all; only a label some scale knows is reported.
  const known = SCALES.filter((s) => knows(s, label)).map((s) => s.name);
  if (known.length === 0) return null;
  const active = [...new Set(readings.map((r) => ctx.settings.scales[r.measure]))].join(", ");
  return ctx.finding("category-mismatch", {
    at,
    indicator,
    related: readings[0].related,
    severity: "warning",
    message: {
      id: "categoryMismatch.unknownLabel",
      params: { label, active, scales: known.join(", ") },
    },
  });
}

function checkTable(ctx: RuleContext, table: Table, findings: Finding[]): void {
  const capaianScale = findScale(ctx.settings.scales.capaian);
  for (const kategori of table.columnsWith("kategori")) {
    const facts = kategoriFacts(table, kategori);
    for (const r of table.rows) {
      const average = isAverageRow(table, r.row, r.kind);
      if (r.kind !== "data" && !average) continue;
      const label = table.text(r.row, kategori.col);
      if (!/\p{L}/u.test(label)) continue;
      if (printedCapaianAgrees(table, r.row, facts, capaianScale, label)) continue;
      const readings: Reading[] = [];
      const capaian = capaianReading(ctx, table, r.row, average, facts);
      if (capaian) readings.push(capaian);
      if (!average) readings.push(...indicatorReadings(table, r.row, facts));
      const finding = checkLabel(ctx, table, r.row, kategori, label, readings);
      if (finding) findings.push(finding);
    }
  }
}

export const categoryMismatch: Rule = {
  id: "category-mismatch",
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of ctx.tables) checkTable(ctx, table, findings);
    return findings;
  },
};
