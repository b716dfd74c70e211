import type { CellNumber } from "../../cellNumber";
import type { CheckSettings } from "../../check/settings";
import type { Table } from "../../check/table";
import type { CellRef, Severity } from "../../check/types";
import { Decimal, fromExcelNumber } from "../../decimal";
import type { MessageParam } from "../../messages";
import { Agreement, comparePrinted, isAccepted } from "../../numbers";

/**
 * Reading the cells a total adds, and deciding whether a printed total agrees with a
 * recomputed sum (DOMAIN.md §3 "Tolerance").
 */

/** One addend or total: its exact value, printed decimals and where it is. */
export interface Amount {
  value: Decimal;
  decimals: number;
  cell: CellRef;
  number: CellNumber;
}

/**
 * What a cell contributes to a sum: a number; "blank" (empty, the row simply has no amount
 * there); or "unusable" (text, compound, error, a weighted "100% (80%)" cell) which makes
 * any sum over it unknowable.
 */
export type Addend = Amount | "blank" | "unusable";

/** A lone dash in a budget column means nil ("-" for 0 in accounting formats). */
const DASH = /^[-–—]+$/;

export function readAddend(table: Table, row: number, col: number): Addend {
  const reading = table.reading(row, col);
  if (reading.kind === "empty") return "blank";
  if (reading.kind === "missing") {
    return DASH.test(reading.text.trim()) ? zeroAt(table, row, col) : "blank";
  }
  if (reading.kind !== "number") return "unusable";
  // A weighted cell "100% (80%)" states a share of a five-year plan, not an amount to add.
  if (reading.secondary !== null) return "unusable";
  return {
    value: fromExcelNumber(reading.value),
    decimals: reading.decimals,
    cell: table.ref(row, col),
    number: reading,
  };
}

function zeroAt(table: Table, row: number, col: number): Amount {
  return {
    value: new Decimal(0),
    decimals: 0,
    cell: table.ref(row, col),
    number: {
      kind: "number",
      value: 0,
      readAs: "text",
      isPercent: false,
      decimals: 0,
      unit: null,
      secondary: null,
      decimalMark: null,
      ambiguous: false,
      usFormat: false,
      formula: false,
    },
  };
}

export function isAmount(a: Addend | undefined): a is Amount {
  return typeof a === "object" && a !== null;
}

export function sumOf(amounts: Amount[]): Decimal {
  return amounts.reduce((acc, a) => acc.plus(a.value), new Decimal(0));
}

export interface Verdict {
  agreement: Agreement;
  accepted: boolean;
}

/**
 * Does a printed total agree with a recomputed value? Money gets the user's extra Rupiah
 * tolerance; a total of rounded derived values (selisih, formula columns) gets τ·(n+1).
 */
export function judge(
  printed: Amount,
  expected: Decimal,
  settings: CheckSettings,
  derivedSummands = 0,
): Verdict {
  const diff = printed.value.minus(expected).abs();
  if (settings.rupiahTolerance > 0 && diff.lte(settings.rupiahTolerance)) {
    return { agreement: "rounded", accepted: true };
  }
  const agreement = comparePrinted(printed.number.value, expected, printed.decimals, {
    summands: derivedSummands,
  });
  return { agreement, accepted: isAccepted(agreement) };
}

export function agrees(
  printed: Amount,
  expected: Decimal,
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
export function shownDecimals(amounts: Amount[]): number {
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
    difference: { number: printed.value.minus(expected).abs().toNumber(), decimals: d },
  };
}

/** At most this many children are listed as related cells of one finding. */
export const MAX_RELATED = 50;

export function relatedCells(amounts: Amount[]): CellRef[] {
  return amounts.slice(0, MAX_RELATED).map((a) => a.cell);
}
