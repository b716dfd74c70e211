import { a1, CellRange, rangeA1 } from "../../core/snapshot";
import type { PlanCell, SheetPlan } from "../../core/summary/plan";
import {
  isSheetRange,
  MAX_COLUMNS,
  MAX_ROWS,
  planCells,
  planMerges,
} from "../../core/summary/planChecks";
import { fileFormula } from "./formula";
import { REL_NS } from "./opc";
import { StyleSheet } from "./styles";
import { escapeAttr, escapeText } from "./xml";

/** A worksheet part written from a SheetPlan (elements in CT_Worksheet's schema order). */

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Excel's widest column, in characters. */
const MAX_WIDTH = 255;

/** The error values a formula can show; a formula's cached text equal to one is that error. */
const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
]);

/**
 * Text as an ST_Xstring: Excel reads "_xHHHH_" as an escaped character, so a literal one is
 * written with its underscore escaped ("_x005F_").
 */
export function xstring(text: string): string {
  return escapeText(text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1"));
}

function cellXml(cell: PlanCell, styles: StyleSheet): string {
  const ref = a1(cell.row, cell.col);
  const s = styles.cellXf(cell.numberFormat, cell.style);
  const head = s === 0 ? `<c r="${ref}"` : `<c r="${ref}" s="${s}"`;
  const value = cell.value;
  if (
    cell.formula !== undefined &&
    cell.formula !== null &&
    cell.formula.replace(/^\s*=/, "").trim() !== ""
  ) {
    const f = `<f>${escapeText(fileFormula(cell.formula))}</f>`;
    if (typeof value === "number") {
      return Number.isFinite(value)
        ? `${head}>${f}<v>${String(value)}</v></c>`
        : `${head}>${f}</c>`;
    }
    if (typeof value === "boolean") return `${head} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    if (typeof value === "string") {
      if (ERROR_VALUES.has(value)) return `${head} t="e">${f}<v>${value}</v></c>`;
      return `${head} t="str">${f}<v>${xstring(value)}</v></c>`;
    }
    return `${head}>${f}</c>`;
  }
  if (typeof value === "number" && Number.isFinite(value))
    return `${head}><v>${String(value)}</v></c>`;
  if (typeof value === "boolean") return `${head} t="b"><v>${value ? 1 : 0}</v></c>`;
  // An empty text is an empty cell, as when Office.js writes "" to a range.
  if (typeof value === "string" && value !== "") {
    return `${head} t="inlineStr"><is><t xml:space="preserve">${xstring(value)}</t></is></c>`;
  }
  // No value: the cell carries only its formatting (a border, a fill).
  return s === 0 ? "" : `${head}/>`;
}

/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409;

/** The plan's row heights that a sheet can hold (points, 0-based row → height). */
function rowHeightsOf(plan: SheetPlan): Map<number, number> {
  const out = new Map<number, number>();
  for (const [key, value] of Object.entries(plan.rowHeights ?? {})) {
    const row = Number(key);
    if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) continue;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) continue;
    out.set(row, Math.min(value, MAX_ROW_HEIGHT));
  }
  return out;
}

/** The width of a column as written: the plan's characters, within Excel's limits. */
function columnWidth(width: number | undefined | null): number | null {
  if (typeof width !== "number" || !Number.isFinite(width) || width <= 0) return null;
  return Math.min(width, MAX_WIDTH);
}

export function worksheetXml(
  plan: SheetPlan,
  styles: StyleSheet,
  drawingRelId: string | null,
): string {
  const cells = planCells(plan);

  // The used area: cells and merges.
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const include = (r: CellRange) => {
    top = Math.min(top, r.top);
    left = Math.min(left, r.left);
    bottom = Math.max(bottom, r.bottom);
    right = Math.max(right, r.right);
  };
  for (const c of cells) include({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  const merges = planMerges(plan);
  for (const m of merges) include(m);
  const dimension = bottom < 0 ? "A1" : rangeA1({ top, left, bottom, right });

  let xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    // Fit to page is switched on here; pageSetup below says one page wide, any number tall.
    (plan.fitToWidth ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "") +
    `<dimension ref="${dimension}"/>`;

  // Frozen panes.
  const rows = Math.max(0, Math.floor(plan.freeze?.rows ?? 0));
  const columns = Math.max(0, Math.floor(plan.freeze?.columns ?? 0));
  if (rows > 0 || columns > 0) {
    const topLeft = a1(rows, columns);
    const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
    const split =
      (columns > 0 ? ` xSplit="${columns}"` : "") + (rows > 0 ? ` ySplit="${rows}"` : "");
    xml +=
      `<sheetViews><sheetView workbookViewId="0">` +
      `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
      `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
      `</sheetView></sheetViews>`;
  } else {
    xml += `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  }
  xml += `<sheetFormatPr defaultRowHeight="15"/>`;

  // Column widths (the array may have holes).
  const cols: string[] = [];
  plan.columnWidths.forEach((w, i) => {
    const width = columnWidth(w);
    if (width === null || i >= MAX_COLUMNS) return;
    cols.push(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`);
  });
  if (cols.length > 0) xml += `<cols>${cols.join("")}</cols>`;

  // Cells, row by row; a row with a planned height is written even without cells.
  const heights = rowHeightsOf(plan);
  const rowCells = new Map<number, string[]>();
  for (const cell of cells) {
    const c = cellXml(cell, styles);
    if (c === "") continue;
    const row = rowCells.get(cell.row);
    if (row) row.push(c);
    else rowCells.set(cell.row, [c]);
  }
  for (const row of heights.keys()) if (!rowCells.has(row)) rowCells.set(row, []);
  xml += `<sheetData>`;
  for (const row of [...rowCells.keys()].sort((a, b) => a - b)) {
    const height = heights.get(row);
    // customHeight: the height stands, as Office.js's format.rowHeight sets it.
    const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    const content = rowCells.get(row)!.join("");
    xml +=
      content === "" ? `<row r="${row + 1}"${ht}/>` : `<row r="${row + 1}"${ht}>${content}</row>`;
  }
  xml += `</sheetData>`;

  if (merges.length > 0) {
    xml += `<mergeCells count="${merges.length}">`;
    for (const m of merges) xml += `<mergeCell ref="${rangeA1(m)}"/>`;
    xml += `</mergeCells>`;
  }

  // Conditional formats: one priority sequence for the sheet, in plan order; the first
  // rule that holds stops the others, as the plan means it.
  let priority = 1;
  for (const cf of plan.conditionalFormats) {
    if (!isSheetRange(cf.range) || cf.rules.length === 0) continue;
    xml += `<conditionalFormatting sqref="${rangeA1(cf.range)}">`;
    for (const rule of cf.rules) {
      const dxfId = styles.dxf(rule);
      xml +=
        `<cfRule type="expression" dxfId="${dxfId}" priority="${priority++}" stopIfTrue="1">` +
        `<formula>${escapeText(fileFormula(rule.formula))}</formula></cfRule>`;
    }
    xml += `</conditionalFormatting>`;
  }

  xml += `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  const setup =
    (plan.landscape ? ` orientation="landscape"` : "") +
    (plan.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : "");
  if (setup !== "") xml += `<pageSetup${setup}/>`;
  if (drawingRelId !== null) xml += `<drawing r:id="${escapeAttr(drawingRelId)}"/>`;
  xml += `</worksheet>`;
  return xml;
}
