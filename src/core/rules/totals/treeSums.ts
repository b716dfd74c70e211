import type { RuleContext } from "../../check/context";
import type { Table } from "../../check/table";
import type { Finding } from "../../check/types";
import type { Decimal } from "../../decimal";
import type { ColumnRole } from "../../recognize/types";
import { buildSumTree, SumNode, SumTree, uraianOf } from "./hierarchy";
import {
  Addend,
  agrees,
  Amount,
  isAmount,
  judge,
  numberParams,
  readAddend,
  relatedCells,
  severityOf,
  shownDecimals,
  sumOf,
} from "./values";

/**
 * Budget amounts that must add up down the hierarchy: a parent row against its children,
 * a JUMLAH/TOTAL row against the rows it closes, a "BELANJA …" heading against the rows
 * below it (DOMAIN.md §6.3).
 */

/** Money columns whose parents are sums of their children. */
const SUMMED_ROLES: ColumnRole[] = ["pagu", "realisasi-anggaran", "selisih"];

interface SumColumn {
  col: number;
  /** A difference of other columns, printed rounded: totals get τ·(n+1). */
  derived: boolean;
}

/** An amount of a node: its own cell, or the sum of its children when its cell is blank. */
interface Effective {
  value: Decimal;
  parts: Amount[];
}
type EffectiveOrNot = Effective | "blank" | "unusable";

/** A way the rows of a block may add up to a total: one depth, or the leaves. */
interface Reading {
  parts: Amount[];
  sum: Decimal;
  depth: number | "leaves";
}

export function sumColumns(table: Table): SumColumn[] {
  return table.columns
    .filter((c) => c.role !== null && SUMMED_ROLES.includes(c.role))
    .map((c) => ({ col: c.col, derived: c.role === "selisih" || c.formula !== undefined }));
}

/**
 * A row whose values slid one column (LT21 Tabel 9: "100,00" in the Realisasi Rp column, the
 * Rupiah in the % column): its cells from the slip onwards are not the amounts their
 * headers say. Returns the first unreliable column, or Infinity.
 */
function slipColumn(table: Table, row: number): number {
  for (const column of table.columnsWith("persen-anggaran")) {
    const n = table.number(row, column.col);
    if (n && Math.abs(n.value) > 1000) return column.col - 1;
  }
  return Infinity;
}

class TreeSums {
  private readonly tree: SumTree;
  private readonly slips = new Map<number, number>();
  private readonly addends = new Map<number, Addend>();
  private readonly findings: Finding[] = [];
  /** Rows already reported in a non-derived column: their selisih mismatch is a consequence. */
  private readonly reportedRows = new Set<number>();

  constructor(
    private readonly table: Table,
    private readonly context: RuleContext,
    private readonly columns: SumColumn[],
  ) {
    this.tree = buildSumTree(
      table,
      columns.map((c) => c.col),
    );
  }

  run(): Finding[] {
    const ordered = [
      ...this.columns.filter((c) => !c.derived),
      ...this.columns.filter((c) => c.derived),
    ];
    for (const column of ordered) {
      this.tree.nodes.forEach((node, i) => {
        if (column.derived && this.reportedRows.has(node.row)) return;
        if (node.total) this.checkClosingTotal(i, column);
        else if (node.group) this.checkGroup(i, column);
        else if (node.children.length > 0) this.checkParent(i, column);
      });
    }
    return this.findings;
  }

  /** Each cell's addend, read once: parents, totals and headings read the same rows. */
  private addend(row: number, col: number): Addend {
    const key = row * 16384 + col;
    let addend = this.addends.get(key);
    if (addend === undefined) {
      if (!this.slips.has(row)) this.slips.set(row, slipColumn(this.table, row));
      addend =
        col >= (this.slips.get(row) ?? Infinity) ? "unusable" : readAddend(this.table, row, col);
      this.addends.set(key, addend);
    }
    return addend;
  }

  /** A printed total: a real number in the cell (not a dash, not text). */
  private printed(row: number, col: number): Amount | null {
    if (this.table.reading(row, col).kind !== "number") return null;
    const a = this.addend(row, col);
    return isAmount(a) ? a : null;
  }

  private effective(i: number, col: number): EffectiveOrNot {
    const node = this.tree.nodes[i];
    const own = this.addend(node.row, col);
    if (isAmount(own)) return { value: own.value, parts: [own] };
    if (own === "unusable") return "unusable";
    if (node.children.length === 0) return "blank";
    const kids = node.children.map((k) => this.effective(k, col));
    if (kids.some((k) => k === "unusable")) return "unusable";
    const present = kids.filter((k): k is Effective => typeof k === "object");
    if (present.length === 0) return "blank";
    const parts = present.flatMap((k) => k.parts);
    return { value: sumOf(parts), parts };
  }

  /** A coded or numbered parent against the sum of its direct children. */
  private checkParent(i: number, column: SumColumn): void {
    const node = this.tree.nodes[i];
    const printed = this.printed(node.row, column.col);
    if (!printed) return;
    const kids = node.children.map((k) => this.effective(k, column.col));
    if (kids.some((k) => k === "unusable")) return;
    const present = kids.filter((k): k is Effective => typeof k === "object");
    if (present.length === 0) return;
    const expected = present.reduce((acc, k) => acc.plus(k.value), sumOf([]));
    const parts = present.flatMap((k) => k.parts);
    // Most parents add up: the multiples are tried only for those that do not.
    const summands = column.derived ? present.length : 0;
    if (judge(printed, expected, this.context.settings, summands).accepted) return;
    if (isMultipleOf(printed, expected, this.context)) return;
    this.report(node, printed, expected, parts, present.length, column, "children");
  }

  /** The readings of a block of nodes: the sum at each depth, and the sum of the leaves. */
  private readings(block: number[], col: number): Reading[] {
    const byDepth = new Map<number, Amount[] | null>();
    const leaves: Amount[] = [];
    let leavesValid = true;
    for (const i of block) {
      const node = this.tree.nodes[i];
      if (node.total) continue;
      const eff = this.effective(i, col);
      const list = byDepth.get(node.depth);
      if (eff === "unusable") {
        byDepth.set(node.depth, null);
        if (!node.group && node.children.length === 0) leavesValid = false;
        continue;
      }
      if (eff === "blank") continue;
      if (list !== null) {
        const summed =
          eff.parts.length === 1 ? eff.parts[0] : { ...eff.parts[0], value: eff.value };
        // Appended in place: copying the list per node made a long block quadratic.
        if (list === undefined) byDepth.set(node.depth, [summed]);
        else list.push(summed);
      }
      if (!node.group && node.children.length === 0) leaves.push(...eff.parts);
    }
    const readings: Reading[] = [];
    for (const [depth, parts] of [...byDepth.entries()].sort((a, b) => a[0] - b[0])) {
      if (parts && parts.length > 0) readings.push({ parts, sum: sumOf(parts), depth });
    }
    if (leavesValid && leaves.length > 0)
      readings.push({ parts: leaves, sum: sumOf(leaves), depth: "leaves" });
    return readings;
  }

  /**
   * The reading a total is meant to be: the top-level rows when every one of them prints its
   * own amount, else the detail lines (the top level is then partly derived from them).
   */
  private preferredReading(block: number[], readings: Reading[], col: number): Reading | undefined {
    const structural = block.filter((i) => !this.tree.nodes[i].group && !this.tree.nodes[i].total);
    if (structural.length === 0) return readings.find((r) => r.depth === 0);
    const top = Math.min(...structural.map((i) => this.tree.nodes[i].depth));
    const topNodes = structural.filter((i) => this.tree.nodes[i].depth === top);
    const allOwn = topNodes.every((i) => isAmount(this.addend(this.tree.nodes[i].row, col)));
    return allOwn
      ? readings.find((r) => r.depth === top)
      : (readings.find((r) => r.depth === "leaves") ?? readings.find((r) => r.depth === top));
  }

  private matchesAny(printed: Amount, readings: Reading[], column: SumColumn): boolean {
    return readings.some(
      (r) =>
        agrees(printed, r.sum, this.context.settings, column.derived ? r.parts.length : 0) ||
        isMultipleOf(printed, r.sum, this.context),
    );
  }

  /** JUMLAH / TOTAL: the rows since the previous total, read at any depth or as leaves. */
  private checkClosingTotal(i: number, column: SumColumn): void {
    const node = this.tree.nodes[i];
    const printed = this.printed(node.row, column.col);
    if (!printed) return;
    let start = i - 1;
    while (start >= 0 && !this.tree.nodes[start].total) start--;
    const block = range(start + 1, i);
    const readings = this.readings(block, column.col);
    if (readings.length === 0 || this.matchesAny(printed, readings, column)) return;
    const reading = this.preferredReading(block, readings, column.col);
    if (!reading) return;
    this.report(
      node,
      printed,
      reading.sum,
      reading.parts,
      reading.parts.length,
      column,
      "closedRows",
    );
  }

  /**
   * A caps heading with an amount ("BELANJA LANGSUNG"): whatever it spans (up to any later
   * heading, total or the end), some reading of the rows below must give its amount. It is
   * reported only when none does and it is at least as large as every line below it.
   */
  private checkGroup(i: number, column: SumColumn): void {
    const node = this.tree.nodes[i];
    const printed = this.printed(node.row, column.col);
    if (!printed) return;
    const nodes = this.tree.nodes;
    const ends: number[] = [];
    for (let j = i + 1; j < nodes.length; j++) {
      if (nodes[j].group && isAmount(this.addend(nodes[j].row, column.col))) ends.push(j);
      if (nodes[j].total) {
        ends.push(j);
        break;
      }
    }
    if (ends.length === 0 || !nodes[ends[ends.length - 1]].total) ends.push(nodes.length);
    let widest: number[] = [];
    for (const end of ends) {
      const block = range(i + 1, end);
      if (block.length === 0) continue;
      widest = block;
      if (this.matchesAny(printed, this.readings(block, column.col), column)) return;
    }
    const lines = widest.filter((j) => !nodes[j].group && !nodes[j].total);
    const amounts = lines.map((j) => this.addend(nodes[j].row, column.col)).filter(isAmount);
    if (amounts.length < 2) return;
    if (amounts.some((a) => a.value.abs().gt(printed.value.abs()))) return;
    const readings = this.readings(widest, column.col);
    const reading = this.preferredReading(widest, readings, column.col);
    if (!reading) return;
    this.report(
      node,
      printed,
      reading.sum,
      reading.parts,
      reading.parts.length,
      column,
      "children",
    );
  }

  private report(
    node: SumNode,
    printed: Amount,
    expected: Decimal,
    parts: Amount[],
    summands: number,
    column: SumColumn,
    kind: "children" | "closedRows",
  ): void {
    const verdict = judge(printed, expected, this.context.settings, column.derived ? summands : 0);
    if (verdict.accepted) return;
    const severity = severityOf(verdict);
    if (!column.derived && severity === undefined) this.reportedRows.add(node.row);
    const params = numberParams(printed, expected, shownDecimals(parts));
    this.findings.push(
      this.context.finding("total-mismatch", {
        at: printed.cell,
        indicator: uraianOf(this.table, node.row),
        expected: expected.toNumber(),
        actual: printed.number.value,
        related: relatedCells(parts),
        severity,
        message: {
          id: severity ? "totalMismatch.rounding" : `totalMismatch.${kind}`,
          params,
        },
      }),
    );
  }
}

/**
 * Σ = k × printed (k = 2…4): the rows read as one level are really several (a kegiatan line
 * and its sub kegiatan lines printed without indentation or code, LT21 Lampiran 7), each level
 * adding up on its own. The levels are misread, not the amounts: stay silent.
 */
function isMultipleOf(printed: Amount, sum: Decimal, context: RuleContext): boolean {
  if (printed.value.isZero()) return false;
  for (let k = 2; k <= 4; k++) {
    if (agrees(printed, sum.div(k), context.settings)) return true;
  }
  return false;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/** Every hierarchical and closing-total sum of one table's money columns. */
export function checkTreeSums(table: Table, context: RuleContext): Finding[] {
  const columns = sumColumns(table);
  if (columns.length === 0 || table.rows.length < 2) return [];
  return new TreeSums(table, context, columns).run();
}
