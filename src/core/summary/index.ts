import { capaianRenstra } from "./capaianRenstra";
import { efisiensi } from "./efisiensi";
import { SummaryContext, SummaryInput } from "./input";
import { perbandinganTahun } from "./perbandinganTahun";
import type { SheetPlan } from "./plan";
import { realisasiAnggaran } from "./realisasiAnggaran";
import { ringkasanCapaian } from "./ringkasanCapaian";
import { skala } from "./skala";
import { temuan } from "./temuan";

export * from "./plan";
export type { SummaryInput } from "./input";

/**
 * The summary sheets of one workbook (DOMAIN.md §7), as plans for a gateway to write: only
 * the sheets its data supports, in the order of the LKjIP's Bab III, then the scales the
 * categories use and the findings. Pure: the same input gives the same plans.
 */
export function summarise(input: SummaryInput): SheetPlan[] {
  const context = new SummaryContext(input);
  const plans: SheetPlan[] = [];
  const add = (plan: SheetPlan | null) => {
    if (plan) plans.push(plan);
  };
  add(ringkasanCapaian(context));
  add(perbandinganTahun(context));
  add(capaianRenstra(context));
  add(realisasiAnggaran(context));
  add(efisiensi(context));
  const measures: ("capaian" | "efisiensi")[] = [];
  if (plans.some((p) => p.key !== "realisasi-anggaran")) measures.push("capaian");
  if (plans.some((p) => p.key === "efisiensi")) measures.push("efisiensi");
  if (measures.length > 0) plans.push(skala(context, measures));
  plans.push(temuan(context));
  return plans;
}
