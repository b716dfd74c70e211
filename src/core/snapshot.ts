/**
 * SheetSnapshot: one sheet as plain data, the only thing the engine sees of a workbook.
 * Both gateways (Office.js and ExcelJS) produce the same shape, so the core runs the same
 * in Excel, in a browser and in Node.
 */

/** A cell value as Excel holds it: number, text, boolean, or null for an empty cell. */
export type CellValue = number | string | boolean | null;

/** A rectangle of cells, 0-based and inclusive: A1 is {top: 0, left: 0, bottom: 0, right: 0}. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** 0-based row and column of values[0][0] (the used range's top-left cell). */
  origin: { row: number; col: number };
  /**
   * Values over the used range, row by row. Error cells hold their error text ("#DIV/0!").
   * Cells covered by a merged area, other than its top-left cell, are null (as Office.js
   * reports them); `merges` tells which cells a merged value spans.
   */
  values: CellValue[][];
  /** Displayed text where the gateway knows it ("77,60%"); "" for empty cells. */
  text: string[][];
  /** Number format codes in invariant (en-US) syntax ("#,##0.00", "0.00%"); "General" default. */
  numberFormats: string[][];
  /** Formulas in en-US syntax ("=ROUND(D4/C4*100,2)") or null where the cell holds a constant. */
  formulas: (string | null)[][];
  /** Merged areas in absolute sheet coordinates. */
  merges: CellRange[];
  /** Indent level per cell (alignment indent), where the gateway knows it; absent otherwise. */
  indents?: number[][];
  /** Hidden or very hidden sheets are still read, but marked. */
  hidden?: boolean;
  /**
   * The summary this sheet is (core/summary SummaryKey), when the product created it: the
   * gateway found the product's mark on it. Such sheets are never recognised or checked.
   */
  summary?: string;
}

// ---------------------------------------------------------------------------------------
// A1 addressing.

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" → 0, "AA" → 26; case-insensitive. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0, 0) → "A1". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B12" (also "$B$12") → {row: 11, col: 1}; null when it is not a cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A range as "A3:I8" ("A3" when it is one cell). */
export function rangeA1(range: CellRange): string {
  const start = a1(range.top, range.left);
  const end = a1(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** "A3:I8" or "A3" → CellRange; null when malformed. */
export function parseRangeA1(text: string): CellRange | null {
  const [first, second] = text.split(":");
  const start = parseA1(first);
  const end = second === undefined ? start : parseA1(second);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** Sheet-qualified address as Excel writes it: 'Tabel 3.9'!F12. */
export function qualifiedA1(sheet: string, row: number, col: number): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${a1(row, col)}`;
}

// ---------------------------------------------------------------------------------------
// Reading a snapshot by absolute coordinates.

export function rowCount(sheet: SheetSnapshot): number {
  return sheet.values.length;
}

export function colCount(sheet: SheetSnapshot): number {
  let widest = 0;
  for (const row of sheet.values) if (row.length > widest) widest = row.length;
  return widest;
}

/** The value at an absolute (row, col), null outside the used range. */
export function valueAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.origin.row];
  if (!r) return null;
  const v = r[col - sheet.origin.col];
  return v === undefined ? null : v;
}

function cellOf<T>(
  grid: T[][] | undefined,
  sheet: SheetSnapshot,
  row: number,
  col: number,
): T | undefined {
  return grid?.[row - sheet.origin.row]?.[col - sheet.origin.col];
}

export function textAt(sheet: SheetSnapshot, row: number, col: number): string {
  return cellOf(sheet.text, sheet, row, col) ?? "";
}

export function formatAt(sheet: SheetSnapshot, row: number, col: number): string {
  return cellOf(sheet.numberFormats, sheet, row, col) ?? "General";
}

export function formulaAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  return cellOf(sheet.formulas, sheet, row, col) ?? null;
}

export function indentAt(sheet: SheetSnapshot, row: number, col: number): number {
  return cellOf(sheet.indents, sheet, row, col) ?? 0;
}

/** An empty snapshot with the given name: a sheet without any cell. */
export function emptySheet(name: string): SheetSnapshot {
  return {
    name,
    origin: { row: 0, col: 0 },
    values: [],
    text: [],
    numberFormats: [],
    formulas: [],
    merges: [],
  };
}

/**
 * A snapshot from a plain grid of values (tests, generated workbooks): text is derived
 * from the values, formats default to General.
 */
export function snapshotFromValues(
  name: string,
  values: CellValue[][],
  options: {
    origin?: { row: number; col: number };
    merges?: CellRange[];
    numberFormats?: string[][];
  } = {},
): SheetSnapshot {
  const width = values.reduce((max, row) => Math.max(max, row.length), 0);
  const padded = values.map((row) =>
    Array.from({ length: width }, (_, c) => (row[c] === undefined ? null : row[c])),
  );
  return {
    name,
    origin: options.origin ?? { row: 0, col: 0 },
    values: padded,
    text: padded.map((row) => row.map((v) => (v === null ? "" : String(v)))),
    numberFormats: options.numberFormats ?? padded.map((row) => row.map(() => "General")),
    formulas: padded.map((row) => row.map(() => null)),
    merges: options.merges ?? [],
  };
}
