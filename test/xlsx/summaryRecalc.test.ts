import ExcelJS from "exceljs";
import JSZip from "jszip";
import fs from "fs";
import os from "os";
import path from "path";
import { runChecks, DEFAULT_SETTINGS } from "../../src/core/check";
import type { CheckWorkbook } from "../../src/core/check/types";
import { recognise } from "../../src/core/recognize";
import { a1 } from "../../src/core/snapshot";
import { SheetPlan, summarise } from "../../src/core/summary";
import { readSheetsFromFile } from "../../src/xlsx/readFile";
import { runCli } from "../helpers/cli";
import {
  CachedValue,
  cachedValues,
  ensureLibreOffice,
  pdfToPng,
  recalculate,
  toPdf,
} from "../helpers/libreoffice";
import { FIXTURE_NAMES } from "../helpers/check";
import { sharedPath } from "../helpers/shared";

/**
 * The summary sheets in a real spreadsheet engine (LibreOffice headless, recalculation on
 * load forced): every cell shows the number our engine computed, and an edit of a source
 * value flows through the native formulas.
 */

jest.setTimeout(15 * 60 * 1000);

const FIXTURES = FIXTURE_NAMES;
const fixture = (name: string) => sharedPath("fixtures", "workbooks", `${name}.xlsx`);

let dir: string;
beforeAll(() => {
  ensureLibreOffice();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-recalc-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function plansOf(file: string): Promise<SheetPlan[]> {
  const sheets = await readSheetsFromFile(file);
  const workbook: CheckWorkbook = { file, sheets, regions: recognise(sheets) };
  const result = runChecks([workbook], DEFAULT_SETTINGS);
  return summarise({
    workbook,
    model: result.model(),
    findings: result.findings,
    settings: DEFAULT_SETTINGS,
    lang: "id",
  });
}

/** Our sheets in a written file: plan key → sheet name. */
async function ownSheets(file: string): Promise<Map<string, string>> {
  const sheets = await readSheetsFromFile(file);
  return new Map(sheets.filter((s) => s.summary !== undefined).map((s) => [s.summary!, s.name]));
}

function same(expected: CachedValue, actual: CachedValue | undefined): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected), Math.abs(actual));
  }
  return expected === (actual ?? null);
}

/** Cells whose recalculated value differs from the plan's: "Sheet!A1 plan=… engine=…". */
async function differences(
  plans: SheetPlan[],
  recalculated: string,
  names: Map<string, string>,
): Promise<string[]> {
  const out: string[] = [];
  for (const plan of plans) {
    const name = names.get(plan.key)!;
    const values = await cachedValues(recalculated, name);
    for (const cell of plan.cells) {
      if (cell.value === null && cell.formula === undefined) continue;
      const address = a1(cell.row, cell.col);
      const actual = values.get(address);
      if (!same(cell.value, actual)) {
        out.push(
          `${name}!${address} plan=${JSON.stringify(cell.value)} engine=${JSON.stringify(actual)} ${cell.formula ?? ""}`,
        );
      }
    }
  }
  return out;
}

describe.each(FIXTURES)("%s recalculated by LibreOffice", (name) => {
  it("shows the numbers the engine computed, cell by cell", async () => {
    const out = path.join(dir, `${name}.summary.xlsx`);
    expect((await runCli("summary", fixture(name), "-o", out)).code).toBe(1);
    const recalculated = await recalculate(out, path.join(dir, `${name}-lo`));
    const plans = await plansOf(fixture(name));
    const names = await ownSheets(out);
    expect([...names.keys()]).toEqual(plans.map((p) => p.key));
    expect(await differences(plans, recalculated, names)).toEqual([]);
    // The file as written carries the same values as cached results, for viewers that do not recalculate.
    expect(await differences(plans, out, names)).toEqual([]);
  });
});

describe("an edit of a source value flows into the summary", () => {
  it("LKjIP Semarang: realisasi of Persentase koperasi aktif 82,57 → 90", async () => {
    const out = path.join(dir, "edit.summary.xlsx");
    await runCli("summary", fixture("lkjip-semarang-2025"), "-o", out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    // Tabel 3.1 stores the percentage as a fraction with a % format.
    book.getWorksheet("Tabel 3.1")!.getCell("F10").value = 0.9;
    const edited = path.join(dir, "edited.xlsx");
    await book.xlsx.writeFile(edited);
    const recalculated = await recalculate(edited, path.join(dir, "edit-lo"));
    const ringkasan = await cachedValues(recalculated, "Ringkasan Capaian");
    expect(ringkasan.get("G8")).toBeCloseTo(90, 9);
    expect(ringkasan.get("H8")).toBe(115.98);
    expect(ringkasan.get("J8")).toBe(115.98);
    // (100,1 + 100,63 + 115,98 + 102,6 + 100,12) / 5
    expect(ringkasan.get("H11")).toBe(103.89);
    const before = await cachedValues(out, "Ringkasan Capaian");
    expect(before.get("H8")).toBe(106.4);
    const perbandingan = await cachedValues(recalculated, "Perbandingan Tahun");
    const row = [...perbandingan]
      .find(([, v]) => v === "Persentase koperasi Aktif")![0]
      .replace(/^[A-Z]+/, "");
    expect(perbandingan.get(`M${row}`)).toBeCloseTo(12.42, 9);
    expect(perbandingan.get(`N${row}`)).toBe("Naik");
  });
});

describe("a page of the summary as the planner prints it", () => {
  it("converts to PDF and PNG (kept outside the repository, for a look by eye)", async () => {
    const out = path.join(dir, "print.summary.xlsx");
    await runCli("summary", fixture("lkjip-semarang-2025"), "-o", out);
    // Print only the summary sheets: hide the planner's tables in a copy. The package is
    // patched, not re-saved through ExcelJS, which would drop the chart.
    const names = await ownSheets(out);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    let book = await zip.file("xl/workbook.xml")!.async("string");
    const own = new Set([...names.values()].map((n) => n.replace(/&/g, "&amp;")));
    let first = -1;
    let index = 0;
    book = book.replace(/<sheet\b[^>]*?\/>/g, (element) => {
      const name = /\bname="([^"]*)"/.exec(element)![1];
      const i = index++;
      if (own.has(name)) {
        if (first < 0) first = i;
        return element;
      }
      return element.replace(/\sstate="[^"]*"/, "").replace("<sheet ", '<sheet state="hidden" ');
    });
    book = book
      .replace(/\bactiveTab="\d+"/, "")
      .replace(/<workbookView\b/, `<workbookView activeTab="${first}"`);
    zip.file("xl/workbook.xml", book);
    const printable = path.join(dir, "printable.xlsx");
    fs.writeFileSync(printable, await zip.generateAsync({ type: "uint8array" }));
    const pdf = await toPdf(printable, path.join(dir, "pdf"));
    const eyeball = process.env.SAKIP_PNG_DIR ?? path.join(os.tmpdir(), "sakip-summary-png");
    fs.rmSync(eyeball, { recursive: true, force: true });
    const pngs = await pdfToPng(pdf, path.join(eyeball, "ringkasan"), { dpi: 110 });
    expect(pngs.length).toBeGreaterThan(0);
    for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(10_000);
  });
});

describe("a kumulatif indicator sums its realisasi since the Renstra's first year", () => {
  it("reads %-formatted and typed sources in percent points, as the engine does", async () => {
    const config = path.join(dir, "kumulatif.json");
    fs.writeFileSync(
      config,
      JSON.stringify({ sifat: { "Persentase koperasi Aktif": "kumulatif" } }),
    );
    const out = path.join(dir, "kumulatif.summary.xlsx");
    expect(
      (await runCli("summary", fixture("lkjip-semarang-2025"), "-o", out, "--config", config)).code,
    ).toBe(1);
    const recalculated = await recalculate(out, path.join(dir, "kumulatif-lo"));
    const renstra = await cachedValues(recalculated, "Capaian Renstra");
    const row = [...renstra]
      .find(([, v]) => v === "Persentase koperasi Aktif")![0]
      .replace(/^[A-Z]+/, "");
    expect(renstra.get(`D${row}`)).toBe("kumulatif");
    const written = await cachedValues(out, "Capaian Renstra");
    const sum = renstra.get(`G${row}`) as number;
    // Realisasi 2022–2025 in percent points (76,64 + 77,04 + 77,58 + 82,57 where printed).
    expect(sum).toBeGreaterThan(200);
    expect(sum).toBeCloseTo(written.get(`G${row}`) as number, 9);
  });
});
