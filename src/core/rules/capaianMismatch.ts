import type { CellNumber } from "../cellNumber";
import type { Rule, RuleContext } from "../check/context";
import { plainNumber } from "../check/finding";
import type { Table } from "../check/table";
import type { Finding } from "../check/types";
import { Decimal, excelRound, fromExcelNumber } from "../decimal";
import { Agreement, comparePrinted, isAccepted } from "../numbers";
import type { RegionColumn, RegionRow } from "../recognize/types";
import { borrowedCapaianFindings } from "./capaianBorrowed";
import {
  agreement,
  capaianCandidates,
  capaianSource,
  CapaianSource,
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

interface RowResult {
  /** The capaian the row's T and R give (the accepted reading, else the primary one). */
  value: Decimal;
}

/** Check one printed capaian against its row; returns the recomputed value for averages. */
function checkDataCell(
  ctx: RuleContext,
  table: Table,
  row: number,
  column: RegionColumn,
  source: CapaianSource,
  findings: Finding[],
): RowResult | null {
  const printed = table.number(row, column.col);
  const target = table.number(row, source.target.col);
  const realisasi = table.number(row, source.realisasi.col);
  if (!printed || !target || !realisasi) return null;
  const polarity = rowPolarity(table, row, ctx.settings);
  const candidates = capaianCandidates(target, realisasi, polarity, ctx.settings);
  if (candidates.length === 0) return null;

  const judged = candidates.map((c) => ({ c, a: agreement(printed, c.value) }));
  const accepted = judged.find((j) => isAccepted(j.a));
  if (accepted) return { value: accepted.c.value };

  const primary = candidates.find((c) => c.primary) ?? candidates[0];
  const near = judged.find((j) => j.a === "near-miss");
  const shown = near ? near.c : primary;
  const related = [table.ref(row, source.target.col), table.ref(row, source.realisasi.col)];
  const common = {
    at: table.ref(row, column.col),
    indicator: table.label(row),
    expected: plainNumber(shown.value.toNumber()),
    actual: printed.value,
    related,
  };
  if (near) {
    findings.push(
      ctx.finding("capaian-mismatch", {
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
      }),
    );
  } else {
    findings.push(
      ctx.finding("capaian-mismatch", {
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
      }),
    );
  }
  return { value: primary.value };
}

interface GroupEntry {
  row: number;
  printed: Decimal;
  unrounded: Decimal;
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
 * An average row: accept the mean of the printed or of the unrounded capaian of its group
 * (the data rows since the previous average or total row), of every data row above, or of
 * the averages above ("Total rata-rata capaian sasaran (1+2+3)").
 */
function checkAverageCell(
  ctx: RuleContext,
  table: Table,
  row: number,
  column: RegionColumn,
  group: GroupEntry[],
  above: GroupEntry[],
  averagesAbove: Decimal[],
  findings: Finding[],
): void {
  const printed = table.number(row, column.col);
  if (!printed) return;
  const means: Decimal[] = [];
  for (const set of [group, above]) {
    if (set.length === 0) continue;
    means.push(mean(set.map((e) => e.printed)), mean(set.map((e) => e.unrounded)));
  }
  if (averagesAbove.length > 0) means.push(mean(averagesAbove));
  if (means.length === 0) return;
  const { a, x } = bestAgreement(printed, means);
  if (isAccepted(a)) return;
  const basis = group.length > 0 ? group : above.length > 0 ? above : null;
  const expected = a === "near-miss" ? x : means[0];
  const count = basis ? basis.length : averagesAbove.length;
  findings.push(
    ctx.finding("capaian-mismatch", {
      at: table.ref(row, column.col),
      indicator: table.label(row),
      expected: plainNumber(expected.toNumber()),
      actual: printed.value,
      related: (basis ?? []).map((e) => table.ref(e.row, column.col)),
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
  let group: GroupEntry[] = [];
  const above: GroupEntry[] = [];
  let averagesAbove: Decimal[] = [];
  for (const r of table.rows) {
    if (isAverageRow(table, r.row, r.kind)) {
      checkAverageCell(ctx, table, r.row, column, group, above, averagesAbove, findings);
      const printed = table.number(r.row, column.col);
      if (printed) averagesAbove.push(fromExcelNumber(printed.value));
      group = [];
      continue;
    }
    if (r.kind === "total") {
      group = [];
      averagesAbove = [];
      continue;
    }
    if (r.kind !== "data") continue;
    const entry = dataEntry(ctx, table, r, column, source, findings);
    if (entry) {
      group.push(entry);
      above.push(entry);
    }
  }
}

function dataEntry(
  ctx: RuleContext,
  table: Table,
  r: RegionRow,
  column: RegionColumn,
  source: CapaianSource | null,
  findings: Finding[],
): GroupEntry | null {
  const printed = table.number(r.row, column.col);
  if (!printed) return null;
  const checked = source ? checkDataCell(ctx, table, r.row, column, source, findings) : null;
  const value = fromExcelNumber(printed.value);
  return { row: r.row, printed: value, unrounded: checked?.value ?? value };
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
