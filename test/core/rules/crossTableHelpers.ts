import type { CheckWorkbook } from "../../../src/core/check/types";
import { fixtureWorkbook, FixtureName } from "../../helpers/check";

/**
 * A fixture split into files: keep only some sheets (with their regions) under another file
 * name, to check that a Renstra in one file and a PK in another are compared as one workbook.
 */
export async function fixturePart(
  name: FixtureName,
  sheets: string[],
  file: string,
): Promise<CheckWorkbook> {
  const whole = await fixtureWorkbook(name);
  return {
    file,
    sheets: whole.sheets.filter((s) => sheets.includes(s.name)),
    regions: whole.regions.filter((r) => sheets.includes(r.sheet)),
  };
}
