import type { Rule, RuleContext } from "../check/context";
import type { Finding } from "../check/types";
import type { Table } from "../check/table";
import { fromExcelNumber } from "../decimal";
import type { Message, MessageId } from "../messages";
import { analyseTable, roundedExpected, rowOptions, shown, shownCell } from "./percent/analysis";
import {
  evaluateRatio,
  isArithmeticRow,
  isPlain,
  Outcome,
  plainStatuses,
  RatioRelation,
} from "./percent/relations";
import type { RowShift } from "./percent/rowShift";
import { shortHeader } from "./percent/tableRelations";

/**
 * `percent-mismatch` (DOMAIN.md §6.2): a printed percentage against its parts, compared with
 * the PRINTED operands (a wrong sum is reported once, by total-mismatch, not again here):
 * - persen-anggaran: realisasi/pagu or sisa/pagu, the orientation from the header or from the
 *   reading most rows satisfy (§4.3);
 * - columns a column-number row declares as a division ("8=(7/6)", "11=(10/4)"), weighted
 *   cells "100% (80%)" counting with their bracketed share;
 * - renja-evaluasi capaian columns without such a row (realisasi / target, §4.4).
 * A row that fits only after moving its cells by one column gets one "kolom bergeser" finding.
 */

type Evaluated = Extract<Outcome, { expected: unknown }>;

function mismatchMessage(relation: RatioRelation, outcome: Evaluated): Message {
  const decimals = outcome.printed.decimals;
  const [numerator, denominator] = outcome.inputs;
  // Inputs as a reader knows them: whole Rupiah or counts without decimals, others with two.
  const input = (x: typeof numerator) => shown(x, x.isInteger() ? 0 : 2);
  const params = {
    actual: shownCell(outcome.printed),
    expected: shown(roundedExpected(outcome.expected, decimals), Math.max(2, decimals)),
    numerator: input(numerator),
    denominator: input(denominator),
  };
  if (outcome.status === "near-miss") {
    return {
      id: "percentMismatch.rounding",
      params: { ...params, exact: shown(outcome.expected, Math.max(4, decimals + 2)) },
    };
  }
  const formula = relation.result.formula;
  if (relation.source === "formula" && formula) {
    const id: MessageId = outcome.weighted
      ? "percentMismatch.formulaWeighted"
      : "percentMismatch.formula";
    return { id, params: { ...params, column: String(formula.number), formula: formula.text } };
  }
  const ids: Record<RatioRelation["source"], MessageId> = {
    "budget-realisasi": "percentMismatch.serapan",
    "budget-sisa": "percentMismatch.sisa",
    // A formula relation always carries its formula; the plain wording is the fallback.
    formula: "percentMismatch.renja",
    renja: "percentMismatch.renja",
  };
  return { id: ids[relation.source], params };
}

function ratioFinding(
  context: RuleContext,
  table: Table,
  row: number,
  relation: RatioRelation,
  outcome: Evaluated,
): Finding {
  return context.finding("percent-mismatch", {
    at: table.ref(row, relation.result.col),
    indicator: table.label(row),
    expected: roundedExpected(outcome.expected, outcome.printed.decimals),
    actual: outcome.printed.value,
    message: mismatchMessage(relation, outcome),
    related: outcome.inputCols.map((c) => table.ref(row, c)),
    severity: outcome.status === "near-miss" ? "warning" : undefined,
  });
}

/** The one finding of a row typed one column off; shared with difference-mismatch. */
export function shiftMessage(
  table: Table,
  shift: RowShift,
  ids: { right: MessageId; left: MessageId },
): Message {
  const column = table.columns.find((c) => c.col === shift.strayCol);
  const stray = table.number(shift.row, shift.strayCol);
  const value = stray ? shownCell(stray) : table.text(shift.row, shift.strayCol);
  return {
    id: shift.offset === 1 ? ids.right : ids.left,
    params: { column: shortHeader(column) || String(shift.strayCol + 1), value },
  };
}

export function shiftFinding(
  context: RuleContext,
  rule: "percent-mismatch" | "difference-mismatch",
  table: Table,
  shift: RowShift,
  ids: { right: MessageId; left: MessageId },
): Finding {
  const related = new Set<number>();
  for (const { outcome } of shift.outcomes) {
    if (outcome.status !== "skip") outcome.inputCols.forEach((c) => related.add(c));
  }
  const stray = table.number(shift.row, shift.strayCol);
  return context.finding(rule, {
    at: table.ref(shift.row, shift.strayCol),
    indicator: table.label(shift.row),
    actual: stray ? fromExcelNumber(stray.value).toNumber() : undefined,
    message: shiftMessage(table, shift, ids),
    related: [...related].sort((a, b) => a - b).map((c) => table.ref(shift.row, c)),
  });
}

function mayReport(status: Outcome["status"]): boolean {
  return status === "mismatch" || status === "near-miss";
}

function checkTable(context: RuleContext, table: Table): Finding[] {
  const analysis = analyseTable(table);
  if (analysis.ratios.length === 0) return [];
  const findings: Finding[] = [];
  const statuses = analysis.ratios.map((r) => plainStatuses(table, r, analysis.read));
  // Indexed: this code runs once, cold, where for-of allocates per step.
  for (let r = 0; r < table.rows.length; r++) {
    const region = table.rows[r];
    if (!isArithmeticRow(region)) continue;
    const shift = analysis.shifts.get(region.row);
    if (shift) {
      findings.push(
        shiftFinding(context, "percent-mismatch", table, shift, {
          right: "percentMismatch.shiftedRight",
          left: "percentMismatch.shiftedLeft",
        }),
      );
      continue;
    }
    const options = rowOptions(table, region.row, context.settings);
    const plain = isPlain(options);
    for (let k = 0; k < analysis.ratios.length; k++) {
      const relation = analysis.ratios[k];
      // Rows that agree were seen while the relations were found: not evaluated again.
      if (plain && !mayReport(statuses[k].at(region.row))) continue;
      const outcome = evaluateRatio(relation, region.row, analysis.read, options);
      if (outcome.status === "mismatch" || outcome.status === "near-miss") {
        findings.push(ratioFinding(context, table, region.row, relation, outcome));
      }
    }
  }
  return findings;
}

export const percentMismatch: Rule = {
  id: "percent-mismatch",
  run: (context) => context.tables.flatMap((table) => checkTable(context, table)),
};
