import { readValue, CellReading } from "../cellNumber";
import {
  CellRange,
  CellValue,
  colCount,
  formatAt,
  formulaAt,
  indentAt,
  rowCount,
  SheetSnapshot,
  valueAt,
} from "../snapshot";

function cellText(v: CellValue): string {
  if (v === null) return "";
  return typeof v === "string" ? v.replace(/\s+/g, " ").trim() : String(v);
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
  private readonly mergeOf = new Map<number, CellRange>();
  private readonly rowCells: number[][] = [];
  private readonly texts: (string[] | undefined)[];
  private readonly readings: (CellReading[] | undefined)[];

  constructor(readonly sheet: SheetSnapshot) {
    this.top = sheet.origin.row;
    this.left = sheet.origin.col;
    this.bottom = this.top + rowCount(sheet) - 1;
    this.right = this.left + colCount(sheet) - 1;
    this.texts = new Array<string[] | undefined>(rowCount(sheet));
    this.readings = new Array<CellReading[] | undefined>(rowCount(sheet));
    for (const m of sheet.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(this.key(r, c), m);
      }
    }
    sheet.values.forEach((row, i) => {
      const cols: number[] = [];
      row.forEach((v, j) => {
        if (v !== null && !(typeof v === "string" && v.trim() === "")) cols.push(this.left + j);
      });
      this.rowCells[i] = cols;
    });
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
    return this.mergeOf.get(this.key(row, col));
  }

  /** The text a reader sees at this cell: its own, or that of the merged area covering it. */
  shownText(row: number, col: number): string {
    const m = this.merge(row, col);
    return m ? this.text(m.top, m.left) : this.text(row, col);
  }

  /** Non-empty columns of a row (absolute indexes, ascending). */
  cellsOf(row: number): number[] {
    return this.rowCells[row - this.top] ?? [];
  }

  /** Non-empty columns of a row within [left, right]. */
  cellsIn(row: number, left: number, right: number): number[] {
    return this.cellsOf(row).filter((c) => c >= left && c <= right);
  }

  isEmptyRow(row: number, left = this.left, right = this.right): boolean {
    return this.cellsIn(row, left, right).length === 0;
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === "string" && v.trim() === "");
  }

  /** The cell's number reading, parsed once (Indonesian number text is dear to parse). */
  reading(row: number, col: number): CellReading {
    const i = row - this.top;
    const j = col - this.left;
    if (i < 0 || j < 0 || i >= this.readings.length) return this.readCell(row, col);
    let line = this.readings[i];
    if (line === undefined) line = this.readings[i] = [];
    let reading = line[j];
    if (reading === undefined) reading = line[j] = this.readCell(row, col);
    return reading;
  }

  private readCell(row: number, col: number): CellReading {
    return readValue(
      this.value(row, col),
      formatAt(this.sheet, row, col),
      formulaAt(this.sheet, row, col) !== null,
    );
  }

  indent(row: number, col: number): number {
    return indentAt(this.sheet, row, col);
  }
}
