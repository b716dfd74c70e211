import { type CellNumber, type CellReading, plainNumberReading } from "../../cellNumber";
import type { CheckSettings } from "../../check/settings";
import type { Table } from "../../check/table";
import type { CellRef, Severity } from "../../check/types";
import { Decimal, fromExcelNumber } from "../../decimal";
import type { MessageParam } from "../../messages";
import {
  Agreement,
  CompareOptions,
  comparePrinted,
  comparePrintedFast,
  isAccepted,
} from "../../numbers";

/**
 * Reading the cells a total adds, and deciding whether a printed total agrees with a
 * recomputed sum (DOMAIN.md §3 "Tolerance").
 *
 * The verdicts are those of decimal.js on Excel's 15-digit values. A workbook has a million
 * amounts and nearly all of them add up, so sums are carried as floats with a proven bound on
 * their distance from the exact decimal sum; the float decides when that bound is far below
 * the margin `comparePrintedFast` keeps at every bound, the decimals decide otherwise. The
 * exact decimals are only built for those near calls and for findings.
 */

/**
 * A recomputed value: its float, a bound on the float's distance from the exact decimal
 * value, and the exact value on demand.
 */
export interface Approx {
  readonly float: number;
  /** |float − exact| ≤ error. NaN or ∞ when unknown: the decimals decide. */
  readonly error: number;
  exact(): Decimal;
}

/**
 * Excel keeps 15 significant digits (`fromExcelNumber`): a double is at most half a unit of
 * its 15th digit, 5e-15·|x|, from the decimal the rules compute with.
 */
const FIFTEEN_DIGITS_ERROR = 5e-15;
/**
 * One float addition or division is off by at most 2^-53 of its result. Rounded up a little:
 * the slack covers decimal.js rounding the exact sums to 40 digits (5e-40 per addition).
 */
const ROUNDING_ERROR = 1.2e-16;

/** How far a cell's float may be from its 15-digit decimal. */
function conversionError(x: number): number {
  // Integers below 1e15 have at most 15 digits: the double is the decimal (money is mostly this).
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return 0;
  return FIFTEEN_DIGITS_ERROR * Math.abs(x);
}

/** Σ terms in floats, with the error bound, and the exact decimal sum on demand. */
export class Sum implements Approx {
  readonly float: number;
  readonly error: number;
  private exactValue: Decimal | null = null;

  constructor(readonly terms: readonly Approx[]) {
    let float = 0;
    let error = 0;
    for (const term of terms) {
      float += term.float;
      error += term.error + ROUNDING_ERROR * Math.abs(float);
    }
    this.float = float;
    this.error = error;
  }

  /** The exact sum, as the rule has always added it: decimals in order, from zero. */
  exact(): Decimal {
    if (this.exactValue === null) {
      let acc = new Decimal(0);
      for (const term of this.terms) acc = acc.plus(term.exact());
      this.exactValue = acc;
    }
    return this.exactValue;
  }

  /** sum / k: a mean, or one of k levels read as one. */
  dividedBy(k: number): Approx {
    const float = this.float / k;
    return {
      float,
      error: this.error / k + ROUNDING_ERROR * Math.abs(float),
      exact: () => this.exact().div(k),
    };
  }
}

/**
 * One addend or total: the value of a cell, or (for a blank parent read through its
 * children) the sum of several cells, shown at the first of them.
 */
export class Amount implements Approx {
  private exactValue: Decimal | null = null;

  private constructor(
    private readonly table: Table,
    readonly row: number,
    readonly col: number,
    /** The cell's reading (of the first part's cell for a sum). */
    readonly number: CellNumber,
    readonly float: number,
    readonly error: number,
    /** The cells this amount adds up, or null for a cell's own value. */
    private readonly sum: Sum | null,
  ) {}

  static ofCell(table: Table, row: number, col: number, number: CellNumber): Amount {
    return new Amount(table, row, col, number, number.value, conversionError(number.value), null);
  }

  /** One amount for several cells (one of them alone is itself). */
  static sumOf(parts: Amount[]): Amount {
    if (parts.length === 1) return parts[0];
    const sum = new Sum(parts);
    const first = parts[0];
    return new Amount(first.table, first.row, first.col, first.number, sum.float, sum.error, sum);
  }

  /** Printed decimals: the precision the author claims. */
  get decimals(): number {
    return this.number.decimals;
  }

  /** Where it is (built on demand: only findings need it). */
  get cell(): CellRef {
    return this.table.ref(this.row, this.col);
  }

  /** The cells added: this one, or those of a sum. */
  get parts(): readonly Amount[] {
    // A sum's terms are the Amounts `sumOf` was given.
    return this.sum ? (this.sum.terms as Amount[]) : [this];
  }

  /** Appends the cells added to a list (without a list per cell). */
  appendPartsTo(list: Amount[]): void {
    if (this.sum) for (const term of this.sum.terms) list.push(term as Amount);
    else list.push(this);
  }

  /** The exact value: Excel's 15 digits of the cell, or the decimal sum of the cells. */
  exact(): Decimal {
    if (this.exactValue === null) {
      this.exactValue = this.sum ? this.sum.exact() : fromExcelNumber(this.number.value);
    }
    return this.exactValue;
  }

  isZero(): boolean {
    return this.sum ? this.exact().isZero() : this.float === 0;
  }
}

/**
 * What a cell contributes to a sum: a number; "blank" (empty, the row simply has no amount
 * there); or "unusable" (text, compound, error, a weighted "100% (80%)" cell) which makes
 * any sum over it unknowable.
 */
export type Addend = Amount | "blank" | "unusable";

/** A lone dash in a budget column means nil ("-" for 0 in accounting formats). */
const DASH = /^[-–—]+$/;

/** The reading a lone dash stands for: 0, typed as text. Shared: nobody changes a reading. */
const DASH_ZERO: CellNumber = plainNumberReading(0, 0, "text");

export function readAddend(table: Table, row: number, col: number): Addend {
  return addendOf(table, row, col, table.reading(row, col));
}

/** readAddend of a cell whose reading the caller holds already. */
export function addendOf(table: Table, row: number, col: number, reading: CellReading): Addend {
  if (reading.kind === "empty") return "blank";
  if (reading.kind === "missing") {
    return DASH.test(reading.text.trim()) ? Amount.ofCell(table, row, col, DASH_ZERO) : "blank";
  }
  if (reading.kind !== "number") return "unusable";
  // A weighted cell "100% (80%)" states a share of a five-year plan, not an amount to add.
  if (reading.secondary !== null) return "unusable";
  return Amount.ofCell(table, row, col, reading);
}

/** A number printed in its cell, not a dash standing for nil. */
export function isPrinted(a: Amount): boolean {
  return a.number !== DASH_ZERO;
}

export function isAmount(a: Addend | undefined): a is Amount {
  return typeof a === "object" && a !== null;
}

export interface Verdict {
  agreement: Agreement;
  accepted: boolean;
}

function verdict(agreement: Agreement): Verdict {
  return { agreement, accepted: isAccepted(agreement) };
}

/** One shared verdict per agreement: judging allocates nothing. */
const VERDICTS: Record<Agreement, Verdict> = {
  exact: verdict("exact"),
  rounded: verdict("rounded"),
  truncated: verdict("truncated"),
  "near-miss": verdict("near-miss"),
  mismatch: verdict("mismatch"),
};

const PLAIN: CompareOptions = { summands: 0 };

/**
 * The float may stand for the exact value when its error is at most a fifth of the ½·ε =
 * 5e-10·max(1, |x|) margin `comparePrintedFast` keeps at every bound. Why: the decimals
 * decide on |P − X| against ε(X), τ and 10^-d (P, X the exact printed and recomputed values);
 * the float path sees |p − x| with |p − P| ≤ 5e-15·|p| and |x − X| ≤ error, and answers only
 * where |p − x| is ½·ε(x) or more away from every bound (ε(x) and ε(X) differ by 1e-9·error).
 * With error ≤ ε(x)/10, |P − X| lies on the same side of every bound; nearer, the decimals
 * decide. The property tests in test/core/rules/totals fail when any term of the bound is
 * dropped or this factor loosened a hundredfold.
 */
export const FAST_ERROR = 1e-10;

/** comparePrinted against an approximate value: in floats when the error bound allows. */
export function compareApprox(printed: Amount, expected: Approx, derivedSummands = 0): Agreement {
  const options = derivedSummands === 0 ? PLAIN : { summands: derivedSummands };
  const x = expected.float;
  // Written so that a NaN error fails the test and goes the exact way.
  if (expected.error <= FAST_ERROR * Math.max(1, Math.abs(x))) {
    const fast = comparePrintedFast(printed.float, x, printed.decimals, options);
    if (fast !== null) return fast;
  }
  return comparePrinted(printed.float, expected.exact(), printed.decimals, options);
}

/**
 * Does a printed total agree with a recomputed value? Money gets the user's extra Rupiah
 * tolerance; a total of rounded derived values (selisih, formula columns) gets τ·(n+1).
 */
export function judge(
  printed: Amount,
  expected: Approx,
  settings: CheckSettings,
  derivedSummands = 0,
): Verdict {
  // The tolerance is an option left at 0 by nearly everyone: when set, the decimals decide.
  if (settings.rupiahTolerance > 0) {
    const diff = printed.exact().minus(expected.exact()).abs();
    if (diff.lte(settings.rupiahTolerance)) return VERDICTS.rounded;
    const options = { summands: derivedSummands };
    return VERDICTS[comparePrinted(printed.float, expected.exact(), printed.decimals, options)];
  }
  return VERDICTS[compareApprox(printed, expected, derivedSummands)];
}

export function agrees(
  printed: Amount,
  expected: Approx,
  settings: CheckSettings,
  derivedSummands = 0,
): boolean {
  return judge(printed, expected, settings, derivedSummands).accepted;
}

/** A near miss is a rounding warning; anything else the rule's default (error). */
export function severityOf(verdict: Verdict): Severity | undefined {
  return verdict.agreement === "near-miss" ? "warning" : undefined;
}

/** Decimals to show a recomputed sum with: those printed by the inputs, at most 2. */
export function shownDecimals(amounts: readonly Amount[]): number {
  return Math.min(2, Math.max(0, ...amounts.map((a) => a.decimals)));
}

/** The message parameters every total-mismatch message uses. */
export function numberParams(
  printed: Amount,
  expected: Decimal,
  decimals: number,
): Record<string, MessageParam> {
  const d = Math.max(decimals, printed.decimals);
  return {
    actual: { number: printed.number.value, decimals: printed.decimals },
    expected: { number: expected.toNumber(), decimals: d },
    difference: { number: printed.exact().minus(expected).abs().toNumber(), decimals: d },
  };
}

/** At most this many children are listed as related cells of one finding. */
export const MAX_RELATED = 50;

export function relatedCells(amounts: readonly Amount[]): CellRef[] {
  return amounts.slice(0, MAX_RELATED).map((a) => a.cell);
}
