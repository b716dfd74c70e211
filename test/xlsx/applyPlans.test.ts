import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import path from "path";
import type { SheetPlan } from "../../src/core/summary/plan";
import { SheetSnapshot } from "../../src/core/snapshot";
import { applyPlans } from "../../src/xlsx/applyPlans";
import { WorkbookReadError } from "../../src/xlsx/errors";
import { readSheets } from "../../src/xlsx/readSheets";
import { readWorkbookConfig } from "../../src/xlsx/workbookSettings";
import { capaianPlan, temuanPlan } from "../helpers/plans";
import { sharedPath } from "../helpers/shared";
import { withDocumentSettings } from "../helpers/webExtension";

/**
 * applyPlans on the shared fixture workbooks and small ExcelJS-made ones: what it writes
 * (read back by ExcelJS, by readSheets and as XML), and what it must leave alone.
 */

jest.setTimeout(60_000);

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";

const FIXTURES = fs
  .readdirSync(sharedPath("fixtures", "workbooks"))
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

function fixture(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(sharedPath("fixtures", "workbooks", file)));
}

/** Every part of a package, uncompressed. */
async function partsOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) out.set(name, await file.async("uint8array"));
  }
  return out;
}

async function partText(bytes: Uint8Array, part: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(part);
  if (!file) throw new Error(`no part ${part}`);
  return file.async("string");
}

function parseXml(text: string): Document {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, "text/xml");
  return doc;
}

async function partXml(bytes: Uint8Array, part: string): Promise<Document> {
  return parseXml(await partText(bytes, part));
}

function elements(node: Document | Element, local: string, ns = MAIN_NS): Element[] {
  return Array.from(node.getElementsByTagNameNS(ns, local));
}

function childNames(node: Element): string[] {
  return Array.from(node.childNodes)
    .filter((n): n is Element => n.nodeType === 1)
    .map((e) => e.localName ?? e.nodeName);
}

/** Part name of each sheet of the workbook, by sheet name. */
async function sheetParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const book = await partXml(bytes, "xl/workbook.xml");
  const rels = await partXml(bytes, "xl/_rels/workbook.xml.rels");
  const targets = new Map(
    Array.from(rels.getElementsByTagName("Relationship")).map((r) => [
      r.getAttribute("Id"),
      r.getAttribute("Target") ?? "",
    ]),
  );
  const out = new Map<string, string>();
  for (const s of elements(book, "sheet")) {
    const target = targets.get(s.getAttributeNS(REL_NS, "id"))!;
    out.set(s.getAttribute("name")!, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

async function loadExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's typings ask for a Buffer; JSZip underneath takes any Uint8Array.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

async function excelJSWorkbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Definedname elements of the workbook part as plain data. */
async function definedNames(
  bytes: Uint8Array,
): Promise<{ name: string; local: string | null; hidden: string | null; value: string }[]> {
  const book = await partXml(bytes, "xl/workbook.xml");
  return elements(book, "definedName").map((e) => ({
    name: e.getAttribute("name")!,
    local: e.hasAttribute("localSheetId") ? e.getAttribute("localSheetId") : null,
    hidden: e.hasAttribute("hidden") ? e.getAttribute("hidden") : null,
    value: e.textContent ?? "",
  }));
}

/** The raw child elements of a styles section, as text, for prefix comparisons. */
function sectionEntries(styles: string, section: string, child: string): string[] {
  const m = new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(styles);
  if (!m) return [];
  return m[1].match(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g")) ?? [];
}

// ---------------------------------------------------------------------------------------

describe.each(FIXTURES)("%s", (file) => {
  let input: Uint8Array;
  let firstSheet: string;
  let plans: SheetPlan[];
  let output: Uint8Array;
  let before: SheetSnapshot[];
  let after: SheetSnapshot[];

  beforeAll(async () => {
    input = fixture(file);
    before = await readSheets(input);
    firstSheet = before[0].name;
    plans = [capaianPlan(firstSheet), temuanPlan()];
    output = (await applyPlans(input, plans)).bytes;
    after = await readSheets(output);
  });

  test("user parts are byte-identical; only the workbook, rels, content types and styles change", async () => {
    const inParts = await partsOf(input);
    const outParts = await partsOf(output);
    const mayChange = new Set([
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
    ]);
    for (const [name, data] of inParts) {
      if (mayChange.has(name) || name === "xl/calcChain.xml") continue;
      expect(outParts.has(name)).toBe(true);
      expect(Buffer.compare(Buffer.from(outParts.get(name)!), Buffer.from(data))).toBe(0);
    }
    const added = [...outParts.keys()].filter((n) => !inParts.has(n)).sort();
    expect(added.every((n) => /^xl\/(worksheets|drawings|charts)\//.test(n))).toBe(true);
  });

  test("readSheets: the user's sheets read the same, ours carry their summary key", async () => {
    expect(after.slice(0, before.length)).toEqual(before);
    expect(before.every((s) => s.summary === undefined)).toBe(true);
    expect(after.slice(before.length).map((s) => [s.name, s.summary])).toEqual([
      ["Ringkasan Capaian", "ringkasan-capaian"],
      ["Temuan", "temuan"],
    ]);
  });

  test("existing style entries keep their indices (every section is a prefix of the new one)", async () => {
    const oldStyles = await partText(input, "xl/styles.xml");
    const newStyles = await partText(output, "xl/styles.xml");
    for (const [section, child] of [
      ["numFmts", "numFmt"],
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellXfs", "xf"],
      ["dxfs", "dxf"],
    ]) {
      const oldEntries = sectionEntries(oldStyles, section, child);
      const newEntries = sectionEntries(newStyles, section, child);
      expect(newEntries.slice(0, oldEntries.length)).toEqual(oldEntries);
      const count = new RegExp(`<${section}\\b[^>]*\\bcount="(\\d+)"`).exec(newStyles)?.[1];
      if (newEntries.length > 0) expect(Number(count)).toBe(newEntries.length);
    }
  });

  test("a run on its own output changes nothing: same sheets, same parts", async () => {
    const again = await applyPlans(output, plans);
    expect(again.removed).toEqual(["Ringkasan Capaian", "Temuan"]);
    expect(again.written.map((w) => w.name)).toEqual(["Ringkasan Capaian", "Temuan"]);
    const first = await partsOf(output);
    const second = await partsOf(again.bytes);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, data] of first) {
      expect([name, Buffer.from(second.get(name)!).toString("utf8")]).toEqual([
        name,
        Buffer.from(data).toString("utf8"),
      ]);
    }
  });

  test("calcChain gone, full recalculation on load, calcPr's other attributes kept", async () => {
    const book = await partText(output, "xl/workbook.xml");
    expect(book).toMatch(/<calcPr calcId="171027" fullCalcOnLoad="1"\/>/);
    expect(Object.keys((await JSZip.loadAsync(output)).files)).not.toContain("xl/calcChain.xml");
  });
});

// ---------------------------------------------------------------------------------------

describe("what a summary sheet holds", () => {
  const source = "Data";
  let output: Uint8Array;
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const input = await excelJSWorkbook((w) => {
      const data = w.addWorksheet(source);
      for (let i = 1; i <= 4; i++) data.getCell(`A${i}`).value = 80 + (i - 1) * 5;
    });
    output = (await applyPlans(input, [capaianPlan(source), temuanPlan()])).bytes;
    wb = await loadExcelJS(output);
    ws = wb.getWorksheet("Ringkasan Capaian")!;
  });

  test("values, formulas with their cached results, number formats", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([source, "Ringkasan Capaian", "Temuan"]);
    expect(ws.getCell("A1").value).toBe("Ringkasan Capaian Kinerja");
    expect(ws.getCell("B4").value).toBe('Indikator 1 & "kutip" <x>');
    expect(ws.getCell("A4").value).toBe(1);
    expect(ws.getCell("C4").value).toEqual({ formula: "'Data'!A1", result: 80 });
    expect(ws.getCell("E5").value).toEqual({
      formula: 'IF(OR(C5="",D5=""),"",ROUND(D5/C5*100,2))',
      result: 94.12,
    });
    expect(ws.getCell("F6").value).toEqual({
      formula: 'IF(E6>=100,"Sangat Tinggi","Tinggi")',
      result: "Sangat Tinggi",
    });
    expect(ws.getCell("C4").numFmt).toBe("#,##0.00");
    expect(ws.getCell("E4").numFmt).toBe("0.00");
    expect(ws.getCell("A4").numFmt).toBe("0");
  });

  test("fonts, fills, borders, alignment", () => {
    const title = ws.getCell("A1");
    expect(title.font).toMatchObject({ bold: true, size: 14 });
    const header = ws.getCell("B3");
    expect(header.font).toMatchObject({ bold: true });
    expect(header.fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFD9E1F2" },
    });
    expect(header.border).toMatchObject({
      left: { style: "thin" },
      right: { style: "thin" },
      top: { style: "thin" },
      bottom: { style: "thin" },
    });
    expect(header.alignment).toMatchObject({
      horizontal: "center",
      vertical: "middle",
      wrapText: true,
    });
    expect(ws.getCell("B5").alignment).toMatchObject({
      indent: 1,
      horizontal: "left",
      wrapText: true,
    });
    expect(ws.getCell("F4").font).toMatchObject({ italic: true, color: { argb: "FF1F4E78" } });
    expect(ws.getCell("E4").alignment).toMatchObject({ horizontal: "right" });
  });

  test("merges, column widths, frozen panes, print titles, landscape", () => {
    expect(ws.getCell("G1").isMerged).toBe(true);
    expect(ws.getCell("G1").master.address).toBe("A1");
    expect([1, 2, 3, 6, 7].map((c) => ws.getColumn(c).width)).toEqual([5, 40, 12, 16, 10]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3, topLeftCell: "C4" });
    expect(ws.pageSetup.printTitlesRow).toBe("3:3");
    expect(ws.pageSetup.orientation).toBe("landscape");
  });

  test("row heights, also for a row without cells; fit to one page wide", () => {
    expect(ws.getRow(4).height).toBe(30);
    expect(ws.getRow(8).height).toBe(20.25);
    expect(ws.getRow(5).height).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const temuan = wb.getWorksheet("Temuan")!;
    expect(temuan.pageSetup.fitToPage).toBeFalsy();
  });

  test("conditional formats: expression rules in priority order with their looks", () => {
    // ExcelJS keeps them, but its typings do not declare the property.
    const formats = (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[];
      }
    ).conditionalFormattings;
    expect(formats).toHaveLength(1);
    expect(formats[0].ref).toBe("F4:F7");
    expect(formats[0].rules).toMatchObject([
      {
        type: "expression",
        priority: 1,
        formulae: ['$F4="Sangat Tinggi"'],
        style: { font: { color: { argb: "FF006100" } }, fill: { bgColor: { argb: "FFC6EFCE" } } },
      },
      {
        type: "expression",
        priority: 2,
        formulae: ['$F4="Tinggi"'],
        style: { fill: { bgColor: { argb: "FFFFEB9C" } } },
      },
    ]);
  });

  test("the worksheet's elements stand in schema order", async () => {
    const part = (await sheetParts(output)).get("Ringkasan Capaian")!;
    const doc = await partXml(output, part);
    expect(childNames(doc.documentElement!)).toEqual([
      "sheetPr",
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "mergeCells",
      "conditionalFormatting",
      "pageMargins",
      "pageSetup",
      "drawing",
    ]);
    expect(elements(doc, "dimension")[0].getAttribute("ref")).toBe("A1:G7");
    // Rows ascending, cells ascending within them.
    const rows = elements(doc, "row").map((r) => Number(r.getAttribute("r")));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  test("the print titles name is scoped to the sheet; the mark is hidden", async () => {
    const names = await definedNames(output);
    expect(names).toEqual([
      { name: "_SAKIP_SUMMARY", local: "1", hidden: "1", value: '"ringkasan-capaian"' },
      { name: "_xlnm.Print_Titles", local: "1", hidden: null, value: "'Ringkasan Capaian'!$3:$3" },
      { name: "_SAKIP_SUMMARY", local: "2", hidden: "1", value: '"temuan"' },
    ]);
  });

  test("the chart: drawing and chart parts linked by relationships and content types", async () => {
    const sheetPart = (await sheetParts(output)).get("Ringkasan Capaian")!;
    const sheetRels = await partXml(output, sheetPart.replace(/([^/]+)$/, "_rels/$1.rels"));
    const drawingRel = Array.from(sheetRels.getElementsByTagName("Relationship"))[0];
    expect(drawingRel.getAttribute("Type")).toBe(`${REL_NS}/drawing`);
    const sheetDoc = await partXml(output, sheetPart);
    expect(elements(sheetDoc, "drawing")[0].getAttributeNS(REL_NS, "id")).toBe(
      drawingRel.getAttribute("Id"),
    );
    const drawingPart = path.posix.join(
      path.posix.dirname(sheetPart),
      drawingRel.getAttribute("Target")!,
    );
    expect(drawingPart).toBe("xl/drawings/drawing1.xml");

    const drawing = await partXml(output, drawingPart);
    const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    const anchor = elements(drawing, "twoCellAnchor", XDR)[0];
    const from = elements(anchor, "from", XDR)[0];
    expect(elements(from, "row", XDR)[0].textContent).toBe("8");
    const chartRef = elements(drawing, "chart", C_NS)[0];
    const drawingRels = await partXml(output, "xl/drawings/_rels/drawing1.xml.rels");
    const chartRel = Array.from(drawingRels.getElementsByTagName("Relationship")).find(
      (r) => r.getAttribute("Id") === chartRef.getAttributeNS(REL_NS, "id"),
    )!;
    expect(chartRel.getAttribute("Type")).toBe(`${REL_NS}/chart`);
    expect(chartRel.getAttribute("Target")).toBe("../charts/chart1.xml");

    const types = await partXml(output, "[Content_Types].xml");
    const overrides = new Map(
      Array.from(types.getElementsByTagName("Override")).map((o) => [
        o.getAttribute("PartName"),
        o.getAttribute("ContentType"),
      ]),
    );
    expect(overrides.get("/xl/drawings/drawing1.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.drawing+xml",
    );
    expect(overrides.get("/xl/charts/chart1.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
    );
    expect(overrides.get(`/${sheetPart}`)).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    );

    const chart = await partXml(output, "xl/charts/chart1.xml");
    const bar = elements(chart, "barChart", C_NS)[0];
    expect(elements(bar, "barDir", C_NS)[0].getAttribute("val")).toBe("col");
    expect(elements(bar, "grouping", C_NS)[0].getAttribute("val")).toBe("clustered");
    const line = elements(chart, "lineChart", C_NS)[0];
    const axIds = (e: Element) => elements(e, "axId", C_NS).map((a) => a.getAttribute("val"));
    const catAx = elements(chart, "catAx", C_NS)[0];
    const valAx = elements(chart, "valAx", C_NS)[0];
    const axes = [axIds(catAx)[0], axIds(valAx)[0]];
    expect(axIds(bar)).toEqual(axes);
    expect(axIds(line)).toEqual(axes);

    const series = elements(chart, "ser", C_NS);
    expect(
      series.map((s) => elements(elements(s, "tx", C_NS)[0], "v", C_NS)[0].textContent),
    ).toEqual(["Capaian %", "100 %"]);
    const column = series[0];
    const cat = elements(column, "cat", C_NS)[0];
    expect(elements(cat, "f", C_NS)[0].textContent).toBe("'Ringkasan Capaian'!$B$4:$B$7");
    expect(elements(cat, "pt", C_NS).map((p) => p.textContent)).toEqual(
      [1, 2, 3, 4].map((i) => `Indikator ${i} & "kutip" <x>`),
    );
    const val = elements(column, "val", C_NS)[0];
    expect(elements(val, "f", C_NS)[0].textContent).toBe("'Ringkasan Capaian'!$E$4:$E$7");
    expect(elements(val, "ptCount", C_NS)[0].getAttribute("val")).toBe("4");
    expect(elements(val, "pt", C_NS).map((p) => Number(p.textContent))).toEqual([
      87.5, 94.12, 100, 105.26,
    ]);
    const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
    expect(elements(column, "srgbClr", A_NS)[0].getAttribute("val")).toBe("4472C4");
    expect(elements(series[1], "srgbClr", A_NS)[0].getAttribute("val")).toBe("C00000");
    expect(elements(chart, "legendPos", C_NS)[0].getAttribute("val")).toBe("b");
    const titles = elements(chart, "title", C_NS).map((t) => elements(t, "t", A_NS)[0].textContent);
    expect(titles).toEqual(["Capaian per indikator", "Capaian (%)"]);
  });

  test("text, booleans, empty texts and control characters", async () => {
    const t = wb.getWorksheet("Temuan")!;
    expect(t.getCell("B2").value).toBe("Nilai #DIV/0! tertulis");
    expect(t.getCell("C3").value).toBe(true);
    // ExcelJS's cell.value drops falsy results; cell.result keeps them.
    expect(t.getCell("C4").formula).toBe("A3>5");
    expect(t.getCell("C4").result).toBe(false);
    expect((t.getCell("D4").value as { result: number }).result).toBe(0.1 + 0.2);
    expect(t.getCell("E4").value).toBe(1e-7);
    expect(t.getCell("E4").numFmt).toBe("0.00%");
    expect(t.getCell("F4").value).toBe(-1234567.891);
    expect(t.getCell("F4").numFmt).toBe('#,##0.00" Rp"');
    expect(t.getCell("G4").value).toBe("Teks dengan kontrol\ttab");
    const part = (await sheetParts(output)).get("Temuan")!;
    const xml = await partText(output, part);
    // A constant empty text is an empty cell (as Office.js writes ""); a formula showing an
    // empty text keeps it as its cached result.
    expect(xml).toContain('<row r="3"><c r="A3"><v>2</v></c><c r="C3" t="b"><v>1</v></c></row>');
    expect(xml).toContain('<c r="B4" t="str"><f>IF(A4="","","x")</f><v></v></c>');
    parseXml(xml);
  });

  test("readSheets reads our sheets back as planned", async () => {
    const sheets = await readSheets(output);
    const ours = sheets.find((s) => s.name === "Ringkasan Capaian")!;
    expect(ours.summary).toBe("ringkasan-capaian");
    expect(ours.formulas[3][4]).toBe('=IF(OR(C4="",D4=""),"",ROUND(D4/C4*100,2))');
    expect(ours.values[3][4]).toBe(87.5);
    expect(ours.text[3][2]).toBe("80.00");
    expect(ours.indents?.[4][1]).toBe(1);
    expect(ours.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 6 }]);
    expect(sheets.find((s) => s.name === source)!.summary).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------

describe("sheets the product did not create", () => {
  test("a user's sheet with the planned name is untouched; ours is 'Ringkasan Capaian (2)', also on re-runs", async () => {
    const input = await excelJSWorkbook((w) => {
      const mine = w.addWorksheet("Ringkasan Capaian");
      mine.getCell("A1").value = "catatan saya";
      w.addWorksheet("Data").getCell("A1").value = 80;
    });
    const first = await applyPlans(input, [capaianPlan("Data")]);
    expect(first.written).toEqual([{ key: "ringkasan-capaian", name: "Ringkasan Capaian (2)" }]);
    expect(first.removed).toEqual([]);
    const second = await applyPlans(first.bytes, [capaianPlan("Data")]);
    expect(second.written).toEqual([{ key: "ringkasan-capaian", name: "Ringkasan Capaian (2)" }]);
    expect(second.removed).toEqual(["Ringkasan Capaian (2)"]);

    const inParts = await sheetParts(input);
    const outParts = await sheetParts(second.bytes);
    expect([...outParts.keys()]).toEqual(["Ringkasan Capaian", "Data", "Ringkasan Capaian (2)"]);
    for (const name of ["Ringkasan Capaian", "Data"]) {
      expect(await partText(second.bytes, outParts.get(name)!)).toBe(
        await partText(input, inParts.get(name)!),
      );
    }
    const sheets = await readSheets(second.bytes);
    expect(sheets.map((s) => s.summary)).toEqual([undefined, undefined, "ringkasan-capaian"]);
    // The chart refers to our sheet by its given name.
    const chart = await partText(second.bytes, "xl/charts/chart1.xml");
    expect(chart).toContain("<c:f>'Ringkasan Capaian (2)'!$E$4:$E$7</c:f>");
    const names = await definedNames(second.bytes);
    expect(names.find((n) => n.name === "_xlnm.Print_Titles")!.value).toBe(
      "'Ringkasan Capaian (2)'!$3:$3",
    );
  });

  test("a sheet whose mark holds an unknown key is not ours", async () => {
    const input = await withWorkbookXml(
      await excelJSWorkbook((w) => {
        w.addWorksheet("A").getCell("A1").value = 1;
      }),
      (xml) =>
        xml.replace(
          "<calcPr",
          '<definedNames><definedName name="_SAKIP_SUMMARY" localSheetId="0" hidden="1">"bukan-kunci"</definedName></definedNames><calcPr',
        ),
    );
    const result = await applyPlans(input, [temuanPlan()]);
    expect(result.removed).toEqual([]);
    expect((await readSheets(result.bytes)).map((s) => [s.name, s.summary])).toEqual([
      ["A", undefined],
      ["Temuan", "temuan"],
    ]);
  });

  test("the web extension parts holding the add-in's settings survive", async () => {
    const config = { overrides: [{ cell: "Data!A1", value: 1 }] };
    const input = await withDocumentSettings(
      await excelJSWorkbook((w) => {
        w.addWorksheet("Data").getCell("A1").value = 80;
      }),
      { "sakip.config": JSON.stringify(JSON.stringify(config)) },
    );
    const output = (await applyPlans(input, [capaianPlan("Data")])).bytes;
    expect(await readWorkbookConfig(output)).toEqual(config);
    const inParts = await partsOf(input);
    const outParts = await partsOf(output);
    for (const name of [...inParts.keys()].filter((n) => n.includes("webextension"))) {
      expect(Buffer.from(outParts.get(name)!).equals(Buffer.from(inParts.get(name)!))).toBe(true);
    }
  });
});

/** An .xlsx with its workbook part rewritten. */
async function withWorkbookXml(
  bytes: Uint8Array,
  edit: (xml: string) => string,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", edit(xml));
  return zip.generateAsync({ type: "uint8array" });
}

// ---------------------------------------------------------------------------------------

describe("defined names and book views around removed sheets", () => {
  // Sheets A, S (ours, from an earlier run), B; names global, on A, on S and on B.
  let input: Uint8Array;
  beforeAll(async () => {
    const base = await excelJSWorkbook((w) => {
      w.addWorksheet("A").getCell("A1").value = 1;
      w.addWorksheet("S").getCell("A1").value = "lama";
      w.addWorksheet("B").getCell("A1").value = 2;
    });
    input = await withWorkbookXml(base, (xml) =>
      xml
        .replace(
          "<sheets>",
          '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="1000" windowHeight="800" firstSheet="1" activeTab="1"/></bookViews><sheets>',
        )
        .replace(
          "</sheets>",
          "</sheets><definedNames>" +
            '<definedName name="Total">A!$A$1</definedName>' +
            '<definedName name="Lokal" localSheetId="0">A!$A$1</definedName>' +
            '<definedName name="_SAKIP_SUMMARY" localSheetId="1" hidden="1">"temuan"</definedName>' +
            '<definedName name="_xlnm.Print_Titles" localSheetId="1">\'S\'!$1:$1</definedName>' +
            '<definedName name="Lokal" localSheetId="2">B!$A$1</definedName>' +
            '<definedName name="_xlnm.Print_Area" localSheetId="2">B!$A$1:$C$3</definedName>' +
            "</definedNames>",
        ),
    );
  });

  test("names on the removed sheet go; names on later sheets follow them; ours are added", async () => {
    const result = await applyPlans(input, [capaianPlan("A", { chart: false }), temuanPlan()]);
    expect(result.removed).toEqual(["S"]);
    expect(await definedNames(result.bytes)).toEqual([
      { name: "Total", local: null, hidden: null, value: "A!$A$1" },
      { name: "Lokal", local: "0", hidden: null, value: "A!$A$1" },
      { name: "Lokal", local: "1", hidden: null, value: "B!$A$1" },
      { name: "_xlnm.Print_Area", local: "1", hidden: null, value: "B!$A$1:$C$3" },
      { name: "_SAKIP_SUMMARY", local: "2", hidden: "1", value: '"ringkasan-capaian"' },
      { name: "_xlnm.Print_Titles", local: "2", hidden: null, value: "'Ringkasan Capaian'!$3:$3" },
      { name: "_SAKIP_SUMMARY", local: "3", hidden: "1", value: '"temuan"' },
    ]);
    const wb = await loadExcelJS(result.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["A", "B", "Ringkasan Capaian", "Temuan"]);
    expect(wb.getWorksheet("B")!.pageSetup.printArea).toBe("A1:C3");
    expect((await readSheets(result.bytes)).map((s) => s.summary)).toEqual([
      undefined,
      undefined,
      "ringkasan-capaian",
      "temuan",
    ]);
  });

  test("the active tab follows our sheet of the same key; the first tab stays in range", async () => {
    const result = await applyPlans(input, [capaianPlan("A", { chart: false }), temuanPlan()]);
    const book = await partXml(result.bytes, "xl/workbook.xml");
    const view = elements(book, "workbookView")[0];
    expect(view.getAttribute("activeTab")).toBe("3");
    expect(view.getAttribute("firstSheet")).toBe("1");
    // No plans at all: the summary sheets go, the view points at a sheet that exists.
    const cleared = await applyPlans(input, []);
    const cleanedView = elements(
      await partXml(cleared.bytes, "xl/workbook.xml"),
      "workbookView",
    )[0];
    expect(cleanedView.getAttribute("activeTab")).toBe("1");
    expect(cleanedView.getAttribute("firstSheet")).toBe("1");
    expect((await loadExcelJS(cleared.bytes)).worksheets.map((w) => w.name)).toEqual(["A", "B"]);
    expect(await definedNames(cleared.bytes)).toHaveLength(4);
  });

  test("the active tab past the end is brought back in range", async () => {
    const ending = await withWorkbookXml(input, (xml) =>
      xml.replace('firstSheet="1" activeTab="1"', 'firstSheet="2" activeTab="2"'),
    );
    const marked = await withWorkbookXml(ending, (xml) =>
      xml.replace('localSheetId="1" hidden="1">"temuan"', 'localSheetId="2" hidden="1">"temuan"'),
    );
    const result = await applyPlans(marked, []);
    expect(result.removed).toEqual(["B"]);
    const view = elements(await partXml(result.bytes, "xl/workbook.xml"), "workbookView")[0];
    expect(view.getAttribute("activeTab")).toBe("1");
    expect(view.getAttribute("firstSheet")).toBe("1");
  });
});

// ---------------------------------------------------------------------------------------

describe("what goes with a removed sheet", () => {
  test("its drawing, chart and their rels go; the user's drawings stay and their numbers are not reused", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const input = await excelJSWorkbook((w) => {
      const ws = w.addWorksheet("Data");
      ws.getCell("A1").value = 80;
      const image = w.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
      ws.addImage(image, "C3:D5");
    });
    const inParts = await partsOf(input);
    expect(inParts.has("xl/drawings/drawing1.xml")).toBe(true);

    const first = await applyPlans(input, [
      capaianPlan("Data"),
      capaianPlan("Data", { key: "efisiensi", name: "Efisiensi" }),
    ]);
    const firstParts = await partsOf(first.bytes);
    for (const [name, data] of inParts) {
      if (/^xl\/(drawings|media|worksheets)\//.test(name))
        expect(Buffer.from(firstParts.get(name)!).equals(Buffer.from(data))).toBe(true);
    }
    const ours = (p: Map<string, Uint8Array>) =>
      [...p.keys()].filter((n) => /^xl\/(drawings|charts)\//.test(n) && !inParts.has(n)).sort();
    expect(ours(firstParts)).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/drawings/_rels/drawing3.xml.rels",
      "xl/drawings/drawing2.xml",
      "xl/drawings/drawing3.xml",
    ]);
    const wb = await loadExcelJS(first.bytes);
    expect(wb.getWorksheet("Data")!.getImages()).toHaveLength(1);

    // A run without charts removes ours, and leaves no orphan part or content type.
    const second = await applyPlans(first.bytes, [capaianPlan("Data", { chart: false })]);
    const secondParts = await partsOf(second.bytes);
    expect(ours(secondParts)).toEqual([]);
    expect([...secondParts.keys()].filter((n) => n.startsWith("xl/worksheets/")).sort()).toEqual([
      "xl/worksheets/_rels/sheet1.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    const types = await partText(second.bytes, "[Content_Types].xml");
    expect(types).not.toMatch(/chart\d|drawing[23]|sheet3/);
    const rels = await partText(second.bytes, "xl/_rels/workbook.xml.rels");
    expect(rels.match(/worksheets\//g)).toHaveLength(2);
    expect((await loadExcelJS(second.bytes)).getWorksheet("Data")!.getImages()).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------

describe("formulas as the file stores them", () => {
  test("functions newer than Excel 2007 get their _xlfn. prefix; readSheets shows them without", async () => {
    const input = await excelJSWorkbook((w) => {
      w.addWorksheet("Data").getCell("A1").value = "77,60%";
    });
    const plan: SheetPlan = {
      key: "ringkasan-capaian",
      name: "Ringkasan Capaian",
      cells: [
        {
          row: 0,
          col: 0,
          value: 0.776,
          formula: `=NUMBERVALUE(SUBSTITUTE('Data'!A1,"%",""),",",".")/100`,
        },
        { row: 1, col: 0, value: "NUMBERVALUE(x)", formula: `=IFERROR("NUMBERVALUE(x)","")` },
        { row: 2, col: 0, value: "#N/A", formula: "=NA()" },
      ],
      columnWidths: [],
      merges: [],
      conditionalFormats: [],
      charts: [],
    };
    const output = (await applyPlans(input, [plan])).bytes;
    const xml = await partText(output, "xl/worksheets/sheet2.xml");
    expect(xml).toContain(`<f>_xlfn.NUMBERVALUE(SUBSTITUTE('Data'!A1,"%",""),",",".")/100</f>`);
    expect(xml).toContain(`<f>IFERROR("NUMBERVALUE(x)","")</f>`);
    expect(xml).toContain(`<c r="A3" t="e"><f>NA()</f><v>#N/A</v></c>`);
    const sheet = (await readSheets(output))[1];
    expect(sheet.formulas[0][0]).toBe(`=NUMBERVALUE(SUBSTITUTE('Data'!A1,"%",""),",",".")/100`);
    expect(sheet.values.map((r) => r[0])).toEqual([0.776, "NUMBERVALUE(x)", "#N/A"]);
  });

  test("a literal _xHHHH_ in a text is escaped so Excel does not decode it", async () => {
    const input = await excelJSWorkbook((w) => {
      w.addWorksheet("Data");
    });
    const plan = temuanPlan();
    plan.cells = [{ row: 0, col: 0, value: "kode_x0041_" }];
    const xml = await partText((await applyPlans(input, [plan])).bytes, "xl/worksheets/sheet2.xml");
    expect(xml).toContain(">kode_x005F_x0041_</t>");
  });
});

// ---------------------------------------------------------------------------------------

describe("inputs applyPlans refuses", () => {
  test("bytes that are not a workbook", async () => {
    await expect(applyPlans(new Uint8Array(0), [])).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(applyPlans(new TextEncoder().encode("hello"), [])).rejects.toMatchObject({
      code: "not-xlsx",
    });
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    await expect(
      applyPlans(await zip.generateAsync({ type: "uint8array" }), []),
    ).rejects.toMatchObject({ code: "not-xlsx" });
  });

  test("a plan with a cell outside the sheet", async () => {
    const input = await excelJSWorkbook((w) => {
      w.addWorksheet("Data");
    });
    const plan = temuanPlan();
    plan.cells.push({ row: -1, col: 0, value: 1 });
    await expect(applyPlans(input, [plan])).rejects.toThrow(/row -1/);
  });

  test("a sheet name Excel would reject is cleaned, as core/summary assignSheetNames does", async () => {
    const input = await excelJSWorkbook((w) => {
      w.addWorksheet("Data");
    });
    const bracketed = await applyPlans(input, [temuanPlan("Temuan [2024]")]);
    expect(bracketed.written.map((w) => w.name)).toEqual(["Temuan  2024"]);
    const reserved = await applyPlans(input, [temuanPlan("History")]);
    expect(reserved.written.map((w) => w.name)).toEqual(["History (2)"]);
  });

  test("merges Excel would reject are left out: single cells and overlaps", async () => {
    const input = await excelJSWorkbook((w) => {
      w.addWorksheet("Data");
    });
    const plan = temuanPlan();
    plan.merges = [
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 0, left: 1, bottom: 1, right: 2 },
      { top: 5, left: 5, bottom: 5, right: 5 },
      { top: 6, left: 0, bottom: 7, right: 0 },
    ];
    const xml = await partText((await applyPlans(input, [plan])).bytes, "xl/worksheets/sheet2.xml");
    expect(xml).toContain(
      '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A7:A8"/></mergeCells>',
    );
  });

  test("removing the summary sheets must leave a visible sheet", async () => {
    const input = await excelJSWorkbook((w) => {
      const hidden = w.addWorksheet("Tersembunyi");
      hidden.state = "hidden";
    });
    const withOurs = await applyPlans(input, [temuanPlan()]);
    await expect(applyPlans(withOurs.bytes, [])).rejects.toThrow(/visible sheet/);
    expect((await applyPlans(withOurs.bytes, [temuanPlan()])).written).toHaveLength(1);
  });

  test("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const input = await excelJSWorkbook((w) => {
      w.addWorksheet("Data");
    });
    const buffer = input.buffer.slice(
      input.byteOffset,
      input.byteOffset + input.byteLength,
    ) as ArrayBuffer;
    const result = await applyPlans(buffer, [temuanPlan()]);
    expect(result.written).toEqual([{ key: "temuan", name: "Temuan" }]);
  });
});
