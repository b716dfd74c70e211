import type { Rule, RuleContext } from "../check/context";
import type { Finding } from "../check/types";
import type { IndicatorEntry, PlanningModel, TargetEntry } from "../extract/types";
import { comparable, sameValue, tableLabel, yearShifts } from "./crossTable";

/**
 * `year-shift` (DOMAIN.md §6.6, warning): two target series of one indicator agree only when
 * one is shifted by a year. One finding per indicator, at the suspect series' first shifted
 * cell, naming both tables and the shift.
 *
 * Table-level variant (LT21 Tabel 13 "Target T2020"): a single-year target column labelled
 * n, in a file whose report year is n±1, whose values equal other tables' targets of the
 * report year for ≥3 indicators (and disagree for none), while no indicator agrees at year
 * n. One finding per column, at its header.
 */
export const yearShift: Rule = {
  id: "year-shift",
  run: (ctx) => [...seriesFindings(ctx), ...columnFindings(ctx)],
};

function files(ctx: RuleContext): number {
  return ctx.workbooks.length;
}

function seriesFindings(ctx: RuleContext): Finding[] {
  const model = ctx.model();
  const findings: Finding[] = [];
  for (const shift of yearShifts(model)) {
    const first = shift.years[0];
    const last = shift.years[shift.years.length - 1];
    const cell = shift.suspect.targets.find((t) => t.year === first && t.type === "annual");
    const other = shift.reference.targets.find(
      (t) => t.year === first + shift.shift && t.type === "annual",
    );
    if (!cell || !other) continue;
    const related = shift.reference.targets
      .filter((t) => t.year !== null && shift.years.includes(t.year - shift.shift))
      .map((t) => t.at);
    findings.push(
      ctx.finding("year-shift", {
        at: cell.at,
        indicator: shift.suspect.name,
        related,
        message: {
          id: "yearShift.series",
          params: {
            indicator: shift.suspect.name,
            table: tableLabel(shift.suspect.table, files(ctx)),
            from: String(first),
            to: String(last),
            other: tableLabel(shift.reference.table, files(ctx)),
            otherFrom: String(first + shift.shift),
            otherTo: String(last + shift.shift),
            shift: shift.shift > 0 ? `+${shift.shift}` : String(shift.shift),
          },
        },
      }),
    );
  }
  return findings;
}

interface ColumnTargets {
  entry: IndicatorEntry;
  target: TargetEntry;
}

/** Other tables' annual targets of the entry's indicator in a year. */
function othersAt(model: PlanningModel, entry: IndicatorEntry, year: number): TargetEntry[] {
  return model.groups[entry.group].members
    .map((id) => model.indicators[id])
    .filter((e) => e.tableIndex !== entry.tableIndex)
    .flatMap((e) => e.targets)
    .filter((t) => t.year === year && t.type === "annual" && !t.period);
}

/** Only tables whose target columns carry one year each (not a multi-year series). */
function hasOneTargetYear(entry: IndicatorEntry): boolean {
  const yearsInTable = new Set(
    entry.table.columns.filter((c) => c.role === "target" && c.year).map((c) => c.year),
  );
  return yearsInTable.size === 1;
}

function columnFindings(ctx: RuleContext): Finding[] {
  const model = ctx.model();
  const findings: Finding[] = [];
  const byColumn = new Map<string, ColumnTargets[]>();
  // Decided once per table (its entries, tens of thousands, all ask).
  const singleYear = new Map<IndicatorEntry["table"], boolean>();
  // Indexed: this runs once, cold, where for-of allocates per step.
  for (let i = 0; i < model.indicators.length; i++) {
    const entry = model.indicators[i];
    let single = singleYear.get(entry.table);
    if (single === undefined) singleYear.set(entry.table, (single = hasOneTargetYear(entry)));
    if (!single) continue;
    for (const target of entry.targets) {
      if (target.yearFrom !== "column" || target.type !== "annual" || target.period) continue;
      const key = `${entry.tableIndex}:${target.col}`;
      const list = byColumn.get(key) ?? [];
      list.push({ entry, target });
      byColumn.set(key, list);
    }
  }
  const seriesShifted = new Set(yearShifts(model).map((s) => s.group));
  for (const list of byColumn.values()) {
    const year = list[0].target.year!;
    // Which of two mutually shifted columns is wrong: the one whose label is not the report's
    // year while its values are that year's targets elsewhere (LT21 Tabel 13 "T2020" in a 2021 report).
    const documentYear = model.documentYears[list[0].entry.table.file] ?? null;
    if (documentYear === null || year === documentYear) continue;
    for (const shift of [1, -1]) {
      if (year + shift !== documentYear) continue;
      let agreeShifted = 0;
      let agreeLabelled = 0;
      let disagreeShifted = 0;
      const otherTables = new Set<number>();
      const related = [];
      for (const { entry, target } of list) {
        if (seriesShifted.has(entry.group)) continue;
        for (const other of othersAt(model, entry, year)) {
          if (comparable(target, other) && sameValue(target, other)) agreeLabelled++;
        }
        const shifted = othersAt(model, entry, year + shift).filter((t) => comparable(target, t));
        if (shifted.length === 0) continue;
        if (shifted.every((t) => sameValue(target, t))) {
          agreeShifted++;
          related.push(shifted[0].at);
          otherTables.add(tableIndexOf(model, shifted[0]));
        } else disagreeShifted++;
      }
      if (agreeShifted < 3 || agreeLabelled > 0 || disagreeShifted > 0) continue;
      const table = list[0].entry.table;
      const column = table.columns.find((c) => c.col === list[0].target.col)!;
      const otherIndex = [...otherTables][0];
      const otherTable = ctx.tables[otherIndex] ?? table;
      findings.push(
        ctx.finding("year-shift", {
          at: table.ref(headerRowOf(table, column.col, year), column.col),
          related,
          message: {
            id: "yearShift.column",
            params: {
              header: column.header,
              table: tableLabel(table, files(ctx)),
              year: String(year),
              otherYear: String(year + shift),
              other: tableLabel(otherTable, files(ctx)),
              count: agreeShifted,
            },
          },
        }),
      );
      break;
    }
  }
  return findings;
}

function tableIndexOf(model: PlanningModel, target: TargetEntry): number {
  const owner = model.indicators.find((e) => e.targets.includes(target));
  return owner ? owner.tableIndex : -1;
}

/** The header row whose text names the year (else the header's last row). */
function headerRowOf(
  table: PlanningModel["indicators"][number]["table"],
  col: number,
  year: number,
): number {
  const header = table.region.header;
  for (let row = header.bottom; row >= header.top; row--) {
    if (table.text(row, col).includes(String(year))) return row;
  }
  return header.bottom;
}
