import type { CellRange } from "../snapshot";
import { a1 } from "../snapshot";
import type {
  PlanCell,
  PlanChart,
  PlanConditionalFormat,
  PlanStyle,
  PlanValue,
  SheetPlan,
  SummaryKey,
} from "./plan";
import type { Computed } from "./calc";
import type { SourceOperand } from "./source";
import { HEADER, NOTE, NUMBER, numberFormat, STATIC_NUMBER, TITLE } from "./styles";

/**
 * Builds one SheetPlan row by row. Every summary sheet has the same frame: a title, a line
 * saying where its numbers come from, a line saying the sheet is replaced on each run, then
 * the table (header frozen in view).
 */

export interface CellOptions {
  numberFormat?: string;
  style?: PlanStyle;
}

/** Row of the table header in every summary sheet (after title, source and note lines). */
export const HEADER_ROW = 4;

export class SheetBuilder {
  private readonly cells = new Map<string, PlanCell>();
  private readonly merges: CellRange[] = [];
  private readonly conditionalFormats: PlanConditionalFormat[] = [];
  private readonly charts: PlanChart[] = [];
  private widths: number[] = [];
  private freeze: SheetPlan["freeze"];
  private printTitles: SheetPlan["printTitleRows"];

  constructor(
    readonly key: SummaryKey,
    readonly name: string,
    private readonly landscape = true,
  ) {}

  /** A constant. */
  put(row: number, col: number, value: PlanValue, options: CellOptions = {}): void {
    const cell: PlanCell = { row, col, value };
    if (options.numberFormat) cell.numberFormat = options.numberFormat;
    if (options.style) cell.style = options.style;
    this.cells.set(a1(row, col), cell);
  }

  /** A formula with the value the engine computed for it. */
  compute(row: number, col: number, computed: Computed, options: CellOptions = {}): PlanValue {
    this.put(row, col, computed.value, options);
    this.cells.get(a1(row, col))!.formula = computed.formula;
    return computed.value;
  }

  /**
   * A number of the planner's tables: a formula on its cell, or (text no formula reads the
   * same way) its value as a constant, shaded so the planner sees it will not follow edits.
   * Returns the summary cell's address and value for the formulas built on it.
   */
  operand(
    row: number,
    col: number,
    operand: SourceOperand | undefined,
    format?: string,
  ): { cell: string; value: PlanValue } {
    const cell = a1(row, col);
    if (!operand) {
      this.put(row, col, null, { style: NUMBER });
      return { cell, value: "" };
    }
    const options = { numberFormat: format ?? numberFormat(operand.decimals) };
    if (operand.kind === "static") {
      this.put(row, col, operand.value, { ...options, style: STATIC_NUMBER });
      return { cell, value: operand.value };
    }
    this.compute(
      row,
      col,
      { formula: `=${operand.formula}`, value: operand.value },
      {
        ...options,
        style: NUMBER,
      },
    );
    return { cell, value: operand.value };
  }

  value(row: number, col: number): PlanValue {
    return this.cells.get(a1(row, col))?.value ?? null;
  }

  /** Title, source line and the note that the product owns this sheet. */
  frame(title: string, source: string): void {
    this.put(0, 0, title, { style: TITLE });
    this.put(1, 0, source, { style: NOTE });
    this.put(
      2,
      0,
      "Sheet ini dibuat oleh SAKIP Excel Add-in dan diganti setiap kali ringkasan dibuat ulang; angka berwarna kuning adalah nilai statis.",
      { style: NOTE },
    );
  }

  /** Header labels at HEADER_ROW with column widths; the header stays in view. */
  header(columns: { label: string; width: number }[], row = HEADER_ROW): void {
    columns.forEach((c, col) => this.put(row, col, c.label, { style: HEADER }));
    this.widths = columns.map((c) => c.width);
    this.freeze = { rows: row + 1, columns: 0 };
    this.printTitles = { from: row, to: row };
  }

  merge(range: CellRange): void {
    if (range.top === range.bottom && range.left === range.right) return;
    this.merges.push(range);
  }

  conditional(format: PlanConditionalFormat): void {
    this.conditionalFormats.push(format);
  }

  chart(chart: PlanChart): void {
    this.charts.push(chart);
  }

  build(): SheetPlan {
    const cells = [...this.cells.values()]
      // A constant "" is an empty cell (kept for its border); only formulas show "".
      .map((c) => (c.value === "" && c.formula === undefined ? { ...c, value: null } : c))
      .sort((a, b) => a.row - b.row || a.col - b.col);
    const plan: SheetPlan = {
      key: this.key,
      name: this.name,
      cells,
      columnWidths: this.widths,
      merges: this.merges,
      conditionalFormats: this.conditionalFormats,
      charts: this.charts,
      landscape: this.landscape,
    };
    const heights = rowHeights(cells, this.widths, this.merges);
    if (Object.keys(heights).length > 0) plan.rowHeights = heights;
    plan.fitToWidth = true;
    if (this.freeze) plan.freeze = this.freeze;
    if (this.printTitles) plan.printTitleRows = this.printTitles;
    return plan;
  }
}

/** Points per line of 11 pt text, and the characters of a column width that fit one line. */
const LINE_POINTS = 15;
const CHARS_PER_WIDTH = 1;

/** Lines a text takes when wrapped at word boundaries, `perLine` characters wide. */
export function wrappedLines(text: string, perLine: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= perLine) {
        used = needed;
      } else {
        lines += used === 0 ? 0 : 1;
        // A word longer than the line breaks across lines.
        lines += Math.floor(Math.max(0, word.length - 1) / perLine);
        used = word.length % perLine || perLine;
      }
    }
  }
  return lines;
}

function cellText(cell: PlanCell): string {
  const v = cell.value;
  if (typeof v === "string") return v;
  if (typeof v === "number") return "0".repeat(14);
  return "";
}

/**
 * Heights for rows whose wrapped cells need several lines, estimated from text length and
 * column width (a vertically merged cell spreads its lines over the rows it covers).
 */
export function rowHeights(
  cells: PlanCell[],
  widths: number[],
  merges: CellRange[],
): Record<number, number> {
  const lines = new Map<number, number>();
  for (const cell of cells) {
    const size = cell.style?.fontSize ?? 11;
    const merge = merges.find(
      (m) => m.top === cell.row && m.left === cell.col && (m.bottom > m.top || m.right > m.left),
    );
    if (!cell.style?.wrap && size <= 11) continue;
    let width = 0;
    const right = merge ? merge.right : cell.col;
    for (let c = cell.col; c <= right; c++) width += widths[c] ?? 8.43;
    const perLine = Math.max(1, (width * CHARS_PER_WIDTH * 11) / size);
    const needed = cell.style?.wrap ? wrappedLines(cellText(cell), perLine) : 1;
    const rows = merge ? merge.bottom - merge.top + 1 : 1;
    const points = (Math.max(1, needed) * LINE_POINTS * size) / 11 / rows;
    for (let r = cell.row; r < cell.row + rows; r++) {
      lines.set(r, Math.max(lines.get(r) ?? 0, points));
    }
  }
  const heights: Record<number, number> = {};
  for (const [row, points] of lines) {
    if (points > LINE_POINTS) heights[row] = Math.ceil(points * 4) / 4;
  }
  return heights;
}
