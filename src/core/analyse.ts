import { runChecks, type CheckResult } from "./check";
import { runChecksStepwise } from "./check/stepwise";
import { DEFAULT_SETTINGS, parseSettings, type CheckSettings } from "./check/settings";
import type { CheckWorkbook } from "./check/types";
import { parseConfig, type SakipConfig } from "./config";
import type { Lang, Message } from "./messages";
import { applyOverrides } from "./overrides";
import { recogniseSheet, type Region, type RegionOverride } from "./recognize";
import type { SheetSnapshot } from "./snapshot";
import { runToEnd, type Steps, type StepwiseOptions } from "./steps";
import { summarise, type SheetPlan } from "./summary";

/**
 * One workbook from snapshots to findings and summary plans: what the task pane and the
 * ribbon commands run inside Excel and in the web preview (the CLI composes the same steps
 * over several files). Pure: the caller reads the snapshots and the saved configuration
 * through a gateway.
 */

/** The configuration as saved: an empty one when the workbook has none. */
export const EMPTY_CONFIG: SakipConfig = Object.freeze({ overrides: [], settings: {} });

export interface LoadedConfig {
  config: SakipConfig;
  /** Why the saved configuration could not be used (it is then ignored, not lost). */
  problem: Message | null;
}

/** The raw object a gateway read from the workbook → a configuration. */
export function configFromSaved(raw: unknown | null): LoadedConfig {
  if (raw === null || raw === undefined) return { config: EMPTY_CONFIG, problem: null };
  const parsed = parseConfig(JSON.stringify(raw));
  return parsed.ok
    ? { config: parsed.config, problem: null }
    : { config: EMPTY_CONFIG, problem: parsed.message };
}

/** The object to save: the same shape a --config file has (overrides beside settings). */
export function configToSave(config: SakipConfig): Record<string, unknown> {
  return { ...config.settings, overrides: config.overrides };
}

export interface Recognition {
  workbook: CheckWorkbook;
  /** Corrections that found no table any more (the table moved or was deleted). */
  unmatched: RegionOverride[];
}

/** Recognises the tables of a workbook and applies the user's corrections. */
export function recogniseWorkbook(
  file: string,
  sheets: SheetSnapshot[],
  overrides: RegionOverride[],
): Recognition {
  return runToEnd(recognitionSteps(file, sheets, overrides));
}

/** recogniseWorkbook as steps, one per sheet (for a page that pauses between them). */
export function* recognitionSteps(
  file: string,
  sheets: SheetSnapshot[],
  overrides: RegionOverride[],
): Steps<Recognition> {
  const found: Region[] = [];
  for (const [index, sheet] of sheets.entries()) {
    found.push(...recogniseSheet(sheet));
    yield { done: index + 1, total: sheets.length };
  }
  const { regions, unmatched } =
    overrides.length > 0 ? applyOverrides(found, overrides) : { regions: found, unmatched: [] };
  return { workbook: { file, sheets, regions }, unmatched };
}

export interface Analysis {
  workbook: CheckWorkbook;
  settings: CheckSettings;
  result: CheckResult;
  /** Settings that could not be used and rules that failed: shown, never fatal. */
  problems: Message[];
}

/** Settings from a configuration, over the documented defaults. */
export function settingsOf(config: SakipConfig): { settings: CheckSettings; problems: Message[] } {
  return parseSettings(config.settings, DEFAULT_SETTINGS);
}

/** Runs every rule over the recognised workbook. */
export function analyseWorkbook(workbook: CheckWorkbook, config: SakipConfig): Analysis {
  const { settings, problems } = settingsOf(config);
  return analysisOf(workbook, settings, problems, runChecks([workbook], settings));
}

/** analyseWorkbook pausing between its steps (see runChecksStepwise); the same analysis. */
export async function analyseWorkbookStepwise(
  workbook: CheckWorkbook,
  config: SakipConfig,
  options: StepwiseOptions,
): Promise<Analysis> {
  const { settings, problems } = settingsOf(config);
  const result = await runChecksStepwise([workbook], { ...options, settings });
  return analysisOf(workbook, settings, problems, result);
}

function analysisOf(
  workbook: CheckWorkbook,
  settings: CheckSettings,
  problems: Message[],
  result: CheckResult,
): Analysis {
  return { workbook, settings, result, problems: [...problems, ...result.problems] };
}

/** The summary sheets of an analysed workbook (none when it has no tables). */
export function summaryPlans(analysis: Analysis, lang: Lang): SheetPlan[] {
  if (analysis.workbook.regions.length === 0) return [];
  return summarise({
    workbook: analysis.workbook,
    model: analysis.result.model(),
    findings: analysis.result.findings,
    settings: analysis.settings,
    lang,
  });
}

/** A region's identity across runs: the key a correction uses (sheet and header range). */
export function regionKey(region: Region): string {
  const h = region.header;
  return `${region.sheet}\u0000${h.top}:${h.left}:${h.bottom}:${h.right}`;
}
