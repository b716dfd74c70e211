import type { CellRange } from "../snapshot";
import type { PlanCell, SheetPlan } from "./plan";

/**
 * What a sheet can hold, checked the same way by both gateways before they write a plan:
 * a plan the summary builders got wrong must fail clearly or be trimmed, never make Excel
 * repair the file or refuse a whole batch.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/**
 * Whether Excel accepts a sheet name: 1 to 31 characters, none of : \ / ? * [ ], no
 * apostrophe at either end, not "History" (reserved). A bad name would make Excel repair
 * the file, dropping the sheet.
 */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    // Control characters are refused too, which is why the pattern names them.
    // eslint-disable-next-line no-control-regex
    !/[:\\/?*[\]\u0000-\u001f]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/** A range inside the sheet's grid, with its corners in order. */
export function isSheetRange(r: CellRange | undefined | null): r is CellRange {
  return (
    !!r &&
    [r.top, r.left, r.bottom, r.right].every((n) => Number.isInteger(n) && n >= 0) &&
    r.bottom >= r.top &&
    r.right >= r.left &&
    r.bottom < MAX_ROWS &&
    r.right < MAX_COLUMNS
  );
}

/** The cells of a plan, checked and sorted by row, then column; later duplicates win. */
export function planCells(plan: SheetPlan): PlanCell[] {
  const byPosition = new Map<number, PlanCell>();
  for (const cell of plan.cells) {
    const { row, col } = cell;
    if (
      !Number.isInteger(row) ||
      !Number.isInteger(col) ||
      row < 0 ||
      col < 0 ||
      row >= MAX_ROWS ||
      col >= MAX_COLUMNS
    ) {
      throw new Error(`sheet plan "${plan.name}": no cell at row ${row}, column ${col}`);
    }
    byPosition.set(row * MAX_COLUMNS + col, cell);
  }
  return [...byPosition.entries()].sort((a, b) => a[0] - b[0]).map(([, cell]) => cell);
}

/**
 * The plan's merged areas that Excel accepts: real ranges of more than one cell, none
 * overlapping an earlier one (overlapping merges make Excel repair the file).
 */
export function planMerges(plan: SheetPlan): CellRange[] {
  const out: CellRange[] = [];
  for (const m of plan.merges) {
    if (!isSheetRange(m) || (m.bottom === m.top && m.right === m.left)) continue;
    const overlaps = out.some(
      (o) => m.top <= o.bottom && o.top <= m.bottom && m.left <= o.right && o.left <= m.right,
    );
    if (!overlaps) out.push(m);
  }
  return out;
}
