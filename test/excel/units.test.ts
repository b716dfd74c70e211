import { rangesOfAddress, rangeOfAddress, splitAreas, stripSheet } from "../../src/excel/addresses";
import { jsonBytes, PayloadBudget, splitMatrix, utf8Bytes } from "../../src/excel/payload";
import {
  cellInput,
  columnWidthPoints,
  lookOf,
  officeColor,
  rectanglesOf,
  textInput,
} from "../../src/excel/planInput";
import { CONFIG_SETTING, readSettingsConfig } from "../../src/excel/settings";
import {
  CONFIG_SETTING as XLSX_CONFIG_SETTING,
  decodeSettingValue,
} from "../../src/xlsx/workbookSettings";

/** The gateway's pure parts: addresses, sizes, plan translation. */

describe("addresses", () => {
  test("the sheet part is dropped outside quotes only", () => {
    expect(stripSheet("Sheet1!B2:H20")).toBe("B2:H20");
    expect(stripSheet("'Tabel 3.1 (a!b)'!A1")).toBe("A1");
    expect(stripSheet("A1:B2")).toBe("A1:B2");
    expect(rangeOfAddress("'It''s'!$B$2:$D$4")).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
  });

  test("RangeAreas addresses split on commas outside quotes", () => {
    expect(splitAreas("'Data, 2021'!A1:B2, 'Data, 2021'!D4:E5")).toEqual(["A1:B2", "D4:E5"]);
    expect(splitAreas("Sheet1!A1:B2;Sheet1!C3")).toEqual(["A1:B2", "C3"]);
    expect(rangesOfAddress("S!A1:B2, S!C3:C9")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 8, right: 2 },
    ]);
  });
});

describe("payload", () => {
  test("sizes are UTF-8 bytes of the JSON", () => {
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("€")).toBe(3);
    expect(utf8Bytes("😀")).toBe(4);
    expect(jsonBytes([["a", 1]])).toBe(Buffer.byteLength(JSON.stringify([["a", 1]])));
  });

  test("blocks of rows, each within the limit, covering the matrix in order", () => {
    const matrix = Array.from({ length: 50 }, (_, r) =>
      Array.from({ length: 7 }, (_, c) => `r${r}c${c}é`),
    );
    for (const limit of [40, 100, 333, 1000, 100_000]) {
      const blocks = splitMatrix(matrix, limit);
      const rebuilt: string[][] = Array.from({ length: 50 }, () => []);
      for (const b of blocks) {
        expect(b.bytes).toBe(jsonBytes(b.cells));
        if (b.cells.length > 1 || b.cells[0].length > 1) expect(b.bytes).toBeLessThanOrEqual(limit);
        b.cells.forEach((row, i) => rebuilt[b.row + i].splice(b.col, row.length, ...row));
      }
      expect(rebuilt).toEqual(matrix);
    }
    expect(splitMatrix(matrix, 100_000)).toHaveLength(1);
  });

  test("the budget syncs before an operation would pass the limit", async () => {
    const context = { syncs: 0, sync: async () => void context.syncs++ };
    const budget = new PayloadBudget(context, 100);
    await budget.reserve(60);
    await budget.reserve(40);
    expect(context.syncs).toBe(0);
    await budget.reserve(1);
    expect(context.syncs).toBe(1);
    await budget.reserve(500);
    expect(context.syncs).toBe(2);
    await budget.flush();
    await budget.flush();
    expect(context.syncs).toBe(3);
    expect(budget.syncs).toBe(3);
  });
});

describe("plan translation", () => {
  test("column widths: characters of an .xlsx <col width> to points as Excel shows them", () => {
    // Excel's default column: 8.43 characters shown, stored as 9.140625, 64 px, 48 pt.
    expect(columnWidthPoints(9.140625)).toBe(48);
    expect(columnWidthPoints(40)).toBe(210);
    expect(columnWidthPoints(5)).toBe(26.25);
    expect(columnWidthPoints(12)).toBe(63);
    expect(columnWidthPoints(1000)).toBe(columnWidthPoints(255));
  });

  test("text that Excel would parse keeps an apostrophe", () => {
    for (const text of [
      "=A1",
      "123",
      "1,5",
      "TRUE",
      "Benar",
      "50%",
      "1/2",
      "Maret 2021",
      "#N/A",
      "-x",
      "'a",
    ]) {
      expect(textInput(text)).toBe("'" + text);
    }
    for (const text of [
      "Tinggi",
      "Sangat Tinggi",
      "Capaian (%)",
      "Ringkasan: kinerja",
      "Éfisiensi",
    ]) {
      expect(textInput(text)).toBe(text);
    }
    expect(textInput("")).toBe("");
    expect(cellInput({ row: 0, col: 0, value: 7, formula: "  =A1*2" })).toBe("=A1*2");
    expect(cellInput({ row: 0, col: 0, value: 7, formula: "=" })).toBe(7);
    expect(cellInput({ row: 0, col: 0, value: null })).toBe("");
    expect(cellInput({ row: 0, col: 0, value: Infinity })).toBe("");
  });

  test("styles in Office.js terms", () => {
    expect(officeColor("d9e1f2")).toBe("#D9E1F2");
    expect(officeColor("#FF00FF00")).toBe("#00FF00");
    expect(officeColor("red")).toBeNull();
    expect(lookOf({ indent: 1.6 })).toEqual({ horizontal: "Left", indent: 2 });
    expect(lookOf({ indent: 1, horizontal: "right", vertical: "middle" })).toEqual({
      horizontal: "Right",
      vertical: "Center",
      indent: 1,
    });
    expect(lookOf({ fill: "nope", indent: 0 })).toBeNull();
    expect(lookOf(undefined)).toBeNull();
  });

  test("cells become as few rectangles as rows of runs allow", () => {
    const cells = [
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 1, col: 0 },
      { row: 1, col: 1 },
      { row: 2, col: 1 },
      { row: 0, col: 5 },
    ];
    expect(rectanglesOf(cells)).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 0, left: 5, bottom: 0, right: 5 },
      { top: 2, left: 1, bottom: 2, right: 1 },
    ]);
  });
});

describe("settings", () => {
  test("the same key as the xlsx gateway reads", () => {
    expect(CONFIG_SETTING).toBe(XLSX_CONFIG_SETTING);
  });

  test("decoded as decodeSettingValue decodes what Office wrote", () => {
    const config = { overrides: [], scale: "permenpan" };
    const cases: unknown[] = [
      config,
      JSON.stringify(config),
      JSON.stringify(JSON.stringify(config)),
      "{bad",
      12,
    ];
    for (const value of cases) {
      // What settings.get gives is Office's decoding of the stored JSON text.
      const stored = JSON.stringify(value);
      const settings = {
        get: () => JSON.parse(stored) as unknown,
        set: () => {},
        saveAsync: () => {},
      };
      expect(readSettingsConfig(settings)).toEqual(decodeSettingValue(stored));
    }
  });
});
