import { Decimal, excelTruncate, fromExcelNumber } from "./decimal";

/**
 * Reading and writing numbers the way Indonesian planning documents print them
 * (DOMAIN.md §3): decimal comma, dot grouping, "Rp." prefixes, trailing ",-", bracketed
 * negatives, "-"/"NA" placeholders, units and shares inside cells.
 */

export type DecimalMark = "," | ".";

export interface ParsedNumber {
  kind: "number";
  /** The value as printed: percent points for "77,60%" (77.6), Rupiah for "Rp. 1.000". */
  value: number;
  /** The same value as an exact decimal string (no float noise), e.g. "11847006290.32". */
  exact: string;
  /** Text after the number: "%", "Org", "Koperasi", … (null when none). */
  unit: string | null;
  isPercent: boolean;
  /** A bracketed share after the value, "100% (40%)" → 40 (percent points). */
  secondary: number | null;
  /** The mark that separated decimals, null when the number has no decimals. */
  decimalMark: DecimalMark | null;
  /** Decimals as printed ("106,40" → 2): the precision the author claims. */
  printedDecimals: number;
  negative: boolean;
  /**
   * A single "." decided the reading: "53.00" (a stray dot decimal in an Indonesian table)
   * or "1.715" (read as grouping, could be a dot decimal). Callers compare with the column.
   */
  ambiguous: boolean;
  /** US grouping such as "20,614,676,801.00" or "1,234,567". */
  usFormat: boolean;
}

/** "-", "NA", blank, "######": the author says there is no value. */
export interface ParsedMissing {
  kind: "missing";
  text: string;
}

/** Several numbers joined by words, "7 Galery + 1 Gedung" or a range "80–90%": not one number. */
export interface ParsedCompound {
  kind: "compound";
  text: string;
  numbers: number[];
}

/** Text that holds no number at all, or a malformed one ("12.05.2021"). */
export interface ParsedNotNumber {
  kind: "text";
  text: string;
}

export type ParsedText = ParsedNumber | ParsedMissing | ParsedCompound | ParsedNotNumber;

export interface ParseOptions {
  /**
   * The decimal mark the surrounding column uses. With ".", a lone "1.715" is read as the
   * decimal 1.715 instead of 1715 (DOMAIN.md §3 rule 3 leaves that case to the column).
   */
  decimalHint?: DecimalMark;
}

const PLACEHOLDER = /^(?:-+|–|—|n\/?a|n\.a\.?|#+|tidak ada|nihil)$/i;
const NUMBER_TOKEN = /\d[\d.,]*/g;
const HAS_DIGIT = /\d/;
const ALL_DIGITS = /^\d+$/;

function normaliseSpaces(raw: string): string {
  return raw
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/\u2212/g, "-")
    .trim();
}

interface SeparatorReading {
  exact: string;
  decimalMark: DecimalMark | null;
  printedDecimals: number;
  ambiguous: boolean;
  usFormat: boolean;
}

/** Groups after the first must have exactly three digits, or the token is not a number. */
function validGrouping(groups: string[]): boolean {
  if (groups[0].length === 0 || groups[0].length > 3) return false;
  return groups.slice(1).every((g) => g.length === 3);
}

function withDecimals(intPart: string, frac: string, mark: DecimalMark): SeparatorReading {
  return {
    exact: frac.length > 0 ? `${intPart}.${frac}` : intPart,
    decimalMark: frac.length > 0 ? mark : null,
    printedDecimals: frac.length,
    ambiguous: false,
    usFormat: false,
  };
}

/** DOMAIN.md §3 rule 3: decide which of "." and "," is the decimal mark. */
function readSeparators(token: string, hint?: DecimalMark): SeparatorReading | null {
  const dots = (token.match(/\./g) ?? []).length;
  const commas = (token.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return withDecimals(token, "", ",");

  if (dots > 0 && commas > 0) {
    const lastDot = token.lastIndexOf(".");
    const lastComma = token.lastIndexOf(",");
    const mark: DecimalMark = lastDot > lastComma ? "." : ",";
    const group = mark === "." ? "," : ".";
    const at = Math.max(lastDot, lastComma);
    const intPart = token.slice(0, at);
    const frac = token.slice(at + 1);
    if (intPart.includes(mark) || !/^\d+$/.test(frac)) return null;
    const groups = intPart.split(group);
    if (!validGrouping(groups)) return null;
    const reading = withDecimals(groups.join(""), frac, mark);
    return { ...reading, usFormat: mark === "." };
  }

  const mark: DecimalMark = dots > 0 ? "." : ",";
  const parts = token.split(mark);
  if (parts.some((p) => p.length === 0)) return null;

  if (parts.length > 2) {
    // Several of the same mark can only be grouping: "2.222.600" (id-ID) or "2,222,600" (US).
    if (!validGrouping(parts)) return null;
    return { ...withDecimals(parts.join(""), "", mark), usFormat: mark === "," };
  }

  const [intPart, frac] = parts;
  if (mark === ",") return withDecimals(intPart, frac, ",");

  // One dot: grouping only when it can be a thousands group ("1.715", "8.315").
  const canBeGrouping = frac.length === 3 && intPart.length <= 3 && !/^0+$/.test(intPart);
  if (canBeGrouping && hint !== ".") {
    return { ...withDecimals(intPart + frac, "", ","), ambiguous: true };
  }
  return { ...withDecimals(intPart, frac, "."), ambiguous: true };
}

function stripDecorations(s: string): { body: string; negative: boolean } {
  let body = s;
  let negative = false;
  // Accounting brackets around the whole value: "(3.435.002.184)".
  const bracketed = /^\((.*)\)$/.exec(body);
  if (bracketed && /\d/.test(bracketed[1]) && !/[()]/.test(bracketed[1])) {
    body = bracketed[1].trim();
    negative = true;
  }
  if (/^[-–]\s*(?=\S)/.test(body) && /\d/.test(body)) {
    body = body.replace(/^[-–]\s*/, "");
    negative = !negative;
  } else if (/^\+\s*\d/.test(body)) {
    body = body.replace(/^\+\s*/, "");
  }
  body = body.replace(/^(?:rp\.?|idr)\s*/i, "");
  // "Rp. 1.000,-" and "1.000-": the dash means "no cents", not a sign.
  body = body.replace(/(\d)\s*,-\s*$/, "$1").replace(/(\d)\s*-$/, "$1");
  return { body: body.trim(), negative };
}

/** Parse one cell's text as an Indonesian number (DOMAIN.md §3 rule 2). Never throws. */
export function parseNumberText(raw: string, options: ParseOptions = {}): ParsedText {
  const text = typeof raw === "string" ? raw : String(raw);
  const s = normaliseSpaces(text);
  if (s === "" || PLACEHOLDER.test(s)) return { kind: "missing", text };
  // Names and headers (most text cells) have no digit: nothing below could find a number.
  if (!HAS_DIGIT.test(s)) return { kind: "text", text };
  // Plain digits ("2021", kodes typed as text "0001"): what the general path below gives them.
  if (ALL_DIGITS.test(s)) {
    const value = Number(s);
    if (!Number.isFinite(value)) return { kind: "text", text };
    return {
      kind: "number",
      value,
      exact: s,
      unit: null,
      isPercent: false,
      secondary: null,
      decimalMark: null,
      printedDecimals: 0,
      negative: false,
      ambiguous: false,
      usFormat: false,
    };
  }

  const { body, negative } = stripDecorations(s);
  const tokens = [...body.matchAll(NUMBER_TOKEN)];
  if (tokens.length === 0) return { kind: "text", text };

  const first = tokens[0];
  const prefix = body.slice(0, first.index).trim();
  if (prefix !== "") return { kind: "text", text };

  // A trailing separator ("88,72." or "1.000,") is punctuation, not a decimal mark.
  const token = first[0].replace(/[.,]+$/, "");
  const afterToken = body.slice((first.index ?? 0) + token.length);
  let rest = afterToken.replace(/^[.,]+(?=\s|$)/, "").trim();

  let secondary: number | null = null;
  const share = /^(%?)\s*\(\s*(\d[\d.,]*)\s*%?\s*\)\s*$/.exec(rest);
  if (share) {
    const inner = readSeparators(share[2].replace(/[.,]+$/, ""), options.decimalHint);
    if (!inner) return { kind: "text", text };
    secondary = Number(inner.exact);
    if (!Number.isFinite(secondary)) return { kind: "text", text };
    rest = share[1];
  } else if (/\d/.test(rest)) {
    const numbers = tokens
      .map((t) => readSeparators(t[0].replace(/[.,]+$/, ""), options.decimalHint))
      .filter((r): r is SeparatorReading => r !== null)
      .map((r) => Number(r.exact));
    return { kind: "compound", text, numbers };
  }

  const reading = readSeparators(token, options.decimalHint);
  if (!reading) return { kind: "text", text };

  const isPercent = rest.startsWith("%");
  const unit = rest === "" ? null : isPercent ? "%" : rest;
  if (isPercent && rest.length > 1 && !/^%\s*$/.test(rest)) {
    // "50% dari target" is prose around a number, not a value the tables mean.
    return { kind: "text", text };
  }
  const exact =
    negative && !/^0+(?:\.0+)?$/.test(reading.exact) ? `-${reading.exact}` : reading.exact;
  const value = Number(exact);
  // Beyond ±1.8e308 Excel itself could only keep the digits as text.
  if (!Number.isFinite(value)) return { kind: "text", text };
  return {
    kind: "number",
    value,
    exact,
    unit,
    isPercent,
    secondary,
    decimalMark: reading.decimalMark,
    printedDecimals: reading.printedDecimals,
    negative: exact.startsWith("-"),
    ambiguous: reading.ambiguous,
    usFormat: reading.usFormat,
  };
}

/** Decimals shown by an Excel number format such as "#,##0.00" or "0.0%" (0 for "General"). */
export function decimalsOfFormat(numberFormat: string): number | null {
  if (!numberFormat || /^general$/i.test(numberFormat)) return null;
  const section = numberFormat
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
  const m = /[0#?](?:[.,]?[0#?])*\.([0#?]+)/.exec(section);
  if (m) return m[1].length;
  return /[0#?]/.test(section) ? 0 : null;
}

/** True when an Excel number format scales by 100 (an unquoted "%"). */
export function formatIsPercent(numberFormat: string): boolean {
  return /%/.test(numberFormat.replace(/"[^"]*"/g, "").replace(/\\%/g, ""));
}

/** Decimals of a number typed in a cell without format: 53.2 → 1 (from its shortest form). */
export function decimalsOfNumber(x: number): number {
  // Every numeric cell without a format asks: read the 15 digits as text, without a Decimal.
  // Without an exponent (1e-6 ≤ |x| < 1e15, and 0) this is the Decimal's own digits with the
  // trailing zeros it drops; otherwise the Decimal decides (it may print an exponent too).
  // Whole amounts (most money cells) print no decimals: toPrecision is the dear part.
  if (Number.isInteger(x) && x < 1e15 && x > -1e15) return 0;
  if (Number.isFinite(x)) {
    const digits = x.toPrecision(15);
    if (!digits.includes("e")) {
      const dot = digits.indexOf(".");
      if (dot < 0) return 0;
      let end = digits.length;
      while (digits.charCodeAt(end - 1) === 48 /* "0" */) end--;
      return end - 1 - dot;
    }
  }
  return decimalsOfNumberExact(x);
}

/** decimalsOfNumber through decimal.js (what the text path above must always agree with). */
export function decimalsOfNumberExact(x: number): number {
  const s = fromExcelNumber(x).toString();
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

// ---------------------------------------------------------------------------------------
// Tolerance: how close a printed number must be to a recomputed one (DOMAIN.md §3).

export type Agreement = "exact" | "rounded" | "truncated" | "near-miss" | "mismatch";

function epsilon(x: Decimal): Decimal {
  return Decimal.max(1, x.abs()).times("1e-9");
}

/** τ = 0.5·10^-d, widened to 0.5·10^-d·(n+1) for a total of n rounded summands. */
export function tolerance(printedDecimals: number, summands = 0): Decimal {
  return new Decimal(10)
    .pow(-printedDecimals)
    .times(0.5)
    .times(summands + 1);
}

export interface CompareOptions {
  /** For totals of derived (rounded) columns: the number of summands. */
  summands?: number;
}

/**
 * How a printed value agrees with a recomputed one. "exact", "rounded" (within τ) and
 * "truncated" (printed = x cut at d decimals) are accepted; "near-miss" (within 10^-d while x
 * has more decimals than printed) deserves a rounding warning; "mismatch" is an error.
 */
export function comparePrinted(
  printed: number,
  computed: number | Decimal,
  printedDecimals: number,
  options: CompareOptions = {},
): Agreement {
  return (
    comparePrintedFast(printed, computed, printedDecimals, options) ??
    comparePrintedExact(printed, computed, printedDecimals, options)
  );
}

/** comparePrinted in decimals alone (what the float path must always agree with). */
export function comparePrintedExact(
  printed: number,
  computed: number | Decimal,
  printedDecimals: number,
  options: CompareOptions = {},
): Agreement {
  const p = fromExcelNumber(printed);
  const x = typeof computed === "number" ? fromExcelNumber(computed) : computed;
  const diff = p.minus(x).abs();
  if (diff.lte(epsilon(x))) return "exact";
  if (diff.lte(tolerance(printedDecimals, options.summands).plus(epsilon(x)))) return "rounded";
  if (excelTruncate(x, printedDecimals).minus(p).abs().lte(epsilon(x))) return "truncated";
  const exactAtPrinted = x.toDecimalPlaces(printedDecimals).eq(x);
  const nearMiss = new Decimal(10).pow(-printedDecimals).plus(epsilon(x));
  if (!exactAtPrinted && diff.lte(nearMiss)) return "near-miss";
  return "mismatch";
}

/**
 * The clear cases in plain floating point, without decimal.js (the checks compare millions
 * of cells): a difference far inside or far outside every bound gives the same answer the
 * decimal comparison would, since float error (~1e-16 relative) is far below the 1e-9
 * epsilon. Anything near a bound returns null and goes the exact way.
 */
export function comparePrintedFast(
  printed: number,
  computed: number | Decimal,
  printedDecimals: number,
  options: CompareOptions = {},
): Agreement | null {
  const x = typeof computed === "number" ? computed : computed.toNumber();
  if (!Number.isFinite(printed) || !Number.isFinite(x)) return null;
  const diff = Math.abs(printed - x);
  const eps = Math.max(1, Math.abs(x)) * 1e-9;
  const unit = Math.pow(10, -printedDecimals);
  const tau = 0.5 * unit * ((options.summands ?? 0) + 1);
  // Each bound is kept by half an epsilon (5e-10 relative), far more than the float error of
  // diff (~1e-16 relative to the values, which are close wherever diff is near a bound).
  if (diff <= eps * 0.5) return "exact";
  if (diff >= eps * 2 && diff <= tau + eps * 0.5) return "rounded";
  // Beyond the tolerance, and beyond any truncation or near miss (both within 10^-d + eps).
  if (diff >= Math.max(tau, unit) + eps * 2) return "mismatch";
  return null;
}

export function isAccepted(agreement: Agreement): boolean {
  return agreement === "exact" || agreement === "rounded" || agreement === "truncated";
}

// ---------------------------------------------------------------------------------------
// Formatting for messages: id-ID ("2.222.600.041,00") or en ("2,222,600,041.00").

export type NumberLocale = "id" | "en";

function group(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * Format a number for people: fixed decimals when given, else up to `maxDecimals` with
 * trailing zeros removed. Rounds half away from zero like Excel.
 */
export function formatNumber(
  x: number | Decimal,
  locale: NumberLocale = "id",
  decimals?: number,
  maxDecimals = 2,
): string {
  // A value beyond the double range (a capaian over a target of 5e-324) reaches a message
  // as ±Infinity: print a sign, never throw while rendering a finding.
  if (typeof x === "number" && !Number.isFinite(x))
    return Number.isNaN(x) ? "?" : x > 0 ? "∞" : "-∞";
  const d = typeof x === "number" ? fromExcelNumber(x) : x;
  let s = decimals === undefined ? d.toDecimalPlaces(maxDecimals).toFixed() : d.toFixed(decimals);
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1);
  const [intPart, frac] = s.split(".");
  const [groupSep, decSep] = locale === "id" ? [".", ","] : [",", "."];
  const body = group(intPart, groupSep) + (frac ? decSep + frac : "");
  return (negative && !/^[0.,]+$/.test(body) ? "-" : "") + body;
}
