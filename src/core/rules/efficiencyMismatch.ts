import { CellNumber, readValue } from "../cellNumber";
import type { Rule, RuleContext } from "../check/context";
import { plainNumber } from "../check/finding";
import type { Table } from "../check/table";
import type { CellRef, Finding } from "../check/types";
import { Decimal, fromExcelNumber } from "../decimal";
import { efisiensi, EfisiensiRow, nilaiEfisiensi } from "../formulas/efisiensi";
import { classify, findScale, labelMatches } from "../formulas/scales";
import type { MessageId } from "../messages";
import { Agreement, comparePrinted, isAccepted } from "../numbers";
import type { RegionColumn } from "../recognize/types";
import { capaianCandidates, capaianSource, rowPolarity } from "./capaianPairs";

/**
 * `efficiency-mismatch` (DOMAIN.md §6.9, §4.5): in an efisiensi table (PMK 214/2017 layout),
 * column (8) = PAK × CK (unrounded or printed CK), (9) = (8) − RAK, the TOTAL row of both,
 * and E, Nilai Efisiensi and its category where the sheet prints them below the table.
 * Columns (8) and (9) have no role: they are found by their column-number formula or header.
 */

interface EfficiencyColumns {
  pagu: RegionColumn;
  rak: RegionColumn;
  capaian?: RegionColumn;
  product?: RegionColumn;
  difference?: RegionColumn;
}

const PRODUCT_HEADER = /anggaran\s*(?:x|×|\*)\s*capaian/i;
const DIFFERENCE_HEADER = /[-–−]\s*realisasi(?:\s+anggaran)?\s*$/i;

function isFree(c: RegionColumn): boolean {
  return c.role === null || c.role === "selisih";
}

/** Column (8): "(8) = (3) x (7)" over the pagu, else a header "Pagu Anggaran x Capaian". */
function productColumn(table: Table, pagu: RegionColumn): RegionColumn | undefined {
  const byFormula = table.columns.find(
    (c) =>
      isFree(c) &&
      c.formula?.op === "multiply" &&
      c.formula.operandColumns.includes(pagu.col) &&
      c.formula.operandColumns.length === 2,
  );
  if (byFormula) return byFormula;
  return table.columns.find(
    (c) => isFree(c) && PRODUCT_HEADER.test(c.header) && !DIFFERENCE_HEADER.test(c.header),
  );
}

/** Column (9): "(9) = (8)-(4)", else a header ending in "- Realisasi Anggaran". */
function differenceColumn(
  table: Table,
  product: RegionColumn | undefined,
  rak: RegionColumn,
): RegionColumn | undefined {
  const byFormula = table.columns.find(
    (c) =>
      isFree(c) &&
      c.formula?.op === "subtract" &&
      c.formula.operandColumns.length === 2 &&
      c.formula.operandColumns[1] === rak.col &&
      (product === undefined || c.formula.operandColumns[0] === product.col),
  );
  if (byFormula) return byFormula;
  return table.columns.find((c) => isFree(c) && c !== product && DIFFERENCE_HEADER.test(c.header));
}

function columnsOf(table: Table): EfficiencyColumns | null {
  const pagu = table.firstColumn("pagu");
  const rak = table.firstColumn("realisasi-anggaran");
  if (!pagu || !rak) return null;
  const product = productColumn(table, pagu);
  return {
    pagu,
    rak,
    capaian: table.firstColumn("capaian"),
    product,
    difference: differenceColumn(table, product, rak),
  };
}

/** One sasaran/output row: its money and its CK readings in percent points. */
interface EfficiencyRow {
  row: number;
  pak: Decimal;
  rak: Decimal;
  /** Unrounded R/T first (PMK practice, LS25), then the printed capaian. */
  ck: Decimal[];
}

function rowCk(ctx: RuleContext, table: Table, row: number, cols: EfficiencyColumns): Decimal[] {
  const out: Decimal[] = [];
  const printed = cols.capaian ? table.number(row, cols.capaian.col) : null;
  const source = cols.capaian ? capaianSource(table, cols.capaian) : null;
  const t = source ? table.number(row, source.target.col) : null;
  const r = source ? table.number(row, source.realisasi.col) : null;
  if (t && r) {
    const candidates = capaianCandidates(t, r, rowPolarity(table, row, ctx.settings), ctx.settings);
    const primary = candidates.find((c) => c.primary);
    if (primary) out.push(primary.value);
  }
  if (printed) out.push(fromExcelNumber(printed.value));
  return ctx.settings.capCk ? out.map((ck) => Decimal.min(ck, 100)) : out;
}

const RANK: Record<Agreement, number> = {
  exact: 4,
  rounded: 3,
  truncated: 3,
  "near-miss": 1,
  mismatch: 0,
};

/** Best agreement of a printed amount with any accepted reading; Rupiah tolerance counts. */
function judge(
  ctx: RuleContext,
  printed: CellNumber,
  candidates: Decimal[],
  summands = 0,
): { a: Agreement; x: Decimal } | null {
  let best: { a: Agreement; x: Decimal } | null = null;
  for (const x of candidates) {
    let a = comparePrinted(printed.value, x, printed.decimals, { summands });
    const diff = fromExcelNumber(printed.value).minus(x).abs();
    if (
      !isAccepted(a) &&
      ctx.settings.rupiahTolerance > 0 &&
      diff.lte(ctx.settings.rupiahTolerance)
    )
      a = "rounded";
    if (!best || RANK[a] > RANK[best.a]) best = { a, x };
  }
  return best;
}

function money(x: Decimal | number): { number: number; decimals: number } {
  return { number: typeof x === "number" ? x : x.toNumber(), decimals: 2 };
}

interface Report {
  table: Table;
  row: number;
  col: number;
  printed: CellNumber;
  best: { a: Agreement; x: Decimal };
  related: CellRef[];
  id: MessageId;
  params?: Record<string, { number: number; decimals?: number } | number | string>;
}

function report(ctx: RuleContext, r: Report): Finding | null {
  if (isAccepted(r.best.a)) return null;
  const near = r.best.a === "near-miss";
  return ctx.finding("efficiency-mismatch", {
    at: r.table.ref(r.row, r.col),
    indicator: r.table.label(r.row),
    expected: plainNumber(r.best.x.toNumber()),
    actual: r.printed.value,
    related: r.related,
    severity: near ? "warning" : undefined,
    message: {
      id: near ? "efficiencyMismatch.rounding" : r.id,
      params: {
        actual: money(r.printed.value),
        expected: money(r.best.x),
        ...(r.params ?? {}),
      },
    },
  });
}

function checkRows(
  ctx: RuleContext,
  table: Table,
  cols: EfficiencyColumns,
  findings: Finding[],
): EfficiencyRow[] {
  const rows: EfficiencyRow[] = [];
  for (const r of table.dataRows()) {
    const pak = table.number(r.row, cols.pagu.col);
    const rak = table.number(r.row, cols.rak.col);
    if (!pak || !rak) continue;
    const row: EfficiencyRow = {
      row: r.row,
      pak: fromExcelNumber(pak.value),
      rak: fromExcelNumber(rak.value),
      ck: rowCk(ctx, table, r.row, cols),
    };
    rows.push(row);
    if (row.ck.length === 0) continue;
    const products = row.ck.map((ck) => row.pak.times(ck).div(100));
    const ckRefs = cols.capaian ? [table.ref(r.row, cols.capaian.col)] : [];
    let printedProduct: CellNumber | null = null;
    if (cols.product) {
      printedProduct = table.number(r.row, cols.product.col);
      const best = printedProduct ? judge(ctx, printedProduct, products) : null;
      const f =
        printedProduct && best
          ? report(ctx, {
              table,
              row: r.row,
              col: cols.product.col,
              printed: printedProduct,
              best,
              related: [table.ref(r.row, cols.pagu.col), ...ckRefs],
              id: "efficiencyMismatch.product",
            })
          : null;
      if (f) findings.push(f);
    }
    if (cols.difference) {
      const printed = table.number(r.row, cols.difference.col);
      // (8) as printed minus RAK is what the author computed; recomputed (8) − RAK also passes.
      const minuends = [
        ...(printedProduct ? [fromExcelNumber(printedProduct.value)] : []),
        ...products,
      ];
      const best = printed
        ? judge(
            ctx,
            printed,
            minuends.map((m) => m.minus(row.rak)),
          )
        : null;
      const f =
        printed && best
          ? report(ctx, {
              table,
              row: r.row,
              col: cols.difference.col,
              printed,
              best,
              related: [
                ...(cols.product ? [table.ref(r.row, cols.product.col)] : []),
                table.ref(r.row, cols.rak.col),
              ],
              id: "efficiencyMismatch.difference",
            })
          : null;
      if (f) findings.push(f);
    }
  }
  return rows;
}

/** TOTAL rows of (8) and (9): Σ of the printed cells within τ·(n+1), or Σ of the unrounded values. */
function checkTotals(
  ctx: RuleContext,
  table: Table,
  cols: EfficiencyColumns,
  rows: EfficiencyRow[],
  findings: Finding[],
): void {
  const derived = [cols.product, cols.difference].filter((c): c is RegionColumn => !!c);
  for (const total of table.rows.filter((r) => r.kind === "total")) {
    for (const column of derived) {
      const printed = table.number(total.row, column.col);
      if (!printed) continue;
      const cells = rows
        .map((r) => ({ r, n: table.number(r.row, column.col) }))
        .filter((e): e is { r: EfficiencyRow; n: CellNumber } => e.n !== null);
      if (cells.length === 0) continue;
      const sumPrinted = cells.reduce((s, e) => s.plus(fromExcelNumber(e.n.value)), new Decimal(0));
      const unrounded = cells.every((e) => e.r.ck.length > 0)
        ? cells.reduce((s, e) => {
            const product = e.r.pak.times(e.r.ck[0]).div(100);
            return s.plus(column === cols.product ? product : product.minus(e.r.rak));
          }, new Decimal(0))
        : null;
      const best = judge(
        ctx,
        printed,
        [sumPrinted, ...(unrounded ? [unrounded] : [])],
        cells.length,
      );
      const f = best
        ? report(ctx, {
            table,
            row: total.row,
            col: column.col,
            printed,
            best,
            related: cells.map((e) => table.ref(e.r.row, column.col)),
            id: "efficiencyMismatch.total",
            params: { count: cells.length },
          })
        : null;
      if (f) findings.push(f);
    }
  }
}

// ---------------------------------------------------------------------------------------
// E, NE and the category printed below the table

type SummaryKind = "e" | "ne" | "kategori";

interface SummaryCell {
  kind: SummaryKind;
  row: number;
  col: number;
  number: CellNumber | null;
  label: string;
}

const SUMMARY_LABELS: { kind: SummaryKind; pattern: RegExp }[] = [
  { kind: "ne", pattern: /^(?:nilai\s+efisiensi|\(?ne\)?)(?:\s*\(ne\))?\s*(?:[=:]|$)/i },
  { kind: "e", pattern: /^(?:(?:tingkat\s+)?efisiensi|\(?e\)?)(?:\s*\(e\))?\s*(?:[=:]|$)/i },
  { kind: "kategori", pattern: /^(?:kategori|predikat|kriteria)(?:\s+efisiensi)?\s*(?:[=:]|$)/i },
];

function numberOfText(text: string): CellNumber | null {
  const reading = readValue(text);
  return reading.kind === "number" ? reading : null;
}

/** Rows of the sheet below the table up to the next caption or table (at most 10). */
function rowsBelow(ctx: RuleContext, table: Table): number[] {
  const out: number[] = [];
  const { bottom, left, right } = table.region.range;
  const others = ctx.tables.filter(
    (t) => t.file === table.file && t.sheet.name === table.sheet.name && t !== table,
  );
  for (let r = bottom + 1; r <= bottom + 10; r++) {
    if (others.some((t) => t.region.range.top <= r && r <= t.region.range.bottom)) break;
    const first = table.text(r, left);
    if (/^tabel\s+\d/i.test(first)) break;
    if (/^tabel\s+\d/i.test(table.text(r, left + 1)) && right > left) break;
    out.push(r);
  }
  return out;
}

/** A label cell's value: after "=" or ":" in the cell itself, else the next filled cell right. */
function summaryValue(table: Table, row: number, col: number, text: string): SummaryCell | null {
  const inline = /[=:]\s*([^=:]+)$/.exec(text);
  if (inline) {
    const n = numberOfText(inline[1].trim());
    if (n) return { kind: "e", row, col, number: n, label: inline[1].trim() };
    if (/^\p{L}[\p{L}\s]*$/u.test(inline[1].trim()))
      return { kind: "e", row, col, number: null, label: inline[1].trim() };
  }
  for (let c = col + 1; c <= col + 6; c++) {
    const t = table.text(row, c);
    if (t === "") continue;
    return { kind: "e", row, col: c, number: table.number(row, c), label: t };
  }
  return null;
}

function summaryCells(ctx: RuleContext, table: Table): SummaryCell[] {
  // The recogniser may take lines under the table into it (as section or data rows): every
  // row is a candidate, only a cell starting with an E / NE / kategori label counts.
  const rows = [...table.rows.map((r) => r.row), ...rowsBelow(ctx, table)];
  const out: SummaryCell[] = [];
  const { left, right } = table.region.range;
  for (const row of rows) {
    for (let c = left; c <= right + 3; c++) {
      const text = table.text(row, c);
      if (text === "") continue;
      const match = SUMMARY_LABELS.find((l) => l.pattern.test(text));
      if (!match) continue;
      const value = summaryValue(table, row, c, text);
      if (value) out.push({ ...value, kind: match.kind });
      break;
    }
  }
  return out;
}

function checkSummary(
  ctx: RuleContext,
  table: Table,
  rows: EfficiencyRow[],
  findings: Finding[],
): void {
  if (rows.length === 0 || rows.some((r) => r.ck.length === 0)) return;
  const cells = summaryCells(ctx, table);
  if (cells.length === 0) return;
  // E from unrounded CK (PMK practice), and from the printed CK as the documented alternative.
  const variants = [0, 1].map((i) =>
    efisiensi(
      rows.map<EfisiensiRow>((r) => ({
        pagu: r.pak,
        realisasiAnggaran: r.rak,
        capaian: r.ck[Math.min(i, r.ck.length - 1)],
      })),
      { capCk: ctx.settings.capCk },
    ),
  );
  const eValues = variants.flatMap((v) => (v.ok ? [v.value.e] : []));
  if (eValues.length === 0) return;
  const related = rows.map((r) => table.ref(r.row, table.region.range.left));
  const eCell = cells.find((c) => c.kind === "e" && c.number);
  const neValues: Decimal[] = [];
  for (const e of [...eValues, ...(eCell?.number ? [fromExcelNumber(eCell.number.value)] : [])]) {
    neValues.push(nilaiEfisiensi(e, true), nilaiEfisiensi(e, false));
  }
  for (const cell of cells) {
    if ((cell.kind === "e" || cell.kind === "ne") && cell.number) {
      const isE = cell.kind === "e";
      const best = judge(ctx, cell.number, isE ? eValues : neValues);
      const f = best
        ? report(ctx, {
            table,
            row: cell.row,
            col: cell.col,
            printed: cell.number,
            best,
            related: !isE && eCell ? [table.ref(eCell.row, eCell.col)] : related,
            id: isE ? "efficiencyMismatch.efisiensi" : "efficiencyMismatch.nilaiEfisiensi",
          })
        : null;
      if (f) findings.push(f);
      else if (!isE && cell.number.value > 100) {
        // Accepted only as the unclamped NE: off the 0–100 scale its categories use.
        findings.push(
          ctx.finding("efficiency-mismatch", {
            at: table.ref(cell.row, cell.col),
            actual: cell.number.value,
            severity: "warning",
            related,
            message: {
              id: "efficiencyMismatch.nilaiAbove100",
              params: { actual: { number: cell.number.value, decimals: cell.number.decimals } },
            },
          }),
        );
      }
    }
    if (cell.kind === "kategori") checkCategory(ctx, table, cell, cells, neValues, findings);
  }
}

/** The category against the printed NE (or the recomputed one when none is printed). */
function checkCategory(
  ctx: RuleContext,
  table: Table,
  cell: SummaryCell,
  cells: SummaryCell[],
  neValues: Decimal[],
  findings: Finding[],
): void {
  const scale = findScale(ctx.settings.scales.efisiensi);
  if (!scale || !scale.bands.some((b) => labelMatches(b, cell.label))) return;
  const neCell = cells.find((c) => c.kind === "ne" && c.number);
  // The printed NE first; a wrong NE is its own finding, so the recomputed ones count too.
  const values = [...(neCell?.number ? [fromExcelNumber(neCell.number.value)] : []), ...neValues];
  const bands = values.map((v) => classify(v, scale)).flatMap((r) => (r.ok ? [r.value] : []));
  if (bands.length === 0 || bands.some((b) => labelMatches(b, cell.label))) return;
  findings.push(
    ctx.finding("efficiency-mismatch", {
      at: table.ref(cell.row, cell.col),
      related: neCell ? [table.ref(neCell.row, neCell.col)] : [],
      message: {
        id: "efficiencyMismatch.category",
        params: {
          label: cell.label,
          value: { number: values[0].toNumber(), decimals: 2 },
          band: bands[0].label,
          scale: scale.name,
        },
      },
    }),
  );
}

export const efficiencyMismatch: Rule = {
  id: "efficiency-mismatch",
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (table.kind !== "efisiensi") continue;
      const cols = columnsOf(table);
      if (!cols) continue;
      const rows = checkRows(ctx, table, cols, findings);
      checkTotals(ctx, table, cols, rows, findings);
      checkSummary(ctx, table, rows, findings);
    }
    return findings;
  },
};
