import { Decimal } from "../decimal";
import { fail, FormulaResult, ok } from "./result";

/** Budget absorption (DOMAIN.md §4.3): serapan = realisasi / pagu × 100. */
export function serapan(realisasi: Decimal, pagu: Decimal): FormulaResult<Decimal> {
  if (pagu.isZero()) return fail("#DIV/0!", "serapan.paguZero");
  if (pagu.isNegative()) return fail("#VALUE!", "serapan.paguNegative", { value: pagu.toNumber() });
  return ok(realisasi.div(pagu).times(100));
}

/** Sisa anggaran / SILPA = pagu − realisasi. */
export function sisa(pagu: Decimal, realisasi: Decimal): Decimal {
  return pagu.minus(realisasi);
}
