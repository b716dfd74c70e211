import type { PlanStyle } from "./plan";

/**
 * The look of the summary sheets: plain report tables a planner can paste into her LKjIP
 * (bordered cells, a shaded header, bold totals). Colours are Office's default table tints.
 */

export const TITLE: PlanStyle = { bold: true, fontSize: 14 };
export const NOTE: PlanStyle = { italic: true, fontColor: "595959" };
export const HEADER: PlanStyle = {
  bold: true,
  fill: "DDEBF7",
  border: true,
  horizontal: "center",
  vertical: "middle",
  wrap: true,
};
export const TEXT: PlanStyle = { border: true, vertical: "top", wrap: true };
export const CENTER: PlanStyle = { border: true, vertical: "top", horizontal: "center" };
export const NUMBER: PlanStyle = { border: true, vertical: "top" };
export const TOTAL_TEXT: PlanStyle = { bold: true, border: true, fill: "F2F2F2", wrap: true };
export const TOTAL_NUMBER: PlanStyle = { bold: true, border: true, fill: "F2F2F2" };
/** A value copied as a constant because no formula can read its cell ("800 Org"). */
export const STATIC_NUMBER: PlanStyle = { border: true, vertical: "top", fill: "FFF2CC" };

/** Fills of a scale's bands, from the best band to the worst. */
const BAND_FILLS = ["C6EFCE", "E2EFDA", "FFEB9C", "FCE4D6", "FFC7CE"];

/** The fill of band `index` of `count` bands (best first), spread over the five tints. */
export function bandFill(index: number, count: number): string {
  if (count <= 1) return BAND_FILLS[0];
  const at = Math.round((index * (BAND_FILLS.length - 1)) / (count - 1));
  return BAND_FILLS[Math.min(BAND_FILLS.length - 1, Math.max(0, at))];
}

export const SEVERITY_FILL: Record<"error" | "warning" | "info", string> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "DDEBF7",
};

/** "#,##0" with `decimals` places: shown "1.234,56" by Indonesian Excel, "1,234.56" by English. */
export function numberFormat(decimals: number): string {
  const d = Math.max(0, Math.min(6, Math.floor(decimals)));
  return d === 0 ? "#,##0" : `#,##0.${"0".repeat(d)}`;
}

/** Percent points with two decimals, as LKjIP tables print capaian ("106,40"). */
export const PERCENT_POINTS = "#,##0.00";
