import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyPlans } from "../../src/xlsx/applyPlans";
import { summaryMarksByName } from "../../src/xlsx/ooxml/workbook";
import { readSheets } from "../../src/xlsx/readSheets";
import { capaianPlan, temuanPlan } from "../helpers/plans";

/**
 * applyPlans on packages shaped unlike ExcelJS's or Excel's usual output: prefixed
 * SpreadsheetML namespaces, no styles part, styles without numFmts or dxfs, chart sheets,
 * hidden sheets, a calculation chain.
 */

jest.setTimeout(60_000);

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, "text/xml");
}

async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out.set(name, await file.async("string"));
  return out;
}

async function partXml(bytes: Uint8Array, part: string): Promise<Document> {
  const file = (await JSZip.loadAsync(bytes)).file(part);
  if (!file) throw new Error(`no part ${part}`);
  return parseXml(await file.async("string"));
}

function children(e: Element): Element[] {
  return Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);
}

function elements(node: Document | Element, local: string, ns = MAIN_NS): Element[] {
  return Array.from(node.getElementsByTagNameNS(ns, local));
}

async function loadExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's typings ask for a Buffer; JSZip underneath takes any Uint8Array.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A package written by hand: the parts given, plus content types and package rels. */
async function handMade(
  parts: Record<string, string>,
  overrides: Record<string, string>,
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${TYPES_NS}">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      Object.entries(overrides)
        .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
        .join("") +
      `</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

// ---------------------------------------------------------------------------------------

describe("prefixed SpreadsheetML namespaces, no defined names, no calcPr", () => {
  const styles =
    `<?xml version="1.0" encoding="UTF-8"?>\n<x:styleSheet xmlns:x="${MAIN_NS}">` +
    `<x:fonts count="1"><x:font><x:sz val="10"/><x:name val="Arial"/></x:font></x:fonts>` +
    `<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>` +
    `<x:borders count="1"><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border></x:borders>` +
    `<x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>` +
    `<x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs>` +
    `<x:dxfs count="0"/>` +
    `</x:styleSheet>`;
  let input: Uint8Array;
  beforeAll(async () => {
    input = await handMade(
      {
        "xl/workbook.xml":
          `<?xml version="1.0" encoding="UTF-8"?>\n<x:workbook xmlns:x="${MAIN_NS}" xmlns:rel="${REL_NS}">` +
          `<x:bookViews><x:workbookView/></x:bookViews>` +
          `<x:sheets><x:sheet name="Data" sheetId="4" rel:id="rIdData"/></x:sheets></x:workbook>`,
        "xl/_rels/workbook.xml.rels":
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">` +
          `<Relationship Id="rIdData" Type="${REL_NS}/worksheet" Target="/xl/worksheets/data.xml"/>` +
          `<Relationship Id="rIdStyles" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
        "xl/worksheets/data.xml":
          `<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>` +
          `<x:row r="1"><x:c r="A1"><x:v>80</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
        "xl/styles.xml": styles,
      },
      {
        "xl/workbook.xml": `${CT}.sheet.main+xml`,
        "xl/worksheets/data.xml": `${CT}.worksheet+xml`,
        "xl/styles.xml": `${CT}.styles+xml`,
      },
    );
  });

  test("the workbook part: new sheets, names and calcPr in the main namespace, in schema order", async () => {
    const result = await applyPlans(input, [capaianPlan("Data"), temuanPlan()]);
    expect(result.written.map((w) => w.name)).toEqual(["Ringkasan Capaian", "Temuan"]);
    const book = await partXml(result.bytes, "xl/workbook.xml");
    const root = book.documentElement!;
    expect(children(root).map((e) => [e.namespaceURI, e.localName])).toEqual([
      [MAIN_NS, "bookViews"],
      [MAIN_NS, "sheets"],
      [MAIN_NS, "definedNames"],
      [MAIN_NS, "calcPr"],
    ]);
    const sheets = elements(book, "sheet");
    expect(
      sheets.map((s) => [
        s.getAttribute("name"),
        s.getAttribute("sheetId"),
        s.getAttributeNS(REL_NS, "id"),
      ]),
    ).toEqual([
      ["Data", "4", "rIdData"],
      ["Ringkasan Capaian", "5", "rId1"],
      ["Temuan", "6", "rId2"],
    ]);
    expect(elements(book, "calcPr")[0].getAttribute("fullCalcOnLoad")).toBe("1");
    expect(
      summaryMarksByName(
        await (await JSZip.loadAsync(result.bytes)).file("xl/workbook.xml")!.async("string"),
      ),
    ).toEqual(
      new Map([
        ["Ringkasan Capaian", "ringkasan-capaian"],
        ["Temuan", "temuan"],
      ]),
    );
    const rels = await partXml(result.bytes, "xl/_rels/workbook.xml.rels");
    const targets = Array.from(rels.getElementsByTagName("Relationship")).map((r) => [
      r.getAttribute("Id"),
      r.getAttribute("Target"),
    ]);
    expect(targets).toEqual([
      ["rIdData", "/xl/worksheets/data.xml"],
      ["rIdStyles", "styles.xml"],
      ["rId1", "worksheets/sheet1.xml"],
      ["rId2", "worksheets/sheet2.xml"],
    ]);
  });

  test("the styles part: entries in the main namespace, sections in schema order, counts right", async () => {
    const result = await applyPlans(input, [capaianPlan("Data"), temuanPlan()]);
    const doc = await partXml(result.bytes, "xl/styles.xml");
    const sections = children(doc.documentElement!);
    expect(sections.map((e) => e.localName)).toEqual([
      "numFmts",
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
      "dxfs",
    ]);
    for (const section of sections) {
      expect(section.namespaceURI).toBe(MAIN_NS);
      for (const child of children(section)) expect(child.namespaceURI).toBe(MAIN_NS);
      expect(Number(section.getAttribute("count"))).toBe(children(section).length);
    }
    // Built-in formats by id; others as custom formats from 164.
    expect(
      children(sections[0]).map((f) => [f.getAttribute("numFmtId"), f.getAttribute("formatCode")]),
    ).toEqual([["164", '#,##0.00" Rp"']]);
    // Fonts derive from the workbook's default font (Arial 10).
    const fonts = children(sections[1]);
    expect(fonts.length).toBeGreaterThan(1);
    for (const font of fonts) expect(elements(font, "name")[0].getAttribute("val")).toBe("Arial");
    expect(elements(fonts[1], "sz")[0].getAttribute("val")).toBe("14");
    expect(children(sections[6])).toHaveLength(2);
    // The existing xf is still first.
    expect(children(sections[5])[0].getAttribute("fontId")).toBe("0");
  });

  test("a run over its own output removes ours and writes the same parts", async () => {
    const first = await applyPlans(input, [capaianPlan("Data"), temuanPlan()]);
    const second = await applyPlans(first.bytes, [capaianPlan("Data"), temuanPlan()]);
    expect(second.removed).toEqual(["Ringkasan Capaian", "Temuan"]);
    expect(await partsOf(second.bytes)).toEqual(await partsOf(first.bytes));
    const inParts = await partsOf(input);
    expect((await partsOf(second.bytes)).get("xl/worksheets/data.xml")).toBe(
      inParts.get("xl/worksheets/data.xml"),
    );
  });
});

// ---------------------------------------------------------------------------------------

describe("styles", () => {
  const plainWorkbook = () =>
    handMade(
      {
        "xl/workbook.xml":
          `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
          `<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="0"/></workbook>`,
        "xl/_rels/workbook.xml.rels":
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">` +
          `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        "xl/worksheets/sheet1.xml":
          `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>` +
          `<row r="1"><c r="A1"><v>80</v></c></row></sheetData></worksheet>`,
      },
      {
        "xl/workbook.xml": `${CT}.sheet.main+xml`,
        "xl/worksheets/sheet1.xml": `${CT}.worksheet+xml`,
      },
    );

  test("a workbook without a styles part gets one, with its relationship and content type", async () => {
    const input = await plainWorkbook();
    const result = await applyPlans(input, [capaianPlan("Data")]);
    const parts = await partsOf(result.bytes);
    expect(parts.has("xl/styles.xml")).toBe(true);
    expect(parts.get("xl/_rels/workbook.xml.rels")).toContain(
      `Type="${REL_NS}/styles" Target="styles.xml"`,
    );
    expect(parts.get("[Content_Types].xml")).toContain(
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`,
    );
    const wb = await loadExcelJS(result.bytes);
    const ws = wb.getWorksheet("Ringkasan Capaian")!;
    expect(ws.getCell("B3").font).toMatchObject({ bold: true });
    expect(ws.getCell("C4").numFmt).toBe("#,##0.00");
    expect(wb.getWorksheet("Data")!.getCell("A1").value).toBe(80);
    expect(parts.get("xl/worksheets/sheet1.xml")).toBe(
      (await partsOf(input)).get("xl/worksheets/sheet1.xml"),
    );
    // The second run reuses the part it created.
    const again = await applyPlans(result.bytes, [capaianPlan("Data")]);
    expect((await partsOf(again.bytes)).get("xl/styles.xml")).toBe(parts.get("xl/styles.xml"));
    expect((await partsOf(again.bytes)).get("[Content_Types].xml")).toBe(
      parts.get("[Content_Types].xml"),
    );
  });

  test.each([
    ["without numFmts and dxfs", (xml: string) => xml.replace(/<dxfs count="0"\/>/, "")],
    [
      "with a self-closing dxfs and an empty numFmts",
      (xml: string) => xml.replace("<fonts", '<numFmts count="0"></numFmts><fonts'),
    ],
  ])("an ExcelJS workbook's styles %s", async (_label, edit) => {
    const base = new ExcelJS.Workbook();
    const data = base.addWorksheet("Data");
    data.getCell("A1").value = 80;
    data.getCell("A1").font = { bold: true };
    const zip = await JSZip.loadAsync(await base.xlsx.writeBuffer());
    const original = await zip.file("xl/styles.xml")!.async("string");
    zip.file("xl/styles.xml", edit(original));
    const input = await zip.generateAsync({ type: "uint8array" });

    const result = await applyPlans(input, [capaianPlan("Data"), temuanPlan()]);
    const doc = await partXml(result.bytes, "xl/styles.xml");
    const names = children(doc.documentElement!).map((e) => e.localName);
    expect(names).toEqual([
      "numFmts",
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
      "cellStyles",
      "dxfs",
      "tableStyles",
      "extLst",
    ]);
    for (const section of children(doc.documentElement!).slice(0, 8)) {
      expect(Number(section.getAttribute("count"))).toBe(children(section).length);
    }
    const formats = children(elements(doc, "numFmts")[0]).map((f) => [
      f.getAttribute("numFmtId"),
      f.getAttribute("formatCode"),
    ]);
    expect(formats).toEqual([["164", '#,##0.00" Rp"']]);
    // The user's cell keeps its style index and look.
    const wb = await loadExcelJS(result.bytes);
    expect(wb.getWorksheet("Data")!.getCell("A1").font).toMatchObject({ bold: true });
    const ws = wb.getWorksheet("Ringkasan Capaian")!;
    const rules = (ws as unknown as { conditionalFormattings: { rules: { style: unknown }[] }[] })
      .conditionalFormattings[0].rules;
    expect(rules[0].style).toMatchObject({ fill: { bgColor: { argb: "FFC6EFCE" } } });
    expect(wb.getWorksheet("Temuan")!.getCell("F4").numFmt).toBe('#,##0.00" Rp"');
  });
});

// ---------------------------------------------------------------------------------------

describe("chart sheets, hidden sheets, a calculation chain", () => {
  const chart = (ref: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:val><c:numRef><c:f>${ref}</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
    `<c:catAx><c:axId val="1"/><c:scaling/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  const drawing =
    `<?xml version="1.0" encoding="UTF-8"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9000000" cy="6000000"/>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL_NS}" r:id="rId1"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`;

  let input: Uint8Array;
  beforeAll(async () => {
    const base = new ExcelJS.Workbook();
    base.addWorksheet("Data").getCell("A1").value = 80;
    base.addWorksheet("Rahasia", { state: "hidden" }).getCell("A1").value = "rahasia";
    const zip = await JSZip.loadAsync(await base.xlsx.writeBuffer());
    // A chart sheet between Data and Rahasia, and a calculation chain.
    zip.file(
      "xl/chartsheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8"?>\n<chartsheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
    );
    zip.file(
      "xl/chartsheets/_rels/sheet1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    );
    zip.file("xl/drawings/drawing1.xml", drawing);
    zip.file(
      "xl/drawings/_rels/drawing1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    );
    zip.file("xl/charts/chart1.xml", chart("Data!$A$1:$A$3"));
    zip.file(
      "xl/calcChain.xml",
      `<?xml version="1.0" encoding="UTF-8"?>\n<calcChain xmlns="${MAIN_NS}"><c r="A1" i="1"/></calcChain>`,
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        `<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="${CT}.chartsheet+xml"/>` +
          `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
          `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
          `<Override PartName="/xl/calcChain.xml" ContentType="${CT}.calcChain+xml"/></Types>`,
      ),
    );
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        `<Relationship Id="rId90" Type="${REL_NS}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
          `<Relationship Id="rId91" Type="${REL_NS}/calcChain" Target="calcChain.xml"/></Relationships>`,
      ),
    );
    const book = await zip.file("xl/workbook.xml")!.async("string");
    zip.file(
      "xl/workbook.xml",
      book.replace(
        /(<sheet [^>]*name="Data"[^>]*\/>)/,
        `$1<sheet name="Grafik" sheetId="9" r:id="rId90"/>`,
      ),
    );
    input = await zip.generateAsync({ type: "uint8array" });
  });

  test("the mark counts chart sheets; parts numbers skip the user's; readSheets finds ours", async () => {
    const result = await applyPlans(input, [capaianPlan("Data")]);
    const parts = await partsOf(result.bytes);
    const book = await partXml(result.bytes, "xl/workbook.xml");
    expect(elements(book, "sheet").map((s) => s.getAttribute("name"))).toEqual([
      "Data",
      "Grafik",
      "Rahasia",
      "Ringkasan Capaian",
    ]);
    const mark = elements(book, "definedName").find(
      (n) => n.getAttribute("name") === "_SAKIP_SUMMARY",
    )!;
    expect(mark.getAttribute("localSheetId")).toBe("3");
    expect(parts.get("xl/drawings/_rels/drawing2.xml.rels")).toContain(
      'Target="../charts/chart2.xml"',
    );
    expect(parts.get("xl/charts/chart2.xml")).toContain("'Ringkasan Capaian'!$E$4:$E$7");
    for (const part of [
      "xl/chartsheets/sheet1.xml",
      "xl/drawings/drawing1.xml",
      "xl/charts/chart1.xml",
    ]) {
      expect(parts.get(part)).toBe((await partsOf(input)).get(part));
    }
    const sheets = await readSheets(result.bytes);
    expect(sheets.map((s) => [s.name, s.hidden ?? false, s.summary])).toEqual([
      ["Data", false, undefined],
      ["Rahasia", true, undefined],
      ["Ringkasan Capaian", false, "ringkasan-capaian"],
    ]);
  });

  test("the calculation chain goes with its relationship and content type", async () => {
    const parts = await partsOf((await applyPlans(input, [temuanPlan()])).bytes);
    expect(parts.has("xl/calcChain.xml")).toBe(false);
    expect(parts.get("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(parts.get("[Content_Types].xml")).not.toContain("calcChain");
  });

  test("a re-run removes only ours: the chart sheet's drawing and chart stay", async () => {
    const first = await applyPlans(input, [capaianPlan("Data"), temuanPlan()]);
    const second = await applyPlans(first.bytes, [temuanPlan()]);
    expect(second.removed).toEqual(["Ringkasan Capaian", "Temuan"]);
    const parts = await partsOf(second.bytes);
    const inParts = await partsOf(input);
    for (const part of [
      "xl/chartsheets/sheet1.xml",
      "xl/chartsheets/_rels/sheet1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/charts/chart1.xml",
    ]) {
      expect(parts.get(part)).toBe(inParts.get(part));
    }
    expect([...parts.keys()].filter((p) => /drawing[2-9]|chart[2-9]/.test(p))).toEqual([]);
    expect(parts.get("[Content_Types].xml")).toContain("/xl/charts/chart1.xml");
    expect(parts.get("[Content_Types].xml")).not.toContain("/xl/charts/chart2.xml");
    const book = await partXml(second.bytes, "xl/workbook.xml");
    expect(elements(book, "sheet").map((s) => s.getAttribute("name"))).toEqual([
      "Data",
      "Grafik",
      "Rahasia",
      "Temuan",
    ]);
    expect((await readSheets(second.bytes)).map((s) => s.summary)).toEqual([
      undefined,
      undefined,
      "temuan",
    ]);
  });
});
