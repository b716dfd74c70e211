import type { CheckSettings } from "../check/settings";
import type { Table } from "../check/table";
import { dominantRegion, fileFamilies, matchIndicators } from "../match";
import { budgetLinesOf } from "./budget";
import { documentYearOf, indicatorsOf } from "./indicators";
import type { BudgetLine, IndicatorEntry, PlanningModel } from "./types";

export type * from "./types";
export { tableRoleOf, columnGroups, levelFromText, levelOfKode } from "./indicators";

/**
 * Build the planning model of all tables checked together (every file): indicator entries
 * with their targets, realisasi, capaian and kategori per year, budget lines by kode, and
 * the groups of entries that denote one indicator across tables (core/match). Called once
 * per check run through RuleContext.model(); never throws on odd cells (unreadable values
 * are simply absent from the model).
 */
export function extract(tables: Table[], settings: CheckSettings): PlanningModel {
  const documentYears: Record<string, number | null> = {};
  for (const file of new Set(tables.map((t) => t.file))) {
    documentYears[file] = documentYearOf(
      tables.filter((t) => t.file === file),
      settings,
    );
  }
  const indicators: IndicatorEntry[] = [];
  let id = 0;
  tables.forEach((table, tableIndex) => {
    indicators.push(
      ...indicatorsOf({
        table,
        tableIndex,
        settings,
        documentYear: documentYears[table.file] ?? null,
        nextId: () => id++,
      }),
    );
  });
  // Ids are indexes into `indicators` (entries split from bulleted cells took fresh ids).
  indicators.forEach((entry, index) => (entry.id = index));
  const files = [...new Set(tables.map((t) => t.file))];
  // Only a batch of several files needs to know whose plan each file is.
  const regions: Record<string, string | null> = {};
  if (files.length > 1) {
    for (const file of files) {
      const sheets = [...new Set(tables.filter((t) => t.file === file).map((t) => t.sheet))];
      regions[file] = dominantRegion(sheets);
    }
  }
  const families = fileFamilies(indicators, files, regions);
  const { groups, candidates } = matchIndicators(indicators, settings, families);
  let budget: BudgetLine[] | undefined;
  return {
    indicators,
    groups,
    candidates,
    get budget() {
      return (budget ??= budgetOf(tables));
    },
    documentYears,
    fileFamilies: families,
  };
}

/** The budget lines of every table, in table order (PlanningModel.budget). */
function budgetOf(tables: Table[]): BudgetLine[] {
  const budget: BudgetLine[] = [];
  tables.forEach((table, tableIndex) => {
    if (table.kind === "anggaran" || table.kind === "efisiensi" || table.kind === "pk") {
      for (const line of budgetLinesOf(table, tableIndex, budget.length)) budget.push(line);
    }
  });
  return budget;
}
