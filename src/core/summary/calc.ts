import type { CheckSettings } from "../check/settings";
import { Decimal, excelRound, fromExcelNumber } from "../decimal";
import type { Polarity } from "../formulas/capaian";
import type { Band, Bound, Scale } from "../formulas/scales";
import { classify } from "../formulas/scales";
import type { PlanValue } from "./plan";

/**
 * The formulas the summary sheets compute with, each built twice from one description: as
 * en-US Excel text and as the value our engine expects (decimal.js, Excel's rounding), so a
 * test can recalculate the sheet in a spreadsheet engine and compare cell by cell.
 */

/** A formula and the value the engine computed for it. */
export interface Computed {
  formula: string;
  value: PlanValue;
}

/** What a summary shows where a ratio cannot be computed (target 0): the documents' dash. */
export const NOT_COMPUTABLE = "-";

function num(value: PlanValue): Decimal | null {
  return typeof value === "number" && Number.isFinite(value) ? fromExcelNumber(value) : null;
}

/**
 * Capaian in percent points, rounded to 2 decimals as the documents print it (DOMAIN.md
 * §4.1, §7): `IF(OR(T="",R=""),"",ROUND(R/T*100,2))`, the inverse `(2T−R)/T` or `T/R` for
 * lower-is-better indicators, the cap and floor of the settings, "-" where the divisor is 0
 * or the target negative (the engine's #DIV/0! and #VALUE!).
 */
export function capaianCell(
  t: { cell: string; value: PlanValue },
  r: { cell: string; value: PlanValue },
  polarity: Polarity,
  settings: CheckSettings,
  digits: number | null = 2,
): Computed {
  const T = t.cell;
  const R = r.cell;
  const inverseTr = polarity === "negatif" && settings.inverseMethod === "t/r";
  const ratio =
    polarity === "positif"
      ? `${R}/${T}*100`
      : inverseTr
        ? `${T}/${R}*100`
        : `(2*${T}-${R})/${T}*100`;
  let shown = digits === null ? ratio : `ROUND(${ratio},${digits})`;
  if (settings.capaianFloor !== null) shown = `MAX(${settings.capaianFloor},${shown})`;
  if (settings.capaianCap !== null) shown = `MIN(${settings.capaianCap},${shown})`;
  const blocked = inverseTr ? `OR(${T}<=0,${R}=0)` : `${T}<=0`;
  const zeroCase = settings.zeroTargetZeroRealisasiIs100
    ? `IF(AND(${T}=0,${R}=0),${settings.capaianCap !== null ? Math.min(100, settings.capaianCap) : 100},"${NOT_COMPUTABLE}")`
    : `"${NOT_COMPUTABLE}"`;
  const formula = `=IF(OR(${T}="",${R}=""),"",IF(${blocked},${zeroCase},${shown}))`;
  return { formula, value: capaianValue(t.value, r.value, polarity, settings, digits) };
}

function capaianValue(
  tv: PlanValue,
  rv: PlanValue,
  polarity: Polarity,
  settings: CheckSettings,
  digits: number | null,
): PlanValue {
  if (tv === "" || tv === null || rv === "" || rv === null) return "";
  const t = num(tv);
  const r = num(rv);
  // Text where a number should be: Excel's arithmetic gives #VALUE!; the plan never builds it.
  if (t === null || r === null) return "";
  const inverseTr = polarity === "negatif" && settings.inverseMethod === "t/r";
  const blocked = inverseTr ? t.lte(0) || r.isZero() : t.lte(0);
  if (blocked) {
    if (settings.zeroTargetZeroRealisasiIs100 && t.isZero() && r.isZero()) {
      return settings.capaianCap !== null ? Math.min(100, settings.capaianCap) : 100;
    }
    return NOT_COMPUTABLE;
  }
  const hundred = new Decimal(100);
  let x =
    polarity === "positif"
      ? r.div(t).times(hundred)
      : inverseTr
        ? t.div(r).times(hundred)
        : t.times(2).minus(r).div(t).times(hundred);
  if (digits !== null) x = excelRound(x, digits);
  if (settings.capaianFloor !== null) x = Decimal.max(settings.capaianFloor, x);
  if (settings.capaianCap !== null) x = Decimal.min(settings.capaianCap, x);
  return x.toNumber();
}

function condition(cell: string, bound: Bound, op: "min" | "max"): string {
  const sign = op === "min" ? (bound.inclusive ? ">=" : ">") : bound.inclusive ? "<=" : "<";
  return `${cell}${sign}${bound.value}`;
}

function bandCondition(cell: string, band: Band): string | null {
  const parts: string[] = [];
  if (band.min) parts.push(condition(cell, band.min, "min"));
  if (band.max) parts.push(condition(cell, band.max, "max"));
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : `AND(${parts.join(",")})`;
}

/**
 * The band label of a number, as nested IFs over the scale's bands (best first), "" for an
 * empty or non-numeric cell and for a value outside the scale. Scales are data (§5), so
 * a Perbup scale gives its own formula.
 */
export function kategoriCell(cell: string, value: PlanValue, scale: Scale): Computed {
  const bands = scale.bands;
  // Adjacent bands share a bound (one side inclusive): testing the lower bound alone, best
  // band first, reads as the scale is printed ("≥ 91 Sangat Tinggi, ≥ 76 Tinggi, …").
  const contiguous = bands.every(
    (b, i) =>
      i === 0 ||
      (bands[i - 1].min !== null &&
        b.max !== null &&
        bands[i - 1].min!.value === b.max.value &&
        bands[i - 1].min!.inclusive !== b.max.inclusive),
  );
  let inner = '""';
  for (let i = bands.length - 1; i >= 0; i--) {
    const band = bands[i];
    const label = `"${band.label.replace(/"/g, '""')}"`;
    let test: string | null;
    if (!contiguous) test = bandCondition(cell, band);
    else if (band.min === null) test = null;
    else if (i === bands.length - 1 && scale.range && scale.range.min >= band.min.value)
      test = null;
    else test = condition(cell, band.min, "min");
    inner = test === null ? label : `IF(${test},${label},${inner})`;
  }
  if (scale.range) {
    inner = `IF(OR(${cell}<${scale.range.min},${cell}>${scale.range.max}),"",${inner})`;
  }
  const formula = `=IF(ISNUMBER(${cell}),${inner},"")`;
  const n = num(value);
  if (n === null) return { formula, value: "" };
  const band = classify(n, scale);
  return { formula, value: band.ok ? band.value.label : "" };
}

/** `IFERROR(ROUND(AVERAGE(range),2),"")`: the mean of the numbers (text and blanks skipped). */
export function averageCell(range: string, values: PlanValue[], digits = 2): Computed {
  const numbers = values.map(num).filter((d): d is Decimal => d !== null);
  const formula = `=IFERROR(ROUND(AVERAGE(${range}),${digits}),"")`;
  if (numbers.length === 0) return { formula, value: "" };
  const sum = numbers.reduce((a, b) => a.plus(b), new Decimal(0));
  return { formula, value: excelRound(sum.div(numbers.length), digits).toNumber() };
}

/** Sum of the numbers among `values` (SUM skips text). */
export function sumOf(values: PlanValue[]): number {
  return values
    .map(num)
    .filter((d): d is Decimal => d !== null)
    .reduce((a, b) => a.plus(b), new Decimal(0))
    .toNumber();
}

/** `a − b` when both are numbers, "" otherwise, as `IF(OR(a="",b=""),"",a-b)`. */
export function differenceCell(
  a: { cell: string; value: PlanValue },
  b: { cell: string; value: PlanValue },
): Computed {
  const formula = `=IF(OR(${a.cell}="",${b.cell}=""),"",${a.cell}-${b.cell})`;
  const x = num(a.value);
  const y = num(b.value);
  return { formula, value: x !== null && y !== null ? x.minus(y).toNumber() : "" };
}

/** `ROUND(part/whole*100,2)` with "-" for a zero whole (serapan, sisa %). */
export function shareCell(
  part: { cell: string; value: PlanValue },
  whole: { cell: string; value: PlanValue },
): Computed {
  const formula = `=IF(OR(${part.cell}="",${whole.cell}=""),"",IF(${whole.cell}=0,"${NOT_COMPUTABLE}",ROUND(${part.cell}/${whole.cell}*100,2)))`;
  const p = num(part.value);
  const w = num(whole.value);
  let value: PlanValue = "";
  if (p !== null && w !== null) {
    value = w.isZero() ? NOT_COMPUTABLE : excelRound(p.div(w).times(100), 2).toNumber();
  }
  return { formula, value };
}
