import type { PlanningModel } from "../extract/types";
import { makeFinding, FindingInput } from "./finding";
import type { CheckSettings } from "./settings";
import type { Table } from "./table";
import type { CheckWorkbook, Finding, RuleId } from "./types";

/** What a rule receives: every table of every file checked together, and the settings. */
export interface RuleContext {
  workbooks: CheckWorkbook[];
  tables: Table[];
  settings: CheckSettings;
  /** The planning model across all files (built once, on first use). */
  model(): PlanningModel;
  finding(rule: RuleId, input: FindingInput): Finding;
}

export interface Rule {
  id: RuleId;
  run(context: RuleContext): Finding[];
}

export function createContext(
  workbooks: CheckWorkbook[],
  tables: Table[],
  settings: CheckSettings,
  buildModel: (tables: Table[], settings: CheckSettings) => PlanningModel,
): RuleContext {
  let model: PlanningModel | null = null;
  return {
    workbooks,
    tables,
    settings,
    model: () => (model ??= buildModel(tables, settings)),
    finding: (rule, input) => makeFinding(rule, input, settings),
  };
}
