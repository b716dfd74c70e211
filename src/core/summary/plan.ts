import type { CellRange } from "../snapshot";

/**
 * SheetPlan: a summary sheet described as plain data, so that core/summary stays pure and
 * both gateways (ExcelJS in Node and the browser, Office.js inside Excel) write the same
 * sheet. Coordinates are 0-based within the planned sheet; formulas are in en-US syntax
 * (Office.js `Range.formulas`, never `formulasLocal`), start with "=", and use only
 * functions of Excel 2016/2019 (DOMAIN.md §7), so the sheet recalculates anywhere.
 */

/** Which summary a sheet is; the mark a gateway leaves on the sheets the product created. */
export type SummaryKey =
  | "ringkasan-capaian"
  | "perbandingan-tahun"
  | "capaian-renstra"
  | "realisasi-anggaran"
  | "efisiensi"
  | "skala"
  | "temuan";

/** The value a cell shows: for a formula cell, the result the engine computed for it. */
export type PlanValue = number | string | boolean | null;

/** Colours are "RRGGBB" hex without "#". */
export interface PlanStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points; the sheet default (11) when absent. */
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  /** A thin border on all four sides. */
  border?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Indent level (alignment indent), for kegiatan under their program. */
  indent?: number;
}

export interface PlanCell {
  row: number;
  col: number;
  /**
   * The constant, or for a formula cell the value the engine computed: a gateway writes it
   * as the cached result, and tests compare it with a spreadsheet engine's recalculation.
   * "" for a formula that shows an empty text.
   */
  value: PlanValue;
  /** en-US formula starting with "=", referencing source cells by sheet name. */
  formula?: string;
  /** Invariant (en-US) number format code, e.g. "#,##0.00" (shown 1.234,56 in id-ID Excel). */
  numberFormat?: string;
  style?: PlanStyle;
}

/**
 * Highlight cells whose formula is true, evaluated relative to the range's top-left cell
 * (Excel's conditional format "Use a formula"), e.g. `=$I5="Sangat Tinggi"`.
 */
export interface PlanConditionalRule {
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface PlanConditionalFormat {
  range: CellRange;
  /** In priority order: the first rule that holds wins. */
  rules: PlanConditionalRule[];
}

export interface PlanChartSeries {
  /** The legend text. */
  name: string;
  /** A one-column range of this sheet. */
  values: CellRange;
  /** Bars, or a line across them (the 100 % line of capaian). */
  type: "column" | "line";
  /** "RRGGBB". */
  color?: string;
}

export interface PlanChart {
  title: string;
  /** A one-column range of this sheet holding the category labels. */
  categories: CellRange;
  series: PlanChartSeries[];
  /** Where the chart sits: from the top-left cell to the bottom-right cell. */
  anchor: CellRange;
  /** Axis titles, where they help the reader. */
  valueAxisTitle?: string;
  /** Start of the value axis (0 for capaian, so bars are not exaggerated); automatic when absent. */
  valueAxisMin?: number;
}

export interface SheetPlan {
  key: SummaryKey;
  /** The wanted sheet name; a gateway picks another one when a user's sheet has it. */
  name: string;
  /** Cells in any order; at most one per position. */
  cells: PlanCell[];
  /** Column widths in characters (Excel's unit), by column index; absent = default. */
  columnWidths: number[];
  /** Areas to merge after the values are written (the value sits in the top-left cell). */
  merges: CellRange[];
  /** Rows and columns kept in view while scrolling (the header, the name column). */
  freeze?: { rows: number; columns: number };
  conditionalFormats: PlanConditionalFormat[];
  charts: PlanChart[];
  /** Rows printed as headers on every page (0-based, inclusive), for the report. */
  printTitleRows?: { from: number; to: number };
  /** Landscape pages for wide tables. */
  landscape?: boolean;
  /** Print all columns on one page width (as many pages down as needed). */
  fitToWidth?: boolean;
  /**
   * Row heights in points, by row index, where wrapped text needs more than one line:
   * spreadsheet engines do not all grow rows for wrapped text on load.
   */
  rowHeights?: Record<number, number>;
}

/** The name of the hidden, sheet-scoped defined name that marks a sheet as the product's. */
export const PRODUCT_MARK_NAME = "_SAKIP_SUMMARY";

/** What the gateway writes as the mark's value (the SummaryKey, as an Excel text constant). */
export function productMarkFormula(key: SummaryKey): string {
  return `"${key}"`;
}

/** The SummaryKey of a mark's formula ("\"temuan\"" or "=\"temuan\""), or null. */
export function summaryKeyOfMark(formula: string): SummaryKey | null {
  const m = /^=?\s*"([a-z-]+)"\s*$/.exec(formula.trim());
  if (!m) return null;
  return (SUMMARY_KEYS as readonly string[]).includes(m[1]) ? (m[1] as SummaryKey) : null;
}

export const SUMMARY_KEYS: readonly SummaryKey[] = [
  "ringkasan-capaian",
  "perbandingan-tahun",
  "capaian-renstra",
  "realisasi-anggaran",
  "efisiensi",
  "skala",
  "temuan",
];

/**
 * Pick the name each planned sheet gets: its wanted name unless a sheet the product did
 * not create already has it (compared as Excel does, ignoring case), then "Name (2)",
 * "Name (3)" … within Excel's 31 characters. Sheets the product created are replaced, so
 * their names count as free. Pure, so both gateways name sheets alike.
 */
export function assignSheetNames(plans: SheetPlan[], foreignNames: string[]): string[] {
  // "History" is reserved by Excel (change tracking).
  const taken = new Set([...foreignNames, "History"].map((n) => n.toLowerCase()));
  return plans.map((plan) => {
    const wanted = validSheetName(plan.name);
    const fit = (max: number) => wanted.slice(0, max).replace(/^'+|'+$/g, "") || "Sheet";
    let name = fit(31);
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = fit(31 - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A name Excel accepts: none of []:*?/\ and no apostrophe at either end. */
export function validSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  return cleaned === "" ? "Sheet" : cleaned;
}

/** A sheet name as it must appear in a formula: always quoted, inner quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
