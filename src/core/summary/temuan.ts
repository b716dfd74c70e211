import { renderMessage } from "../messages";
import { a1 } from "../snapshot";
import type { Finding } from "../check/types";
import type { SummaryContext } from "./input";
import type { SheetPlan } from "./plan";
import { quoteSheet } from "./plan";
import { HEADER_ROW, SheetBuilder } from "./sheet";
import { CENTER, SEVERITY_FILL, TEXT } from "./styles";

/**
 * Temuan (DOMAIN.md §7): every finding of the check with a link to its cell. The only sheet
 * of values rather than formulas: it is the check's snapshot at the time of the run.
 */

const SEVERITY_LABEL: Record<Finding["severity"], string> = {
  error: "Kesalahan",
  warning: "Peringatan",
  info: "Info",
};

/** `HYPERLINK("#'Tabel 3.9'!F12","F12")`: clicking jumps to the cell inside the workbook. */
export function cellLink(sheet: string, row: number, col: number): string {
  const cell = a1(row, col);
  const target = `#${quoteSheet(sheet)}!${cell}`.replace(/"/g, '""');
  return `=HYPERLINK("${target}","${cell}")`;
}

export function temuan(context: SummaryContext): SheetPlan {
  const file = context.input.workbook.file;
  const findings = context.input.findings.filter((f) => f.at.file === file);
  const sheet = new SheetBuilder("temuan", "Temuan");
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  sheet.frame(
    "Temuan Pemeriksaan",
    findings.length === 0
      ? "Pemeriksaan tidak menemukan kesalahan, peringatan atau info pada tabel yang dikenali."
      : `${findings.length} temuan: ${counts.error} kesalahan, ${counts.warning} peringatan, ${counts.info} info. Nilai pada sheet ini adalah hasil pemeriksaan saat ringkasan dibuat; klik sel untuk menuju ke tabel.`,
  );
  sheet.header([
    { label: "No", width: 5 },
    { label: "Aturan", width: 20 },
    { label: "Tingkat", width: 11 },
    { label: "Sheet", width: 16 },
    { label: "Sel", width: 7 },
    { label: "Indikator", width: 32 },
    { label: "Tertulis", width: 14 },
    { label: "Seharusnya", width: 14 },
    { label: "Pesan", width: 60 },
  ]);
  let row = HEADER_ROW + 1;
  findings.forEach((f, index) => {
    sheet.put(row, 0, index + 1, { style: CENTER });
    sheet.put(row, 1, f.rule, { style: TEXT });
    sheet.put(row, 2, SEVERITY_LABEL[f.severity], { style: CENTER });
    sheet.put(row, 3, f.at.sheet, { style: TEXT });
    sheet.compute(
      row,
      4,
      { formula: cellLink(f.at.sheet, f.at.row, f.at.col), value: a1(f.at.row, f.at.col) },
      {
        style: { ...CENTER, fontColor: "0563C1" },
      },
    );
    sheet.put(row, 5, f.indicator ?? "", { style: TEXT });
    sheet.put(row, 6, f.actual ?? null, { style: CENTER, numberFormat: "#,##0.####" });
    sheet.put(row, 7, f.expected ?? null, { style: CENTER, numberFormat: "#,##0.####" });
    sheet.put(row, 8, renderMessage(f.message, context.input.lang), { style: TEXT });
    row++;
  });
  if (findings.length > 0) {
    const first = HEADER_ROW + 1;
    sheet.conditional({
      range: { top: first, bottom: row - 1, left: 2, right: 2 },
      rules: (["error", "warning", "info"] as const).map((s) => ({
        formula: `=$C${first + 1}="${SEVERITY_LABEL[s]}"`,
        fill: SEVERITY_FILL[s],
      })),
    });
  }
  return sheet.build();
}
