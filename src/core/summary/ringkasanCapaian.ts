import { findScale, Scale } from "../formulas/scales";
import { a1, columnLetters } from "../snapshot";
import { averageCell, capaianCell, kategoriCell } from "./calc";
import { measuredRows, SummaryContext } from "./input";
import type { PlanValue, SheetPlan } from "./plan";
import { HEADER_ROW, SheetBuilder } from "./sheet";
import { refLabel, SourceOperand } from "./source";
import { bandFill, CENTER, PERCENT_POINTS, TEXT, TOTAL_NUMBER, TOTAL_TEXT } from "./styles";

/**
 * Ringkasan Capaian (DOMAIN.md §7, PermenPAN-RB 53/2014 Bab III A): per sasaran and
 * indikator the year's target, realisasi, capaian and kategori, the mean capaian of each
 * sasaran and of all indicators, and a bar chart of capaian against the 100 % line.
 */

const COL = {
  no: 0,
  sasaran: 1,
  indikator: 2,
  satuan: 3,
  polaritas: 4,
  target: 5,
  realisasi: 6,
  capaian: 7,
  kategori: 8,
  rataSasaran: 9,
  sumber: 10,
  acuan: 11,
} as const;

function sourceText(target: SourceOperand, realisasi: SourceOperand | undefined): string {
  const parts = [`target ${refLabel(target.at)}`];
  if (realisasi) parts.push(`realisasi ${refLabel(realisasi.at)}`);
  for (const op of [target, realisasi]) {
    if (op?.kind === "static") parts.push(`nilai statis dari ${refLabel(op.at)} ("${op.text}")`);
  }
  return parts.join("; ");
}

export function ringkasanCapaian(context: SummaryContext): SheetPlan | null {
  const year = context.year;
  if (year === null) return null;
  const rows = measuredRows(context, year);
  if (rows.length === 0) return null;
  const scale = findScale(context.settings.scales.capaian) as Scale;
  const sheet = new SheetBuilder("ringkasan-capaian", "Ringkasan Capaian");
  const tables = [...new Set(rows.map((r) => r.measurement.entry.table.sheet.name))];
  const assumed = rows.some((r) => context.polarity(context.members(r.group)).assumed);
  sheet.frame(
    `Ringkasan Capaian Kinerja Tahun ${year}`,
    `Sumber: ${tables.join(", ")}. Capaian = realisasi/target×100 (polaritas negatif: ${
      context.settings.inverseMethod === "t/r" ? "target/realisasi" : "(2×target−realisasi)/target"
    }×100), dibulatkan 2 desimal; kategori menurut skala ${scale.name} (lihat sheet Skala).${
      assumed
        ? " Positif* = polaritas tidak tertulis di tabel, dianggap positif (ubah di Pengaturan)."
        : ""
    }`,
  );
  sheet.header([
    { label: "No", width: 5 },
    { label: "Sasaran", width: 28 },
    { label: "Indikator Kinerja", width: 36 },
    { label: "Satuan", width: 9 },
    { label: "Polaritas", width: 10 },
    { label: `Target ${year}`, width: 12 },
    { label: `Realisasi ${year}`, width: 12 },
    { label: "Capaian (%)", width: 11 },
    { label: "Kategori", width: 15 },
    { label: "Rata-rata Capaian Sasaran (%)", width: 13 },
    { label: "Sumber", width: 34 },
    { label: "Acuan 100%", width: 9 },
  ]);

  const first = HEADER_ROW + 1;
  const capaianValues: PlanValue[] = [];
  let row = first;
  let groupStart = first;
  rows.forEach((item, index) => {
    const { entry, target, realisasi } = item.measurement;
    const members = context.members(item.group);
    const { polarity, assumed } = context.polarity(members);
    sheet.put(row, COL.no, index + 1, { style: CENTER });
    sheet.put(row, COL.sasaran, item.sasaran, { style: TEXT });
    sheet.put(row, COL.indikator, entry.name, { style: TEXT });
    sheet.put(row, COL.satuan, context.satuan(members), { style: CENTER });
    sheet.put(
      row,
      COL.polaritas,
      polarity === "negatif" ? "Negatif" : assumed ? "Positif*" : "Positif",
      {
        style: CENTER,
      },
    );
    const t = context.operand(target);
    const r = realisasi ? context.operand(realisasi) : undefined;
    const tCell = sheet.operand(row, COL.target, t);
    const rCell = sheet.operand(row, COL.realisasi, r);
    const capaian = sheet.compute(
      row,
      COL.capaian,
      capaianCell(tCell, rCell, polarity, context.settings),
      {
        numberFormat: PERCENT_POINTS,
        style: CENTER,
      },
    );
    capaianValues.push(capaian);
    const capaianRef = a1(row, COL.capaian);
    sheet.compute(row, COL.kategori, kategoriCell(capaianRef, capaian, scale), { style: CENTER });
    sheet.put(row, COL.sumber, sourceText(t, r), { style: TEXT });
    sheet.put(row, COL.acuan, 100, { style: CENTER });

    const last = index === rows.length - 1 || rows[index + 1].sasaran !== item.sasaran;
    if (last) {
      const range = `${a1(groupStart, COL.capaian)}:${a1(row, COL.capaian)}`;
      const values = capaianValues.slice(groupStart - first);
      sheet.compute(groupStart, COL.rataSasaran, averageCell(range, values), {
        numberFormat: PERCENT_POINTS,
        style: CENTER,
      });
      for (let r2 = groupStart + 1; r2 <= row; r2++)
        sheet.put(r2, COL.rataSasaran, null, { style: CENTER });
      // The sasaran and its mean read once per group, as in the report tables.
      sheet.merge({ top: groupStart, bottom: row, left: COL.sasaran, right: COL.sasaran });
      for (let r2 = groupStart + 1; r2 <= row; r2++)
        sheet.put(r2, COL.sasaran, null, { style: TEXT });
      sheet.merge({ top: groupStart, bottom: row, left: COL.rataSasaran, right: COL.rataSasaran });
      groupStart = row + 1;
    }
    row++;
  });
  const lastRow = row - 1;
  const total = row;
  sheet.put(total, COL.no, "", { style: TOTAL_TEXT });
  sheet.put(total, COL.sasaran, "Rata-rata capaian seluruh indikator", { style: TOTAL_TEXT });
  sheet.merge({ top: total, bottom: total, left: COL.sasaran, right: COL.realisasi });
  for (let c = COL.indikator; c <= COL.realisasi; c++)
    sheet.put(total, c, null, { style: TOTAL_TEXT });
  const overall = sheet.compute(
    total,
    COL.capaian,
    averageCell(`${a1(first, COL.capaian)}:${a1(lastRow, COL.capaian)}`, capaianValues),
    { numberFormat: PERCENT_POINTS, style: TOTAL_NUMBER },
  );
  sheet.compute(total, COL.kategori, kategoriCell(a1(total, COL.capaian), overall, scale), {
    style: TOTAL_TEXT,
  });
  for (const c of [COL.rataSasaran, COL.sumber, COL.acuan])
    sheet.put(total, c, null, { style: TOTAL_TEXT });

  const bands = scale.bands;
  sheet.conditional({
    range: { top: first, bottom: total, left: COL.kategori, right: COL.kategori },
    rules: bands.map((band, i) => ({
      formula: `=$${columnLetters(COL.kategori)}${first + 1}="${band.label.replace(/"/g, '""')}"`,
      fill: bandFill(i, bands.length),
    })),
  });
  sheet.chart({
    title: `Capaian Kinerja Tahun ${year} (%)`,
    categories: { top: first, bottom: lastRow, left: COL.indikator, right: COL.indikator },
    series: [
      {
        name: "Capaian (%)",
        values: { top: first, bottom: lastRow, left: COL.capaian, right: COL.capaian },
        type: "column",
        color: "4472C4",
      },
      {
        name: "Acuan 100%",
        values: { top: first, bottom: lastRow, left: COL.acuan, right: COL.acuan },
        type: "line",
        color: "C00000",
      },
    ],
    anchor: { top: total + 2, bottom: total + 22, left: COL.no, right: COL.kategori },
    valueAxisTitle: "%",
    valueAxisMin: 0,
  });
  return sheet.build();
}
