import type { Rule, RuleContext } from "../check/context";
import type { Finding } from "../check/types";
import type {
  IndicatorEntry,
  IndicatorGroup,
  IndicatorLevel,
  PlanningModel,
  TargetRole,
} from "../extract/types";
import { nameSimilarity, rolesOf } from "../match";
import { membersOf, ROLE_LABEL, tableLabel } from "./crossTable";

/**
 * `missing-indicator` (DOMAIN.md §6.7, warning): an indicator with no match where another
 * role is expected to hold it, only where the expected role is present at the indicator's
 * level (a Renstra without any PK in the files expects nothing of a PK):
 *   PK → Renstra, IKU, pengukuran; IKU → Renstra, pengukuran; Renstra sasaran/tujuan → IKU
 *   (sasaran also PK); pengukuran → PK; Renja program → Renstra (a Renstra table with
 *   program indicators). Tujuan indicators are never expected in a PK.
 * One finding per indicator and missing role, at the name cell of its first table of the
 * role that expects it; similar names (≥ settings.candidateThreshold) in the missing role,
 * else anywhere else, are named as candidates, never matched silently.
 */
export const missingIndicator: Rule = {
  id: "missing-indicator",
  run: (ctx) => {
    const model = ctx.model();
    const present = levelsByRole(model);
    const findings: Finding[] = [];
    // Indexed: this runs once, cold, where for-of allocates per step.
    for (let g = 0; g < model.groups.length; g++) {
      const found = groupFindings(ctx, model, model.groups[g], present);
      for (let k = 0; k < found.length; k++) findings.push(found[k]);
    }
    return findings;
  },
};

const LEVEL_LABEL: Record<IndicatorLevel, string> = {
  tujuan: "indikator tujuan",
  sasaran: "indikator sasaran",
  program: "indikator program",
  kegiatan: "indikator kegiatan",
  "sub-kegiatan": "indikator sub kegiatan",
  unknown: "indikator",
};

const PK_EXPECTS: readonly TargetRole[] = ["renstra", "iku", "pengukuran"];
const IKU_EXPECTS: readonly TargetRole[] = ["renstra", "pengukuran"];
const RENSTRA_SASARAN_EXPECTS: readonly TargetRole[] = ["iku", "pk"];
const RENSTRA_TUJUAN_EXPECTS: readonly TargetRole[] = ["iku"];
const PENGUKURAN_EXPECTS: readonly TargetRole[] = ["pk"];
const RENJA_PROGRAM_EXPECTS: readonly TargetRole[] = ["renstra"];
const NOTHING: readonly TargetRole[] = [];

/** The roles expected for a group holding `role` at `level` (asked per group: shared lists). */
export function expectedRoles(role: TargetRole, level: IndicatorLevel): readonly TargetRole[] {
  switch (role) {
    case "pk":
      return PK_EXPECTS;
    case "iku":
      return IKU_EXPECTS;
    case "renstra":
      if (level === "sasaran") return RENSTRA_SASARAN_EXPECTS;
      if (level === "tujuan") return RENSTRA_TUJUAN_EXPECTS;
      return NOTHING;
    case "pengukuran":
      return PENGUKURAN_EXPECTS;
    case "renja":
      return level === "program" ? RENJA_PROGRAM_EXPECTS : NOTHING;
    default:
      return NOTHING;
  }
}

/** Per file family, the known levels of the groups each role holds. */
type Presence = Map<number, Map<TargetRole, Set<IndicatorLevel>>>;

function levelsByRole(model: PlanningModel): Presence {
  const present: Presence = new Map();
  // Entries come table by table: the previous entry's file and family are nearly always its.
  let file: string | undefined;
  let roles = new Map<TargetRole, Set<IndicatorLevel>>();
  for (let g = 0; g < model.groups.length; g++) {
    const group = model.groups[g];
    if (group.level === "unknown") continue;
    for (let m = 0; m < group.members.length; m++) {
      const entry = model.indicators[group.members[m]];
      if (entry.table.file !== file) {
        file = entry.table.file;
        const family = model.fileFamilies[file] ?? 0;
        const known = present.get(family);
        if (known === undefined) present.set(family, (roles = new Map()));
        else roles = known;
      }
      for (const role of rolesOf(entry)) {
        let set = roles.get(role);
        if (set === undefined) roles.set(role, (set = new Set<IndicatorLevel>()));
        set.add(group.level);
      }
    }
  }
  return present;
}

const NO_FINDINGS: Finding[] = [];
const NO_ROLES = new Map<TargetRole, Set<IndicatorLevel>>();

function groupFindings(
  ctx: RuleContext,
  model: PlanningModel,
  group: IndicatorGroup,
  presence: Presence,
): Finding[] {
  const level = group.level;
  if (level === "unknown") return NO_FINDINGS;
  // A group never spans families (core/match), so its first member's family is the group's.
  const family = model.fileFamilies[model.indicators[group.members[0]].table.file] ?? 0;
  const present = presence.get(family) ?? NO_ROLES;
  // Tens of thousands of groups miss nothing: the map is made for the few that do.
  let missing: Map<TargetRole, TargetRole> | undefined;
  for (let r = 0; r < group.roles.length; r++) {
    const role = group.roles[r];
    const expectations = expectedRoles(role, level);
    for (let e = 0; e < expectations.length; e++) {
      const expected = expectations[e];
      if (expected === "pk" && level === "tujuan") continue;
      if (group.roles.includes(expected) || missing?.has(expected)) continue;
      if (!present.get(expected)?.has(level)) continue;
      (missing ??= new Map()).set(expected, role);
    }
  }
  if (missing === undefined) return NO_FINDINGS;
  const members = membersOf(model, group);
  const findings: Finding[] = [];
  const files = ctx.workbooks.length;
  for (const [role, because] of missing) {
    const holders = members.filter((m) => rolesOf(m).includes(because));
    const candidates = candidatesFor(model, group, members, role, ctx.settings.candidateThreshold);
    // One finding per file that holds the indicator (a batch may hold one table twice).
    const firsts = [
      ...new Set((holders.length > 0 ? holders : members).map((m) => m.table.file)),
    ].map((file) => (holders.length > 0 ? holders : members).find((m) => m.table.file === file)!);
    for (const first of firsts) {
      const params = {
        indicator: first.name,
        level: LEVEL_LABEL[level],
        roles: [...new Set(members.flatMap(rolesOf))]
          .filter((r) => r !== "tren")
          .map((r) => ROLE_LABEL[r])
          .join(", "),
        tables: [...new Set(members.map((m) => tableLabel(m.table, files)))].join(", "),
        missing: ROLE_LABEL[role],
        candidates: candidates.map((c) => `"${c.name}" (${tableLabel(c.table, files)})`).join("; "),
      };
      findings.push(
        ctx.finding("missing-indicator", {
          at: first.nameAt,
          indicator: first.name,
          related: [
            ...members.filter((m) => m !== first).map((m) => m.nameAt),
            ...candidates.map((c) => c.nameAt),
          ],
          message: {
            id:
              candidates.length > 0
                ? "missingIndicator.missingWithCandidates"
                : "missingIndicator.missing",
            params,
          },
        }),
      );
    }
  }
  return findings;
}

/**
 * Similar names not in the group: first among entries of the missing role, else anywhere in
 * other tables. At most three, best first, one per name.
 */
function candidatesFor(
  model: PlanningModel,
  group: IndicatorGroup,
  members: readonly IndicatorEntry[],
  role: TargetRole,
  threshold: number,
): IndicatorEntry[] {
  const tables = new Set(members.map((m) => m.tableIndex));
  const score = (e: IndicatorEntry): number =>
    Math.max(...members.map((m) => nameSimilarity(m.name, e.name)));
  const family = model.fileFamilies[members[0].table.file] ?? 0;
  const pool = model.indicators.filter(
    (e) =>
      e.group !== group.id &&
      !tables.has(e.tableIndex) &&
      (model.fileFamilies[e.table.file] ?? 0) === family,
  );
  const rank = (list: IndicatorEntry[]): IndicatorEntry[] => {
    const seen = new Set<string>();
    return list
      .map((e) => ({ e, s: score(e) }))
      .filter((x) => x.s >= threshold)
      .sort((a, b) => b.s - a.s)
      .filter((x) => (seen.has(x.e.key) ? false : (seen.add(x.e.key), true)))
      .slice(0, 3)
      .map((x) => x.e);
  };
  const inRole = rank(pool.filter((e) => rolesOf(e).includes(role)));
  return inRole.length > 0 ? inRole : rank(pool);
}
