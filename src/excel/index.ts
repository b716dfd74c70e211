/** The Office.js gateway: the only part of the add-in that calls Excel.run. */
export { ExcelGateway } from "./gateway";
export type { ExcelGatewayOptions, ExcelRun } from "./gateway";
export { ExcelGatewayError } from "./errors";
export { CONFIG_SETTING } from "./settings";
export type { SettingsLike, SaveResult } from "./settings";
export { DEFAULT_PAYLOAD_LIMIT } from "./payload";
export { columnWidthPoints } from "./planInput";
