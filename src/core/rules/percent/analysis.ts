import type { CellNumber } from "../../cellNumber";
import type { CheckSettings } from "../../check/settings";
import { hasSettings, settingFor } from "../../check/settings";
import type { Table } from "../../check/table";
import { Decimal, excelRound } from "../../decimal";
import type { MessageParam } from "../../messages";
import type { DifferenceRelation, EvaluateOptions, RatioRelation, Reader } from "./relations";
import { RowShift, rowShifts } from "./rowShift";
import { differenceRelations, ratioRelations, tableReader } from "./tableRelations";

/** A table's relations and shifted rows, computed the same way for both rules. */
export interface TableAnalysis {
  table: Table;
  read: Reader;
  ratios: RatioRelation[];
  differences: DifferenceRelation[];
  shifts: Map<number, RowShift>;
}

/** Both rules analyse every table: the second one reuses the first one's work. */
const ANALYSES = new WeakMap<Table, TableAnalysis>();

export function analyseTable(table: Table): TableAnalysis {
  const cached = ANALYSES.get(table);
  if (cached) return cached;
  const read = tableReader(table);
  const ratios = ratioRelations(table, read);
  const differences = differenceRelations(table, read);
  const shifts = rowShifts(table, [...ratios, ...differences], read);
  const analysis = { table, read, ratios, differences, shifts };
  ANALYSES.set(table, analysis);
  return analysis;
}

/** Evaluation options for one row: the user's Rupiah tolerance and the indicator's polarity. */
export function rowOptions(table: Table, row: number, settings: CheckSettings): EvaluateOptions {
  // Without polarity settings no row needs its label read (every row of every table asks).
  const polarity = hasSettings(settings.polarity)
    ? settingFor(settings.polarity, table.label(row))
    : undefined;
  if (polarity === "negatif") {
    return { rupiahTolerance: settings.rupiahTolerance, inverse: settings.inverseMethod };
  }
  let plain = PLAIN_OPTIONS.get(settings);
  if (plain === undefined) {
    plain = { rupiahTolerance: settings.rupiahTolerance, inverse: null };
    PLAIN_OPTIONS.set(settings, plain);
  }
  return plain;
}

/** The options of rows without a lower-is-better polarity, per settings object. */
const PLAIN_OPTIONS = new WeakMap<CheckSettings, EvaluateOptions>();

/** A number for a message, shown with the decimals it was printed with (at most 2 more). */
export function shown(value: Decimal | number, decimals: number): MessageParam {
  const d = typeof value === "number" ? value : value.toNumber();
  return { number: d, decimals: Math.max(0, Math.min(decimals, 4)) };
}

/** A printed cell for a message, as printed (the bracketed share where it counts). */
export function shownCell(cell: CellNumber): MessageParam {
  return shown(cell.value, cell.decimals);
}

/** The recomputed value at the precision a reader compares: the printed decimals, at least 2. */
export function roundedExpected(expected: Decimal, printedDecimals: number): number {
  return excelRound(expected, Math.max(2, printedDecimals)).toNumber();
}
