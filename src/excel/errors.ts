/**
 * Errors of the Office.js gateway. Office.js rejects a failed `context.sync()` with an
 * OfficeExtension.Error whose message alone ("The requested resource doesn't exist.") does
 * not say what failed; the task pane shows `message`, so it carries the step, the error
 * code and where Excel stopped.
 */

export class ExcelGatewayError extends Error {
  /** Office's error code ("ItemNotFound", "InvalidArgument", …) when Office gave one. */
  readonly code: string | null;

  constructor(message: string, code: string | null = null, options?: { cause?: unknown }) {
    super(message);
    this.name = "ExcelGatewayError";
    this.code = code;
    if (options && "cause" in options) {
      // ES2022's Error cause, set by hand: the project targets ES2020.
      (this as { cause?: unknown }).cause = options.cause;
    }
  }
}

/** The fields of an OfficeExtension.Error that matter here (all optional: it may be anything). */
interface OfficeErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/**
 * Any rejection from Office (or from our own checks) as an Error for the task pane:
 * "`step`: message (code, at location)". An ExcelGatewayError passes through unchanged.
 */
export function gatewayError(error: unknown, step: string): ExcelGatewayError {
  if (error instanceof ExcelGatewayError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as OfficeErrorLike;
  const code = text(e.code) ?? text(e.debugInfo?.code);
  const message =
    text(e.message) ??
    text(e.debugInfo?.message) ??
    (typeof error === "string" ? error : null) ??
    "unknown error";
  const location = text(e.debugInfo?.errorLocation);
  const details = [code, location ? `at ${location}` : null].filter((d) => d !== null);
  const suffix = details.length > 0 ? ` (${details.join(", ")})` : "";
  return new ExcelGatewayError(`${step}: ${message}${suffix}`, code, { cause: error });
}
