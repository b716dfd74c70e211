import { Decimal } from "../decimal";
import { fail, FormulaResult, ok } from "./result";

/**
 * Capaian kinerja (DOMAIN.md §4.1): realisasi against target in percent points, aware of
 * the indicator's polarity. PermenPAN-RB 8/2021 gives R/T×100 for "kondisi normal" and
 * (2T−R)/T×100 for lower-is-better indicators; T/R×100 is the monitoring systems' variant.
 */

export type Polarity = "positif" | "negatif";
export type InverseMethod = "2t-r" | "t/r";

export interface CapaianOptions {
  polarity?: Polarity;
  /** How a lower-is-better indicator is scored; default "2t-r". */
  inverseMethod?: InverseMethod;
  /** Upper cap in percent points (none by default: documents print 395,60 and 314 %). */
  cap?: Decimal | null;
  /** Lower bound, e.g. 0 so that R > 2T does not give a negative capaian; none by default. */
  floor?: Decimal | null;
  /** Off by default [U]: T = 0 and R = 0 scores 100 instead of #DIV/0!. */
  zeroTargetZeroRealisasiIs100?: boolean;
}

const HUNDRED = new Decimal(100);

function bounded(value: Decimal, options: CapaianOptions): Decimal {
  let v = value;
  if (options.floor !== undefined && options.floor !== null) v = Decimal.max(v, options.floor);
  if (options.cap !== undefined && options.cap !== null) v = Decimal.min(v, options.cap);
  return v;
}

export function capaian(
  realisasi: Decimal,
  target: Decimal,
  options: CapaianOptions = {},
): FormulaResult<Decimal> {
  if (target.isZero()) {
    if (realisasi.isZero() && options.zeroTargetZeroRealisasiIs100)
      return ok(bounded(HUNDRED, options));
    return fail("#DIV/0!", "capaian.targetZero");
  }
  if (target.isNegative()) {
    return fail("#VALUE!", "capaian.targetNegative", { value: target.toNumber() });
  }
  const polarity = options.polarity ?? "positif";
  if (polarity === "positif") return ok(bounded(realisasi.div(target).times(HUNDRED), options));
  if ((options.inverseMethod ?? "2t-r") === "t/r") {
    if (realisasi.isZero()) return fail("#DIV/0!", "capaian.realisasiZeroInverse");
    return ok(bounded(target.div(realisasi).times(HUNDRED), options));
  }
  return ok(bounded(target.times(2).minus(realisasi).div(target).times(HUNDRED), options));
}

/** Spellings planners use for polarity, in Indonesian and English. */
export const POLARITY_SPELLINGS: Record<string, Polarity> = {
  positif: "positif",
  positive: "positif",
  "+": "positif",
  normal: "positif",
  maksimal: "positif",
  maksimum: "positif",
  max: "positif",
  naik: "positif",
  "semakin tinggi semakin baik": "positif",
  "semakin besar semakin baik": "positif",
  "higher is better": "positif",
  negatif: "negatif",
  negative: "negatif",
  "-": "negatif",
  inverse: "negatif",
  terbalik: "negatif",
  minimal: "negatif",
  minimum: "negatif",
  min: "negatif",
  turun: "negatif",
  "semakin kecil semakin baik": "negatif",
  "semakin rendah semakin baik": "negatif",
  "lower is better": "negatif",
};

export const INVERSE_METHOD_SPELLINGS: Record<string, InverseMethod> = {
  "2t-r": "2t-r",
  "(2t-r)/t": "2t-r",
  "2t - r": "2t-r",
  "t/r": "t/r",
  "t / r": "t/r",
};
