import * as capaianMismatch from "./capaianMismatch";
import * as capaianBorrowed from "./capaianBorrowed";
import * as percentMismatch from "./percentMismatch";
import * as totalMismatch from "./totalMismatch";
import * as differenceMismatch from "./differenceMismatch";
import * as targetMismatch from "./targetMismatch";
import * as yearShift from "./yearShift";
import * as missingIndicator from "./missingIndicator";
import * as categoryMismatch from "./categoryMismatch";
import * as efficiencyMismatch from "./efficiencyMismatch";
import * as cumulativePercent from "./cumulativePercent";
import * as numberAsText from "./numberAsText";
import * as realisasiMismatch from "./realisasiMismatch";

/**
 * The rules' messages, one file per rule so that each rule keeps its texts beside its
 * logic; merged into the main catalogues (id.ts, en.ts).
 */
export const RULES_ID = {
  ...capaianMismatch.ID,
  ...capaianBorrowed.ID,
  ...percentMismatch.ID,
  ...totalMismatch.ID,
  ...differenceMismatch.ID,
  ...targetMismatch.ID,
  ...yearShift.ID,
  ...missingIndicator.ID,
  ...categoryMismatch.ID,
  ...efficiencyMismatch.ID,
  ...cumulativePercent.ID,
  ...numberAsText.ID,
  ...realisasiMismatch.ID,
};

export const RULES_EN: Record<keyof typeof RULES_ID, string> = {
  ...capaianMismatch.EN,
  ...capaianBorrowed.EN,
  ...percentMismatch.EN,
  ...totalMismatch.EN,
  ...differenceMismatch.EN,
  ...targetMismatch.EN,
  ...yearShift.EN,
  ...missingIndicator.EN,
  ...categoryMismatch.EN,
  ...efficiencyMismatch.EN,
  ...cumulativePercent.EN,
  ...numberAsText.EN,
  ...realisasiMismatch.EN,
};
