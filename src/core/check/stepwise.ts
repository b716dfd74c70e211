import { RULES } from "../rules";
import { runStepwise, type StepwiseOptions } from "../steps";
import type { Rule } from "./context";
import { checkSteps, type CheckResult } from "./index";
import { DEFAULT_SETTINGS, type CheckSettings } from "./settings";
import type { CheckWorkbook } from "./types";

export interface StepwiseCheckOptions extends StepwiseOptions {
  settings?: CheckSettings;
  rules?: readonly Rule[];
}

/**
 * runChecks for a page that must keep painting: the same steps (building the model, then
 * each rule), awaiting `options.pause` after each. The result equals runChecks' result.
 */
export function runChecksStepwise(
  workbooks: CheckWorkbook[],
  options: StepwiseCheckOptions,
): Promise<CheckResult> {
  const { settings = DEFAULT_SETTINGS, rules = RULES, ...stepwise } = options;
  return runStepwise(checkSteps(workbooks, settings, rules), stepwise);
}
