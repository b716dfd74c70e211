import { CellReading, readCellNumber } from "./cellNumber";
import { colCount, rowCount, SheetSnapshot } from "./snapshot";

/**
 * Each cell's reading, parsed once per sheet snapshot: the recogniser, the planning model
 * and every rule read the same cells, and parsing Indonesian number text is dear. A snapshot
 * never changes once read (a new read gives a new snapshot), so its readings never go stale.
 */
export class SheetReadings {
  /** Per row of the used range, the readings of its cells so far (made on first use). */
  private readonly rows: (CellReading | undefined)[][];
  private readonly width: number;

  constructor(readonly sheet: SheetSnapshot) {
    this.rows = new Array<(CellReading | undefined)[]>(rowCount(sheet));
    this.width = colCount(sheet);
  }

  at(row: number, col: number): CellReading {
    const i = row - this.sheet.origin.row;
    const j = col - this.sheet.origin.col;
    // Outside the used range every cell is empty: cheap, and not worth keeping.
    if (i < 0 || j < 0 || i >= this.rows.length || j >= this.width) {
      return readCellNumber(this.sheet, row, col);
    }
    let line = this.rows[i];
    // Made at the sheet's width, so it never grows; a row of a very wide sheet (16 384
    // columns) grows as cells are read instead, costing only what is read of it.
    if (line === undefined)
      line = this.rows[i] = this.width <= FULL_ROW_WIDTH ? new Array(this.width) : [];
    let reading = line[j];
    if (reading === undefined) reading = line[j] = readCellNumber(this.sheet, row, col);
    return reading;
  }
}

/** Rows up to this many columns are made whole on first read. */
const FULL_ROW_WIDTH = 256;

const READINGS = new WeakMap<SheetSnapshot, SheetReadings>();

/** The shared readings of a snapshot's cells. */
export function readingsOf(sheet: SheetSnapshot): SheetReadings {
  let readings = READINGS.get(sheet);
  if (readings === undefined) {
    readings = new SheetReadings(sheet);
    READINGS.set(sheet, readings);
  }
  return readings;
}
