import type { AppliedPlans } from "../core/gateway";
import type { Message } from "../core/messages";
import type { SheetSnapshot } from "../core/snapshot";
import type { SheetPlan } from "../core/summary/plan";
import { isWorkbookReadError, WorkbookReadError, type WorkbookReadErrorCode } from "../xlsx/errors";

/**
 * The messages between the web preview's page and its workbook worker (worker.ts). Everything
 * that crosses is plain data for the structured clone: snapshots, plans, the configuration,
 * and the workbook's bytes as a transferred ArrayBuffer. Errors cross as data too and become
 * the same WorkbookReadError on the page, so the page words them as before.
 */

/** Each operation's arguments and result. */
export interface Operations {
  /** Reads the file (sheets and configuration); a wrong file fails here. */
  open: { args: { fileName: string; bytes: ArrayBuffer }; result: null };
  readSheets: { args: object; result: SheetSnapshot[] };
  readConfig: { args: object; result: unknown | null };
  applyPlans: { args: { plans: SheetPlan[] }; result: AppliedPlans };
  saveConfig: { args: { config: object }; result: null };
  /** A copy of the current workbook, transferred. */
  bytes: { args: object; result: ArrayBuffer };
}

export type Operation = keyof Operations;

export type Request = {
  [K in Operation]: { id: number; op: K } & Operations[K]["args"];
}[Operation];

/** What the page shows without asking (the download button's state). */
export interface WorkbookState {
  changed: boolean;
  hasSummary: boolean;
}

export type ErrorData =
  | {
      kind: "read";
      code: WorkbookReadErrorCode;
      detail?: string;
      params?: Message["params"];
    }
  | { kind: "other"; name: string; message: string };

export type Response =
  | { id: number; ok: true; value: Operations[Operation]["result"]; state: WorkbookState }
  | { id: number; ok: false; error: ErrorData };

/** The worker's first message: its code loaded and it takes requests. */
export interface Ready {
  ready: true;
}

export function errorToData(error: unknown): ErrorData {
  if (isWorkbookReadError(error)) {
    const data: ErrorData = { kind: "read", code: error.code };
    if (error.detail !== undefined) data.detail = error.detail;
    if (error.params !== undefined) data.params = error.params;
    return data;
  }
  if (error instanceof Error) return { kind: "other", name: error.name, message: error.message };
  return { kind: "other", name: "Error", message: String(error) };
}

export function errorFromData(data: ErrorData): Error {
  if (data.kind === "read") return new WorkbookReadError(data.code, data.detail, data.params);
  const error = new Error(data.message);
  error.name = data.name;
  return error;
}
