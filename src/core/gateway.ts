import type { CellRange, SheetSnapshot } from "./snapshot";
import type { SheetPlan, SummaryKey } from "./summary/plan";

/**
 * The one interface both workbook gateways implement (ARCHITECTURE.md): Office.js inside
 * Excel (src/excel) and an .xlsx held in memory (src/xlsx). The task pane and the ribbon
 * commands receive one and never call Office.js or ExcelJS themselves. Only types live
 * here, so the core stays free of both libraries.
 */
export interface WorkbookGateway {
  /** Every worksheet as plain data, the product's summary sheets marked (`summary`). */
  readSheets(): Promise<SheetSnapshot[]>;
  /**
   * Writes the summary sheets: removes the sheets the product created before (and only
   * those), then adds one sheet per plan under a name no user's sheet has.
   */
  applyPlans(plans: SheetPlan[]): Promise<AppliedPlans>;
  /** Shows a cell or range to the user: activates its sheet and selects it. */
  reveal(target: RevealTarget): Promise<void>;
  /** The configuration saved in the workbook (the object a --config file holds), or null. */
  readConfig(): Promise<unknown | null>;
  /** Saves the configuration in the workbook, so the next person gets the same results. */
  saveConfig(config: object): Promise<void>;
}

export interface AppliedPlans {
  /** The sheets written, in plan order, with the names they got. */
  written: { key: SummaryKey; name: string }[];
  /** The product's earlier sheets removed before writing. */
  removed: string[];
}

export interface RevealTarget {
  sheet: string;
  /** Absolute, 0-based; one cell when top = bottom and left = right. */
  range: CellRange;
}
