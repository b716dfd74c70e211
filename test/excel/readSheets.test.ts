import ExcelJS from "exceljs";
import { emptySheet, snapshotFromValues, SheetSnapshot } from "../../src/core/snapshot";
import { ExcelGatewayError } from "../../src/excel";
import { FakeExcel } from "../helpers/fakeExcel";
import { FIXTURE_NAMES } from "../helpers/check";
import { bytesOf, fakeOfBytes, fixtureBytes, gatewayOf } from "./support";

/**
 * readSheets through Office.js (the fake): the same snapshots as the xlsx gateway for the
 * same workbook, in two syncs.
 */

describe.each(FIXTURE_NAMES)("fixture %s", (name) => {
  test("the same snapshots as the xlsx gateway, in two syncs", async () => {
    const { fake, expected } = await fakeOfBytes(fixtureBytes(name));
    const gateway = gatewayOf(fake);
    const actual = await gateway.readSheets();
    expect(actual).toStrictEqual(expected);
    expect(fake.syncCount).toBe(2);
    expect(fake.writes).toEqual([]);
  });
});

/** A workbook with the cases Office.js reports differently from the file. */
function handMade(wb: ExcelJS.Workbook) {
  const data = wb.addWorksheet("Data");
  data.getCell("A1").value = "Judul tabel";
  data.mergeCells("A1:E1");
  data.getCell("A2").value = "No";
  data.getCell("B2").value = "Nama";
  data.getCell("C2").value = "Nilai";
  data.getCell("A3").value = 1;
  data.getCell("B3").value = "Program";
  data.getCell("B3").alignment = { indent: 2 };
  data.getCell("C3").value = { formula: "A3/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
  data.getCell("A4").value = 2;
  data.getCell("B4").value = true;
  data.getCell("C4").value = 0.776;
  data.getCell("C4").numFmt = "0.00%";
  data.getCell("A5").value = 3;
  data.getCell("B5").value = false;
  data.getCell("C5").value = new Date(Date.UTC(2021, 0, 1));
  data.getCell("C5").numFmt = "dd/mm/yyyy";
  data.getCell("B6").value = { error: "#N/A" } as ExcelJS.CellValue;
  data.getCell("C6").value = { formula: '""', result: "" } as ExcelJS.CellValue;
  data.getCell("A7").value = "=teks, bukan rumus";
  // Formatting alone does not widen the used range.
  data.getCell("H30").numFmt = "0.00";
  data.getCell("H30").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };

  wb.addWorksheet("Kosong");
  const hidden = wb.addWorksheet("Tersembunyi", { state: "hidden" });
  hidden.getCell("B2").value = 5;
  wb.addWorksheet("Sangat", { state: "veryHidden" });

  // A merged header whose top-left cell is the used range's edge: the box widens to D.
  const edge = wb.addWorksheet("Tepi");
  edge.getCell("B2").value = "Header";
  edge.mergeCells("B2:D3");
  edge.getCell("B4").value = 10;
  edge.getCell("B5").value = 20;

  // An empty merged block reaching into the data from above-left: listed, not widening.
  const outside = wb.addWorksheet("Luar");
  outside.mergeCells("A3:B4");
  outside.getCell("C4").value = "x";
  outside.getCell("B5").value = "y";
  outside.getCell("C5").value = "z";

  const formatOnly = wb.addWorksheet("Format saja");
  formatOnly.getCell("C3").numFmt = "#,##0";
}

describe("hand-made workbook", () => {
  let expected: SheetSnapshot[];
  let fake: FakeExcel;
  let actual: SheetSnapshot[];

  beforeAll(async () => {
    ({ fake, expected } = await fakeOfBytes(await bytesOf(handMade)));
    actual = await gatewayOf(fake).readSheets();
  });

  test("the same snapshots as the xlsx gateway", () => {
    expect(actual).toStrictEqual(expected);
    expect(fake.syncCount).toBe(2);
  });

  test("Office's conventions become the snapshot's", () => {
    const data = actual.find((s) => s.name === "Data")!;
    // Widened to the merged title, not to the formatted H30.
    expect(data.origin).toEqual({ row: 0, col: 0 });
    expect(data.values[0]).toHaveLength(5);
    expect(data.values).toHaveLength(7);
    expect(data.values[2][2]).toBe("#DIV/0!");
    expect(data.formulas[2][2]).toBe("=A3/0");
    expect(data.values[3][1]).toBe(true);
    expect(data.values[4][1]).toBe(false);
    expect(data.values[5][1]).toBe("#N/A");
    expect(data.formulas[5][1]).toBeNull();
    // A formula showing an empty text reads as empty, as from the file.
    expect(data.values[5][2]).toBeNull();
    expect(data.formulas[5][2]).toBe('=""');
    expect(data.values[5][0]).toBeNull();
    expect(data.values[6][0]).toBe("=teks, bukan rumus");
    expect(data.formulas[6][0]).toBeNull();
    expect(data.values[4][2]).toBe(44197);
    expect(data.numberFormats[3][2]).toBe("0.00%");
    expect(data.indents?.[2][1]).toBe(2);
    expect(data.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);

    expect(actual.find((s) => s.name === "Kosong")).toStrictEqual(emptySheet("Kosong"));
    expect(actual.find((s) => s.name === "Format saja")).toStrictEqual(emptySheet("Format saja"));
    expect(actual.find((s) => s.name === "Tersembunyi")?.hidden).toBe(true);
    expect(actual.find((s) => s.name === "Sangat")).toStrictEqual({
      ...emptySheet("Sangat"),
      hidden: true,
    });

    const edge = actual.find((s) => s.name === "Tepi")!;
    expect(edge.origin).toEqual({ row: 1, col: 1 });
    expect(edge.values).toEqual([
      ["Header", null, null],
      [null, null, null],
      [10, null, null],
      [20, null, null],
    ]);
    expect(edge.numberFormats[3]).toEqual(["General", "General", "General"]);

    const outside = actual.find((s) => s.name === "Luar")!;
    expect(outside.origin).toEqual({ row: 3, col: 1 });
    expect(outside.merges).toEqual([{ top: 2, left: 0, bottom: 3, right: 1 }]);
  });
});

describe("the product's mark", () => {
  test("a marked sheet reads as that summary; another name or value does not", async () => {
    const ours = { ...snapshotFromValues("Temuan", [["No", "Pesan"]]), summary: "temuan" };
    const fake = FakeExcel.fromSnapshots([snapshotFromValues("Data", [[1]]), ours]);
    const user = fake.addSheet("Catatan");
    user.setCell(0, 0, { value: "x" });
    user.names.push({
      name: "_SAKIP_SUMMARY",
      formula: "=Data!$A$1",
      visible: true,
      comment: null,
    });
    const sheets = await gatewayOf(fake).readSheets();
    expect(sheets.map((s) => s.summary)).toEqual([undefined, "temuan", undefined]);
    expect(fake.syncCount).toBe(2);
  });

  test("before ExcelApi 1.7 the mark is read from the name's value", async () => {
    const ours = { ...snapshotFromValues("Skala", [["a"]]), summary: "skala" };
    const fake = FakeExcel.fromSnapshots([ours], { excelApi: "1.6" });
    const [sheet] = await gatewayOf(fake).readSheets();
    expect(sheet.summary).toBe("skala");
  });
});

describe("sync count and fallbacks", () => {
  function bigWorkbook(sheets: number): SheetSnapshot[] {
    return Array.from({ length: sheets }, (_, k) =>
      snapshotFromValues(
        `Tabel ${k + 1}`,
        Array.from({ length: 60 }, (_, r) =>
          Array.from({ length: 15 }, (_, c) => (r === 0 ? `Kolom ${c}` : r * 100 + c + k)),
        ),
        { merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] },
      ),
    );
  }

  test("twenty sheets in two syncs", async () => {
    const snapshots = bigWorkbook(20);
    const fake = FakeExcel.fromSnapshots(snapshots);
    const read = await gatewayOf(fake).readSheets();
    expect(fake.syncCount).toBe(2);
    expect(read).toStrictEqual(snapshots);
  });

  test("without ExcelApi 1.13: no merges, no widening, still two syncs", async () => {
    const { fake, expected } = await fakeOfBytes(await bytesOf(handMade), { excelApi: "1.12" });
    const read = await gatewayOf(fake).readSheets();
    expect(fake.syncCount).toBe(2);
    for (const s of read) expect(s.merges).toEqual([]);
    const edge = read.find((s) => s.name === "Tepi")!;
    expect(edge.values).toEqual([["Header"], [null], [10], [20]]);
    const data = read.find((s) => s.name === "Data")!;
    expect(data.values[0]).toHaveLength(3);
    // Everything else as before.
    expect(data.indents?.[2][1]).toBe(2);
    expect(read.map((s) => s.name)).toEqual(expected.map((s) => s.name));
  });

  test("without ExcelApi 1.9: no indents either, still two syncs", async () => {
    const { fake } = await fakeOfBytes(await bytesOf(handMade), { excelApi: "1.8" });
    const read = await gatewayOf(fake).readSheets();
    expect(fake.syncCount).toBe(2);
    for (const s of read) expect(s.indents).toBeUndefined();
  });

  test("more merged areas than Excel returns: read again without merges (three syncs)", async () => {
    const snapshots = bigWorkbook(3);
    snapshots[1].merges = Array.from({ length: 20 }, (_, r) => ({
      top: r + 1,
      left: 0,
      bottom: r + 1,
      right: 1,
    }));
    const fake = FakeExcel.fromSnapshots(snapshots, { mergedAreasLimit: 10 });
    const read = await gatewayOf(fake).readSheets();
    expect(fake.syncCount).toBe(3);
    expect(read.map((s) => s.merges)).toEqual([[], [], []]);
    expect(read.map((s) => s.values)).toEqual(snapshots.map((s) => s.values));
  });

  test("a failing sync rejects with Office's code and message", async () => {
    const fake = FakeExcel.fromSnapshots(bigWorkbook(2), { excelApi: "1.12" });
    fake.failSync = (n) => n === 2;
    const gateway = gatewayOf(fake);
    const promise = gateway.readSheets();
    await expect(promise).rejects.toBeInstanceOf(ExcelGatewayError);
    await expect(promise).rejects.toThrow(
      /^Excel could not read the workbook: An internal error has occurred\. \(GeneralException, at sync\)$/,
    );
  });
});
