import type { Rule, RuleContext } from "../check/context";
import type { CellNumber } from "../cellNumber";
import type { FindingInput } from "../check/finding";
import type { Table } from "../check/table";
import type { Finding } from "../check/types";
import type { Message, MessageId } from "../messages";
import { analyseTable, rowOptions, shown, shownCell } from "./percent/analysis";
import {
  DifferenceRelation,
  evaluateDifference,
  isArithmeticRow,
  isPlain,
  Outcome,
  plainStatuses,
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
  const statuses = analysis.differences.map((d) => plainStatuses(table, d, analysis.read));
  // Indexed loops here and below: this code runs once, cold, where for-of allocates per step.
  for (let r = 0; r < table.rows.length; r++) {
    const region = table.rows[r];
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
    const clash = unitClash(table, region.row, analysis.differences, analysis.read);
    if (clash) {
      findings.push(context.finding("difference-mismatch", clash));
      continue;
    }
    const plain = isPlain(options);
    for (let k = 0; k < analysis.differences.length; k++) {
      const relation = analysis.differences[k];
      if (plain) {
        // Rows that agree were seen while the relations were found: not evaluated again.
        const status = statuses[k].at(region.row);
        if (status === "skip" || status === "ok") continue;
      }
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

/**
 * A year-on-year comparison whose years hold different kinds of number: a percentage against
 * a count ("869 produk") or a bare number far too large to be one (LT21 Tabel 7 "Produk
 * Unggulan Yang Populer": 3.27 % in 2021, 869 and 800 before). Printing "-" for the change hides it; the row is an error
 * once, at its first comparison, whatever the change column holds.
 */
const CLASH_RATIO = 20;

function unitClash(
  table: Table,
  row: number,
  relations: DifferenceRelation[],
  read: (row: number, col: number) => CellNumber | null,
): FindingInput | null {
  for (let k = 0; k < relations.length; k++) {
    const relation = relations[k];
    if (relation.source !== "tren") continue;
    const a = read(row, relation.a);
    const b = read(row, relation.b);
    if (!a || !b || a.isPercent === b.isPercent) continue;
    const [percent, plain] = a.isPercent ? [a, b] : [b, a];
    // A counted unit ("869 produk") never compares with a percentage; a bare number does
    // unless it is far too large to be one (a stray "0,23" beside "21" is common).
    if (plain.value === 0) continue;
    const counted = plain.unit !== null;
    if (!counted && Math.abs(plain.value) < CLASH_RATIO * Math.max(Math.abs(percent.value), 1)) {
      continue;
    }
    const column = (col: number) => table.columns.find((c) => c.col === col);
    return {
      at: table.ref(row, relation.result.col),
      indicator: table.label(row),
      related: [table.ref(row, relation.a), table.ref(row, relation.b)],
      message: {
        id: "differenceMismatch.unitsDiffer",
        params: {
          aName: shortHeader(column(a.isPercent ? relation.a : relation.b)),
          bName: shortHeader(column(a.isPercent ? relation.b : relation.a)),
          a: shownCell(percent),
          b: shownCell(plain),
        },
      },
    };
  }
  return null;
}

export const differenceMismatch: Rule = {
  id: "difference-mismatch",
  run: (context) => context.tables.flatMap((table) => checkTable(context, table)),
};
