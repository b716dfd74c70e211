import type { Rule } from "../check/context";
import type { Finding, RuleId } from "../check/types";
import type { IndicatorEntry, RealisasiEntry } from "../extract/types";
import { comparable, membersOf, sameValue, tableLabel } from "./crossTable";

/**
 * `realisasi-mismatch` (proposed additive rule id; DOMAIN.md §6 "Outside the contract"): one
 * indicator (a matched group) with different annual realisasi for the same year, in two
 * tables or two columns of one table (LS25 Tabel 3.3 vs the Lembar Pengukuran 77,04 vs 77,32;
 * LT21 Ikhtisar vs Tabel 11; RS21 Tabel 2.3 vs Tabel 2.1 with swapped values). Quarter and
 * "s/d" values are not annual values; "TW I s/d TW IV" is. Where most cells agree, each
 * minority value gets one finding at its first cell; on a tie, the first cell of the pair.
 * Severity error: the contradiction is certain, only which value is right is not.
 */

const RULE_ID: RuleId = "realisasi-mismatch";

interface Located {
  value: RealisasiEntry;
  entry: IndicatorEntry;
}

export const realisasiMismatch: Rule = {
  id: RULE_ID,
  run: (ctx) => {
    const model = ctx.model();
    const findings: Finding[] = [];
    for (const group of model.groups) {
      const byYear = new Map<number, Located[]>();
      for (const entry of membersOf(model, group)) {
        for (const value of entry.realisasi) {
          if (value.year === null || value.period || value.cumulative) continue;
          const list = byYear.get(value.year) ?? [];
          list.push({ value, entry });
          byYear.set(value.year, list);
        }
      }
      for (const [year, list] of byYear) {
        const clusters: Located[][] = [];
        for (const item of list) {
          const cluster = clusters.find(
            (c) => comparable(c[0].value, item.value) && sameValue(c[0].value, item.value),
          );
          if (cluster) cluster.push(item);
          else clusters.push([item]);
        }
        if (clusters.length < 2) continue;
        if (clusters.some((a) => clusters.some((b) => !comparable(a[0].value, b[0].value))))
          continue;
        const largest = Math.max(...clusters.map((c) => c.length));
        const majority = clusters.filter((c) => c.length === largest);
        const reference = majority.length === 1 ? majority[0] : clusters[clusters.length - 1];
        const wrong =
          majority.length === 1 ? clusters.filter((c) => c !== reference) : [clusters[0]];
        for (const cluster of wrong) {
          const at = cluster[0];
          const other = reference[0];
          findings.push(
            ctx.finding(RULE_ID, {
              at: at.value.at,
              indicator: at.entry.name,
              expected: other.value.value,
              actual: at.value.value,
              severity: "error",
              related: [
                ...reference.map((r) => r.value.at),
                ...cluster.slice(1).map((c) => c.value.at),
              ],
              message: {
                id: "realisasiMismatch.differs",
                params: {
                  indicator: at.entry.name,
                  year: String(year),
                  table: tableLabel(at.entry.table, ctx.workbooks.length),
                  other: tableLabel(other.entry.table, ctx.workbooks.length),
                  actual: { number: at.value.value, decimals: at.value.number.decimals },
                  expected: { number: other.value.value, decimals: other.value.number.decimals },
                },
              },
            }),
          );
        }
      }
    }
    return findings;
  },
};
