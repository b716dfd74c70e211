import type { PlanCell, SheetPlan, SummaryKey } from "../../src/core/summary/plan";

/**
 * Small SheetPlans built by hand for the gateway tests (independent of core/summary): a
 * capaian table with a header, formulas over a source sheet, a merged title, widths, a
 * frozen header, a conditional format, print titles and a chart.
 */

/** A plan of a capaian table whose formulas read `source` (a sheet of the workbook). */
export function capaianPlan(
  source: string,
  options: { key?: SummaryKey; name?: string; rows?: number; chart?: boolean } = {},
): SheetPlan {
  const rows = options.rows ?? 4;
  const quoted = `'${source.replace(/'/g, "''")}'`;
  const header = {
    bold: true,
    fill: "D9E1F2",
    border: true,
    horizontal: "center" as const,
    vertical: "middle" as const,
    wrap: true,
  };
  const cells: PlanCell[] = [
    { row: 0, col: 0, value: "Ringkasan Capaian Kinerja", style: { bold: true, fontSize: 14 } },
    { row: 2, col: 0, value: "No", style: header },
    { row: 2, col: 1, value: "Indikator", style: header },
    { row: 2, col: 2, value: "Target", style: header },
    { row: 2, col: 3, value: "Realisasi", style: header },
    { row: 2, col: 4, value: "Capaian %", style: header },
    { row: 2, col: 5, value: "Kategori", style: header },
    { row: 2, col: 6, value: "Garis 100", style: header },
  ];
  for (let i = 0; i < rows; i++) {
    const r = 3 + i;
    const target = 80 + i * 5;
    const real = 70 + i * 10;
    const capaian = Math.round((real / target) * 100 * 100) / 100;
    cells.push(
      { row: r, col: 0, value: i + 1, numberFormat: "0", style: { border: true } },
      {
        row: r,
        col: 1,
        value: `Indikator ${i + 1} & "kutip" <x>`,
        style: { border: true, wrap: true, indent: i % 2 },
      },
      {
        row: r,
        col: 2,
        value: target,
        formula: `=${quoted}!A${i + 1}`,
        numberFormat: "#,##0.00",
        style: { border: true },
      },
      { row: r, col: 3, value: real, numberFormat: "#,##0.00", style: { border: true } },
      {
        row: r,
        col: 4,
        value: capaian,
        formula: `=IF(OR(C${r + 1}="",D${r + 1}=""),"",ROUND(D${r + 1}/C${r + 1}*100,2))`,
        numberFormat: "0.00",
        style: { border: true, horizontal: "right" },
      },
      {
        row: r,
        col: 5,
        value: capaian >= 100 ? "Sangat Tinggi" : "Tinggi",
        formula: `=IF(E${r + 1}>=100,"Sangat Tinggi","Tinggi")`,
        style: { border: true, italic: true, fontColor: "1F4E78" },
      },
      { row: r, col: 6, value: 100, numberFormat: "0", style: { border: true } },
    );
  }
  const last = 3 + rows - 1;
  return {
    key: options.key ?? "ringkasan-capaian",
    name: options.name ?? "Ringkasan Capaian",
    cells,
    columnWidths: [5, 40, 12, 12, 12, 16, 10],
    merges: [{ top: 0, left: 0, bottom: 0, right: 6 }],
    freeze: { rows: 3, columns: 2 },
    conditionalFormats: [
      {
        range: { top: 3, left: 5, bottom: last, right: 5 },
        rules: [
          { formula: `=$F4="Sangat Tinggi"`, fill: "C6EFCE", fontColor: "006100" },
          { formula: `=$F4="Tinggi"`, fill: "FFEB9C" },
        ],
      },
    ],
    charts:
      options.chart === false
        ? []
        : [
            {
              title: "Capaian per indikator",
              categories: { top: 3, left: 1, bottom: last, right: 1 },
              series: [
                {
                  name: "Capaian %",
                  values: { top: 3, left: 4, bottom: last, right: 4 },
                  type: "column",
                  color: "4472C4",
                },
                {
                  name: "100 %",
                  values: { top: 3, left: 6, bottom: last, right: 6 },
                  type: "line",
                  color: "C00000",
                },
              ],
              anchor: { top: last + 2, left: 0, bottom: last + 18, right: 6 },
              valueAxisTitle: "Capaian (%)",
            },
          ],
    printTitleRows: { from: 2, to: 2 },
    landscape: true,
    fitToWidth: true,
    rowHeights: { 3: 30, [last + 1]: 20.25 },
  };
}

/** A plain text sheet without charts (the Temuan kind: values only). */
export function temuanPlan(name = "Temuan"): SheetPlan {
  return {
    key: "temuan",
    name,
    cells: [
      { row: 0, col: 0, value: "No", style: { bold: true } },
      { row: 0, col: 1, value: "Pesan", style: { bold: true } },
      { row: 1, col: 0, value: 1 },
      { row: 1, col: 1, value: "Nilai #DIV/0! tertulis" },
      { row: 2, col: 0, value: 2 },
      { row: 2, col: 1, value: "" },
      { row: 2, col: 2, value: true },
      { row: 3, col: 1, value: "", formula: '=IF(A4="","","x")' },
      { row: 3, col: 2, value: false, formula: "=A3>5" },
      { row: 3, col: 3, value: 0.1 + 0.2, formula: "=0.1+0.2" },
      { row: 3, col: 4, value: 1e-7, numberFormat: "0.00%" },
      { row: 3, col: 5, value: -1234567.891, numberFormat: '#,##0.00" Rp"' },
      { row: 3, col: 6, value: "Teks\u0001 dengan \u0007kontrol\ttab" },
    ],
    columnWidths: [],
    merges: [],
    conditionalFormats: [],
    charts: [],
  };
}
