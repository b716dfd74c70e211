/**
 * Outside Excel (the CLI, jest) there is no CustomFunctions global. This installs a minimal
 * one with the same Error class and ErrorCode values, so that the very same function code
 * runs there; inside Excel the real runtime is left alone.
 */

class ShimError {
  constructor(
    public code: CustomFunctions.ErrorCode,
    public message?: string,
  ) {}
}

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

export function installCustomFunctionsShim(): void {
  const scope = globalThis as { CustomFunctions?: unknown };
  if (scope.CustomFunctions !== undefined) return;
  scope.CustomFunctions = {
    Error: ShimError,
    ErrorCode: ERROR_CODES,
    associate: () => undefined,
  };
}

/** True for an error value returned by a SAKIP function (real runtime or shim). */
export function isExcelError(value: unknown): value is CustomFunctions.Error {
  return (
    typeof value === "object" &&
    value !== null &&
    "code" in value &&
    typeof (value as { code: unknown }).code === "string"
  );
}
