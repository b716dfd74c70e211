import type { Message, MessageId, MessageParam } from "../messages";

/** The Excel errors a SAKIP function can return. */
export type ExcelErrorCode = "#DIV/0!" | "#VALUE!" | "#N/A" | "#NUM!";

export interface FormulaOk<T> {
  ok: true;
  value: T;
}

export interface FormulaError {
  ok: false;
  code: ExcelErrorCode;
  message: Message;
}

/** A formula either gives a value or says, with an Excel error code, why it cannot. */
export type FormulaResult<T> = FormulaOk<T> | FormulaError;

export function ok<T>(value: T): FormulaOk<T> {
  return { ok: true, value };
}

export function fail(
  code: ExcelErrorCode,
  id: MessageId,
  params?: Record<string, MessageParam>,
): FormulaError {
  return { ok: false, code, message: { id, params } };
}
