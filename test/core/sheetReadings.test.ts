import { readCellNumber } from "../../src/core/cellNumber";
import { readingsOf } from "../../src/core/sheetReadings";
import type { SheetSnapshot } from "../../src/core/snapshot";

function sheet(values: SheetSnapshot["values"], origin = { row: 2, col: 1 }): SheetSnapshot {
  return {
    name: "Tabel",
    origin,
    values,
    text: values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    numberFormats: values.map((r) => r.map(() => "General")),
    formulas: values.map((r) => r.map(() => null)),
    merges: [],
  };
}

describe("readingsOf: each cell of a snapshot parsed once", () => {
  const s = sheet([
    ["Persentase", "82,57 %", 77.6],
    [null, "-", "#DIV/0!"],
  ]);

  test("every cell, inside or outside the used range, reads as readCellNumber reads it", () => {
    const readings = readingsOf(s);
    for (let row = 0; row <= 5; row++) {
      for (let col = 0; col <= 5; col++) {
        expect(readings.at(row, col)).toEqual(readCellNumber(s, row, col));
      }
    }
  });

  test("a cell is parsed once, and the snapshot's readings are shared", () => {
    expect(readingsOf(s)).toBe(readingsOf(s));
    const first = readingsOf(s).at(2, 2);
    expect(first).toMatchObject({ kind: "number", value: 82.57, isPercent: true });
    expect(readingsOf(s).at(2, 2)).toBe(first);
  });

  test("another snapshot (a new read of the file) has its own readings", () => {
    const again = sheet([["Persentase", "90,00 %", 77.6]]);
    expect(readingsOf(again)).not.toBe(readingsOf(s));
    expect(readingsOf(again).at(2, 2)).toMatchObject({ kind: "number", value: 90 });
  });

  test("a very wide sheet (16 384 columns) reads every cell the same, far right included", () => {
    // 16 384 columns (XFD): rows grow as read, instead of being made at full width.
    const width = 16384;
    const row = Array.from({ length: width }, (_, c) => (c % 1000 === 0 ? `${c},5` : null));
    row[width - 1] = "1.234,5";
    const wide = sheet([row, row.map((v) => (v === null ? 7 : null))], { row: 0, col: 0 });
    const readings = readingsOf(wide);
    for (const col of [width - 1, 0, 1, 3000, width - 2]) {
      for (const r of [1, 0]) {
        expect(readings.at(r, col)).toEqual(readCellNumber(wide, r, col));
        expect(readings.at(r, col)).toBe(readings.at(r, col));
      }
    }
    expect(readings.at(0, width - 1)).toMatchObject({ kind: "number", value: 1234.5 });
  });
});
