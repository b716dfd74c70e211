import type { Rule } from "../check/context";
import { capaianMismatch } from "./capaianMismatch";
import { percentMismatch } from "./percentMismatch";
import { totalMismatch } from "./totalMismatch";
import { differenceMismatch } from "./differenceMismatch";
import { targetMismatch } from "./targetMismatch";
import { yearShift } from "./yearShift";
import { realisasiMismatch } from "./realisasiMismatch";
import { missingIndicator } from "./missingIndicator";
import { categoryMismatch } from "./categoryMismatch";
import { efficiencyMismatch } from "./efficiencyMismatch";
import { cumulativePercent } from "./cumulativePercent";
import { numberAsText } from "./numberAsText";

/** Every consistency rule, one module per rule id, in CONTRACT order; additive rules last. */
export const RULES: readonly Rule[] = [
  capaianMismatch,
  percentMismatch,
  totalMismatch,
  differenceMismatch,
  targetMismatch,
  yearShift,
  missingIndicator,
  categoryMismatch,
  efficiencyMismatch,
  cumulativePercent,
  numberAsText,
  realisasiMismatch,
];
