import type { IndicatorEntry, ModelValue, TargetEntry } from "../extract/types";
import { a1 } from "../snapshot";
import { capaianCell, differenceCell } from "./calc";
import { annualTarget, measuredRows, SummaryContext, yearRealisasi } from "./input";
import type { SheetPlan } from "./plan";
import { HEADER_ROW, SheetBuilder } from "./sheet";
import { refLabel } from "./source";
import { CENTER, PERCENT_POINTS, TEXT } from "./styles";

/**
 * Perbandingan Tahun (DOMAIN.md §7, Bab III A "dengan tahun-tahun sebelumnya"): target,
 * realisasi and capaian of the indicator in n−2, n−1 and n, and the signed change of
 * realisasi from n−1 to n with naik/turun/tetap. Capaian is computed from the year's target
 * where a table prints one; else the capaian a table prints for that year is shown.
 */

const TARGET_ROLES_BY_PREFERENCE = ["pengukuran", "pk", "renstra", "iku", "renja", "rkpd", "tren"];

function targetOf(members: IndicatorEntry[], year: number): TargetEntry | undefined {
  for (const e of members) {
    const t = annualTarget(e, year);
    if (t) return t;
  }
  const annual = members.flatMap((e) =>
    e.targets.filter((t) => t.year === year && t.type === "annual" && t.period === undefined),
  );
  annual.sort(
    (a, b) =>
      TARGET_ROLES_BY_PREFERENCE.indexOf(a.role) - TARGET_ROLES_BY_PREFERENCE.indexOf(b.role),
  );
  return annual[0];
}

function realisasiOf(members: IndicatorEntry[], year: number): ModelValue | undefined {
  for (const e of members) {
    const r = yearRealisasi(e, year);
    if (r) return r;
  }
  return undefined;
}

function printedCapaian(members: IndicatorEntry[], year: number): ModelValue | undefined {
  for (const e of members) {
    const c = e.capaian.find((x) => x.year === year && !x.againstEndTarget);
    if (c) return c;
  }
  return undefined;
}

export function perbandinganTahun(context: SummaryContext): SheetPlan | null {
  const n = context.year;
  if (n === null) return null;
  const years = [n - 2, n - 1, n];
  const rows = measuredRows(context, n)
    .map((row) => {
      const members = context.members(row.group);
      // Year n: the same measurement as Ringkasan Capaian.
      const realisasi = years.map((y) =>
        y === n ? row.measurement.realisasi : realisasiOf(members, y),
      );
      return { row, members, realisasi };
    })
    .filter((r) => r.realisasi[2] !== undefined && (r.realisasi[0] || r.realisasi[1]));
  if (rows.length === 0) return null;
  const sheet = new SheetBuilder("perbandingan-tahun", "Perbandingan Tahun");
  const tables = new Set<string>();
  for (const r of rows) for (const v of r.realisasi) if (v) tables.add(v.at.sheet);
  sheet.frame(
    `Perbandingan Realisasi dan Capaian Kinerja Tahun ${n - 2}–${n}`,
    `Sumber: ${[...tables].join(", ")}. Capaian dihitung dari target tahun yang sama; selisih = realisasi ${n} − realisasi ${n - 1}.`,
  );
  const header = [
    { label: "No", width: 5 },
    { label: "Indikator Kinerja", width: 36 },
    { label: "Satuan", width: 8 },
  ];
  for (const y of years) {
    header.push({ label: `Target ${y}`, width: 10 });
    header.push({ label: `Realisasi ${y}`, width: 10 });
    header.push({ label: `Capaian ${y} (%)`, width: 10 });
  }
  header.push({ label: `Naik/Turun Realisasi ${n} thd ${n - 1}`, width: 13 });
  header.push({ label: "Keterangan", width: 12 });
  header.push({ label: "Sumber", width: 40 });
  sheet.header(header);
  const diffCol = 3 + years.length * 3;
  let row = HEADER_ROW + 1;
  rows.forEach((item, index) => {
    const { polarity } = context.polarity(item.members);
    sheet.put(row, 0, index + 1, { style: CENTER });
    sheet.put(row, 1, item.row.measurement.entry.name, { style: TEXT });
    sheet.put(row, 2, context.satuan(item.members), { style: CENTER });
    const notes: string[] = [];
    const realisasiCells = years.map((y, i) => {
      const col = 3 + i * 3;
      const target = y === n ? item.row.measurement.target : targetOf(item.members, y);
      const t = sheet.operand(row, col, target ? context.operand(target) : undefined);
      const realisasi = item.realisasi[i];
      const r = sheet.operand(row, col + 1, realisasi ? context.operand(realisasi) : undefined);
      if (target && realisasi) {
        sheet.compute(row, col + 2, capaianCell(t, r, polarity, context.settings), {
          numberFormat: PERCENT_POINTS,
          style: CENTER,
        });
        notes.push(`${y}: target ${refLabel(target.at)}, realisasi ${refLabel(realisasi.at)}`);
      } else {
        const printed = printedCapaian(item.members, y);
        sheet.operand(row, col + 2, printed ? context.operand(printed) : undefined, PERCENT_POINTS);
        if (realisasi) notes.push(`${y}: realisasi ${refLabel(realisasi.at)}`);
        if (printed) notes.push(`capaian ${y} seperti tertulis di ${refLabel(printed.at)}`);
      }
      return r;
    });
    const diff = sheet.compute(row, diffCol, differenceCell(realisasiCells[2], realisasiCells[1]), {
      numberFormat: "#,##0.00;-#,##0.00;0",
      style: CENTER,
    });
    const d = a1(row, diffCol);
    sheet.compute(
      row,
      diffCol + 1,
      {
        formula: `=IF(${d}="","",IF(${d}>0,"Naik",IF(${d}<0,"Turun","Tetap")))`,
        value: typeof diff === "number" ? (diff > 0 ? "Naik" : diff < 0 ? "Turun" : "Tetap") : "",
      },
      { style: CENTER },
    );
    sheet.put(row, diffCol + 2, notes.join("; "), { style: TEXT });
    row++;
  });
  return sheet.build();
}
