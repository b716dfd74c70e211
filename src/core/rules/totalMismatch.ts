import type { Rule } from "../check/context";
import type { Finding } from "../check/types";
import { checkRowParts } from "./totals/rowParts";
import { checkTreeSums } from "./totals/treeSums";

/**
 * `total-mismatch` (DOMAIN.md §6.3, CONTRACT.md): parent rows against the sum of their
 * children (kode hierarchy, outline numbers, caps PROGRAM rows), JUMLAH/TOTAL rows against
 * the rows they close, and totals inside a row (column-number sums, quarters, end of period).
 * Efficiency tables are left to `efficiency-mismatch`, which owns their TOTAL rows.
 */
export const totalMismatch: Rule = {
  id: "total-mismatch",
  run(context) {
    const findings: Finding[] = [];
    for (const table of context.tables) {
      if (table.kind === "efisiensi" || table.rows.length === 0) continue;
      findings.push(...checkTreeSums(table, context), ...checkRowParts(table, context));
    }
    return findings;
  },
};
