import type { CellNumber } from "../../src/core/cellNumber";

/** A numeric cell's reading as readValue gives it, with the fields a test wants changed. */
export function numberReading(
  value: number,
  decimals: number,
  extra: Partial<CellNumber> = {},
): CellNumber {
  return {
    kind: "number",
    value,
    readAs: "number",
    isPercent: false,
    decimals,
    unit: null,
    secondary: null,
    decimalMark: null,
    ambiguous: false,
    usFormat: false,
    formula: false,
    ...extra,
  };
}
