import type { Table } from "../../check/table";
import {
  evaluable,
  evaluate,
  fits,
  isArithmeticRow,
  Outcome,
  PlainStatuses,
  plainStatuses,
  Reader,
  Relation,
} from "./relations";

/**
 * Rows typed one column off (LT21 Tabel 9 programmes G/H: a stray "100,00" in the Realisasi Rp
 * column pushes realisasi into the % column, the % into SILPA Rp, …). Every cell of such a row
 * disagrees with its header, but the row is one mistake: it gets one finding, and the percent
 * and difference rules leave its cells alone.
 */

export interface RowShift {
  row: number;
  /** The first column whose value sits in the neighbouring column. */
  start: number;
  /** +1: values sit one column to the right of their header; −1: to the left. */
  offset: 1 | -1;
  /** The cell holding what does not belong (the stray value, or the first moved value). */
  strayCol: number;
  /** The relations as they hold after the shift (all satisfied). */
  outcomes: { relation: Relation; outcome: Outcome }[];
}

const OPTIONS = { rupiahTolerance: 0 };

function columnsOf(relation: Relation): number[] {
  if (relation.kind === "difference") return [relation.result.col, relation.a, relation.b];
  const numerator =
    "col" in relation.numerator ? [relation.numerator.col] : [...relation.numerator.minus];
  return [relation.result.col, ...numerator, relation.denominator];
}

function shiftedReader(read: Reader, start: number, offset: number): Reader {
  return (row, col) => read(row, col >= start ? col + offset : col);
}

function shiftOfRow(
  row: number,
  relations: Relation[],
  statuses: PlainStatuses[],
  read: Reader,
  starts: number[],
): RowShift | null {
  // Most rows have no mismatch: they are counted without keeping their outcomes.
  let plainFits = 0;
  let mismatch = false;
  for (let k = 0; k < statuses.length; k++) {
    const status = statuses[k].at(row);
    if (status === "ok") plainFits++;
    else if (status === "mismatch") mismatch = true;
  }
  if (!mismatch) return null;
  for (const start of starts) {
    for (const offset of [1, -1] as const) {
      const shifted = shiftedReader(read, start, offset);
      const outcomes = relations.map((relation) => ({
        relation,
        outcome: evaluate(relation, row, shifted, OPTIONS),
      }));
      const counted = outcomes.filter((o) => evaluable(o.outcome));
      if (!counted.every((o) => fits(o.outcome)) || counted.length <= plainFits) continue;
      // Two relations over the moved cells that hold together are hard to satisfy by chance
      // (columns of "100%" are common); relations left of the shift prove nothing.
      const moved = counted.filter((o) => columnsOf(o.relation).some((c) => c >= start));
      if (moved.length < 2) continue;
      const nonTrivial = counted.some(
        (o) => o.outcome.status !== "skip" && !o.outcome.expected.isZero(),
      );
      if (!nonTrivial) continue;
      return {
        row,
        start,
        offset,
        strayCol: offset === 1 ? start : start - 1,
        outcomes: counted,
      };
    }
  }
  return null;
}

/** The rows of a table that fit its relations only after moving some cells by one column. */
export function rowShifts(
  table: Table,
  relations: Relation[],
  read: Reader,
): Map<number, RowShift> {
  const shifts = new Map<number, RowShift>();
  if (relations.length < 2) return shifts;
  const starts = [...new Set(relations.flatMap(columnsOf))].sort((a, b) => a - b);
  const statuses = relations.map((relation) => plainStatuses(table, relation, read));
  for (const row of table.rows) {
    if (!isArithmeticRow(row)) continue;
    const shift = shiftOfRow(row.row, relations, statuses, read, starts);
    if (shift) shifts.set(row.row, shift);
  }
  return shifts;
}
