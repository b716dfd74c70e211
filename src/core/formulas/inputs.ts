import { Decimal, fromExcelNumber } from "../decimal";
import { parseNumberText } from "../numbers";
import { fail, FormulaError, FormulaResult, ok } from "./result";

/**
 * Turning what Excel hands a custom function (numbers, text, booleans, null for an omitted
 * argument, "" for a blank cell, 2-D arrays for ranges) into operands, with the Indonesian
 * number reading of core/numbers. Pure: the CLI passes the same shapes.
 */

export interface Operand {
  value: Decimal;
  /** Unit read from text ("%", "Org"); null for plain numbers. */
  unit: string | null;
}

function isBlank(input: unknown): boolean {
  return (
    input === null || input === undefined || (typeof input === "string" && input.trim() === "")
  );
}

/** An Excel error arriving as a value (CustomFunctions.Error or an error-like object). */
function isErrorValue(input: unknown): boolean {
  return typeof input === "object" && input !== null && !Array.isArray(input) && "code" in input;
}

/** A 1×1 range is a scalar for every function; larger ranges are not. */
function unwrapSingle(input: unknown): unknown {
  let value = input;
  while (Array.isArray(value) && value.length === 1) {
    const row: unknown = value[0];
    if (Array.isArray(row)) {
      if (row.length !== 1) return value;
      value = row[0];
    } else {
      value = row;
    }
  }
  return value;
}

/**
 * One cell value → operand, or the reason it is not one; `blank` is returned as null so
 * that callers decide whether blank means "skip" (in ranges) or #N/A (a required scalar).
 */
export function readCell(input: unknown, arg: string): FormulaResult<Operand | null> {
  if (isBlank(input)) return ok(null);
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return fail("#VALUE!", "arg.text", { arg, text: String(input) });
    return ok({ value: fromExcelNumber(input), unit: null });
  }
  if (typeof input === "boolean") return fail("#VALUE!", "arg.boolean", { arg });
  if (isErrorValue(input)) return fail("#VALUE!", "arg.error", { arg });
  if (typeof input !== "string") return fail("#VALUE!", "arg.text", { arg, text: String(input) });
  const parsed = parseNumberText(input);
  switch (parsed.kind) {
    case "missing":
      return ok(null);
    case "compound":
      return fail("#VALUE!", "arg.compound", { arg, text: input.trim() });
    case "text":
      return fail("#VALUE!", "arg.text", { arg, text: input.trim() });
    case "number":
      return ok({ value: new Decimal(parsed.exact), unit: parsed.unit });
  }
}

/** A required single number: blank or "-" → #N/A, a range → #VALUE!. */
export function readScalar(input: unknown, arg: string): FormulaResult<Operand> {
  const value = unwrapSingle(input);
  if (Array.isArray(value)) return fail("#VALUE!", "arg.range", { arg });
  const cell = readCell(value, arg);
  if (!cell.ok) return cell;
  if (cell.value === null) return fail("#N/A", "arg.missing", { arg });
  return ok(cell.value);
}

/** Every value of a range (or a single value) in reading order: row by row. */
export function flatten(input: unknown): unknown[] {
  if (!Array.isArray(input)) return [input];
  const out: unknown[] = [];
  for (const row of input) {
    if (Array.isArray(row)) out.push(...row);
    else out.push(row);
  }
  return out;
}

/** A range of numbers with blanks and "-" kept as null, so rows stay aligned. */
export function readColumn(input: unknown, arg: string): FormulaResult<(Operand | null)[]> {
  const out: (Operand | null)[] = [];
  for (const cell of flatten(input)) {
    const read = readCell(cell, arg);
    if (!read.ok) return read;
    out.push(read.value);
  }
  return ok(out);
}

function normaliseWord(input: string): string {
  return input.trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * An optional choice such as polaritas: null/blank → default; otherwise one of the
 * accepted spellings (case- and space-insensitive).
 */
export function readChoice<T extends string>(
  input: unknown,
  arg: string,
  spellings: Record<string, T>,
  fallback: T,
  shownChoices: string[],
): FormulaResult<T> {
  const value = unwrapSingle(input);
  if (isBlank(value)) return ok(fallback);
  if (typeof value !== "string") {
    return fail("#VALUE!", "arg.option", {
      arg,
      value: String(value),
      choices: shownChoices.join(", "),
    });
  }
  const chosen = spellings[normaliseWord(value)];
  if (chosen === undefined) {
    return fail("#VALUE!", "arg.option", {
      arg,
      value: value.trim(),
      choices: shownChoices.join(", "),
    });
  }
  return ok(chosen);
}

const TRUE_WORDS = new Set(["true", "benar", "ya", "y", "1", "on"]);
const FALSE_WORDS = new Set(["false", "salah", "tidak", "t", "0", "off"]);

/** An optional TRUE/FALSE argument (also 1/0 and "ya"/"tidak"); blank → default. */
export function readFlag(input: unknown, arg: string, fallback: boolean): FormulaResult<boolean> {
  const value = unwrapSingle(input);
  if (isBlank(value)) return ok(fallback);
  if (typeof value === "boolean") return ok(value);
  if (typeof value === "number" && (value === 0 || value === 1)) return ok(value === 1);
  if (typeof value === "string") {
    const word = normaliseWord(value);
    if (TRUE_WORDS.has(word)) return ok(true);
    if (FALSE_WORDS.has(word)) return ok(false);
  }
  return fail("#VALUE!", "arg.flag", { arg, value: String(value) });
}

/** An optional number; blank → null. */
export function readOptionalNumber(input: unknown, arg: string): FormulaResult<Decimal | null> {
  const value = unwrapSingle(input);
  if (isBlank(value)) return ok(null);
  const read = readScalar(value, arg);
  return read.ok ? ok(read.value.value) : read;
}

export function isFailure<T>(result: FormulaResult<T>): result is FormulaError {
  return !result.ok;
}
