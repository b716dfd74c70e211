import { type CellNumber, plainNumberReading } from "../../src/core/cellNumber";

/** A numeric cell's reading as readValue gives it, with the fields a test wants changed. */
export function numberReading(
  value: number,
  decimals: number,
  extra: Partial<CellNumber> = {},
): CellNumber {
  return { ...plainNumberReading(value, decimals), ...extra };
}
