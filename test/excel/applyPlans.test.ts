import { snapshotFromValues, SheetSnapshot } from "../../src/core/snapshot";
import type { PlanCell, SheetPlan } from "../../src/core/summary/plan";
import { DEFAULT_PAYLOAD_LIMIT, ExcelGatewayError } from "../../src/excel";
import { FIXTURE_NAMES, fixtureSheets } from "../helpers/check";
import { FakeExcel } from "../helpers/fakeExcel";
import { capaianPlan, temuanPlan } from "../helpers/plans";
import { expectSheetMatchesPlan } from "./planCheck";
import { gatewayOf, plansOf } from "./support";

/**
 * applyPlans through Office.js (the fake): what Excel receives equals the plans, in two
 * syncs, without touching a sheet the product did not create, and within the request
 * size limit.
 */

jest.setTimeout(30_000);

/** The ids of the sheets the product did not create, and their contents, before a write. */
function foreignState(fake: FakeExcel, ours: string[] = []) {
  const sheets = fake.sheets.filter(
    (s) =>
      !ours.includes(s.name) &&
      !s.names.some((n) => n.name === "_SAKIP_SUMMARY" && /^="[a-z-]+"$/.test(n.formula)),
  );
  return {
    ids: new Set(sheets.map((s) => s.id)),
    json: JSON.stringify(sheets.map((s) => s.toJSON())),
  };
}

function expectForeignUntouched(fake: FakeExcel, before: { ids: Set<number>; json: string }) {
  const now = fake.sheets.filter((s) => before.ids.has(s.id));
  expect(now.map((s) => s.id)).toEqual([...before.ids]);
  expect(JSON.stringify(now.map((s) => s.toJSON()))).toBe(before.json);
  expect(fake.writes.filter((w) => before.ids.has(w.sheetId))).toEqual([]);
}

describe.each(FIXTURE_NAMES)("fixture %s", (name) => {
  let sheets: SheetSnapshot[];
  let plans: SheetPlan[];

  beforeAll(async () => {
    sheets = await fixtureSheets(name);
    plans = plansOf(`${name}.xlsx`, sheets);
  });

  test("the pipeline's summary sheets in two syncs, then again replacing only ours", async () => {
    expect(plans.length).toBeGreaterThan(0);
    const fake = FakeExcel.fromSnapshots(sheets);
    const gateway = gatewayOf(fake);
    await gateway.readSheets();
    const before = foreignState(fake);

    fake.resetCounters();
    const first = await gateway.applyPlans(plans);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(first.removed).toEqual([]);
    expect(first.written.map((w) => w.key)).toEqual(plans.map((p) => p.key));
    first.written.forEach((w, i) => expectSheetMatchesPlan(fake, w.name, plans[i]));
    expect(fake.sheetNames()).toEqual([
      ...sheets.map((s) => s.name),
      ...first.written.map((w) => w.name),
    ]);
    expect(fake.activeSheet()?.name).toBe(first.written[0].name);
    expectForeignUntouched(fake, before);

    fake.resetCounters();
    const second = await gateway.applyPlans(plans);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(second.removed).toEqual(first.written.map((w) => w.name));
    expect(second.written).toEqual(first.written);
    second.written.forEach((w, i) => expectSheetMatchesPlan(fake, w.name, plans[i]));
    expect(fake.sheetNames()).toEqual([
      ...sheets.map((s) => s.name),
      ...second.written.map((w) => w.name),
    ]);
    expectForeignUntouched(fake, before);

    // Read back: our sheets carry their keys.
    const read = await gateway.readSheets();
    expect(read.filter((s) => s.summary).map((s) => [s.name, s.summary])).toEqual(
      second.written.map((w) => [w.name, w.key]),
    );
  });
});

describe("sheets the product did not create", () => {
  function workbook(): FakeExcel {
    const fake = FakeExcel.fromSnapshots([
      snapshotFromValues("Data", [[80], [85], [90], [95]]),
      snapshotFromValues("Ringkasan Capaian", [["catatan pengguna", 1]]),
    ]);
    fake
      .sheet("Ringkasan Capaian")
      .names.push({ name: "Catatan", formula: "=$A$1", visible: true, comment: null });
    // A user's name that happens to be called like the mark, but is not ours.
    const other = fake.addSheet("Temuan");
    other.setCell(0, 0, { value: "milik pengguna" });
    other.names.push({ name: "_SAKIP_SUMMARY", formula: "=$A$1", visible: true, comment: null });
    return fake;
  }

  test("are neither written to nor deleted; ours take free names", async () => {
    const fake = workbook();
    const gateway = gatewayOf(fake);
    await gateway.readSheets();
    const before = foreignState(fake);
    expect(before.ids.size).toBe(3);
    const plans = [capaianPlan("Data"), temuanPlan()];

    fake.resetCounters();
    const first = await gateway.applyPlans(plans);
    expect(first.written).toEqual([
      { key: "ringkasan-capaian", name: "Ringkasan Capaian (2)" },
      { key: "temuan", name: "Temuan (2)" },
    ]);
    expect(first.removed).toEqual([]);
    expect(fake.syncCount).toBe(2);
    expectSheetMatchesPlan(fake, "Ringkasan Capaian (2)", plans[0]);
    expectSheetMatchesPlan(fake, "Temuan (2)", plans[1]);
    expectForeignUntouched(fake, before);

    fake.resetCounters();
    const second = await gateway.applyPlans(plans);
    expect(second.removed).toEqual(["Ringkasan Capaian (2)", "Temuan (2)"]);
    expect(second.written).toEqual(first.written);
    expect(fake.syncCount).toBe(2);
    expectForeignUntouched(fake, before);
    expect(fake.sheetNames()).toEqual([
      "Data",
      "Ringkasan Capaian",
      "Temuan",
      "Ringkasan Capaian (2)",
      "Temuan (2)",
    ]);

    // Removing every summary leaves the user's sheets.
    const third = await gateway.applyPlans([]);
    expect(third).toEqual({ written: [], removed: ["Ringkasan Capaian (2)", "Temuan (2)"] });
    expect(fake.sheetNames()).toEqual(["Data", "Ringkasan Capaian", "Temuan"]);
    expectForeignUntouched(fake, before);
  });

  test("a cold call (no earlier read) reads every mark first: three syncs", async () => {
    const fake = workbook();
    await gatewayOf(fake).applyPlans([capaianPlan("Data"), temuanPlan()]);
    const before = foreignState(fake);

    fake.resetCounters();
    const result = await gatewayOf(fake).applyPlans([temuanPlan()]);
    expect(fake.syncCount).toBe(3);
    expect(result.removed).toEqual(["Ringkasan Capaian (2)", "Temuan (2)"]);
    expect(result.written).toEqual([{ key: "temuan", name: "Temuan (2)" }]);
    expectForeignUntouched(fake, before);
  });

  test("a known sheet deleted meanwhile: the probe may fail, then every mark is read", async () => {
    const fake = workbook();
    fake.nullNavigation = "error";
    const gateway = gatewayOf(fake);
    await gateway.applyPlans([capaianPlan("Data"), temuanPlan()]);
    fake.deleteSheet(fake.sheet("Temuan (2)"));
    const before = foreignState(fake);

    fake.resetCounters();
    const result = await gateway.applyPlans([temuanPlan()]);
    // The failed probe, the list, the marks, the writes.
    expect(fake.syncCount).toBe(4);
    expect(result.removed).toEqual(["Ringkasan Capaian (2)"]);
    expect(result.written).toEqual([{ key: "temuan", name: "Temuan (2)" }]);
    expectForeignUntouched(fake, before);
  });

  test("a user's copy of a summary is recognised by its mark (renamed sheets stay safe)", async () => {
    const fake = workbook();
    const gateway = gatewayOf(fake);
    await gateway.applyPlans([temuanPlan()]);
    // The user renames ours: the gateway no longer finds it by name, so it stays.
    fake.sheet("Temuan (2)").name = "Temuan lama";
    fake.resetCounters();
    const result = await gateway.applyPlans([temuanPlan()]);
    expect(fake.syncCount).toBe(2);
    expect(result.removed).toEqual([]);
    expect(fake.sheetNames()).toContain("Temuan lama");
    // A fresh read sees both marks; the next write replaces both.
    await gateway.readSheets();
    const again = await gateway.applyPlans([temuanPlan()]);
    expect(again.removed).toEqual(["Temuan lama", "Temuan (2)"]);
  });

  test("no visible sheet would remain: rejected before anything is written", async () => {
    const fake = FakeExcel.fromSnapshots([
      { ...snapshotFromValues("Temuan", [["x"]]), summary: "temuan" },
    ]);
    fake.addSheet("Rahasia").visibility = "Hidden";
    const gateway = gatewayOf(fake);
    await gateway.readSheets();
    fake.resetCounters();
    await expect(gateway.applyPlans([])).rejects.toThrow(/would leave no visible sheet/);
    expect(fake.writes).toEqual([]);
    // With a plan, ours is replaced even though it was the only visible sheet.
    const result = await gateway.applyPlans([temuanPlan()]);
    expect(result).toEqual({ written: [{ key: "temuan", name: "Temuan" }], removed: ["Temuan"] });
    expect(fake.sheetNames()).toEqual(["Rahasia", "Temuan"]);
    expectSheetMatchesPlan(fake, "Temuan", temuanPlan());
  });
});

describe("cell values", () => {
  test("text stays text, formulas are formulas, number formats are the plan's", async () => {
    const fake = FakeExcel.fromSnapshots([
      snapshotFromValues("Data", [[0.5]], { numberFormats: [["0.00%"]] }),
    ]);
    const texts = [
      "=SUM(A1)",
      "123",
      "TRUE",
      "salah",
      "1/2",
      "50%",
      "Tinggi",
      "#N/A",
      "+62 21",
      "'kutip",
      " spasi",
      "Maret 2021",
    ];
    const cells: PlanCell[] = texts.map((value, row) => ({ row, col: 0, value }));
    cells.push(
      { row: 0, col: 1, value: 0.5, formula: "='Data'!A1" },
      { row: 1, col: 1, value: "", formula: '=IF(1,"","x")' },
      { row: 2, col: 1, value: "" },
      { row: 3, col: 1, value: Number.NaN },
      { row: 4, col: 1, value: false, numberFormat: "@" },
    );
    const plan: SheetPlan = { ...temuanPlan("Uji"), cells };
    const gateway = gatewayOf(fake);
    await gateway.applyPlans([plan]);
    const sheet = fake.sheet("Uji");
    texts.forEach((text, row) => {
      expect({
        row,
        value: sheet.cell(row, 0)?.value,
        formula: sheet.cell(row, 0)?.formula,
      }).toEqual({
        row,
        value: text,
        formula: null,
      });
    });
    // Plain words need no quote prefix.
    expect(sheet.cell(6, 0)?.style.quotePrefix).toBeUndefined();
    expect(sheet.cell(0, 0)?.style.quotePrefix).toBe(true);
    // The formula cell keeps General, not the format Excel copies from the cell it refers to.
    expect(sheet.cell(0, 1)?.formula).toBe("='Data'!A1");
    expect(sheet.cell(0, 1)?.numberFormat).toBe("General");
    expectSheetMatchesPlan(fake, "Uji", plan);
  });
});

describe("request size", () => {
  function bigPlan(rows: number, cols: number): SheetPlan {
    const cells: PlanCell[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        cells.push({
          row: r,
          col: c,
          value: c % 2 === 0 ? r * cols + c : `Indikator kinerja ${r}.${c}`,
          numberFormat: c % 2 === 0 ? "#,##0.00" : undefined,
          style: r === 0 ? { bold: true, border: true } : undefined,
        });
      }
    }
    return { ...temuanPlan("Besar"), cells, columnWidths: [8, 30], merges: [] };
  }

  test("a small limit: every sync within it, all cells arrive, more syncs", async () => {
    const limit = 20_000;
    const fake = FakeExcel.fromSnapshots([snapshotFromValues("Data", [[1]])], {
      payloadLimit: limit,
    });
    const gateway = gatewayOf(fake, { payloadLimitBytes: limit });
    await gateway.readSheets();
    fake.resetCounters();
    const plan = capaianPlan("Data", { rows: 400 });
    await gateway.applyPlans([plan, temuanPlan()]);
    expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(limit);
    const total = fake.payloads.reduce((a, b) => a + b, 0);
    expect(fake.syncCount).toBeGreaterThanOrEqual(1 + Math.ceil(total / limit));
    expect(fake.syncCount).toBeGreaterThan(5);
    expectSheetMatchesPlan(fake, "Ringkasan Capaian", plan);
    expectSheetMatchesPlan(fake, "Temuan", temuanPlan());
  });

  test("a single row wider than the limit is split by columns", async () => {
    const limit = 3_000;
    const fake = FakeExcel.fromSnapshots([snapshotFromValues("Data", [[1]])], {
      payloadLimit: limit,
    });
    const gateway = gatewayOf(fake, { payloadLimitBytes: limit });
    await gateway.readSheets();
    const plan = bigPlan(2, 400);
    await gateway.applyPlans([plan]);
    expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(limit);
    expectSheetMatchesPlan(fake, "Besar", plan);
  });

  test("200 000 cells at the default limit: several syncs, each under it", async () => {
    const fake = FakeExcel.fromSnapshots([snapshotFromValues("Data", [[1]])]);
    const gateway = gatewayOf(fake);
    await gateway.readSheets();
    fake.resetCounters();
    const plan = bigPlan(10_000, 20);
    await gateway.applyPlans([plan]);
    expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(DEFAULT_PAYLOAD_LIMIT);
    expect(fake.syncCount).toBeGreaterThanOrEqual(3);
    const sheet = fake.sheet("Besar");
    expect(sheet.cell(9_999, 19)?.value).toBe("Indikator kinerja 9999.19");
    expect(sheet.cell(9_999, 18)?.numberFormat).toBe("#,##0.00");
    expect(sheet.cell(5_000, 4)?.value).toBe(100_004);
    expect(sheet.cell(0, 7)?.style.bold).toBe(true);
  });
});

describe("older Excel versions", () => {
  async function applyOn(excelApi: string) {
    const fake = FakeExcel.fromSnapshots([snapshotFromValues("Data", [[80], [85], [90], [95]])], {
      excelApi,
    });
    const gateway = gatewayOf(fake);
    await gateway.readSheets();
    fake.resetCounters();
    const plans = [capaianPlan("Data"), temuanPlan()];
    const result = await gateway.applyPlans(plans);
    return { fake, plans, result };
  }

  test("without ExcelApi 1.9: no page layout, no indent, one range per rectangle; two syncs", async () => {
    const { fake, plans } = await applyOn("1.8");
    expect(fake.syncCount).toBe(2);
    expectSheetMatchesPlan(fake, "Ringkasan Capaian", plans[0], {
      indent: false,
      pageLayout: false,
    });
    expectSheetMatchesPlan(fake, "Temuan", plans[1], { indent: false, pageLayout: false });
  });

  test("without ExcelApi 1.7: no frozen panes, no charts either", async () => {
    const { fake, plans } = await applyOn("1.6");
    expect(fake.syncCount).toBe(2);
    const without = { indent: false, pageLayout: false, freeze: false, charts: false };
    expectSheetMatchesPlan(fake, "Ringkasan Capaian", plans[0], without);
  });

  test("without ExcelApi 1.6: no conditional formats", async () => {
    const { fake, plans } = await applyOn("1.5");
    const without = {
      indent: false,
      pageLayout: false,
      freeze: false,
      charts: false,
      conditionalFormats: false,
    };
    expectSheetMatchesPlan(fake, "Ringkasan Capaian", plans[0], without);
  });

  test("without ExcelApi 1.4 the sheets cannot be marked: nothing is written", async () => {
    const fake = FakeExcel.fromSnapshots([snapshotFromValues("Data", [[1]])], { excelApi: "1.3" });
    const promise = gatewayOf(fake).applyPlans([temuanPlan()]);
    await expect(promise).rejects.toBeInstanceOf(ExcelGatewayError);
    await expect(promise).rejects.toThrow(/ExcelApi 1\.4/);
    expect(fake.syncCount).toBe(0);
    expect(fake.sheetNames()).toEqual(["Data"]);
  });
});

describe("bad plans", () => {
  test("a cell outside the sheet rejects before anything is written", async () => {
    const fake = FakeExcel.fromSnapshots([snapshotFromValues("Data", [[1]])]);
    const plan = { ...temuanPlan(), cells: [{ row: -1, col: 0, value: 1 }] };
    await expect(gatewayOf(fake).applyPlans([plan])).rejects.toThrow(/no cell at row -1/);
    expect(fake.syncCount).toBe(0);
    expect(fake.writes).toEqual([]);
  });
});
