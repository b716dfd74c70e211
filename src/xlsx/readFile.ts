import { promises as fs } from "fs";
import type { SheetSnapshot } from "../core/snapshot";
import { readSheets } from "./readSheets";

/**
 * Node only: read an .xlsx file from disk. File-system errors (ENOENT, EISDIR, EACCES)
 * propagate as they are; a file that is not a readable workbook throws WorkbookReadError.
 */
export async function readSheetsFromFile(path: string): Promise<SheetSnapshot[]> {
  const data = await fs.readFile(path);
  return readSheets(data);
}
