// Types for test/bench/generate.js (CommonJS, run by `npm run bench` with node alone).

export interface DeliberateError {
  rule: string;
  sheet: string;
  note: string;
}

export interface WrittenWorkbook {
  file: string;
  /** Non-empty cells written. */
  cells: number;
  sheets: string[];
  errors: DeliberateError[];
}

/** Write a benchmark workbook of about `targetCells` non-empty cells to `file`. */
export function writeBenchWorkbook(
  file: string,
  targetCells: number,
  seed?: number,
): Promise<WrittenWorkbook>;
export const DELIBERATE_ERRORS: DeliberateError[];
export function kategoriOf(capaian: number): string;
export function idNumber(x: number, decimals: number): string;
