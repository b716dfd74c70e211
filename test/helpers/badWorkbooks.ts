import ExcelJS from "exceljs";
import JSZip from "jszip";

/**
 * Workbooks a planner can make that are awkward to read: no sheet, an empty sheet, only a
 * picture or a chart, a value in the last column or the last row, error cells, numbers
 * typed as text, a protected sheet. Built in memory (ExcelJS, or JSZip where ExcelJS cannot
 * write the part: chart sheets); the bad-input tests write them to a temporary folder.
 * Corrupt, encrypted and non-xlsx bytes are in badFiles.ts.
 */

export async function workbookBytes(build: (wb: ExcelJS.Workbook) => void | Promise<void>) {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A workbook without any sheet (Excel refuses to save one; other programs do). */
export function noSheetWorkbook(): Promise<Uint8Array> {
  return workbookBytes(() => undefined);
}

/** A new workbook as Excel saves it untouched: one empty sheet. */
export function emptySheetWorkbook(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    wb.addWorksheet("Sheet1");
  });
}

/** A 1×1 red PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** One sheet holding only a picture (a scanned signature page, a logo). */
export function imageOnlyWorkbook(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    const ws = wb.addWorksheet("Lampiran");
    // ExcelJS's typings want its own Buffer type; a Node Buffer is what it takes at run time.
    const image = wb.addImage({
      buffer: PNG as unknown as ExcelJS.Buffer,
      extension: "png",
    });
    ws.addImage(image, "B2:F12");
  });
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A bar chart of capaian with literal values (no reference to any cell). */
const CHART_XML = `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Capaian (%)</c:v></c:tx><c:cat><c:strLit><c:ptCount val="2"/><c:pt idx="0"><c:v>IKU 1</c:v></c:pt><c:pt idx="1"><c:v>IKU 2</c:v></c:pt></c:strLit></c:cat><c:val><c:numLit><c:ptCount val="2"/><c:pt idx="0"><c:v>106.4</c:v></c:pt><c:pt idx="1"><c:v>100.1</c:v></c:pt></c:numLit></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const DRAWING_XML = `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666049" cy="6293304"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Grafik 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`;

/**
 * A workbook whose only sheet is a chart sheet (Excel: Move Chart › New sheet), written
 * part by part since ExcelJS writes no charts.
 */
export async function chartSheetOnlyWorkbook(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `${XML}<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `${XML}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets><sheet name="Grafik Capaian" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `${XML}<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/chartsheets/sheet1.xml",
    `${XML}<chartsheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
  );
  zip.file(
    "xl/chartsheets/_rels/sheet1.xml.rels",
    `${XML}<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
  );
  zip.file("xl/drawings/drawing1.xml", DRAWING_XML);
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    `${XML}<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  zip.file("xl/charts/chart1.xml", CHART_XML);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A label in A1 and one value in the last column, XFD1 (16 384 columns used). */
export function lastColumnWorkbook(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    const ws = wb.addWorksheet("Lebar");
    ws.getCell("A1").value = "Target";
    ws.getCell("XFD1").value = 100;
  });
}

/** A label in A1 and one value in the last row, A1048576 (a sheet of 1 M rows). */
export function lastRowWorkbook(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    const ws = wb.addWorksheet("Tinggi");
    ws.getCell("A1").value = "Target";
    ws.getCell("A1048576").value = 100;
  });
}

/** A label in A1 and one stray value in XFD1048576: a used range of 17 billion cells. */
export function farCornerWorkbook(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    const ws = wb.addWorksheet("Sudut");
    ws.getCell("A1").value = "Target";
    ws.getCell("XFD1048576").value = 1;
  });
}

/**
 * A pengukuran table (No, Indikator, Target, Realisasi, Capaian) whose cells hold the given
 * values, below a caption; each row is [indikator, target, realisasi, capaian], and a
 * value `{ formula, result }` is a formula with its cached result (an error, say).
 */
export type TableCell = ExcelJS.CellValue;
export function pengukuranWorkbook(
  rows: TableCell[][],
  sheetName = "Tabel 3.1",
): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    const ws = wb.addWorksheet(sheetName);
    ws.addRow(["Tabel 3.1 Capaian Kinerja Tahun 2025"]);
    ws.addRow([]);
    ws.addRow(["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]);
    ws.addRow(["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)"]);
    rows.forEach((row, i) => ws.addRow([i + 1, ...row]));
  });
}

/** Every Excel error a cell can hold, as a typed value and as a formula's cached result. */
export const ERROR_VALUES = ["#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!"];

export function errorCellsWorkbook(): Promise<Uint8Array> {
  const formula = (text: string, error: string): ExcelJS.CellFormulaValue => ({
    formula: text,
    result: { error } as ExcelJS.CellErrorValue,
    date1904: false,
  });
  // Row 5 is the first data row: typed errors in Target on every other row, formula errors
  // (cached results) in Realisasi and Capaian.
  const rows: TableCell[][] = ERROR_VALUES.map((error, i) => [
    `Indikator ${i + 1}`,
    i % 2 === 0 ? ({ error } as ExcelJS.CellErrorValue) : 80,
    formula(`C${5 + i}*1`, error),
    formula(`D${5 + i}/C${5 + i}*100`, error),
  ]);
  return pengukuranWorkbook(rows);
}

/** Numbers typed as text with every separator mix, each beside its plain reading. */
export const NUMBER_TEXTS: [string, string, string][] = [
  ["1.234,56", "1.234,56", "100"],
  ["1,234.56", "1,234.56", "100"],
  ["Rp 1.000,-", "Rp 1.000,-", "100"],
  ["(3.435)", "(3.435)", "100"],
  ["- 1.453,00", "- 1.453,00", "100"],
  ["77,60 %", "82,57 %", "106,40"],
  ["100% (40%)", "100% (40%)", "100"],
  ["7 Galery + 1 Gedung", "8 Galery", "100"],
  ["-", "-", "-"],
  ["NA", "NA", "NA"],
  ["1.234", "1,234", "100"],
  ["0,5", "0.5", "100"],
  [" 12 ", "12\n", "100 %"],
];

export function numbersAsTextWorkbook(): Promise<Uint8Array> {
  return pengukuranWorkbook(
    NUMBER_TEXTS.map(([t, r, c], i) => [`Indikator teks ${i + 1}`, t, r, c]),
  );
}

/** A real-looking table on a sheet protected with a password (Review › Protect Sheet). */
export function protectedSheetWorkbook(): Promise<Uint8Array> {
  return workbookBytes(async (wb) => {
    const ws = wb.addWorksheet("Tabel 3.1");
    ws.addRow(["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]);
    ws.addRow([1, "Persentase koperasi aktif", 77.6, 82.57, 106.4]);
    ws.addRow([2, "Persentase koperasi berkualitas", 59.8, 59.86, 90]);
    await ws.protect("rahasia", { selectLockedCells: true });
  });
}
