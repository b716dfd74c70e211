import type { CellReading } from "../cellNumber";
import { readingsOf, SheetReadings } from "../sheetReadings";
import { formatIsPercent } from "../numbers";
import {
  CellRange,
  CellValue,
  colCount,
  formatAt,
  indentAt,
  rowCount,
  SheetSnapshot,
  valueAt,
} from "../snapshot";
import { cellText, hasDigit, isBlank, isPlainOrdinal } from "./text";

/**
 * Below this size a finite numeric cell reads as a number even with a % format (×100 stays
 * finite); readValue only turns values near the float limit into errors.
 */
const SAFE_MAGNITUDE = 1e300;

/** formatIsPercent per number format code: a workbook uses a handful of them. */
const PERCENT_FORMAT = new Map<string, boolean>();

function isPercentFormat(numberFormat: string): boolean {
  let percent = PERCENT_FORMAT.get(numberFormat);
  if (percent === undefined) {
    percent = formatIsPercent(numberFormat);
    if (PERCENT_FORMAT.size > 1000) PERCENT_FORMAT.clear();
    PERCENT_FORMAT.set(numberFormat, percent);
  }
  return percent;
}

/**
 * A sheet seen the way the recogniser needs it: absolute coordinates, merged areas
 * resolved (a covered cell can ask for its area's text), and cheap emptiness tests.
 */
export class Grid {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** The columns any cell or merged area of the sheet occupies lie in [minCol, maxCol]. */
  readonly minCol: number;
  readonly maxCol: number;
  private readonly mergeOf = new Map<number, CellRange>();
  /** 1 where some merged area touches the row (index row - top): other rows skip lookups. */
  private readonly mergedRows: Uint8Array;
  /**
   * Non-empty columns, row after row, ascending within a row: those of row r (index
   * i = r - top) are cellCols[cellStarts[i]] … cellCols[cellStarts[i + 1] - 1]. Two typed
   * arrays per sheet instead of an array per row: the grid lives through the sheet's whole
   * recognition, and a hundred thousand small arrays cost the garbage collector dearly.
   */
  private readonly cellStarts: Int32Array;
  private readonly cellCols: Int32Array;
  private readonly texts: (string[] | undefined)[];
  private readonly readings: SheetReadings;

  constructor(readonly sheet: SheetSnapshot) {
    this.top = sheet.origin.row;
    this.left = sheet.origin.col;
    this.bottom = this.top + rowCount(sheet) - 1;
    this.right = this.left + colCount(sheet) - 1;
    this.texts = new Array<string[] | undefined>(rowCount(sheet));
    this.readings = readingsOf(sheet);
    this.mergedRows = new Uint8Array(rowCount(sheet));
    let minCol = this.left;
    let maxCol = this.right;
    for (const m of sheet.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        if (r >= this.top && r <= this.bottom) this.mergedRows[r - this.top] = 1;
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(this.key(r, c), m);
      }
      minCol = Math.min(minCol, m.left);
      maxCol = Math.max(maxCol, m.right);
    }
    this.minCol = minCol;
    this.maxCol = maxCol;
    const values = sheet.values;
    let slots = 0;
    for (let i = 0; i < values.length; i++) slots += values[i].length;
    this.cellStarts = new Int32Array(values.length + 1);
    this.cellCols = new Int32Array(slots);
    let n = 0;
    for (let i = 0; i < values.length; i++) {
      const row = values[i];
      this.cellStarts[i] = n;
      for (let j = 0; j < row.length; j++) {
        if (!isBlank(row[j])) this.cellCols[n++] = this.left + j;
      }
    }
    this.cellStarts[values.length] = n;
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  get name(): string {
    return this.sheet.name;
  }

  value(row: number, col: number): CellValue {
    return valueAt(this.sheet, row, col);
  }

  /** The cell's own text (numbers as plain digits); "" when empty. */
  text(row: number, col: number): string {
    // The recogniser asks for the same cells many times (every row is tried as a header
    // start): each cell's text is worked out once, in a lazily built array per row.
    const i = row - this.top;
    const j = col - this.left;
    if (i < 0 || j < 0 || i >= this.texts.length) return cellText(this.value(row, col));
    let line = this.texts[i];
    if (line === undefined) line = this.texts[i] = [];
    let text = line[j];
    if (text === undefined) text = line[j] = cellText(this.value(row, col));
    return text;
  }

  /** The merged area the cell belongs to, if any. */
  merge(row: number, col: number): CellRange | undefined {
    if (!this.mayHaveMerges(row)) return undefined;
    return this.mergeOf.get(this.key(row, col));
  }

  /** False when no merged area touches the row (rows outside the grid are not known). */
  mayHaveMerges(row: number): boolean {
    const i = row - this.top;
    return i < 0 || i >= this.mergedRows.length || this.mergedRows[i] === 1;
  }

  /** The text a reader sees at this cell: its own, or that of the merged area covering it. */
  shownText(row: number, col: number): string {
    const m = this.merge(row, col);
    return m ? this.text(m.top, m.left) : this.text(row, col);
  }

  /**
   * A row's non-empty cells without building an array: for (let k = grid.cellsStart(r);
   * k < grid.cellsEnd(r); k++) visits column grid.cellCol(k), ascending.
   */
  cellsStart(row: number): number {
    const i = row - this.top;
    return i >= 0 && i < this.cellStarts.length - 1 ? this.cellStarts[i] : 0;
  }

  cellsEnd(row: number): number {
    const i = row - this.top;
    return i >= 0 && i < this.cellStarts.length - 1 ? this.cellStarts[i + 1] : 0;
  }

  cellCol(k: number): number {
    return this.cellCols[k];
  }

  /** Non-empty columns of a row within [left, right]. */
  cellsIn(row: number, left: number, right: number): number[] {
    const out: number[] = [];
    for (let k = this.cellsStart(row), end = this.cellsEnd(row); k < end; k++) {
      const c = this.cellCols[k];
      if (c >= left && c <= right) out.push(c);
    }
    return out;
  }

  /** How many non-empty cells a row has within [left, right] (no array built). */
  countIn(row: number, left: number, right: number): number {
    let n = 0;
    for (let k = this.cellsStart(row), end = this.cellsEnd(row); k < end; k++) {
      const c = this.cellCols[k];
      if (c >= left && c <= right) n++;
    }
    return n;
  }

  /** The first non-empty column of a row within [left, right], or -1. */
  firstIn(row: number, left: number, right: number): number {
    for (let k = this.cellsStart(row), end = this.cellsEnd(row); k < end; k++) {
      const c = this.cellCols[k];
      if (c > right) return -1;
      if (c >= left) return c;
    }
    return -1;
  }

  isEmptyRow(row: number, left = this.left, right = this.right): boolean {
    return this.firstIn(row, left, right) < 0;
  }

  isEmpty(row: number, col: number): boolean {
    return isBlank(this.value(row, col));
  }

  /**
   * Same answer as `reading(row, col).kind === "number"`, without parsing where the raw
   * value settles it: a finite numeric cell is a number, text without a digit never is,
   * a row number typed as text ("12", "3.") always is. Other text with digits goes through
   * the (cached) Indonesian number reading.
   */
  isNumber(row: number, col: number): boolean {
    const v = this.value(row, col);
    if (typeof v === "number") {
      if (Number.isFinite(v) && Math.abs(v) < SAFE_MAGNITUDE) return true;
    } else if (typeof v !== "string" || !hasDigit(v)) {
      return false;
    } else if (isPlainOrdinal(v)) {
      return true;
    }
    return this.reading(row, col).kind === "number";
  }

  /**
   * The cell's number reading, parsed once per snapshot (core/sheetReadings): the check
   * reads the same cells after the recogniser.
   */
  reading(row: number, col: number): CellReading {
    return this.readings.at(row, col);
  }

  /**
   * `reading(row, col).value` when the cell reads as a number, else NaN (a reading's value
   * is never NaN). A plain numeric cell is worked out here as readValue does it (×100 under
   * a % format), without building a reading object (its decimals need a Decimal).
   */
  numberValue(row: number, col: number): number {
    const v = this.value(row, col);
    if (typeof v === "number" && Number.isFinite(v) && Math.abs(v) < SAFE_MAGNITUDE) {
      return isPercentFormat(formatAt(this.sheet, row, col))
        ? Number((v * 100).toPrecision(15))
        : v;
    }
    if (typeof v !== "number" && (typeof v !== "string" || !hasDigit(v))) return NaN;
    const reading = this.reading(row, col);
    return reading.kind === "number" ? reading.value : NaN;
  }

  indent(row: number, col: number): number {
    return indentAt(this.sheet, row, col);
  }
}
