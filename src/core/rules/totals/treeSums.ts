import type { RuleContext } from "../../check/context";
import type { Table } from "../../check/table";
import type { Finding } from "../../check/types";
import type { ColumnRole } from "../../recognize/types";
import { buildSumTree, SumNode, uraianOf } from "./hierarchy";
import {
  Addend,
  agrees,
  Amount,
  Approx,
  isAmount,
  isPrinted,
  judge,
  numberParams,
  readAddend,
  relatedCells,
  severityOf,
  shownDecimals,
  Sum,
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

/** A way the rows of a block may add up to a total: one depth, or the leaves. */
class Reading {
  private total: Sum | null = null;

  constructor(
    readonly parts: Amount[],
    readonly depth: number | "leaves",
  ) {}

  /** Added up when first asked: most totals match their first reading. */
  get sum(): Sum {
    if (this.total === null) this.total = new Sum(this.parts);
    return this.total;
  }
}

export function sumColumns(table: Table): SumColumn[] {
  return table.columns
    .filter((c) => c.role !== null && SUMMED_ROLES.includes(c.role))
    .map((c) => ({ col: c.col, derived: c.role === "selisih" || c.formula !== undefined }));
}

/** Beyond every column (Excel has 16 384): the row did not slide. Ints keep the array small. */
const NO_SLIP = 0x7fffffff;
/** Not read yet (a slip column is at least -1: the % column minus one). */
const SLIP_UNREAD = -2;

/**
 * A row whose values slid one column (LT21 Tabel 9: "100,00" in the Realisasi Rp column, the
 * Rupiah in the % column): its cells from the slip onwards are not the amounts their
 * headers say. Returns the first unreliable column, or NO_SLIP.
 */
function slipColumn(table: Table, row: number, percentColumns: number[]): number {
  for (const col of percentColumns) {
    const n = table.number(row, col);
    if (n && Math.abs(n.value) > 1000) return col - 1;
  }
  return NO_SLIP;
}

/** A node's amount in a column: its own cell, or the sum of its children's when it is blank. */
type EffectiveOrNot = Amount | "blank" | "unusable";

class TreeSums {
  private readonly nodes: SumNode[];
  private readonly percentColumns: number[];
  /** Per node: the first column its row's values slid into (SLIP_UNREAD until asked). */
  private readonly slips: Int32Array;
  /** The column being checked, with each node's addend and effective amount in it, read once. */
  private col = -1;
  private addends: (Addend | undefined)[] = [];
  private effectives: (EffectiveOrNot | undefined)[] = [];
  private readonly findings: Finding[] = [];
  /** Rows already reported in a non-derived column: their selisih mismatch is a consequence. */
  private readonly reportedRows = new Set<number>();

  constructor(
    private readonly table: Table,
    private readonly context: RuleContext,
    private readonly columns: SumColumn[],
  ) {
    this.nodes = buildSumTree(
      table,
      columns.map((c) => c.col),
    ).nodes;
    this.percentColumns = table.columnsWith("persen-anggaran").map((c) => c.col);
    this.slips = new Int32Array(this.nodes.length).fill(SLIP_UNREAD);
  }

  run(): Finding[] {
    const ordered = [
      ...this.columns.filter((c) => !c.derived),
      ...this.columns.filter((c) => c.derived),
    ];
    for (const column of ordered) {
      this.startColumn(column.col);
      for (let i = 0; i < this.nodes.length; i++) {
        const node = this.nodes[i];
        if (column.derived && this.reportedRows.has(node.row)) continue;
        if (node.total) this.checkClosingTotal(i, column);
        else if (node.group) this.checkGroup(i, column);
        else if (node.children.length > 0) this.checkParent(i, column);
      }
    }
    return this.findings;
  }

  private startColumn(col: number): void {
    this.col = col;
    this.addends = new Array<Addend | undefined>(this.nodes.length);
    this.effectives = new Array<EffectiveOrNot | undefined>(this.nodes.length);
  }

  private slipOf(i: number): number {
    let slip = this.slips[i];
    if (slip === SLIP_UNREAD) {
      slip = slipColumn(this.table, this.nodes[i].row, this.percentColumns);
      this.slips[i] = slip;
    }
    return slip;
  }

  /** Each node's addend, read once: parents, totals and headings read the same rows. */
  private addend(i: number): Addend {
    let addend = this.addends[i];
    if (addend === undefined) {
      const row = this.nodes[i].row;
      addend = this.col >= this.slipOf(i) ? "unusable" : readAddend(this.table, row, this.col);
      this.addends[i] = addend;
    }
    return addend;
  }

  /** A printed total: a real number in the cell (not a dash, not text). */
  private printed(i: number): Amount | null {
    const a = this.addend(i);
    return isAmount(a) && isPrinted(a) ? a : null;
  }

  private effective(i: number): EffectiveOrNot {
    let effective = this.effectives[i];
    if (effective === undefined) {
      effective = this.effectiveOf(i);
      this.effectives[i] = effective;
    }
    return effective;
  }

  /** A blank parent stands for the sum of all the cells below it (flattened to the cells). */
  private effectiveOf(i: number): EffectiveOrNot {
    const own = this.addend(i);
    if (own !== "blank") return own;
    const children = this.nodes[i].children;
    if (children.length === 0) return "blank";
    const parts: Amount[] = [];
    for (const k of children) {
      const kid = this.effective(k);
      if (kid === "unusable") return "unusable";
      if (kid !== "blank") kid.appendPartsTo(parts);
    }
    return parts.length === 0 ? "blank" : Amount.sumOf(parts);
  }

  /** A coded or numbered parent against the sum of its direct children. */
  private checkParent(i: number, column: SumColumn): void {
    const printed = this.printed(i);
    if (!printed) return;
    const present: Amount[] = [];
    for (const k of this.nodes[i].children) {
      const kid = this.effective(k);
      if (kid === "unusable") return;
      if (kid !== "blank") present.push(kid);
    }
    if (present.length === 0) return;
    const expected = new Sum(present);
    // Most parents add up: the multiples are tried only for those that do not.
    const summands = column.derived ? present.length : 0;
    if (judge(printed, expected, this.context.settings, summands).accepted) return;
    if (isMultipleOf(printed, expected, this.context)) return;
    const parts = present.flatMap((k) => k.parts);
    this.report(this.nodes[i], printed, expected, parts, present.length, column, "children");
  }

  /** The readings of a block of nodes: the sum at each depth, and the sum of the leaves. */
  private readings(block: number[]): Reading[] {
    const byDepth = new Map<number, Amount[] | null>();
    const leaves: Amount[] = [];
    let leavesValid = true;
    for (const i of block) {
      const node = this.nodes[i];
      if (node.total) continue;
      const eff = this.effective(i);
      const isLeaf = !node.group && node.children.length === 0;
      const list = byDepth.get(node.depth);
      if (eff === "unusable") {
        byDepth.set(node.depth, null);
        if (isLeaf) leavesValid = false;
        continue;
      }
      if (eff === "blank") continue;
      // A blank parent counts once at its depth, as the sum of its cells shown at the first.
      // Appended in place: copying the list per node made a long block quadratic.
      if (list === undefined) byDepth.set(node.depth, [eff]);
      else if (list !== null) list.push(eff);
      if (isLeaf) eff.appendPartsTo(leaves);
    }
    const readings: Reading[] = [];
    for (const [depth, parts] of [...byDepth.entries()].sort((a, b) => a[0] - b[0])) {
      if (parts && parts.length > 0) readings.push(new Reading(parts, depth));
    }
    if (leavesValid && leaves.length > 0) readings.push(new Reading(leaves, "leaves"));
    return readings;
  }

  /**
   * The reading a total is meant to be: the top-level rows when every one of them prints its
   * own amount, else the detail lines (the top level is then partly derived from them).
   */
  private preferredReading(block: number[], readings: Reading[]): Reading | undefined {
    const nodes = this.nodes;
    const structural = block.filter((i) => !nodes[i].group && !nodes[i].total);
    if (structural.length === 0) return readings.find((r) => r.depth === 0);
    const top = Math.min(...structural.map((i) => nodes[i].depth));
    const topNodes = structural.filter((i) => nodes[i].depth === top);
    const allOwn = topNodes.every((i) => isAmount(this.addend(i)));
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
    const printed = this.printed(i);
    if (!printed) return;
    let start = i - 1;
    while (start >= 0 && !this.nodes[start].total) start--;
    const block = range(start + 1, i);
    const readings = this.readings(block);
    if (readings.length === 0 || this.matchesAny(printed, readings, column)) return;
    const reading = this.preferredReading(block, readings);
    if (!reading) return;
    this.report(
      this.nodes[i],
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
    const printed = this.printed(i);
    if (!printed) return;
    const nodes = this.nodes;
    const ends: number[] = [];
    for (let j = i + 1; j < nodes.length; j++) {
      if (nodes[j].group && isAmount(this.addend(j))) ends.push(j);
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
      if (this.matchesAny(printed, this.readings(block), column)) return;
    }
    const lines = widest.filter((j) => !nodes[j].group && !nodes[j].total);
    const amounts = lines.map((j) => this.addend(j)).filter(isAmount);
    if (amounts.length < 2) return;
    const printedSize = printed.exact().abs();
    if (amounts.some((a) => a.exact().abs().gt(printedSize))) return;
    const readings = this.readings(widest);
    const reading = this.preferredReading(widest, readings);
    if (!reading) return;
    this.report(
      nodes[i],
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
    expected: Approx,
    parts: readonly Amount[],
    summands: number,
    column: SumColumn,
    kind: "children" | "closedRows",
  ): void {
    const verdict = judge(printed, expected, this.context.settings, column.derived ? summands : 0);
    if (verdict.accepted) return;
    const severity = severityOf(verdict);
    if (!column.derived && severity === undefined) this.reportedRows.add(node.row);
    const exact = expected.exact();
    const params = numberParams(printed, exact, shownDecimals(parts));
    this.findings.push(
      this.context.finding("total-mismatch", {
        at: printed.cell,
        indicator: uraianOf(this.table, node.row),
        expected: exact.toNumber(),
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
function isMultipleOf(printed: Amount, sum: Sum, context: RuleContext): boolean {
  if (printed.isZero()) return false;
  for (let k = 2; k <= 4; k++) {
    if (agrees(printed, sum.dividedBy(k), context.settings)) return true;
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
