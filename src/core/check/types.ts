import type { Message } from "../messages";
import type { Region } from "../recognize/types";
import type { SheetSnapshot } from "../snapshot";

/** The rule ids of CONTRACT.md. Outside programs read them: never rename. */
export const RULE_IDS = [
  "capaian-mismatch",
  "percent-mismatch",
  "total-mismatch",
  "difference-mismatch",
  "target-mismatch",
  "year-shift",
  "missing-indicator",
  "category-mismatch",
  "efficiency-mismatch",
  "cumulative-percent",
  "number-as-text",
  // Beyond CONTRACT.md (additive, DOMAIN.md §6 "Outside the contract"): one indicator and
  // year with different realisasi in two tables.
  "realisasi-mismatch",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "warning" | "info";

/** The CONTRACT's default severity of each rule; a rule may lower it where DOMAIN.md says. */
export const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  "capaian-mismatch": "error",
  "percent-mismatch": "error",
  "total-mismatch": "error",
  "difference-mismatch": "error",
  "target-mismatch": "error",
  "year-shift": "warning",
  "missing-indicator": "warning",
  "category-mismatch": "error",
  "efficiency-mismatch": "error",
  "cumulative-percent": "warning",
  "number-as-text": "info",
  "realisasi-mismatch": "error",
};

/** A cell in one of the checked files (0-based row and column, as in snapshots). */
export interface CellRef {
  /** The file as the user named it (CLI path, or the workbook's name inside Excel). */
  file: string;
  sheet: string;
  row: number;
  col: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The printed cell that is wrong (or the first cell of the pair that disagrees). */
  at: CellRef;
  /** The indicator, program or row label the finding is about. */
  indicator?: string;
  /** The recomputed value, in percent points or Rupiah. */
  expected?: number;
  /** The printed value, in the same unit. */
  actual?: number;
  message: Message;
  /** The input cells (target and realisasi, the children of a total, the other table's cell). */
  related: CellRef[];
}

/** One workbook as the checks see it: its sheets and the regions recognised in them. */
export interface CheckWorkbook {
  file: string;
  sheets: SheetSnapshot[];
  regions: Region[];
}
