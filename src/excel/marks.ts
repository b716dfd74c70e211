import { PRODUCT_MARK_NAME, summaryKeyOfMark, SummaryKey } from "../core/summary/plan";

/**
 * The product's mark on its sheets: a hidden sheet-scoped name `_SAKIP_SUMMARY` whose
 * value is the SummaryKey as a text constant (core/summary/plan.ts).
 */

/** Queues loading the mark of a sheet (a null object when the sheet has none). */
export function loadMark(ws: Excel.Worksheet, nameFormula: boolean): Excel.NamedItem {
  const mark = ws.names.getItemOrNullObject(PRODUCT_MARK_NAME);
  // NamedItem.formula needs ExcelApi 1.7; before it, `value` holds the constant.
  mark.load(nameFormula ? "formula" : "value");
  return mark;
}

/** The SummaryKey a loaded mark names, or null (no mark, or a name the product did not write). */
export function keyOfMark(mark: Excel.NamedItem, nameFormula: boolean): SummaryKey | null {
  if (mark.isNullObject) return null;
  if (nameFormula) return summaryKeyOfMark(String(mark.formula ?? ""));
  // `value` gives the text constant without its quotes.
  const value: unknown = mark.value;
  return typeof value === "string" ? summaryKeyOfMark(`"${value}"`) : null;
}
