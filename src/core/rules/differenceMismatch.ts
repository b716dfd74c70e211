import type { Rule, RuleContext } from "../check/context";
import type { Table } from "../check/table";
import type { Finding } from "../check/types";
import type { Message, MessageId } from "../messages";
import { analyseTable, rowOptions, shown, shownCell } from "./percent/analysis";
import {
  DifferenceRelation,
  evaluateDifference,
  isArithmeticRow,
  Outcome,
} from "./percent/relations";
import { shortHeader } from "./percent/tableRelations";
import { shiftFinding } from "./percentMismatch";

/**
 * `difference-mismatch` (DOMAIN.md §6.4, §4.3): each selisih cell against the difference of
 * the columns it compares, taken with the printed operands. The pair and its direction come
 * from the header (sisa/SILPA = pagu − realisasi; "Bertambah / Berkurang" = perubahan −
 * murni; "Naik / Turun" = newer − older year), else from the reading most rows satisfy.
 * Tolerance is the printed precision (plus the user's Rupiah tolerance for money); a value
 * whose size is right but whose sign is wrong or missing is a warning, "arah perubahan hilang".
 */

type Evaluated = Extract<Outcome, { expected: unknown }>;

const IDS: Record<"mismatch" | "sign" | "near-miss", MessageId> = {
  mismatch: "differenceMismatch.mismatch",
  sign: "differenceMismatch.sign",
  "near-miss": "differenceMismatch.rounding",
};

function differenceMessage(
  table: Table,
  row: number,
  relation: DifferenceRelation,
  outcome: Evaluated,
  status: "mismatch" | "sign" | "near-miss",
): Message {
  const [a, b] = outcome.inputs;
  const decimalsOf = (col: number) => table.number(row, col)?.decimals ?? 0;
  const [da, db] = [decimalsOf(relation.a), decimalsOf(relation.b)];
  const decimals = Math.max(outcome.printed.decimals, da, db);
  const column = (col: number) => table.columns.find((c) => c.col === col);
  return {
    id: IDS[status],
    params: {
      actual: shownCell(outcome.printed),
      expected: shown(outcome.expected, decimals),
      a: shown(a, da),
      b: shown(b, db),
      aName: shortHeader(column(relation.a)),
      bName: shortHeader(column(relation.b)),
    },
  };
}

function checkTable(context: RuleContext, table: Table): Finding[] {
  const analysis = analyseTable(table);
  if (analysis.differences.length === 0) return [];
  const findings: Finding[] = [];
  for (const region of table.rows) {
    if (!isArithmeticRow(region)) continue;
    const shift = analysis.shifts.get(region.row);
    if (shift) {
      // The percent rule reports the shifted row once; only tables without percentages report it here.
      if (analysis.ratios.length === 0) {
        findings.push(
          shiftFinding(context, "difference-mismatch", table, shift, {
            right: "differenceMismatch.shiftedRight",
            left: "differenceMismatch.shiftedLeft",
          }),
        );
      }
      continue;
    }
    const options = rowOptions(table, region.row, context.settings);
    for (const relation of analysis.differences) {
      const outcome = evaluateDifference(relation, region.row, analysis.read, options);
      if (outcome.status === "skip" || outcome.status === "ok") continue;
      const status = outcome.status;
      findings.push(
        context.finding("difference-mismatch", {
          at: table.ref(region.row, relation.result.col),
          indicator: table.label(region.row),
          expected: outcome.expected.toNumber(),
          actual: outcome.printed.value,
          message: differenceMessage(table, region.row, relation, outcome, status),
          related: outcome.inputCols.map((c) => table.ref(region.row, c)),
          severity: status === "mismatch" ? undefined : "warning",
        }),
      );
    }
  }
  return findings;
}

export const differenceMismatch: Rule = {
  id: "difference-mismatch",
  run: (context) => context.tables.flatMap((table) => checkTable(context, table)),
};
