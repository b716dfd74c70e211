import { settingFor } from "../check/settings";
import { fromExcelNumber } from "../decimal";
import type { IndicatorEntry, RealisasiEntry, TargetEntry } from "../extract/types";
import { a1 } from "../snapshot";
import { aggregate, Sifat } from "../formulas/kumulatif";
import { capaianCell, differenceCell } from "./calc";
import { measuredRows, SummaryContext, yearRealisasi } from "./input";
import type { SheetPlan } from "./plan";
import { HEADER_ROW, SheetBuilder } from "./sheet";
import { refLabel } from "./source";
import { CENTER, numberFormat, PERCENT_POINTS, STATIC_NUMBER, TEXT } from "./styles";

/**
 * Capaian Renstra (DOMAIN.md §7, Bab III A "dengan target jangka menengah"): realisasi up to
 * year n against the Renstra's end target. The sifat decides "s/d n": the latest value
 * (akhir, default), or the sum (kumulatif), mean or maximum of the years from the Renstra's
 * first year to n; the sisa target is what remains to the end target.
 */

const PLAN_ROLES = new Set(["renstra", "iku"]);

function endTarget(members: IndicatorEntry[], year: number): TargetEntry | undefined {
  const plan = members.flatMap((e) => e.targets.filter((t) => PLAN_ROLES.has(t.role)));
  const ends = plan.filter(
    (t) => t.type === "end-of-period" && (t.year === null || t.year >= year),
  );
  const pick = (list: TargetEntry[]) => [...list].sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
  if (ends.length > 0) return pick(ends);
  const annual = plan.filter((t) => t.type === "annual" && t.year !== null && t.year >= year);
  return annual.length > 0 ? pick(annual) : undefined;
}

function firstPlanYear(members: IndicatorEntry[]): number | null {
  const years = members.flatMap((e) =>
    e.targets
      .filter((t) => PLAN_ROLES.has(t.role) && t.type === "annual" && t.year !== null)
      .map((t) => t.year!),
  );
  return years.length > 0 ? Math.min(...years) : null;
}

const FUNCTION: Record<Exclude<Sifat, "akhir">, string> = {
  kumulatif: "SUM",
  "rata-rata": "AVERAGE",
  maks: "MAX",
};

export function capaianRenstra(context: SummaryContext): SheetPlan | null {
  const n = context.year;
  if (n === null) return null;
  const rows = measuredRows(context, n).flatMap((row) => {
    const members = context.members(row.group);
    const target = endTarget(members, n);
    return target && row.measurement.realisasi ? [{ row, members, target }] : [];
  });
  if (rows.length === 0) return null;
  const sheet = new SheetBuilder("capaian-renstra", "Capaian Renstra");
  const tables = [...new Set(rows.map((r) => r.target.at.sheet))];
  sheet.frame(
    `Capaian Kinerja ${n} terhadap Target Akhir Renstra`,
    `Sumber target akhir: ${tables.join(", ")}. Realisasi s/d ${n} menurut sifat indikator (akhir: realisasi ${n}; kumulatif: jumlah sejak tahun pertama Renstra); sifat diubah di Pengaturan.`,
  );
  sheet.header([
    { label: "No", width: 5 },
    { label: "Indikator Kinerja", width: 38 },
    { label: "Satuan", width: 8 },
    { label: "Sifat", width: 11 },
    { label: "Tahun Akhir", width: 8 },
    { label: "Target Akhir Renstra", width: 12 },
    { label: `Realisasi s/d ${n}`, width: 12 },
    { label: "Capaian (%)", width: 11 },
    { label: "Sisa Target", width: 11 },
    { label: "Sumber", width: 40 },
  ]);
  let row = HEADER_ROW + 1;
  rows.forEach((item, index) => {
    const entry = item.row.measurement.entry;
    const sifat: Sifat =
      item.members
        .map((e) => settingFor(context.settings.sifat, e.name))
        .find((s) => s !== undefined) ?? "akhir";
    const { polarity } = context.polarity(item.members);
    sheet.put(row, 0, index + 1, { style: CENTER });
    sheet.put(row, 1, entry.name, { style: TEXT });
    sheet.put(row, 2, context.satuan(item.members), { style: CENTER });
    sheet.put(row, 3, sifat, { style: CENTER });
    sheet.put(row, 4, item.target.year ?? "", { style: CENTER });
    const t = sheet.operand(row, 5, context.operand(item.target));
    const notes = [`target akhir ${refLabel(item.target.at)}`];
    let r: { cell: string; value: number | string | boolean | null };
    const latest = item.row.measurement.realisasi!;
    if (sifat === "akhir") {
      r = sheet.operand(row, 6, context.operand(latest));
      notes.push(`realisasi ${refLabel(latest.at)}`);
    } else {
      const from = firstPlanYear(item.members) ?? n;
      const values: RealisasiEntry[] = [];
      for (let y = from; y <= n; y++) {
        const v =
          y === n
            ? latest
            : item.members.map((e) => yearRealisasi(e, y)).find((x) => x !== undefined);
        if (v) values.push(v);
      }
      const operands = values.map((v) => context.operand(v));
      // The readings without their empty-cell guard: SUM("") would be #VALUE!.
      const args = operands.map((op) => (op.kind === "formula" ? op.read : String(op.value)));
      const result = aggregate(
        operands.map((op) => fromExcelNumber(op.value)),
        sifat,
      );
      const value = result.ok ? result.value.toNumber() : "";
      const anyStatic = operands.some((op) => op.kind === "static");
      sheet.compute(
        row,
        6,
        { formula: `=${FUNCTION[sifat]}(${args.join(",")})`, value },
        {
          numberFormat: numberFormat(Math.max(...operands.map((o) => o.decimals))),
          style: anyStatic ? STATIC_NUMBER : CENTER,
        },
      );
      r = { cell: a1(row, 6), value };
      notes.push(
        `realisasi ${values.map((v) => `${v.year ?? ""} ${refLabel(v.at)}`.trim()).join(", ")}`,
      );
    }
    sheet.compute(row, 7, capaianCell(t, r, polarity, context.settings), {
      numberFormat: PERCENT_POINTS,
      style: CENTER,
    });
    sheet.compute(row, 8, differenceCell(t, r), { numberFormat: "#,##0.00", style: CENTER });
    sheet.put(row, 9, notes.join("; "), { style: TEXT });
    row++;
  });
  return sheet.build();
}
