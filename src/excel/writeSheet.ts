import { a1, CellRange, columnLetters, rangeA1 } from "../core/snapshot";
import { PlanCell, PlanChart, SheetPlan } from "../core/summary/plan";
import {
  jsonBytes,
  OPERATION_OVERHEAD,
  operationBytes,
  PayloadBudget,
  splitMatrix,
} from "./payload";
import {
  CellLook,
  cellInput,
  columnWidthPoints,
  lookOf,
  officeColor,
  planRowHeights,
  PreparedPlan,
  rectanglesOf,
} from "./planInput";
import { isSheetRange, MAX_COLUMNS, MAX_ROWS } from "../core/summary/planChecks";

/**
 * One summary sheet's content written through Office.js: values and formulas, number
 * formats, styles, widths and heights, merges, frozen panes, conditional formats, charts
 * and page layout. Every operation is counted against the payload budget first, which
 * syncs when the request would grow past the limit.
 */

/** Addresses per RangeAreas call stay short: Excel limits the length of a reference. */
const MAX_AREAS_ADDRESS = 2000;

/** What the host supports, from the requirement sets (see ExcelGateway). */
export interface WriteSupport {
  /** ExcelApi 1.7: NamedItem.formula (else the mark is read from `value`). */
  nameFormula: boolean;
  /** ExcelApi 1.9: Worksheet.getRanges, one format call for many rectangles. */
  rangeAreas: boolean;
  /** ExcelApi 1.9: RangeFormat.indentLevel. */
  indent: boolean;
  /** ExcelApi 1.9: Worksheet.pageLayout. */
  pageLayout: boolean;
  /** ExcelApi 1.7: Worksheet.freezePanes. */
  freezePanes: boolean;
  /** ExcelApi 1.7: chart series (add, setValues, setXAxisValues, chartType). */
  chartSeries: boolean;
  /** ExcelApi 1.6: conditional formats. */
  conditionalFormats: boolean;
}

export async function writeSheet(
  ws: Excel.Worksheet,
  { plan, cells, merges }: PreparedPlan,
  budget: PayloadBudget,
  support: WriteSupport,
): Promise<void> {
  await writeCells(ws, cells, budget);
  await writeStyles(ws, cells, budget, support);
  await writeColumnWidths(ws, plan, budget);
  await writeRowHeights(ws, plan, budget);
  // Merges after the values: the value sits in the top-left cell.
  for (const m of merges) {
    const address = rangeA1(m);
    await budget.reserve(operationBytes(address, false));
    ws.getRange(address).merge(false);
  }
  if (support.freezePanes) await writeFreeze(ws, plan, budget);
  if (support.conditionalFormats) await writeConditionalFormats(ws, plan, budget);
  if (support.chartSeries) {
    for (const chart of plan.charts) await writeChart(ws, chart, budget);
  }
  if (support.pageLayout) await writePageLayout(ws, plan, budget);
}

/** Writes a matrix over `box` in blocks that each fit in one request. */
async function writeMatrix(
  ws: Excel.Worksheet,
  box: { top: number; left: number },
  matrix: (string | number | boolean)[][],
  budget: PayloadBudget,
  set: (range: Excel.Range, cells: (string | number | boolean)[][]) => void,
): Promise<void> {
  // Room for the operation and its address ("XFD1048576:XFD1048576" with quotes: 24 bytes).
  const maxBytes = Math.max(1, budget.limit - OPERATION_OVERHEAD - 32);
  for (const block of splitMatrix(matrix, maxBytes)) {
    const top = box.top + block.row;
    const left = box.left + block.col;
    const address = rangeA1({
      top,
      left,
      bottom: top + block.cells.length - 1,
      right: left + block.cells[0].length - 1,
    });
    await budget.reserve(OPERATION_OVERHEAD + jsonBytes(address) + block.bytes);
    set(ws.getRange(address), block.cells);
  }
}

async function writeCells(ws: Excel.Worksheet, cells: PlanCell[], budget: PayloadBudget) {
  if (cells.length === 0) return;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const formulas: (string | number | boolean)[][] = Array.from({ length: height }, () =>
    new Array(width).fill(""),
  );
  const formats: string[][] = Array.from({ length: height }, () =>
    new Array(width).fill("General"),
  );
  for (const c of cells) {
    formulas[c.row - top][c.col - left] = cellInput(c);
    if (typeof c.numberFormat === "string" && c.numberFormat !== "") {
      formats[c.row - top][c.col - left] = c.numberFormat;
    }
  }
  await writeMatrix(ws, { top, left }, formulas, budget, (range, block) => {
    range.formulas = block;
  });
  // After the formulas, and over the whole box, "General" included: Excel gives a formula
  // cell the number format of the cell it refers to, which the plan does not want.
  await writeMatrix(ws, { top, left }, formats, budget, (range, block) => {
    range.numberFormat = block;
  });
}

/** The format targets for a set of rectangles: RangeAreas in chunks, or one Range each. */
function formatTargets(
  ws: Excel.Worksheet,
  rects: CellRange[],
  rangeAreas: boolean,
): { address: string; format: () => Excel.RangeFormat }[] {
  const addresses = rects.map(rangeA1);
  if (!rangeAreas) {
    return addresses.map((address) => ({ address, format: () => ws.getRange(address).format }));
  }
  const out: { address: string; format: () => Excel.RangeFormat }[] = [];
  let chunk: string[] = [];
  let length = 0;
  const close = () => {
    if (chunk.length === 0) return;
    const address = chunk.join(",");
    out.push({ address, format: () => ws.getRanges(address).format });
    chunk = [];
    length = 0;
  };
  for (const a of addresses) {
    if (length + a.length + 1 > MAX_AREAS_ADDRESS) close();
    chunk.push(a);
    length += a.length + 1;
  }
  close();
  return out;
}

type Edge =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";
const OUTER_EDGES: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];

/** Sets a look on a format; `inner` says which inside borders the rectangles have. */
async function applyLook(
  format: Excel.RangeFormat,
  look: CellLook,
  inner: { rows: boolean; columns: boolean },
  budget: PayloadBudget,
): Promise<void> {
  const set = async (value: unknown, apply: () => void) => {
    await budget.reserve(operationBytes(value));
    apply();
  };
  if (look.bold) await set(true, () => (format.font.bold = true));
  if (look.italic) await set(true, () => (format.font.italic = true));
  if (look.size !== undefined) await set(look.size, () => (format.font.size = look.size!));
  if (look.color) await set(look.color, () => (format.font.color = look.color!));
  if (look.fill) await set(look.fill, () => (format.fill.color = look.fill!));
  if (look.border) {
    const edges: Edge[] = [...OUTER_EDGES];
    // Inside borders only where there are inner lines: a host may refuse them otherwise.
    if (inner.rows) edges.push("InsideHorizontal");
    if (inner.columns) edges.push("InsideVertical");
    for (const edge of edges) {
      await budget.reserve(
        operationBytes(edge) + operationBytes("Continuous") + operationBytes("Thin"),
      );
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
    }
  }
  if (look.horizontal) {
    await set(look.horizontal, () => (format.horizontalAlignment = look.horizontal!));
  }
  if (look.vertical) await set(look.vertical, () => (format.verticalAlignment = look.vertical!));
  if (look.wrap) await set(true, () => (format.wrapText = true));
  if (look.indent !== undefined) await set(look.indent, () => (format.indentLevel = look.indent!));
}

/** Styles grouped by look, one format call per group (and chunk), not one per cell. */
async function writeStyles(
  ws: Excel.Worksheet,
  cells: PlanCell[],
  budget: PayloadBudget,
  support: WriteSupport,
): Promise<void> {
  const groups = new Map<string, { look: CellLook; cells: PlanCell[] }>();
  for (const cell of cells) {
    const look = lookOf(cell.style);
    if (!look) continue;
    if (!support.indent) delete look.indent;
    const key = JSON.stringify(look);
    const group = groups.get(key);
    if (group) group.cells.push(cell);
    else groups.set(key, { look, cells: [cell] });
  }
  for (const { look, cells: members } of groups.values()) {
    const rects = rectanglesOf(members);
    // With borders, rectangles are grouped by the inside lines they have.
    const classes = new Map<string, CellRange[]>();
    for (const r of rects) {
      const key = look.border ? `${r.bottom > r.top}|${r.right > r.left}` : "all";
      const list = classes.get(key);
      if (list) list.push(r);
      else classes.set(key, [r]);
    }
    for (const [key, list] of classes) {
      const [rows, columns] =
        key === "all" ? [false, false] : key.split("|").map((b) => b === "true");
      for (const target of formatTargets(ws, list, support.rangeAreas)) {
        await budget.reserve(operationBytes(target.address));
        await applyLook(target.format(), look, { rows, columns }, budget);
      }
    }
  }
}

/** Consecutive indices with the same value, as [first, last, value] runs. */
function runs(entries: [number, number][]): [number, number, number][] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const out: [number, number, number][] = [];
  for (const [index, value] of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === index - 1 && last[2] === value) last[1] = index;
    else out.push([index, index, value]);
  }
  return out;
}

async function writeColumnWidths(ws: Excel.Worksheet, plan: SheetPlan, budget: PayloadBudget) {
  const widths: [number, number][] = [];
  plan.columnWidths.forEach((w, i) => {
    if (typeof w !== "number" || !Number.isFinite(w) || w <= 0 || i >= MAX_COLUMNS) return;
    widths.push([i, columnWidthPoints(w)]);
  });
  for (const [first, last, points] of runs(widths)) {
    const address = `${columnLetters(first)}:${columnLetters(last)}`;
    await budget.reserve(operationBytes(address) + operationBytes(points));
    ws.getRange(address).format.columnWidth = points;
  }
}

async function writeRowHeights(ws: Excel.Worksheet, plan: SheetPlan, budget: PayloadBudget) {
  for (const [first, last, points] of runs([...planRowHeights(plan).entries()])) {
    const address = `${first + 1}:${last + 1}`;
    await budget.reserve(operationBytes(address) + operationBytes(points));
    ws.getRange(address).format.rowHeight = points;
  }
}

async function writeFreeze(ws: Excel.Worksheet, plan: SheetPlan, budget: PayloadBudget) {
  const rows = Math.max(0, Math.floor(plan.freeze?.rows ?? 0));
  const columns = Math.max(0, Math.floor(plan.freeze?.columns ?? 0));
  if (rows === 0 && columns === 0) return;
  if (rows > 0 && columns > 0) {
    const address = rangeA1({ top: 0, left: 0, bottom: rows - 1, right: columns - 1 });
    await budget.reserve(operationBytes(address));
    ws.freezePanes.freezeAt(address);
  } else if (rows > 0) {
    await budget.reserve(operationBytes(rows));
    ws.freezePanes.freezeRows(rows);
  } else {
    await budget.reserve(operationBytes(columns));
    ws.freezePanes.freezeColumns(columns);
  }
}

/**
 * One custom rule per planned rule, stopping at the first that holds, with explicit
 * priorities in plan order (a new conditional format is added on top of the others).
 */
async function writeConditionalFormats(
  ws: Excel.Worksheet,
  plan: SheetPlan,
  budget: PayloadBudget,
) {
  let priority = 0;
  for (const cf of plan.conditionalFormats) {
    if (!isSheetRange(cf.range) || cf.rules.length === 0) continue;
    const address = rangeA1(cf.range);
    for (const rule of cf.rules) {
      const fill = officeColor(rule.fill);
      const font = officeColor(rule.fontColor);
      await budget.reserve(
        operationBytes(address, "Custom") +
          operationBytes(rule.formula) +
          operationBytes(fill) +
          operationBytes(font) +
          2 * operationBytes(priority),
      );
      const format = ws.getRange(address).conditionalFormats.add("Custom");
      format.custom.rule.formula = rule.formula;
      if (fill) format.custom.format.fill.color = fill;
      if (font) format.custom.format.font.color = font;
      format.stopIfTrue = true;
      format.priority = priority++;
    }
  }
}

type ChartKind = "Line" | "ColumnClustered";

/** Clustered columns, with line series over them, as the xlsx gateway draws them. */
async function writeChart(ws: Excel.Worksheet, chart: PlanChart, budget: PayloadBudget) {
  const series = chart.series.filter((s) => isSheetRange(s.values));
  if (series.length === 0 || !isSheetRange(chart.categories) || !isSheetRange(chart.anchor)) return;
  const allLines = series.every((s) => s.type === "line");
  const chartType: ChartKind = allLines ? "Line" : "ColumnClustered";
  const categories = rangeA1(chart.categories);
  const reserve = (...values: unknown[]) =>
    budget.reserve(values.reduce<number>((n, v) => n + operationBytes(v), 0));

  const first = rangeA1(series[0].values);
  await reserve(chartType, first, "Columns");
  const c = ws.charts.add(chartType, ws.getRange(first), "Columns");
  if (chart.title) {
    await reserve(chart.title);
    c.title.text = chart.title;
  } else {
    await reserve(false);
    c.title.visible = false;
  }
  for (let i = 0; i < series.length; i++) {
    const s = series[i];
    const values = rangeA1(s.values);
    await reserve(s.name, values, categories, s.type);
    const cs = i === 0 ? c.series.getItemAt(0) : c.series.add(s.name);
    if (i === 0) cs.name = s.name;
    else cs.setValues(ws.getRange(values));
    cs.setXAxisValues(ws.getRange(categories));
    const type: ChartKind = s.type === "line" ? "Line" : "ColumnClustered";
    if (type !== chartType) cs.chartType = type;
    const color = officeColor(s.color);
    if (s.type === "line") {
      await reserve(color, "None");
      if (color) cs.format.line.color = color;
      cs.markerStyle = "None";
    } else if (color) {
      await reserve(color);
      cs.format.fill.setSolidColor(color);
    }
  }
  if (chart.valueAxisTitle) {
    await reserve(chart.valueAxisTitle);
    c.axes.valueAxis.title.text = chart.valueAxisTitle;
  }
  if (typeof chart.valueAxisMin === "number" && Number.isFinite(chart.valueAxisMin)) {
    await reserve(chart.valueAxisMin);
    c.axes.valueAxis.minimum = chart.valueAxisMin;
  }
  const start = a1(chart.anchor.top, chart.anchor.left);
  const end = a1(chart.anchor.bottom, chart.anchor.right);
  await reserve("Bottom", start, end);
  c.legend.position = "Bottom";
  // The end cell is covered whole, as the xlsx gateway anchors the chart.
  c.setPosition(start, end);
}

async function writePageLayout(ws: Excel.Worksheet, plan: SheetPlan, budget: PayloadBudget) {
  const titles = plan.printTitleRows;
  if (
    titles &&
    Number.isInteger(titles.from) &&
    Number.isInteger(titles.to) &&
    titles.from >= 0 &&
    titles.to >= titles.from &&
    titles.to < MAX_ROWS
  ) {
    const rows = `$${titles.from + 1}:$${titles.to + 1}`;
    await budget.reserve(operationBytes(rows));
    ws.pageLayout.setPrintTitleRows(rows);
  }
  if (plan.landscape) {
    await budget.reserve(operationBytes("Landscape"));
    ws.pageLayout.orientation = "Landscape";
  }
  if (plan.fitToWidth) {
    // One page wide, as many tall as needed (0, as fitToHeight="0" in the file format).
    const zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    await budget.reserve(operationBytes(zoom));
    ws.pageLayout.zoom = zoom;
  }
}
