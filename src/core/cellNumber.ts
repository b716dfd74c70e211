import {
  decimalsOfFormat,
  decimalsOfNumber,
  DecimalMark,
  formatIsPercent,
  parseNumberText,
} from "./numbers";
import { CellValue, formatAt, formulaAt, SheetSnapshot, valueAt } from "./snapshot";

/**
 * What number a cell holds, and how it was read (DOMAIN.md §3 "Parsing"): a numeric cell,
 * a numeric cell whose "%" format means it stores a fraction, or text typed as an
 * Indonesian number. Percentages are always returned in percent points.
 */

export type ReadAs =
  /** A numeric cell. */
  | "number"
  /** A numeric cell with a % format: the stored fraction ×100. */
  | "percent-format"
  /** Text parsed as a number ("2.222.600.041,00", "77,60%", "800 Org"). */
  | "text";

export interface CellNumber {
  kind: "number";
  /**
   * The value in percent points where the cell is a percentage. Always finite: a cell beyond
   * the double range reads as an error (a typed number) or as text (number text).
   */
  value: number;
  readAs: ReadAs;
  isPercent: boolean;
  /** Decimals the reader sees: from the number format, the typed text or the value. */
  decimals: number;
  unit: string | null;
  /** Bracketed share after the value, "100% (40%)" → 40. */
  secondary: number | null;
  decimalMark: DecimalMark | null;
  ambiguous: boolean;
  usFormat: boolean;
  /** The cell holds a formula (its cached result is the value). */
  formula: boolean;
}

export interface CellNotNumber {
  kind: "empty" | "missing" | "compound" | "text" | "error" | "boolean";
  text: string;
}

export type CellReading = CellNumber | CellNotNumber;

/**
 * A workbook uses a handful of number formats for its million cells: each format's regexes
 * run once.
 */
const FORMAT_FACTS = new Map<string, { percent: boolean; shown: number | null }>();

function formatFacts(numberFormat: string): { percent: boolean; shown: number | null } {
  let facts = FORMAT_FACTS.get(numberFormat);
  if (facts === undefined) {
    facts = { percent: formatIsPercent(numberFormat), shown: decimalsOfFormat(numberFormat) };
    if (FORMAT_FACTS.size > 1000) FORMAT_FACTS.clear();
    FORMAT_FACTS.set(numberFormat, facts);
  }
  return facts;
}

/**
 * A number's reading with no unit, share or separator marks (a lone dash read as 0, and tests
 * that need a reading). readValue builds the same shape inline: it runs for every cell.
 */
export function plainNumberReading(
  value: number,
  decimals: number,
  readAs: ReadAs = "number",
): CellNumber {
  return {
    kind: "number",
    value,
    readAs,
    isPercent: false,
    decimals,
    unit: null,
    secondary: null,
    decimalMark: null,
    ambiguous: false,
    usFormat: false,
    formula: false,
  };
}

const ERROR_TEXT = /^#(?:DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|NULL!|SPILL!|CALC!|GETTING_DATA)$/;

export function readValue(
  value: CellValue,
  numberFormat = "General",
  isFormula = false,
): CellReading {
  if (value === null || value === "") return { kind: "empty", text: "" };
  if (typeof value === "boolean") return { kind: "boolean", text: String(value) };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "error", text: String(value) };
    const { percent, shown } = formatFacts(numberFormat);
    const points = percent ? Number((value * 100).toPrecision(15)) : value;
    // 9.99E+307 formatted as a percentage has no finite reading in percent points.
    if (!Number.isFinite(points)) return { kind: "error", text: String(value) };
    return {
      kind: "number",
      value: points,
      readAs: percent ? "percent-format" : "number",
      isPercent: percent,
      decimals: shown ?? Math.max(0, decimalsOfNumber(value) - (percent ? 2 : 0)),
      unit: percent ? "%" : null,
      secondary: null,
      decimalMark: null,
      ambiguous: false,
      usFormat: false,
      formula: isFormula,
    };
  }
  const text = value.trim();
  if (ERROR_TEXT.test(text)) return { kind: "error", text };
  const parsed = parseNumberText(text);
  if (parsed.kind !== "number") return { kind: parsed.kind, text };
  return {
    kind: "number",
    value: parsed.value,
    readAs: "text",
    isPercent: parsed.isPercent,
    decimals: parsed.printedDecimals,
    unit: parsed.unit,
    secondary: parsed.secondary,
    decimalMark: parsed.decimalMark,
    ambiguous: parsed.ambiguous,
    usFormat: parsed.usFormat,
    formula: isFormula,
  };
}

/** The reading of one cell of a snapshot, by absolute 0-based row and column. */
export function readCellNumber(sheet: SheetSnapshot, row: number, col: number): CellReading {
  return readValue(
    valueAt(sheet, row, col),
    formatAt(sheet, row, col),
    formulaAt(sheet, row, col) !== null,
  );
}
