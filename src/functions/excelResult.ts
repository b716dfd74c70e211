import { Lang, langFromLocale, renderMessage } from "../core/messages";
import { ExcelErrorCode, FormulaResult } from "../core/formulas";

/**
 * The bridge between core FormulaResults and what a custom function returns to Excel.
 * Excel shows a custom message only for #VALUE! and #N/A; for the other codes the message
 * is kept aside (explain()) so the CLI and tests can still show why.
 */

/** Looked up when an error is made, because CustomFunctions exists only once Excel (or the CLI shim) set it up. */
function excelCode(code: ExcelErrorCode): CustomFunctions.ErrorCode {
  const codes = CustomFunctions.ErrorCode;
  switch (code) {
    case "#DIV/0!":
      return codes.divisionByZero;
    case "#VALUE!":
      return codes.invalidValue;
    case "#N/A":
      return codes.notAvailable;
    case "#NUM!":
      return codes.invalidNumber;
  }
}

const MESSAGE_ALLOWED = new Set<ExcelErrorCode>(["#VALUE!", "#N/A"]);

const explanations = new WeakMap<object, string>();

let languageOverride: Lang | null = null;

/** The CLI and tests choose the language; inside Excel it follows Office's display language. */
export function setLanguage(lang: Lang | null): void {
  languageOverride = lang;
}

interface OfficeLike {
  context?: { displayLanguage?: unknown };
}

export function currentLanguage(): Lang {
  if (languageOverride) return languageOverride;
  // Read through globalThis: Office.js exists only inside Office, and the CLI build has no Office types.
  const office = (globalThis as { Office?: OfficeLike }).Office;
  const display = office?.context?.displayLanguage;
  return typeof display === "string" ? langFromLocale(display) : "id";
}

/** The full message of an error returned by a SAKIP function, whatever its code. */
export function explain(error: CustomFunctions.Error): string {
  return explanations.get(error) ?? error.message ?? "";
}

function excelError(code: ExcelErrorCode, message: string): CustomFunctions.Error {
  const error = new CustomFunctions.Error(
    excelCode(code),
    MESSAGE_ALLOWED.has(code) ? message : undefined,
  );
  explanations.set(error, message);
  return error;
}

/**
 * Run an evaluator and hand Excel a value or an Excel error. Nothing escapes as a thrown
 * exception: an unexpected failure becomes #VALUE! with an explanation.
 */
export function toExcel<T extends number | string>(
  evaluate: () => FormulaResult<T>,
): T | CustomFunctions.Error {
  const lang = currentLanguage();
  try {
    const result = evaluate();
    if (result.ok) return result.value;
    return excelError(result.code, renderMessage(result.message, lang));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return excelError("#VALUE!", renderMessage({ id: "internal.error", params: { detail } }, lang));
  }
}
