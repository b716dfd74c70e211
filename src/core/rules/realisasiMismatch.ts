import type { Rule } from "../check/context";
import type { Finding, RuleId } from "../check/types";
import type {
  IndicatorEntry,
  IndicatorGroup,
  PlanningModel,
  RealisasiEntry,
} from "../extract/types";
import { capaian } from "../formulas/capaian";
import { comparePrinted, isAccepted } from "../numbers";
import { fromExcelNumber } from "../decimal";
import { comparable, membersOf, sameValue, tableLabel } from "./crossTable";

/**
 * `realisasi-mismatch` (proposed additive rule id; DOMAIN.md §6 "Outside the contract"): one
 * indicator (a matched group) with different annual realisasi for the same year, in two
 * tables or two columns of one table (LS25 Tabel 3.3 vs the Lembar Pengukuran 77,04 vs 77,32;
 * LT21 Ikhtisar vs Tabel 11; RS21 Tabel 2.3 vs Tabel 2.1 with swapped values). Quarter and
 * "s/d" values are not annual values; "TW I s/d TW IV" is. Where most cells agree (a value
 * some printed capaian was computed from counts one vote more), each minority value gets
 * one finding at its first cell; on a tie, the first cell of the pair.
 * Severity error: the contradiction is certain, only which value is right is not.
 */

const RULE_ID: RuleId = "realisasi-mismatch";

interface Located {
  value: RealisasiEntry;
  entry: IndicatorEntry;
}

/**
 * Some printed capaian of the indicator for the year (in any of its tables) is this value
 * over some target of that year, at the capaian's printed precision: the table that printed
 * the capaian computed it from this realisasi.
 */
function confirmedByCapaian(
  value: RealisasiEntry,
  year: number,
  entries: readonly IndicatorEntry[],
): boolean {
  const printed = entries.flatMap((e) =>
    e.capaian.filter((c) => c.year === year && !c.againstEndTarget),
  );
  if (printed.length === 0) return false;
  const polarity = entries.find((e) => e.polarity)?.polarity;
  const realisasi = fromExcelNumber(value.value);
  return entries.some((entry) =>
    entry.targets.some((target) => {
      if (target.year !== year || target.value <= 0 || !comparable(target, value)) return false;
      const result = capaian(
        realisasi,
        fromExcelNumber(target.value),
        polarity ? { polarity } : {},
      );
      return (
        result.ok &&
        printed.some((c) => isAccepted(comparePrinted(c.value, result.value, c.number.decimals)))
      );
    }),
  );
}

/** Annual realisasi of a known year: the values this rule compares. */
function isCompared(value: RealisasiEntry): value is RealisasiEntry & { year: number } {
  return value.year !== null && !value.period && !value.cumulative;
}

/**
 * Whether two compared values of the group share a year and differ: only those can disagree
 * (equal values are the same number, or not comparable at all). Most groups (tens of
 * thousands: one entry, one value a year) have none, and are decided here pairwise, without a
 * map or list per group.
 */
function hasTwoInOneYear(model: PlanningModel, group: IndicatorGroup): boolean {
  const ids = group.members;
  for (let i = 0; i < ids.length; i++) {
    const values = model.indicators[ids[i]].realisasi;
    for (let vi = 0; vi < values.length; vi++) {
      const v = values[vi];
      if (!isCompared(v)) continue;
      // Every later value: the rest of this entry's, then all of the later entries'.
      for (let j = i; j < ids.length; j++) {
        const others = model.indicators[ids[j]].realisasi;
        for (let wi = j === i ? vi + 1 : 0; wi < others.length; wi++) {
          const w = others[wi];
          if (w.year === v.year && w.value !== v.value && isCompared(w)) return true;
        }
      }
    }
  }
  return false;
}

export const realisasiMismatch: Rule = {
  id: RULE_ID,
  run: (ctx) => {
    const model = ctx.model();
    const findings: Finding[] = [];
    // Indexed: this runs once, cold, where for-of allocates per step.
    for (let g = 0; g < model.groups.length; g++) {
      const group = model.groups[g];
      // Two values of one year are needed to disagree: most groups hold none.
      if (!hasTwoInOneYear(model, group)) continue;
      const byYear = new Map<number, Located[]>();
      for (const entry of membersOf(model, group)) {
        for (const value of entry.realisasi) {
          if (!isCompared(value)) continue;
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
        // A value some printed capaian was computed from counts as one more vote: LS25
        // Tabel 3.3 prints 77,04 with capaian 100,71 = 77,04/76,50, so the Lembar's 77,32 is
        // the stray; its capaian 96,20 = 28,86/30 makes its own 40,58 the stray.
        const members = membersOf(model, group);
        const votes = (c: Located[]): number =>
          c.length + (confirmedByCapaian(c[0].value, year, members) ? 1 : 0);
        const largest = Math.max(...clusters.map(votes));
        const majority = clusters.filter((c) => votes(c) === largest);
        const reference = majority.length === 1 ? majority[0] : clusters[clusters.length - 1];
        const wrong =
          majority.length === 1 ? clusters.filter((c) => c !== reference) : [clusters[0]];
        // One finding per file that prints the stray value: each file is the planner's own.
        const perFile = wrong.flatMap((cluster) =>
          [...new Set(cluster.map((c) => c.entry.table.file))].map((file) =>
            cluster.filter((c) => c.entry.table.file === file),
          ),
        );
        for (const cluster of perFile) {
          const at = cluster[0];
          const other =
            reference.find((r) => r.entry.table.file === at.entry.table.file) ?? reference[0];
          findings.push(
            ctx.finding(RULE_ID, {
              at: at.value.at,
              indicator: at.entry.name,
              expected: other.value.value,
              actual: at.value.value,
              severity: "error",
              related: [
                other.value.at,
                ...reference.filter((r) => r !== other).map((r) => r.value.at),
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
