import ExcelJS from "exceljs";
import JSZip from "jszip";
import { CellRange, CellValue, emptySheet, rangeA1, SheetSnapshot } from "../core/snapshot";
import {
  asciiBytes,
  checkWorkbookBytes,
  containsBytes,
  ownBytes,
  WorkbookReadError,
} from "./errors";
import { formatCellText } from "./numberFormat";
import { readSummaryMarks } from "./ooxml/workbook";

/**
 * The reading half of the xlsx gateway: an .xlsx file's bytes → one SheetSnapshot per
 * worksheet, shaped as the Office.js gateway shapes them (see core/snapshot.ts). Runs in
 * Node and in a browser (no fs here; see readFile.ts for reading a path in Node).
 *
 * The used range is the bounding box of the cells that hold a value or a formula, widened
 * to the merged areas whose top-left cell holds one. Cells that carry only formatting do
 * not widen it, so a sheet formatted down to row 1,048,576 costs nothing; `merges` lists
 * the merged areas that touch the used range.
 */

/** ExcelJS's ValueType numbers (the enum is declared, not exported at runtime, in its typings). */
const T = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

const DAY_MS = 86400000;

export async function readSheets(data: ArrayBuffer | Uint8Array): Promise<SheetSnapshot[]> {
  const bytes = ownBytes(data);
  checkWorkbookBytes(bytes);

  const workbook = new ExcelJS.Workbook();
  try {
    // The typings say Buffer; JSZip underneath takes any Uint8Array (and ArrayBuffer).
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new WorkbookReadError("corrupt", error instanceof Error ? error.message : String(error));
  }
  if (workbook.worksheets.length === 0) {
    // A workbook with only chart sheets, or none, is readable and simply has no cells.
    if (await onlyChartSheets(bytes)) return [];
    // A zip without a workbook part (a .docx, a plain archive) is not a workbook at all.
    const hasWorkbookPart = containsBytes(bytes, asciiBytes("xl/workbook"));
    throw new WorkbookReadError(hasWorkbookPart ? "corrupt" : "not-xlsx", "no worksheet");
  }
  const date1904 = Boolean(workbook.properties?.date1904);
  // The product's summary sheets carry a hidden sheet-scoped name, which ExcelJS does not
  // keep per sheet: the workbook part is read again for it (only it and the package rels
  // are inflated).
  const marks = await readSummaryMarks(bytes);
  return workbook.worksheets.map((worksheet) => {
    const snapshot = snapshotOfWorksheet(worksheet, date1904);
    const key = marks.get(worksheet.name);
    if (key !== undefined) snapshot.summary = key;
    return snapshot;
  });
}

/**
 * Whether the workbook part lists no sheet other than chart sheets (Excel: Move Chart ›
 * New sheet), which ExcelJS skips. Otherwise sheets ExcelJS did not load are missing parts
 * of a damaged file. Only reached when ExcelJS found no worksheet.
 */
async function onlyChartSheets(bytes: Uint8Array): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const book = await zip.file("xl/workbook.xml")?.async("string");
    if (book === undefined) return false;
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
    const sheets = book.match(/<(?:\w+:)?sheet\b/g)?.length ?? 0;
    const charts = rels.match(/\/relationships\/chartsheet"/g)?.length ?? 0;
    return sheets === charts;
  } catch {
    return false;
  }
}

/**
 * The largest used range read into a snapshot: 30 million cells (about 1,5 GB of snapshot;
 * a 20-million-cell sheet reads in about 3 s). Real planning sheets stay far below.
 */
export const MAX_SNAPSHOT_CELLS = 30_000_000;

/** One worksheet as a snapshot. Exported for the gateway's tests. */
export function snapshotOfWorksheet(ws: ExcelJS.Worksheet, date1904 = false): SheetSnapshot {
  const hidden = ws.state === "hidden" || ws.state === "veryHidden";
  const merges = mergesOf(ws);

  // Pass 1: the bounding box (1-based, ExcelJS numbering) of the cells with content.
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (cell.type === T.Merge) return;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  if (bottom === 0) return hidden ? { ...emptySheet(ws.name), hidden } : emptySheet(ws.name);
  for (const m of merges) {
    const master = ws.findCell(m.top + 1, m.left + 1);
    if (!master || master.type === T.Null) continue;
    top = Math.min(top, m.top + 1);
    left = Math.min(left, m.left + 1);
    bottom = Math.max(bottom, m.bottom + 1);
    right = Math.max(right, m.right + 1);
  }

  // Pass 2: the grids.
  const height = bottom - top + 1;
  const width = right - left + 1;
  // The snapshot is dense: one stray value in XFD1048576 would ask for 17 billion cells and
  // exhaust memory. Refuse such a sheet with a line that tells the planner how to fix it.
  if (height * width > MAX_SNAPSHOT_CELLS) {
    const range = rangeA1({ top: top - 1, left: left - 1, bottom: bottom - 1, right: right - 1 });
    throw new WorkbookReadError("too-large", undefined, {
      sheet: ws.name,
      range,
      cells: height * width,
    });
  }
  const values: CellValue[][] = new Array(height);
  const text: string[][] = new Array(height);
  const numberFormats: string[][] = new Array(height);
  const formulas: (string | null)[][] = new Array(height);
  let indents: number[][] | undefined;

  for (let i = 0; i < height; i++) {
    const valueRow: CellValue[] = new Array(width).fill(null);
    const textRow: string[] = new Array(width).fill("");
    const formatRow: string[] = new Array(width).fill("General");
    const formulaRow: (string | null)[] = new Array(width).fill(null);
    values[i] = valueRow;
    text[i] = textRow;
    numberFormats[i] = formatRow;
    formulas[i] = formulaRow;

    const row = ws.findRow(top + i);
    if (!row) continue;
    for (let j = 0; j < width; j++) {
      const cell = row.findCell(left + j);
      if (!cell) continue;
      const format = cell.numFmt || "General";
      formatRow[j] = format;
      const indent = cell.alignment?.indent;
      if (indent) {
        if (!indents) indents = Array.from({ length: height }, () => new Array(width).fill(0));
        indents[i][j] = indent;
      }
      if (cell.type === T.Null || cell.type === T.Merge) continue;
      let value: CellValue;
      if (cell.type === T.Formula) {
        formulaRow[j] = formulaText(cell);
        value = plainValue(cell.result, date1904);
      } else {
        value = plainValue(cell.value, date1904);
      }
      valueRow[j] = value;
      textRow[j] = formatCellText(value, format, { date1904 });
    }
  }

  // Merged areas that touch the used range (an empty merged block far away is formatting).
  const touching = merges.filter(
    (m) => m.bottom >= top - 1 && m.top <= bottom - 1 && m.right >= left - 1 && m.left <= right - 1,
  );
  const snapshot: SheetSnapshot = {
    name: ws.name,
    origin: { row: top - 1, col: left - 1 },
    values,
    text,
    numberFormats,
    formulas,
    merges: touching,
  };
  if (indents) snapshot.indents = indents;
  if (hidden) snapshot.hidden = true;
  return snapshot;
}

/** ExcelJS keeps merges in a private map keyed by the top-left address (1-based ranges). */
function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const map = (ws as unknown as { _merges?: Record<string, MergeDims | undefined> })._merges;
  if (!map) return [];
  const out: CellRange[] = [];
  for (const dims of Object.values(map)) {
    if (!dims) continue;
    out.push({
      top: dims.top - 1,
      left: dims.left - 1,
      bottom: dims.bottom - 1,
      right: dims.right - 1,
    });
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

interface MergeDims {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "=ROUND(D4/C4*100,2)": the master's text, or a shared formula translated to this cell. */
function formulaText(cell: ExcelJS.Cell): string | null {
  const v = cell.value as { formula?: string } | null;
  const raw = v?.formula ?? cell.formula;
  if (!raw) return null;
  // Files from newer Excel versions prefix newer functions (_xlfn.XLOOKUP); Office.js does not.
  const clean = raw.replace(/^=/, "").replace(/_xlfn\.(_xlws\.)?/g, "");
  return "=" + clean;
}

/** An ExcelJS value (or formula result) as the snapshot's plain value. */
function plainValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date || Object.prototype.toString.call(v) === "[object Date]") {
    const time = (v as Date).getTime();
    if (Number.isNaN(time)) return null;
    return 25569 + time / DAY_MS - (date1904 ? 1462 : 0);
  }
  if (typeof v === "object") {
    const o = v as {
      error?: string;
      richText?: { text?: string }[];
      text?: unknown;
      hyperlink?: string;
      formula?: string;
      sharedFormula?: string;
      result?: unknown;
    };
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText)) return o.richText.map((run) => run.text ?? "").join("");
    if (o.text !== undefined) return plainValue(o.text, date1904);
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      return plainValue(o.result, date1904);
    }
  }
  return null;
}
