import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { PNG } from "pngjs";
import {
  CachedValue,
  cachedValues,
  ensureLibreOffice,
  pdfToPng,
  recalculate,
  toPdf,
} from "../helpers/libreoffice";

/**
 * Self-test of the LibreOffice helper: every formula below is written with a WRONG cached
 * result, so a value that comes back right was computed by LibreOffice, not kept from the file.
 * The cases are the functions our summary sheets use; the "differs from Excel" block records
 * where LibreOffice (7.4, Debian 12) does not give what Excel gives, so a test comparing with
 * it knows what not to rely on.
 */

// Installing LibreOffice on a clean machine takes ~20 s here, minutes on a slow mirror.
const INSTALL_TIMEOUT_MS = 15 * 60 * 1000;
const CONVERSION_TIMEOUT_MS = 2 * 60 * 1000;

const SOURCE = "Sheet 1";
const SUMMARY = "Ringkasan";
const STALE = 999;

/** [address on the summary sheet, formula (file syntax), what Excel computes]. */
const SAME_AS_EXCEL: [string, string, CachedValue][] = [
  ["B1", "'Sheet 1'!A1*2", 106.4],
  ["B2", "ROUND('Sheet 1'!A1/'Sheet 1'!A2*100,2)", 106.4],
  // In a file, functions newer than Excel 2007 carry the _xlfn. prefix (Excel adds it on save).
  ["B3", '_xlfn.NUMBERVALUE(SUBSTITUTE("77,60%","%",""),",",".")', 77.6],
  // The summary's reading of a typed percent text (src/core/summary/source.ts).
  ["B4", `IF('Sheet 1'!A4="","",_xlfn.NUMBERVALUE(SUBSTITUTE('Sheet 1'!A4,"%",""),",","."))`, 77.6],
  ["B5", `IF('Sheet 1'!A3="","",'Sheet 1'!A3)`, ""],
  ["B6", `HYPERLINK("#'Sheet 1'!B2","B2")`, "B2"],
  ["B7", `SUMIF('Sheet 1'!D1:D3,"x",'Sheet 1'!A1:A3)`, 103.2],
  ["B8", `IFERROR('Sheet 1'!A1/'Sheet 1'!A3,"-")`, "-"],
  ["B9", `IFERROR('Sheet 1'!A1/'Sheet 1'!A2,"-")`, 1.064],
  // C1:C3 are 53.2, 50 and "" (IF of an empty cell): AVERAGE, SUM and COUNT skip the text.
  ["B10", "AVERAGE(C1:C3)", 51.6],
  ["B11", "SUM(C1:C3)", 103.2],
  ["B12", "COUNT(C1:C3)", 2],
  ["B13", "'Sheet 1'!A1>'Sheet 1'!A2", true],
  ["B14", "'Sheet 1'!A1<'Sheet 1'!A2", false],
  ["B15", "1/0", "#DIV/0!"],
  ["B16", "SUM('Sheet 1'!D1:D3)", 0],
  // Excel rounds the decimal it shows, not the binary double (0.285 is 0.28499999…).
  ["B17", "ROUND(0.285,2)", 0.29],
  ["B18", "ROUND(2.675,2)", 2.68],
  ["B19", `'Sheet 1'!A1&" %"`, "53.2 %"],
  ["B20", '_xlfn.NUMBERVALUE("1.234,5",",",".")', 1234.5],
  ["B21", '_xlfn.NUMBERVALUE("77,60%",",",".")', 0.776],
  ["B22", `AVERAGEIF(C1:C3,"<>")`, 51.6],
  ["B23", `IF('Sheet 1'!A2=0,"",'Sheet 1'!A1/'Sheet 1'!A2*100)`, 106.4],
  ["B24", '_xlfn.NUMBERVALUE("abc",",",".")', "#VALUE!"],
  ["B25", `COUNTIF('Sheet 1'!D1:D3,"x")`, 2],
  ["B26", "MAX(C1:C3)-MIN(C1:C3)", 3.2],
];

/** [address, formula, what LibreOffice gives, what Excel gives]: the differences. */
const DIFFERS_FROM_EXCEL: [string, string, CachedValue, CachedValue, string][] = [
  [
    "E1",
    'NUMBERVALUE(SUBSTITUTE("77,60%","%",""),",",".")',
    "#NAME?",
    77.6,
    "without the _xlfn. prefix a newer function is unknown (ExcelJS writes the formula as given)",
  ],
  ["E2", '_xlfn.NUMBERVALUE("",",",".")', "#VALUE!", 0, 'NUMBERVALUE("") is 0 in Excel'],
  ["E3", '_xlfn.NUMBERVALUE(\'Sheet 1\'!A3,",",".")', "#VALUE!", 0, "nor of an empty cell"],
  ["E4", `_xlfn.XLOOKUP(2,'Sheet 1'!A1:A2,'Sheet 1'!A1:A2,"-")`, "#NAME?", "-", "no XLOOKUP"],
];

let dir: string;
let input: string;

async function writeInput(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const source = workbook.addWorksheet(SOURCE);
  source.getCell("A1").value = 53.2;
  source.getCell("A2").value = 50;
  // A3 stays empty.
  source.getCell("A4").value = "77,60%";
  source.getCell("D1").value = "x";
  source.getCell("D2").value = "x";
  source.getCell("D3").value = "y";
  const summary = workbook.addWorksheet(SUMMARY);
  ["A1", "A2", "A3"].forEach((ref, i) => {
    summary.getCell(`C${i + 1}`).value = {
      formula: `IF('Sheet 1'!${ref}="","",'Sheet 1'!${ref})`,
      result: STALE,
    };
  });
  for (const [address, formula, expected] of SAME_AS_EXCEL) {
    // Never the right result: a kept cached value fails the comparison.
    const result = typeof expected === "boolean" ? !expected : STALE;
    summary.getCell(address).value = { formula, result };
  }
  for (const [address, formula] of DIFFERS_FROM_EXCEL) {
    summary.getCell(address).value = { formula, result: STALE };
  }
  summary.getCell("G1").value = { formula: "1/3", result: STALE };
  summary.getCell("G2").value = { formula: "0.1+0.2", result: STALE };
  await workbook.xlsx.writeFile(file);
}

function expectSame(actual: CachedValue | undefined, expected: CachedValue): void {
  if (typeof expected === "number") {
    expect(typeof actual).toBe("number");
    // LibreOffice writes cached numbers with 15 significant digits.
    expect(actual as number).toBeCloseTo(expected, 12);
  } else {
    expect(actual).toStrictEqual(expected);
  }
}

let recalculated: Map<string, CachedValue>;
let notForced: Map<string, CachedValue>;

beforeAll(() => {
  ensureLibreOffice();
}, INSTALL_TIMEOUT_MS);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-libreoffice-"));
  input = path.join(dir, "summary.xlsx");
  await writeInput(input);
  // Two conversions at once: each has its own throw-away profile, so they must not collide.
  const [forced, kept] = await Promise.all([
    recalculate(input, path.join(dir, "forced")),
    recalculate(input, path.join(dir, "default"), { forceRecalculation: false }),
  ]);
  recalculated = await cachedValues(forced, SUMMARY);
  notForced = await cachedValues(kept, SUMMARY);
}, CONVERSION_TIMEOUT_MS);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("recalculate", () => {
  test("writes to outDir under the input's name", () => {
    expect(fs.existsSync(path.join(dir, "forced", "summary.xlsx"))).toBe(true);
  });

  test.each(SAME_AS_EXCEL)("%s = %s is recomputed to %p, like Excel", (address, _f, expected) => {
    expectSame(recalculated.get(address), expected);
  });

  test.each(DIFFERS_FROM_EXCEL)(
    "%s = %s gives %p in LibreOffice where Excel gives %p: %s",
    (address, _formula, libreOffice) => {
      expect(recalculated.get(address)).toStrictEqual(libreOffice);
    },
  );

  test("cached numbers are written with 15 significant digits", () => {
    expect(recalculated.get("G1")).toBe(0.333333333333333);
    expect(recalculated.get("G2")).toBe(0.3);
  });

  test("without the forced profile LibreOffice keeps the stale numeric results", () => {
    // The reason for the profile: by default a test would compare our numbers with themselves.
    expect(notForced.get("B1")).toBe(STALE);
    expect(notForced.get("B2")).toBe(STALE);
  });

  test("a missing input or an outDir that would overwrite the input is a clear error", async () => {
    await expect(recalculate(path.join(dir, "missing.xlsx"), dir)).rejects.toThrow(
      /No such file to convert/,
    );
    await expect(recalculate(input, dir)).rejects.toThrow(/would overwrite it/);
  });

  test("a hung soffice is killed at the timeout, with a clear error", async () => {
    await expect(recalculate(input, path.join(dir, "slow"), { timeoutMs: 50 })).rejects.toThrow(
      /timed out after 50 ms and was killed/,
    );
  });
});

describe("cachedValues", () => {
  test("reads the cached results as written, including 0, false and empty text", async () => {
    const values = await cachedValues(input, SUMMARY);
    expect(values.get("B1")).toBe(STALE);
    expect(values.get("B14")).toBe(true);
    expect(recalculated.get("B16")).toBe(0);
    expect(recalculated.get("B14")).toBe(false);
    expect(recalculated.get("C3")).toBe("");
  });

  test("reads plain cells and names the sheets when the sheet is missing", async () => {
    const source = await cachedValues(input, SOURCE);
    expect(source.get("A1")).toBe(53.2);
    expect(source.get("A4")).toBe("77,60%");
    expect(source.has("A3")).toBe(false);
    await expect(cachedValues(input, "Nope")).rejects.toThrow(/has no sheet "Nope".*Ringkasan/);
  });
});

describe("toPdf and pdfToPng", () => {
  test("the workbook prints to a PDF whose first page renders to a non-blank PNG", async () => {
    const pdf = await toPdf(input, path.join(dir, "pdf"));
    expect(path.basename(pdf)).toBe("summary.pdf");
    expect(fs.readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pdfToPng(pdf, path.join(dir, "png", "page"), {
      firstPage: 1,
      lastPage: 1,
      dpi: 50,
    });
    expect(pages).toHaveLength(1);
    const png = PNG.sync.read(fs.readFileSync(pages[0]));
    expect(png.width).toBeGreaterThan(100);
    expect(png.height).toBeGreaterThan(100);
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 128) dark++;
    expect(dark).toBeGreaterThan(50);
  });
});
