import DecimalBase from "decimal.js";

/**
 * The project's own Decimal constructor: 40 significant digits and Excel's rounding
 * (half away from zero), cloned so that no other code's global Decimal settings can leak in.
 */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

/**
 * A JS number as Excel holds it: Excel keeps 15 significant digits, so 100.365 (stored as
 * 100.36499999999999) is the decimal 100.365 for ROUND, not 100.3649….
 */
export function fromExcelNumber(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (x === 0) return new Decimal(0);
  return new Decimal(x.toPrecision(15));
}

/** Excel's ROUND(x, digits): half away from zero on the 15-digit value; digits may be negative. */
export function excelRound(x: number | Decimal, digits: number): Decimal {
  const d = typeof x === "number" ? fromExcelNumber(x) : x;
  if (digits >= 0) return d.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const scale = new Decimal(10).pow(-digits);
  return d.div(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(scale);
}

/** Excel's ROUNDDOWN(x, digits): truncation toward zero, as some tables print capaian. */
export function excelTruncate(x: number | Decimal, digits: number): Decimal {
  const d = typeof x === "number" ? fromExcelNumber(x) : x;
  return d.toDecimalPlaces(digits, Decimal.ROUND_DOWN);
}

/** Back to a JS number for Excel, JSON and the CLI. */
export function toNumber(d: Decimal): number {
  return d.toNumber();
}
