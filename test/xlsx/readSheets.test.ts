import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import {
  emptySheet,
  formatAt,
  formulaAt,
  indentAt,
  parseA1,
  SheetSnapshot,
  textAt,
  valueAt,
} from "../../src/core/snapshot";
import { readSheetsFromFile } from "../../src/xlsx/readFile";
import { readSheets } from "../../src/xlsx/readSheets";
import { sharedPath, SHARED_DIR } from "../helpers/shared";

const WORKBOOK_DIR = path.join(SHARED_DIR, "fixtures", "workbooks");
const WORKBOOKS = fs
  .readdirSync(sharedPath("fixtures", "workbooks"))
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

interface IndexFile {
  sheets: string[];
  tables: {
    sheet: string;
    formulaCells?: { cell: string; formula: string; result: number }[];
    indentedRows?: { row: number; level: number; mode: string }[];
  }[];
}

const cache = new Map<string, Promise<SheetSnapshot[]>>();
function workbook(file: string): Promise<SheetSnapshot[]> {
  if (!cache.has(file)) cache.set(file, readSheetsFromFile(path.join(WORKBOOK_DIR, file)));
  return cache.get(file)!;
}

function sheetOf(sheets: SheetSnapshot[], name: string): SheetSnapshot {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Cell accessors by A1 address. */
function at(sheet: SheetSnapshot, address: string) {
  const p = parseA1(address);
  if (!p) throw new Error(address);
  return {
    value: valueAt(sheet, p.row, p.col),
    text: textAt(sheet, p.row, p.col),
    format: formatAt(sheet, p.row, p.col),
    formula: formulaAt(sheet, p.row, p.col),
    indent: indentAt(sheet, p.row, p.col),
  };
}

describe.each(WORKBOOKS)("%s", (file) => {
  const index = JSON.parse(
    fs.readFileSync(path.join(WORKBOOK_DIR, file.replace(/\.xlsx$/, ".index.json")), "utf8"),
  ) as IndexFile;

  test("every sheet of the index, each a well-formed rectangle", async () => {
    const sheets = await workbook(file);
    expect(sheets.map((s) => s.name)).toEqual(index.sheets);
    for (const s of sheets) {
      const height = s.values.length;
      const width = height ? s.values[0].length : 0;
      expect(height).toBeGreaterThan(0);
      for (const grid of [s.values, s.text, s.numberFormats, s.formulas, s.indents ?? s.values]) {
        expect(grid).toHaveLength(height);
        for (const row of grid) expect(row).toHaveLength(width);
      }
      expect(s.origin.row).toBeGreaterThanOrEqual(0);
      expect(s.origin.col).toBeGreaterThanOrEqual(0);
      // The used range is tight: its first and last rows and columns hold something.
      expect(s.values[0].some((v) => v !== null)).toBe(true);
      expect(s.values[height - 1].some((v) => v !== null)).toBe(true);
      expect(s.values.some((row) => row[0] !== null)).toBe(true);
      expect(s.values.some((row) => row[width - 1] !== null)).toBe(true);
      for (const m of s.merges) {
        expect(m.bottom).toBeGreaterThanOrEqual(m.top);
        expect(m.right).toBeGreaterThanOrEqual(m.left);
        // Only the top-left cell of a merged area holds a value.
        for (let r = m.top; r <= m.bottom; r++) {
          for (let c = m.left; c <= m.right; c++) {
            if (r !== m.top || c !== m.left) expect(valueAt(s, r, c)).toBeNull();
          }
        }
      }
      for (let r = 0; r < height; r++) {
        for (let c = 0; c < width; c++) {
          const v = s.values[r][c];
          expect(v === null || ["number", "string", "boolean"].includes(typeof v)).toBe(true);
          if (v === null) expect(s.text[r][c]).toBe("");
          if (typeof v === "string") expect(s.text[r][c]).toBe(v);
          const f = s.formulas[r][c];
          if (f !== null) expect(f.startsWith("=")).toBe(true);
        }
      }
      expect(s.hidden).toBeUndefined();
    }
  });

  test("formula cells of the index: formula text and cached result", async () => {
    const sheets = await workbook(file);
    let count = 0;
    for (const table of index.tables) {
      for (const fc of table.formulaCells ?? []) {
        const cell = at(sheetOf(sheets, table.sheet), fc.cell);
        expect(cell.formula).toBe(fc.formula);
        expect(cell.value).toBeCloseTo(fc.result, 6);
        count++;
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  test("indented rows of the index: spaces in the text, or an alignment indent", async () => {
    const sheets = await workbook(file);
    for (const table of index.tables) {
      for (const ir of table.indentedRows ?? []) {
        const sheet = sheetOf(sheets, table.sheet);
        const row = ir.row - 1;
        const cols = sheet.values[0].map((_, j) => sheet.origin.col + j);
        if (ir.mode === "alignment") {
          expect(Math.max(...cols.map((c) => indentAt(sheet, row, c)))).toBe(ir.level);
        } else {
          const texts = cols.map((c) => textAt(sheet, row, c));
          expect(texts.some((t) => /^ {2,}\S/.test(t))).toBe(true);
        }
      }
    }
  });
});

describe("lkjip-semarang-2025.xlsx: known cells", () => {
  let sheets: SheetSnapshot[];
  beforeAll(async () => {
    sheets = await workbook("lkjip-semarang-2025.xlsx");
  });

  test("Tabel 3.8: pagu and target with their formats and display texts", () => {
    const s = sheetOf(sheets, "Tabel 3.8");
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(at(s, "C5")).toEqual({
      value: 2222600041,
      text: "2,222,600,041.00",
      format: "#,##0.00",
      formula: null,
      indent: 0,
    });
    expect(at(s, "E5")).toMatchObject({ value: 0.776, text: "77.60%", format: "0.00%" });
    expect(at(s, "E7")).toMatchObject({ value: 80.35, text: "80.35", format: "0.00" });
    expect(at(s, "A3").value).toBe("Sasaran");
    expect(at(s, "G4").value).toBe("(7) = (6) : (5)");
    expect(at(s, "B8")).toMatchObject({ value: null, text: "" });
  });

  test("Tabel 3.10: a formula with its cached result", () => {
    const s = sheetOf(sheets, "Tabel 3.10");
    const e4 = at(s, "E4");
    expect(e4.formula).toBe("=ROUND(D4/C4*100,2)");
    expect(typeof e4.value).toBe("number");
    expect(e4.value).toBeCloseTo(91.67, 10);
    expect(e4.text).toBe("91.67");
    expect(at(s, "C4").formula).toBeNull();
  });

  test("Tabel 3.9: merged header D3:G3, covered cells null; the table starts in column B", () => {
    const s = sheetOf(sheets, "Tabel 3.9");
    expect(s.origin).toEqual({ row: 0, col: 1 });
    expect(s.merges).toContainEqual({ top: 2, left: 3, bottom: 2, right: 6 });
    expect(s.merges).toContainEqual({ top: 2, left: 1, bottom: 3, right: 1 });
    expect(at(s, "D3").value).toBe("CAPAIAN KINERJA TAHUN 2025");
    for (const covered of ["E3", "F3", "G3", "B4", "C4", "H4"]) {
      expect(at(s, covered)).toMatchObject({ value: null, text: "" });
    }
    expect(at(s, "D4").value).toBe("TARGET");
    expect(at(s, "D7")).toMatchObject({ value: "59,80 %", text: "59,80 %" });
  });

  test("Tabel 2.7: sub-level names are indented with leading spaces, not alignment", () => {
    const s = sheetOf(sheets, "Tabel 2.7");
    const b7 = at(s, "B7");
    expect(b7.value).toMatch(/^ {4}Perencanaan, Penganggaran/);
    expect(b7.indent).toBe(0);
    expect(at(s, "B8").value).toMatch(/^ {8}Penyusunan/);
    expect(s.indents).toBeUndefined();
    expect(at(s, "E58")).toMatchObject({ value: "- 1.453.946.320,00" });
    expect(at(s, "E26")).toMatchObject({ value: -15000000, text: "-15,000,000.00" });
  });
});

describe("lakip-tangsel-2021.xlsx: alignment indents", () => {
  test("Tabel 9 rows carry an indent level", async () => {
    const sheets = await workbook("lakip-tangsel-2021.xlsx");
    const s = sheetOf(sheets, "Tabel 9");
    expect(s.indents).toBeDefined();
    expect(s.indents!.flat().some((n) => n > 0)).toBe(true);
  });
});

describe("workbooks written by ExcelJS round-trip into the expected snapshot", () => {
  async function build(): Promise<ArrayBuffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "Judul tabel";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = "Kode";
    ws.getCell("B2").value = {
      richText: [{ text: "Pagu " }, { text: "(Rp)", font: { bold: true } }],
    };
    ws.getCell("C2").value = "Tanggal";
    ws.getCell("A3").value = "01";
    ws.getCell("A3").alignment = { indent: 2 };
    ws.getCell("B3").value = 2222600041;
    ws.getCell("B3").numFmt = "#,##0.00";
    ws.getCell("C3").value = new Date(Date.UTC(2025, 0, 31));
    ws.getCell("C3").numFmt = "d-mmm-yy";
    ws.getCell("A4").value = { text: "situs", hyperlink: "https://example.org/" };
    ws.getCell("B4").value = 0.776;
    ws.getCell("B4").numFmt = "0.00%";
    ws.getCell("C4").value = { error: "#N/A" };
    ws.getCell("A5").value = true;
    ws.getCell("B5").value = { formula: "B3*2", result: 4445200082 };
    ws.getCell("B5").numFmt = "#,##0";
    ws.getCell("C5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    // A shared formula: B6 is the master, B7 shares it.
    ws.fillFormula("B6:B7", "B4*100", [77.6, 444520008200]);
    ws.getCell("B8").value = "gabung";
    ws.mergeCells("B8:C9");
    // Formatting and an empty merged block far away do not widen the used range.
    ws.getCell("F20").numFmt = "0.00";
    ws.mergeCells("H30:I31");

    const hiddenSheet = wb.addWorksheet("Rahasia", { state: "hidden" });
    hiddenSheet.getCell("C4").value = 5;
    wb.addWorksheet("Kosong");
    wb.addWorksheet("Sangat Rahasia", { state: "veryHidden" });
    const protectedSheet = wb.addWorksheet("Terkunci");
    protectedSheet.getCell("A1").value = "dilindungi";
    await protectedSheet.protect("rahasia", {});
    return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  }

  test("the whole snapshot, exactly", async () => {
    const sheets = await readSheets(await build());
    const G = "General";
    const expected: SheetSnapshot[] = [
      {
        name: "Data",
        origin: { row: 0, col: 0 },
        values: [
          ["Judul tabel", null, null],
          ["Kode", "Pagu (Rp)", "Tanggal"],
          ["01", 2222600041, 45688],
          ["situs", 0.776, "#N/A"],
          [true, 4445200082, "#DIV/0!"],
          [null, 77.6, null],
          [null, 444520008200, null],
          [null, "gabung", null],
          [null, null, null],
        ],
        text: [
          ["Judul tabel", "", ""],
          ["Kode", "Pagu (Rp)", "Tanggal"],
          ["01", "2,222,600,041.00", "31-Jan-25"],
          ["situs", "77.60%", "#N/A"],
          ["TRUE", "4,445,200,082", "#DIV/0!"],
          ["", "77.6", ""],
          ["", "4.4452E+11", ""],
          ["", "gabung", ""],
          ["", "", ""],
        ],
        numberFormats: [
          [G, G, G],
          [G, G, G],
          [G, "#,##0.00", "d-mmm-yy"],
          [G, "0.00%", G],
          [G, "#,##0", G],
          [G, G, G],
          [G, G, G],
          [G, G, G],
          [G, G, G],
        ],
        formulas: [
          [null, null, null],
          [null, null, null],
          [null, null, null],
          [null, null, null],
          [null, "=B3*2", "=1/0"],
          [null, "=B4*100", null],
          [null, "=B5*100", null],
          [null, null, null],
          [null, null, null],
        ],
        merges: [
          { top: 0, left: 0, bottom: 0, right: 2 },
          { top: 7, left: 1, bottom: 8, right: 2 },
        ],
        indents: [
          [0, 0, 0],
          [0, 0, 0],
          [2, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
      },
      {
        name: "Rahasia",
        origin: { row: 3, col: 2 },
        values: [[5]],
        text: [["5"]],
        numberFormats: [[G]],
        formulas: [[null]],
        merges: [],
        hidden: true,
      },
      emptySheet("Kosong"),
      { ...emptySheet("Sangat Rahasia"), hidden: true },
      {
        name: "Terkunci",
        origin: { row: 0, col: 0 },
        values: [["dilindungi"]],
        text: [["dilindungi"]],
        numberFormats: [[G]],
        formulas: [[null]],
        merges: [],
      },
    ];
    expect(sheets).toEqual(expected);
    // No stray keys: an unhidden sheet has no `hidden`, a sheet without indents no `indents`.
    expect(Object.keys(sheets[4]).sort()).toEqual(
      ["formulas", "merges", "name", "numberFormats", "origin", "text", "values"].sort(),
    );
  });

  test("an ArrayBuffer, a Uint8Array and a Node Buffer give the same result", async () => {
    const buffer = await build();
    const fromArrayBuffer = await readSheets(buffer);
    const fromView = await readSheets(new Uint8Array(buffer));
    const fromNodeBuffer = await readSheets(Buffer.from(buffer));
    expect(fromView).toEqual(fromArrayBuffer);
    expect(fromNodeBuffer).toEqual(fromArrayBuffer);
  });

  test("a Uint8Array that is a window into a larger buffer", async () => {
    const bytes = new Uint8Array(await build());
    const padded = new Uint8Array(bytes.length + 20);
    padded.set(bytes, 10);
    const sheets = await readSheets(padded.subarray(10, 10 + bytes.length));
    expect(sheets.map((s) => s.name)).toEqual([
      "Data",
      "Rahasia",
      "Kosong",
      "Sangat Rahasia",
      "Terkunci",
    ]);
  });
});
