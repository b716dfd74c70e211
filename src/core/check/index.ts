import { extract } from "../extract";
import type { PlanningModel } from "../extract/types";
import type { Message } from "../messages";
import { RULES } from "../rules";
import { runToEnd, type Steps } from "../steps";
import { createContext, Rule } from "./context";
import { DEFAULT_SETTINGS, CheckSettings } from "./settings";
import { Table } from "./table";
import type { CheckWorkbook, Finding } from "./types";

export * from "./types";
export { Table } from "./table";
export { DEFAULT_SETTINGS, parseSettings, settingFor, settingsKey } from "./settings";
export type { CheckSettings, SettingsResult } from "./settings";
export type { Rule, RuleContext } from "./context";

export interface CheckResult {
  findings: Finding[];
  /** A rule that failed on this input: its findings are missing, the others still ran. */
  problems: Message[];
  /** The planning model the rules read (built on first use; the summary sheets need it too). */
  model(): PlanningModel;
}

/** The tables of the workbooks in order: file, then sheet order, then position. */
export function tablesOf(workbooks: CheckWorkbook[]): Table[] {
  const tables: Table[] = [];
  for (const workbook of workbooks) {
    const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
    for (const region of workbook.regions) {
      const sheet = sheets.get(region.sheet);
      if (sheet) tables.push(new Table(workbook.file, sheet, region));
    }
  }
  return tables;
}

/**
 * Run every enabled rule over the workbooks checked together (a Renstra in one file is
 * compared with a PK in another). Findings come sorted by file, sheet, row and column.
 */
export function runChecks(
  workbooks: CheckWorkbook[],
  settings: CheckSettings = DEFAULT_SETTINGS,
  rules: readonly Rule[] = RULES,
): CheckResult {
  return runToEnd(checkSteps(workbooks, settings, rules));
}

/**
 * The check as steps: building the planning model, then one step per enabled rule.
 * runChecks runs them at once; the task pane pauses between them (runChecksStepwise), so
 * both give the same findings in the same order.
 */
export function* checkSteps(
  workbooks: CheckWorkbook[],
  settings: CheckSettings = DEFAULT_SETTINGS,
  rules: readonly Rule[] = RULES,
): Steps<CheckResult> {
  const tables = tablesOf(workbooks);
  const context = createContext(workbooks, tables, settings, extract);
  const enabled = rules.filter((rule) => !settings.disabledRules.includes(rule.id));
  const total = enabled.length + 1;
  if (enabled.length > 0) {
    // Built up front, as a step of its own: it costs as much as all rules together. Nothing
    // is built when no rule runs (the task pane asks only for the model then).
    try {
      context.model();
    } catch {
      // Left to the rules: each one that reads the model reports the failure as its own.
    }
  }
  yield { done: 1, total };
  const findings: Finding[] = [];
  const problems: Message[] = [];
  for (const [index, rule] of enabled.entries()) {
    try {
      findings.push(...rule.run(context));
    } catch (error) {
      // A bug in one rule must not hide what the others found; the CLI prints the reason.
      const detail = error instanceof Error ? error.message : String(error);
      problems.push({ id: "check.ruleFailed", params: { rule: rule.id, detail } });
    }
    yield { done: index + 2, total };
  }
  return { findings: sortFindings(findings, workbooks), problems, model: context.model };
}

export function sortFindings(findings: Finding[], workbooks: CheckWorkbook[]): Finding[] {
  const fileOrder = new Map(workbooks.map((w, i) => [w.file, i]));
  const sheetOrder = new Map<string, number>();
  for (const w of workbooks)
    w.sheets.forEach((s, i) => sheetOrder.set(`${w.file}\u0000${s.name}`, i));
  const key = (f: Finding): number[] => [
    fileOrder.get(f.at.file) ?? 0,
    sheetOrder.get(`${f.at.file}\u0000${f.at.sheet}`) ?? 0,
    f.at.row,
    f.at.col,
  ];
  return [...findings].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return a.rule.localeCompare(b.rule);
  });
}
