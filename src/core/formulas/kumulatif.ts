import { Decimal } from "../decimal";
import { fail, FormulaResult, ok } from "./result";

/**
 * How an indicator's values over periods combine (DOMAIN.md §4.2). Summing the quarters of
 * a percentage indicator (100 % + 100 % = 200 %) is the classic error: such indicators are
 * "akhir" (the latest value counts).
 */
export type Sifat = "kumulatif" | "akhir" | "rata-rata" | "maks";

export const SIFAT_SPELLINGS: Record<string, Sifat> = {
  kumulatif: "kumulatif",
  jumlah: "kumulatif",
  total: "kumulatif",
  sum: "kumulatif",
  cumulative: "kumulatif",
  akhir: "akhir",
  terakhir: "akhir",
  last: "akhir",
  "rata-rata": "rata-rata",
  "rata rata": "rata-rata",
  ratarata: "rata-rata",
  rerata: "rata-rata",
  rata2: "rata-rata",
  average: "rata-rata",
  mean: "rata-rata",
  maks: "maks",
  maksimum: "maks",
  maksimal: "maks",
  max: "maks",
  tertinggi: "maks",
};

/** Aggregate the non-empty values (null = blank or "-", which never counts; 0 does). */
export function aggregate(values: (Decimal | null)[], sifat: Sifat): FormulaResult<Decimal> {
  const present = values.filter((v): v is Decimal => v !== null);
  if (present.length === 0) return fail("#N/A", "ranges.empty", { arg: "nilai" });
  switch (sifat) {
    case "kumulatif":
      return ok(present.reduce((a, b) => a.plus(b), new Decimal(0)));
    case "akhir":
      return ok(present[present.length - 1]);
    case "rata-rata":
      return ok(present.reduce((a, b) => a.plus(b), new Decimal(0)).div(present.length));
    case "maks":
      return ok(Decimal.max(...present));
  }
}
