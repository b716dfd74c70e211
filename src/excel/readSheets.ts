import { CellRange, CellValue, emptySheet, SheetSnapshot } from "../core/snapshot";
import { rangeOfAddress, rangesOfAddress } from "./addresses";
import { keyOfMark, loadMark } from "./marks";

/**
 * The reading half of the Office.js gateway: every worksheet → SheetSnapshot, shaped
 * exactly as the xlsx gateway shapes them (src/xlsx/readSheets.ts), in two syncs whatever
 * the workbook's size: the worksheet list, then everything of every sheet at once.
 *
 * The used range is `getUsedRange(true)` (values only, so formatting down to row 1,048,576
 * costs nothing). It is used rather than `getUsedRangeOrNullObject(true)` because it never
 * fails (a blank sheet gives A1) while the merged areas and the cell properties are asked
 * of it in the same batch: a method called on a null object is not documented to work.
 */

/** What the host supports, from the requirement sets (see ExcelGateway). */
export interface ReadSupport {
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** ExcelApi 1.9: Range.getCellProperties (the indent levels). */
  cellProperties: boolean;
  /** ExcelApi 1.4: Worksheet.names (the product's mark). */
  sheetNames: boolean;
  /** ExcelApi 1.7: NamedItem.formula; before it the mark is read from NamedItem.value. */
  nameFormula: boolean;
}

interface SheetRequest {
  name: string;
  visibility: string;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
  mark: Excel.NamedItem | null;
  indents: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

/**
 * Reads every worksheet. When the batch with the merged areas fails (Excel refuses more
 * than 512 merged areas in one call), it is sent again without them: one sync more, and
 * the snapshots then have no merges, as on a host without ExcelApi 1.13.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  support: ReadSupport,
): Promise<SheetSnapshot[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const sheets = worksheets.items.map((ws) => ({ ws, name: ws.name, visibility: ws.visibility }));

  const ask = (mergedAreas: boolean) =>
    sheets.map(({ ws, name, visibility }) =>
      requestSheet(ws, name, visibility, support, mergedAreas),
    );
  let requests = ask(support.mergedAreas);
  try {
    await context.sync();
  } catch (error) {
    if (!support.mergedAreas) throw error;
    requests = ask(false);
    await context.sync();
  }
  return requests.map((r) => snapshotOf(r, support));
}

function requestSheet(
  ws: Excel.Worksheet,
  name: string,
  visibility: string,
  support: ReadSupport,
  mergedAreas: boolean,
): SheetRequest {
  const used = ws.getUsedRange(true);
  // formulas, never formulasLocal: the snapshot holds en-US formulas.
  used.load("address,values,text,numberFormat,formulas");
  let merged: Excel.RangeAreas | null = null;
  if (mergedAreas) {
    // The whole sheet, not the used range: Excel returns only the areas whose top-left cell
    // lies in the range asked (OfficeDev/office-js#3611), and the xlsx gateway lists every
    // merged area that touches the used range.
    merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load("address");
  }
  const mark = support.sheetNames ? loadMark(ws, support.nameFormula) : null;
  const indents = support.cellProperties
    ? used.getCellProperties({ format: { indentLevel: true } })
    : null;
  return { name, visibility, used, merged, mark, indents };
}

/** Office.js grids → the snapshot's conventions. */
function snapshotOf(request: SheetRequest, support: ReadSupport): SheetSnapshot {
  const hidden = request.visibility !== "Visible";
  const key = request.mark ? keyOfMark(request.mark, support.nameFormula) : null;
  const snapshot = gridSnapshot(request) ?? emptySheet(request.name);
  if (hidden) snapshot.hidden = true;
  if (key !== null) snapshot.summary = key;
  return snapshot;
}

/**
 * A formula cell: its `formulas` entry starts with "=" and differs from its value (a text
 * constant "=x", typed with an apostrophe, reads the same in both).
 */
function formulaOf(formula: unknown, value: unknown): string | null {
  if (typeof formula !== "string" || formula.length < 2 || formula[0] !== "=") return null;
  return typeof value === "string" && value === formula ? null : formula;
}

/**
 * Office reports an empty cell as "" and so a formula showing an empty text: both are
 * null, as the xlsx gateway reads them (the formula stays in `formulas`).
 */
function cellValue(value: unknown): CellValue {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  return null;
}

function gridSnapshot(request: SheetRequest): SheetSnapshot | null {
  const used = request.used;
  const area = rangeOfAddress(used.address);
  const rawValues = used.values as unknown[][];
  const rawFormulas = used.formulas as unknown[][];
  const rawText = used.text;
  const rawFormats = used.numberFormat as unknown[][];
  if (!area) return null;
  const height = rawValues.length;
  const width = height > 0 ? rawValues[0].length : 0;

  const values: CellValue[][] = new Array(height);
  const formulas: (string | null)[][] = new Array(height);
  const text: string[][] = new Array(height);
  const numberFormats: string[][] = new Array(height);
  let content = false;
  for (let i = 0; i < height; i++) {
    values[i] = new Array(width);
    formulas[i] = new Array(width);
    text[i] = new Array(width);
    numberFormats[i] = new Array(width);
    for (let j = 0; j < width; j++) {
      const formula = formulaOf(rawFormulas[i]?.[j], rawValues[i][j]);
      const value = cellValue(rawValues[i][j]);
      if (value !== null || formula !== null) content = true;
      values[i][j] = value;
      formulas[i][j] = formula;
      text[i][j] = value === null && formula === null ? "" : String(rawText[i]?.[j] ?? "");
      const format = rawFormats[i]?.[j];
      numberFormats[i][j] = typeof format === "string" && format !== "" ? format : "General";
    }
  }
  // A blank sheet's used range is A1, empty.
  if (!content) return null;

  let indents: number[][] | undefined;
  const properties = request.indents?.value;
  if (properties) {
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        const level = properties[i]?.[j]?.format?.indentLevel;
        if (typeof level === "number" && level > 0) {
          if (!indents) indents = Array.from({ length: height }, () => new Array(width).fill(0));
          indents[i][j] = level;
        }
      }
    }
  }

  const merges =
    request.merged && !request.merged.isNullObject
      ? rangesOfAddress(request.merged.address).filter((m) => m.bottom > m.top || m.right > m.left)
      : [];
  return widened(request.name, area, { values, text, numberFormats, formulas, indents }, merges);
}

interface Grids {
  values: CellValue[][];
  text: string[][];
  numberFormats: string[][];
  formulas: (string | null)[][];
  indents?: number[][];
}

/**
 * The snapshot over the used range widened to the merged areas whose top-left cell holds
 * a value or a formula, as the xlsx gateway does; `merges` lists the areas touching the
 * widened box. The cells added by widening are padded as empty (null, "", "General",
 * null, indent 0): their own number format is not read, since knowing the box first
 * would cost a third sync. Such cells lie under a merged area, where only the top-left
 * cell's format shows.
 */
function widened(name: string, used: CellRange, grids: Grids, merges: CellRange[]): SheetSnapshot {
  const box = { ...used };
  const holds = (row: number, col: number) =>
    row >= used.top &&
    row <= used.bottom &&
    col >= used.left &&
    col <= used.right &&
    (grids.values[row - used.top][col - used.left] !== null ||
      grids.formulas[row - used.top][col - used.left] !== null);
  for (const m of merges) {
    if (!holds(m.top, m.left)) continue;
    box.top = Math.min(box.top, m.top);
    box.left = Math.min(box.left, m.left);
    box.bottom = Math.max(box.bottom, m.bottom);
    box.right = Math.max(box.right, m.right);
  }
  const touching = merges
    .filter(
      (m) =>
        m.bottom >= box.top && m.top <= box.bottom && m.right >= box.left && m.left <= box.right,
    )
    .sort((a, b) => a.top - b.top || a.left - b.left);

  const pad = <T>(grid: T[][], fill: T): T[][] => {
    if (
      box.top === used.top &&
      box.left === used.left &&
      box.bottom === used.bottom &&
      box.right === used.right
    ) {
      return grid;
    }
    const height = box.bottom - box.top + 1;
    const width = box.right - box.left + 1;
    const out: T[][] = new Array(height);
    for (let i = 0; i < height; i++) {
      const row = new Array<T>(width).fill(fill);
      const source = grid[box.top + i - used.top];
      if (source) {
        for (let j = 0; j < source.length; j++) row[used.left - box.left + j] = source[j];
      }
      out[i] = row;
    }
    return out;
  };

  const snapshot: SheetSnapshot = {
    name,
    origin: { row: box.top, col: box.left },
    values: pad<CellValue>(grids.values, null),
    text: pad(grids.text, ""),
    numberFormats: pad(grids.numberFormats, "General"),
    formulas: pad<string | null>(grids.formulas, null),
    merges: touching,
  };
  if (grids.indents) snapshot.indents = pad(grids.indents, 0);
  return snapshot;
}
