/** The ExcelJS gateway (Node and browser); readFile.ts is Node-only and not re-exported here. */
export { readSheets, snapshotOfWorksheet } from "./readSheets";
export { WorkbookReadError, isWorkbookReadError } from "./errors";
export type { WorkbookReadErrorCode } from "./errors";
export { formatCellText, formatNumberText, formatGeneral } from "./numberFormat";
export { applyPlans } from "./applyPlans";
export type { ApplyResult } from "./applyPlans";
