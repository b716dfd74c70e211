import type { CellReading, CellNumber } from "../cellNumber";
import { readingsOf, SheetReadings } from "../sheetReadings";
import type { ColumnRole, Region, RegionColumn, RegionRow } from "../recognize/types";
import { CellValue, formatAt, formulaAt, SheetSnapshot, valueAt } from "../snapshot";
import type { CellRef } from "./types";

/**
 * A recognised region with its cells read: what every rule works on. Rules ask for columns by
 * role and for numbers by row, and get the cell's address back for the finding.
 */
export interface TableCell {
  row: number;
  col: number;
  value: CellValue;
  reading: CellReading;
  format: string;
  formula: string | null;
}

const LABEL_ROLES: readonly ColumnRole[] = ["indikator", "uraian", "sasaran", "tujuan"];

export class Table {
  readonly columns: RegionColumn[];
  readonly rows: RegionRow[];
  /** Every rule reads the same cells: each is parsed once per sheet (core/sheetReadings). */
  private readonly readings: SheetReadings;
  private readonly byRole = new Map<ColumnRole, RegionColumn[]>();

  constructor(
    readonly file: string,
    readonly sheet: SheetSnapshot,
    readonly region: Region,
  ) {
    this.columns = region.columns;
    this.rows = region.rows;
    this.readings = readingsOf(sheet);
  }

  get kind(): Region["kind"] {
    return this.region.kind;
  }

  /** The reading of a cell, parsed once per sheet. */
  reading(row: number, col: number): CellReading {
    return this.readings.at(row, col);
  }

  cell(row: number, col: number): TableCell {
    return {
      row,
      col,
      value: valueAt(this.sheet, row, col),
      reading: this.reading(row, col),
      format: formatAt(this.sheet, row, col),
      formula: formulaAt(this.sheet, row, col),
    };
  }

  /** The number in a cell, or null when it holds none (blank, "-", text, compound, error). */
  number(row: number, col: number): CellNumber | null {
    const reading = this.reading(row, col);
    return reading.kind === "number" ? reading : null;
  }

  /** Trimmed text of a cell ("" when empty); numbers as their plain value. */
  text(row: number, col: number): string {
    const value = valueAt(this.sheet, row, col);
    return value === null ? "" : String(value).trim();
  }

  ref(row: number, col: number): CellRef {
    return { file: this.file, sheet: this.sheet.name, row, col };
  }

  /**
   * The columns of a role, in the region's order. Rules ask this per row: the lists are made
   * once per table, and callers must not change them.
   */
  columnsWith(role: ColumnRole): readonly RegionColumn[] {
    let columns = this.byRole.get(role);
    if (columns === undefined) {
      columns = this.columns.filter((c) => c.role === role);
      this.byRole.set(role, columns);
    }
    return columns;
  }

  firstColumn(role: ColumnRole): RegionColumn | undefined {
    return this.columns.find((c) => c.role === role);
  }

  /**
   * The row's name: its indicator, else its uraian (program/kegiatan), else its sasaran or
   * tujuan, else the first text cell. Merged labels spanning rows are taken from the row above.
   */
  label(row: number): string {
    for (const role of LABEL_ROLES) {
      for (const column of this.columnsWith(role)) {
        const text = this.text(row, column.col);
        if (text !== "" && !/^[-–—]$/.test(text)) return text;
      }
    }
    for (let c = this.region.range.left; c <= this.region.range.right; c++) {
      const value = valueAt(this.sheet, row, c);
      if (typeof value === "string" && /\p{L}{3}/u.test(value)) return value.trim();
    }
    return "";
  }

  /** Rows of values (not section, total or average rows). */
  dataRows(): RegionRow[] {
    return this.rows.filter((r) => r.kind === "data");
  }
}
