import type { CheckWorkbook } from "../../../src/core/check/types";
import { recognise } from "../../../src/core/recognize";
import { CellValue, snapshotFromValues, SheetSnapshot } from "../../../src/core/snapshot";

/**
 * Small hand-made workbooks for the capaian, category and efficiency rule tests: a caption,
 * a blank row, then the table as a planner types it (text cells, Indonesian numbers).
 */
export function handmade(caption: string, rows: CellValue[][], name = "Tabel"): CheckWorkbook {
  const sheet = snapshotFromValues(name, [[caption], [], ...rows]);
  return { file: "contoh.xlsx", sheets: [sheet], regions: recognise([sheet]) };
}

/** A copy of a sheet with rows appended below its used range (cells the fixture lacks). */
export function withRowsBelow(sheet: SheetSnapshot, rows: CellValue[][]): SheetSnapshot {
  const width = Math.max(sheet.values[0]?.length ?? 0, ...rows.map((r) => r.length));
  const pad = (r: CellValue[]): CellValue[] =>
    Array.from({ length: width }, (_, i) => (r[i] === undefined ? null : r[i]));
  const values = [...sheet.values.map(pad), ...rows.map(pad)];
  return {
    ...sheet,
    values,
    text: values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    numberFormats: [
      ...sheet.numberFormats.map((r) => pad(r).map((f) => (f === null ? "General" : f))),
      ...rows.map((r) => pad(r).map(() => "General")),
    ] as string[][],
    formulas: [
      ...sheet.formulas.map((r) => pad(r) as null[]),
      ...rows.map((r) => pad(r).map(() => null)),
    ] as (string | null)[][],
  };
}

/** A workbook of the given sheets, recognised. */
export function workbookOf(sheets: SheetSnapshot[], file = "contoh.xlsx"): CheckWorkbook {
  return { file, sheets, regions: recognise(sheets) };
}
