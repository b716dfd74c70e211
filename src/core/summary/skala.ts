import type { Bound, Scale } from "../formulas/scales";
import { findScale } from "../formulas/scales";
import { formatNumber } from "../numbers";
import type { SummaryContext } from "./input";
import type { SheetPlan } from "./plan";
import { TEXT, bandFill, CENTER } from "./styles";
import { SheetBuilder, HEADER_ROW } from "./sheet";

/**
 * Skala: the scales the Kategori formulas of the other sheets were built from (DOMAIN.md §5),
 * with their sources, so a reader of the report sees which bands were applied. Changing
 * the scale is a setting (Pengaturan), after which the summary is made again.
 */

function boundText(bound: Bound | null, side: "min" | "max"): string {
  if (bound === null) return "";
  const n = formatNumber(bound.value, "id");
  if (side === "min") return bound.inclusive ? `≥ ${n}` : `> ${n}`;
  return bound.inclusive ? `≤ ${n}` : `< ${n}`;
}

export function skala(context: SummaryContext, measures: ("capaian" | "efisiensi")[]): SheetPlan {
  const sheet = new SheetBuilder("skala", "Skala", false);
  const scales = measures
    .map((m) => findScale(context.settings.scales[m]))
    .filter((s): s is Scale => s !== undefined);
  sheet.frame(
    "Skala Kategori yang Dipakai",
    "Kategori pada sheet ringkasan dihitung dengan rumus dari skala berikut; skala lain dapat dipilih di Pengaturan.",
  );
  sheet.header([
    { label: "Skala", width: 30 },
    { label: "Kategori", width: 18 },
    { label: "Batas bawah", width: 13 },
    { label: "Batas atas", width: 13 },
    { label: "Sumber", width: 60 },
  ]);
  let row = HEADER_ROW + 1;
  for (const scale of scales) {
    scale.bands.forEach((band, i) => {
      sheet.put(row, 0, i === 0 ? scale.name : "", { style: TEXT });
      sheet.put(row, 1, band.label, {
        style: { ...CENTER, fill: bandFill(i, scale.bands.length) },
      });
      sheet.put(row, 2, boundText(band.min, "min"), { style: CENTER });
      sheet.put(row, 3, boundText(band.max, "max"), { style: CENTER });
      sheet.put(row, 4, i === 0 ? scale.source : "", { style: TEXT });
      row++;
    });
  }
  return sheet.build();
}
