import type { SheetSnapshot } from "../snapshot";
import type { Region, RegionOverride } from "./types";

export * from "./types";

export interface RecogniseOptions {
  /** User corrections; they win over what the recogniser decides. */
  overrides?: RegionOverride[];
}

/** Find every planning table in the sheets. (Being written: returns nothing yet.) */
export function recognise(sheets: SheetSnapshot[], options: RecogniseOptions = {}): Region[] {
  void sheets;
  void options;
  return [];
}
