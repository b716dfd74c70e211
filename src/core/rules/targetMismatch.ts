import type { Rule, RuleContext } from "../check/context";
import type { Finding, Severity } from "../check/types";
import type { Polarity } from "../formulas/capaian";
import type {
  IndicatorEntry,
  IndicatorGroup,
  PlanningModel,
  TargetEntry,
  TargetRole,
} from "../extract/types";
import type { MessageParam } from "../messages";
import {
  comparable,
  membersOf,
  ROLE_LABEL,
  sameValue,
  shiftedEntries,
  tableLabel,
} from "./crossTable";

/**
 * `target-mismatch` (DOMAIN.md §6.5): one indicator (a matched group, core/match) with
 * different same-type targets for one year in two roles.
 *
 *  - X vs Renstra (X = IKU, PK, Renja, RKPD; the pengukuran and tren targets only when the
 *    year has no PK target and they differ from the IKU's, else the deviation is reported
 *    at the PK or IKU): error if X is less
 *    ambitious (polarity-aware), warning if more (LS25 PK 2025 above Renstra is documented:
 *    a warning, never silent);
 *  - pengukuran vs that year's PK (perubahan if any, else murni): error;
 *  - IKU, Renja, RKPD vs PK: warning;
 *  - PK murni vs perubahan: never (a revision).
 * Annual, end-of-period and cumulative targets only compare with their own type; quarter
 * targets are not compared; series reported as year-shifted are left out. One finding per
 * indicator, year, role and pair of distinct values, at the first cell of X with the value.
 */
export const targetMismatch: Rule = {
  id: "target-mismatch",
  run: (ctx) => {
    const model = ctx.model();
    const shifted = shiftedEntries(model);
    const findings: Finding[] = [];
    // Most of the (tens of thousands of) groups find nothing: no list per group.
    // Indexed: this runs once, cold, where for-of allocates per step.
    for (let g = 0; g < model.groups.length; g++) {
      const found = groupFindings(ctx, model, model.groups[g], shifted);
      for (let k = 0; k < found.length; k++) findings.push(found[k]);
    }
    return findings;
  },
};

interface Located {
  target: TargetEntry;
  entry: IndicatorEntry;
}

/** Distinct values (by printed precision) with every cell that prints each. */
function distinct(list: Located[]): Located[][] {
  const clusters: Located[][] = [];
  for (const item of list) {
    const cluster = clusters.find((c) => sameValue(c[0].target, item.target));
    if (cluster) cluster.push(item);
    else clusters.push([item]);
  }
  return clusters;
}

function polarityOf(members: readonly IndicatorEntry[]): Polarity {
  return members.find((m) => m.polarity)?.polarity ?? "positif";
}

function lessAmbitious(x: number, reference: number, polarity: Polarity): boolean {
  return polarity === "negatif" ? x > reference : x < reference;
}

/** The cell a finding points at: a PK perubahan cell first, else the first in table order. */
function firstCell(cluster: Located[]): Located {
  return cluster.find((c) => c.target.variant === "perubahan") ?? cluster[0];
}

const TYPE_INDEX: Record<TargetEntry["type"], number> = {
  annual: 0,
  "end-of-period": 1,
  cumulative: 2,
};
const TYPE_COUNT = 3;
const NONE: Located[] = [];
const NO_FINDINGS: Finding[] = [];

/** A target that goes in a year-and-type bucket (quarters and undated targets do not). */
function isBucketed(target: TargetEntry): target is TargetEntry & { year: number } {
  return target.year !== null && !target.period;
}

/** Groups with more members than this skip the pairwise test below and build the buckets. */
const PAIRWISE_MEMBERS = 8;

/**
 * Whether two targets of the group's unshifted members share a year and type under different
 * roles with different values. Every comparison is between two roles of such a bucket, and two
 * equal values are the same number (sameValue), so without such a pair the group reports
 * nothing. Most groups (tens of thousands: one entry, or a few that agree) have none, and are
 * decided here by comparing their handful of targets pairwise, without a map per group.
 */
function mayCompare(model: PlanningModel, group: IndicatorGroup, shifted: Set<number>): boolean {
  const ids = group.members;
  if (ids.length > PAIRWISE_MEMBERS) return true;
  // Runs for every group: the set is asked only when some series is shifted at all.
  const anyShifted = shifted.size > 0;
  for (let i = 0; i < ids.length; i++) {
    const a = model.indicators[ids[i]];
    if (anyShifted && shifted.has(a.id)) continue;
    for (let ti = 0; ti < a.targets.length; ti++) {
      const t = a.targets[ti];
      if (!isBucketed(t)) continue;
      const { year, type, role, value } = t;
      // Every later target: the rest of this entry's, then all of the later entries'.
      for (let j = i; j < ids.length; j++) {
        const b = model.indicators[ids[j]];
        if (anyShifted && shifted.has(b.id)) continue;
        for (let ui = j === i ? ti + 1 : 0; ui < b.targets.length; ui++) {
          const u = b.targets[ui];
          if (u.year !== year || u.role === role || u.type !== type || u.period) continue;
          if (u.value !== value) return true;
        }
      }
    }
  }
  return false;
}

function groupFindings(
  ctx: RuleContext,
  model: PlanningModel,
  group: IndicatorGroup,
  shifted: Set<number>,
): Finding[] {
  if (!mayCompare(model, group, shifted)) return NO_FINDINGS;
  const members = membersOf(model, group).filter((m) => !shifted.has(m.id));
  // Keyed by year and type; each bucket's targets split by role, in table order.
  const buckets = new Map<number, Map<TargetRole, Located[]>>();
  for (const entry of members) {
    for (const target of entry.targets) {
      if (!isBucketed(target)) continue;
      const key = target.year * TYPE_COUNT + TYPE_INDEX[target.type];
      let roles = buckets.get(key);
      if (roles === undefined) buckets.set(key, (roles = new Map()));
      const list = roles.get(target.role);
      if (list === undefined) roles.set(target.role, [{ target, entry }]);
      else list.push({ target, entry });
    }
  }
  const polarity = polarityOf(membersOf(model, group));
  const findings: Finding[] = [];
  for (const roles of buckets.values()) {
    // Every comparison is between two roles.
    if (roles.size < 2) continue;
    const byRole = (role: TargetRole): Located[] => roles.get(role) ?? NONE;
    const renstra = distinct(byRole("renstra"));
    const pkAll = byRole("pk");
    const perubahan = pkAll.filter((l) => l.target.variant === "perubahan");
    const effectivePk = distinct(perubahan.length > 0 ? perubahan : pkAll);
    const hasPk = pkAll.length > 0;
    for (const role of ["iku", "pk", "renja", "rkpd", "pengukuran", "tren"] as TargetRole[]) {
      const values = distinct(byRole(role));
      if (values.length === 0) continue;
      const restated = role === "pengukuran" || role === "tren";
      if (!(restated && hasPk)) {
        for (const x of values) {
          // A measurement target equal to the IKU's: the deviation is reported at the IKU.
          if (restated && byRole("iku").some((i) => sameValue(i.target, x[0].target))) continue;
          for (const r of renstra) {
            findings.push(
              ...perFile(ctx, x, r, role, (xv, rv) =>
                lessAmbitious(xv, rv, polarity)
                  ? { id: "targetMismatch.belowRenstra", severity: "error" }
                  : { id: "targetMismatch.aboveRenstra", severity: "warning" },
              ),
            );
          }
        }
      }
      if (role === "pk" || role === "tren" || !hasPk) continue;
      for (const x of values) {
        // A PK with several distinct effective values is itself inconsistent: compare with each.
        for (const p of effectivePk) {
          findings.push(
            ...perFile(ctx, x, p, role, () =>
              role === "pengukuran"
                ? { id: "targetMismatch.measuredVsPk", severity: "error" }
                : { id: "targetMismatch.vsPk", severity: "warning" },
            ),
          );
        }
      }
    }
  }
  return findings;
}

type Verdict = {
  id:
    | "targetMismatch.belowRenstra"
    | "targetMismatch.aboveRenstra"
    | "targetMismatch.measuredVsPk"
    | "targetMismatch.vsPk";
  severity: Severity;
};

/**
 * One finding per file that prints the deviating value (a batch may hold the same table
 * twice, or a PK file and an LKjIP that restates it): each file gets its own finding, against
 * the reference in the same file where there is one.
 */
function perFile(
  ctx: RuleContext,
  x: Located[],
  reference: Located[],
  role: TargetRole,
  verdict: (x: number, reference: number) => Verdict,
): Finding[] {
  const findings: Finding[] = [];
  for (const file of new Set(x.map((l) => l.entry.table.file))) {
    const own = x.filter((l) => l.entry.table.file === file);
    const sameFile = reference.filter((l) => l.entry.table.file === file);
    const ordered = [...sameFile, ...reference.filter((l) => l.entry.table.file !== file)];
    const f = compare(ctx, own, ordered, role, verdict);
    if (f) findings.push(f);
  }
  return findings;
}

function compare(
  ctx: RuleContext,
  x: Located[],
  reference: Located[],
  role: TargetRole,
  verdict: (x: number, reference: number) => Verdict,
): Finding | null {
  const a = firstCell(x);
  const b = firstCell(reference);
  if (a.target === b.target) return null;
  if (!comparable(a.target, b.target) || sameValue(a.target, b.target)) return null;
  const { id, severity } = verdict(a.target.value, b.target.value);
  const files = ctx.workbooks.length;
  const pkLabel =
    b.target.role === "pk" ? `PK ${b.target.variant === "perubahan" ? "perubahan" : "murni"}` : "";
  const params: Record<string, MessageParam> = {
    role: a.target.role === "pk" ? `PK ${a.target.variant ?? ""}`.trim() : ROLE_LABEL[role],
    indicator: a.entry.name,
    whenId: whenText(a.target, "id"),
    whenEn: whenText(a.target, "en"),
    table: tableLabel(a.entry.table, files),
    other: tableLabel(b.entry.table, files),
    actual: { number: a.target.value, decimals: a.target.number.decimals },
    expected: { number: b.target.value, decimals: b.target.number.decimals },
    pk: pkLabel,
  };
  return ctx.finding("target-mismatch", {
    at: a.target.at,
    indicator: a.entry.name,
    expected: b.target.value,
    actual: a.target.value,
    severity,
    related: [
      ...reference.map((r) => r.target.at),
      ...x.filter((c) => c !== a).map((c) => c.target.at),
    ],
    message: { id, params },
  });
}

/** "tahun 2025" / "akhir periode (2026)" / "s/d tahun 2020", and the same in English. */
function whenText(target: TargetEntry, lang: "id" | "en"): string {
  const year = String(target.year);
  // The catalogue has no nested messages: both languages' phrases travel as parameters.
  if (target.type === "end-of-period")
    return lang === "id" ? `akhir periode (${year})` : `at the end of the period (${year})`;
  if (target.type === "cumulative") return lang === "id" ? `s/d tahun ${year}` : `up to ${year}`;
  return lang === "id" ? `tahun ${year}` : `for ${year}`;
}
