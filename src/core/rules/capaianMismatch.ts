import type { CellNumber } from "../cellNumber";
import type { Rule, RuleContext } from "../check/context";
import { plainNumber } from "../check/finding";
import type { CheckSettings } from "../check/settings";
import type { Table } from "../check/table";
import type { Finding } from "../check/types";
import { Decimal, excelRound, fromExcelNumber } from "../decimal";
import type { Polarity } from "../formulas/capaian";
import { Agreement, comparePrinted, comparePrintedFast, isAccepted } from "../numbers";
import type { RegionColumn } from "../recognize/types";
import { borrowedCapaianFindings } from "./capaianBorrowed";
import {
  acceptedCapaianFast,
  agreement,
  CANDIDATE_ERROR,
  Candidate,
  capaianCandidates,
  capaianSource,
  CapaianSource,
  FloatMean,
  isAverageRow,
  mean,
  rowPolarity,
} from "./capaianPairs";

/**
 * `capaian-mismatch` (DOMAIN.md §6.1): every printed capaian of a pengukuran, tren or
 * efisiensi table against the row's realisasi/target in the same table (polarity-aware),
 * and "Rata-rata capaian" rows against the mean of the capaian above them. Capaian columns
 * without a target in the table (LS25 Tabel 3.3) are left to the borrowed-target check.
 */

const KINDS = new Set(["pengukuran", "tren", "efisiensi"]);

function param(x: Decimal | number, decimals?: number): { number: number; decimals?: number } {
  const number = typeof x === "number" ? x : x.toNumber();
  return decimals === undefined ? { number } : { number, decimals };
}

/** The decimal verdict on one printed capaian: the value its row's T and R give, and why. */
interface Judgement {
  /** The accepted candidate's value, else the primary one's. */
  value: Decimal;
  accepted: boolean;
  /** Not accepted: the candidate to report (a near miss if any, else the primary). */
  shown: Candidate;
  near: boolean;
}

/** The decimal path, as every row went before the float path: null when there is no candidate. */
function judgeExact(
  printed: CellNumber,
  target: CellNumber,
  realisasi: CellNumber,
  polarity: Polarity | "unknown",
  settings: CheckSettings,
): Judgement | null {
  const candidates = capaianCandidates(target, realisasi, polarity, settings);
  if (candidates.length === 0) return null;
  const judged = candidates.map((c) => ({ c, a: agreement(printed, c.value) }));
  const accepted = judged.find((j) => isAccepted(j.a));
  const primary = candidates.find((c) => c.primary) ?? candidates[0];
  if (accepted) return { value: accepted.c.value, accepted: true, shown: accepted.c, near: false };
  const near = judged.find((j) => j.a === "near-miss");
  return { value: primary.value, accepted: false, shown: near ? near.c : primary, near: !!near };
}

/** A printed capaian its row's T and R do not give: a rounding warning or a mismatch. */
function dataFinding(
  ctx: RuleContext,
  table: Table,
  row: number,
  column: RegionColumn,
  source: CapaianSource,
  printed: CellNumber,
  judgement: Judgement,
): Finding {
  const { shown, near } = judgement;
  const related = [table.ref(row, source.target.col), table.ref(row, source.realisasi.col)];
  const common = {
    at: table.ref(row, column.col),
    indicator: table.label(row),
    expected: plainNumber(shown.value.toNumber()),
    actual: printed.value,
    related,
  };
  if (near) {
    return ctx.finding("capaian-mismatch", {
      ...common,
      severity: "warning",
      message: {
        id: "capaianMismatch.rounding",
        params: {
          actual: param(printed.value, printed.decimals),
          expected: param(shown.value),
          rounded: param(excelRound(shown.value, printed.decimals), printed.decimals),
        },
      },
    });
  }
  return ctx.finding("capaian-mismatch", {
    ...common,
    message: {
      id:
        shown.polarity === "negatif"
          ? "capaianMismatch.mismatchInverse"
          : "capaianMismatch.mismatch",
      params: {
        actual: param(printed.value, printed.decimals),
        expected: param(shown.value, printed.decimals),
      },
    },
  });
}

/** The row's target and realisasi when its capaian can be recomputed at all. */
function operands(
  table: Table,
  row: number,
  source: CapaianSource | null,
): { target: CellNumber; realisasi: CellNumber } | null {
  if (!source) return null;
  const target = table.number(row, source.target.col);
  const realisasi = table.number(row, source.realisasi.col);
  return target && realisasi ? { target, realisasi } : null;
}

/**
 * The unrounded capaian of a data row in decimals (what its average is taken of): the
 * candidate its printed value accepts, else the primary one, else (nothing to recompute)
 * the printed value.
 */
function unroundedExact(
  ctx: RuleContext,
  table: Table,
  row: number,
  column: RegionColumn,
  source: CapaianSource | null,
): Decimal {
  const printed = table.number(row, column.col) as CellNumber;
  const cells = operands(table, row, source);
  const judgement = cells
    ? judgeExact(
        printed,
        cells.target,
        cells.realisasi,
        rowPolarity(table, row, ctx.settings),
        ctx.settings,
      )
    : null;
  return judgement ? judgement.value : fromExcelNumber(printed.value);
}

/** How far a float may be from its 15-digit decimal (fromExcelNumber), relative to max(1, |x|). */
const FIFTEEN_DIGITS = 5e-15;
/** How far Decimal.toNumber() may be from the decimal, relative to max(1, |x|). */
const TO_NUMBER = 2.3e-16;

function errorOf(x: number, relative: number): number {
  return relative * Math.max(1, Math.abs(x));
}

/**
 * What the average rows of one capaian column are compared with, as float means: the data
 * rows since the last average or total row (the group), every data row above, and the
 * averages above since the last total. The rows are kept for the decimal path.
 */
class AverageBasis {
  readonly dataRows: number[] = [];
  groupStart = 0;
  readonly averageRows: number[] = [];
  averagesStart = 0;
  readonly groupPrinted = new FloatMean();
  readonly groupUnrounded = new FloatMean();
  readonly abovePrinted = new FloatMean();
  readonly aboveUnrounded = new FloatMean();
  readonly averages = new FloatMean();

  addData(row: number, printed: number, unrounded: number, unroundedError: number): void {
    this.dataRows.push(row);
    const printedError = errorOf(printed, FIFTEEN_DIGITS);
    this.groupPrinted.add(printed, printedError);
    this.abovePrinted.add(printed, printedError);
    this.groupUnrounded.add(unrounded, unroundedError);
    this.aboveUnrounded.add(unrounded, unroundedError);
  }

  addAverage(row: number, printed: number): void {
    this.averageRows.push(row);
    this.averages.add(printed, errorOf(printed, FIFTEEN_DIGITS));
  }

  /** After an average row: the next group starts. */
  endGroup(): void {
    this.groupStart = this.dataRows.length;
    this.groupPrinted.clear();
    this.groupUnrounded.clear();
  }

  /** After a total row: the group and the averages above start again. */
  endTotal(): void {
    this.endGroup();
    this.averagesStart = this.averageRows.length;
    this.averages.clear();
  }

  group(): number[] {
    return this.dataRows.slice(this.groupStart);
  }

  averagesAbove(): number[] {
    return this.averageRows.slice(this.averagesStart);
  }
}

/** Check one data row's printed capaian and add it to the basis of the averages below. */
function checkDataRow(
  ctx: RuleContext,
  table: Table,
  row: number,
  column: RegionColumn,
  source: CapaianSource | null,
  basis: AverageBasis,
  findings: Finding[],
): void {
  const printed = table.number(row, column.col);
  if (!printed) return;
  let unrounded = printed.value;
  let error = errorOf(printed.value, FIFTEEN_DIGITS);
  const cells = operands(table, row, source);
  if (source && cells) {
    const polarity = rowPolarity(table, row, ctx.settings);
    const { target, realisasi } = cells;
    const fast = acceptedCapaianFast(printed, target, realisasi, polarity, ctx.settings);
    if (fast === null) {
      // No candidate (T ≤ 0, units differ): nothing to check, the printed value stands.
    } else if (!Number.isNaN(fast)) {
      unrounded = fast;
      error = errorOf(fast, CANDIDATE_ERROR);
    } else {
      const judgement = judgeExact(printed, target, realisasi, polarity, ctx.settings);
      if (judgement) {
        if (!judgement.accepted) {
          const finding = dataFinding(ctx, table, row, column, source, printed, judgement);
          findings.push(finding);
        }
        unrounded = judgement.value.toNumber();
        error = errorOf(unrounded, TO_NUMBER);
      }
    }
  }
  basis.addData(row, printed.value, unrounded, error);
}

function bestAgreement(printed: CellNumber, values: Decimal[]): { a: Agreement; x: Decimal } {
  let best: { a: Agreement; x: Decimal } | null = null;
  const rank: Record<Agreement, number> = {
    exact: 4,
    rounded: 3,
    truncated: 3,
    "near-miss": 1,
    mismatch: 0,
  };
  for (const x of values) {
    const a = comparePrinted(printed.value, x, printed.decimals);
    if (!best || rank[a] > rank[best.a]) best = { a, x };
  }
  return best!;
}

/**
 * True when floats show that some mean the average may be (checkAverageExact's list) is
 * accepted: then the best one is too, and there is nothing to report.
 */
function averageAcceptedFast(printed: CellNumber, basis: AverageBasis): boolean {
  const means = [
    basis.groupPrinted,
    basis.groupUnrounded,
    basis.abovePrinted,
    basis.aboveUnrounded,
    basis.averages,
  ];
  for (const mean of means) {
    if (mean.size === 0) continue;
    const agreement = comparePrintedFast(printed.value, mean.value(), printed.decimals);
    if (agreement !== null && isAccepted(agreement)) return true;
  }
  return false;
}

/**
 * An average row: accept the mean of the printed or of the unrounded capaian of its group
 * (the data rows since the previous average or total row), of every data row above, or of
 * the averages above ("Total rata-rata capaian sasaran (1+2+3)").
 */
function checkAverageCell(
  ctx: RuleContext,
  table: Table,
  row: number,
  column: RegionColumn,
  source: CapaianSource | null,
  basis: AverageBasis,
  findings: Finding[],
): void {
  const printed = table.number(row, column.col);
  if (!printed || averageAcceptedFast(printed, basis)) return;
  checkAverageExact(ctx, table, row, column, source, basis, printed, findings);
}

/** The decimal path of an average row: every mean rebuilt from its rows' decimals. */
function checkAverageExact(
  ctx: RuleContext,
  table: Table,
  row: number,
  column: RegionColumn,
  source: CapaianSource | null,
  basis: AverageBasis,
  printed: CellNumber,
  findings: Finding[],
): void {
  const printedOf = (r: number): Decimal =>
    fromExcelNumber((table.number(r, column.col) as CellNumber).value);
  const group = basis.group();
  const above = basis.dataRows;
  const averagesAbove = basis.averagesAbove().map(printedOf);
  const means: Decimal[] = [];
  for (const set of [group, above]) {
    if (set.length === 0) continue;
    means.push(
      mean(set.map(printedOf)),
      mean(set.map((r) => unroundedExact(ctx, table, r, column, source))),
    );
  }
  if (averagesAbove.length > 0) means.push(mean(averagesAbove));
  if (means.length === 0) return;
  const { a, x } = bestAgreement(printed, means);
  if (isAccepted(a)) return;
  const basisRows = group.length > 0 ? group : above.length > 0 ? above : null;
  const expected = a === "near-miss" ? x : means[0];
  const count = basisRows ? basisRows.length : averagesAbove.length;
  findings.push(
    ctx.finding("capaian-mismatch", {
      at: table.ref(row, column.col),
      indicator: table.label(row),
      expected: plainNumber(expected.toNumber()),
      actual: printed.value,
      related: (basisRows ?? []).map((r) => table.ref(r, column.col)),
      severity: a === "near-miss" ? "warning" : undefined,
      message: {
        id:
          a === "near-miss" ? "capaianMismatch.averageRounding" : "capaianMismatch.averageMismatch",
        params: {
          actual: param(printed.value, printed.decimals),
          expected: param(expected, a === "near-miss" ? undefined : printed.decimals),
          count,
        },
      },
    }),
  );
}

function checkColumn(
  ctx: RuleContext,
  table: Table,
  column: RegionColumn,
  findings: Finding[],
): void {
  const source = capaianSource(table, column);
  const basis = new AverageBasis();
  for (const r of table.rows) {
    if (isAverageRow(table, r.row, r.kind)) {
      checkAverageCell(ctx, table, r.row, column, source, basis, findings);
      const printed = table.number(r.row, column.col);
      if (printed) basis.addAverage(r.row, printed.value);
      basis.endGroup();
      continue;
    }
    if (r.kind === "total") {
      basis.endTotal();
      continue;
    }
    if (r.kind === "data") checkDataRow(ctx, table, r.row, column, source, basis, findings);
  }
}

export const capaianMismatch: Rule = {
  id: "capaian-mismatch",
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!KINDS.has(table.kind)) continue;
      for (const column of table.columnsWith("capaian")) {
        checkColumn(ctx, table, column, findings);
      }
    }
    // Capaian columns without their own target borrow it from the plan (at most warnings).
    findings.push(...borrowedCapaianFindings(ctx));
    return findings;
  },
};
