import type { RuleContext } from "../check/context";
import type { Finding } from "../check/types";
import { Decimal, fromExcelNumber } from "../decimal";
import { capaian } from "../formulas/capaian";
import type { IndicatorEntry, PlanningModel, RealisasiEntry, TargetEntry } from "../extract/types";
import { comparePrinted, isAccepted } from "../numbers";
import { shiftedEntries, tableLabel } from "./crossTable";

/**
 * Borrowed-target capaian (part of `capaian-mismatch`, DOMAIN.md §6.1 second half): a capaian
 * cell whose own table prints no target for that year (LS25 Tabel 3.3, a tren table of
 * realisasi and capaian only) is recomputed against the indicator-year target of another
 * table, in the order PK perubahan > PK murni > IKU > Renja > Renstra (never a series
 * reported as year-shifted). At most a warning, naming the source table: the author may have
 * used a target the files do not show (LS25 F21).
 */
export function borrowedCapaianFindings(ctx: RuleContext): Finding[] {
  const model = ctx.model();
  // Year shifts compare every group's series: only worth finding when a target is borrowed.
  let shifted: Set<number> | null = null;
  const findings: Finding[] = [];
  // Indexed loops: this runs once, cold, over every entry, where for-of allocates per step.
  for (let i = 0; i < model.indicators.length; i++) {
    const entry = model.indicators[i];
    for (let k = 0; k < entry.capaian.length; k++) {
      const printed = entry.capaian[k];
      if (printed.againstEndTarget || printed.year === null) continue;
      const year = printed.year;
      if (hasOwnTarget(entry, year)) continue;
      const realisasi = annualRealisasi(entry, year);
      if (!realisasi) continue;
      shifted ??= shiftedEntries(model);
      const borrowed = borrowTarget(model, entry, year, shifted);
      if (!borrowed) continue;
      const result = capaian(
        fromExcelNumber(realisasi.value),
        fromExcelNumber(borrowed.target.value),
        {
          polarity: entry.polarity ?? "positif",
          inverseMethod: ctx.settings.inverseMethod,
          cap: ctx.settings.capaianCap === null ? null : new Decimal(ctx.settings.capaianCap),
          floor: ctx.settings.capaianFloor === null ? null : new Decimal(ctx.settings.capaianFloor),
          zeroTargetZeroRealisasiIs100: ctx.settings.zeroTargetZeroRealisasiIs100,
        },
      );
      if (!result.ok) continue;
      const agreement = comparePrinted(printed.value, result.value, printed.number.decimals);
      if (isAccepted(agreement)) continue;
      const expected = result.value
        .toDecimalPlaces(Math.max(2, printed.number.decimals))
        .toNumber();
      findings.push(
        ctx.finding("capaian-mismatch", {
          at: printed.at,
          indicator: entry.name,
          expected,
          actual: printed.value,
          severity: "warning",
          related: [realisasi.at, borrowed.target.at],
          message: {
            id: "capaianBorrowed.mismatch",
            params: {
              indicator: entry.name,
              year: String(year),
              actual: { number: printed.value, decimals: printed.number.decimals },
              expected: { number: expected, decimals: Math.max(2, printed.number.decimals) },
              target: { number: borrowed.target.value, decimals: borrowed.target.number.decimals },
              source: sourceLabel(borrowed.target),
              table: tableLabel(borrowed.entry.table, ctx.workbooks.length),
            },
          },
        }),
      );
    }
  }
  return findings;
}

/** The entry prints a target for the year itself (most capaian cells): nothing to borrow. */
function hasOwnTarget(entry: IndicatorEntry, year: number): boolean {
  const targets = entry.targets;
  for (let k = 0; k < targets.length; k++) {
    if (targets[k].year === year && !targets[k].period) return true;
  }
  return false;
}

function annualRealisasi(entry: IndicatorEntry, year: number): RealisasiEntry | undefined {
  return entry.realisasi.find((r) => r.year === year && !r.period && !r.cumulative);
}

function sourceLabel(target: TargetEntry): string {
  if (target.role === "pk") return `PK ${target.variant ?? "murni"}`;
  return (
    { renstra: "Renstra", iku: "IKU", renja: "Renja", rkpd: "RKPD" }[target.role as string] ??
    target.role
  );
}

const PREFERENCE: ((t: TargetEntry) => boolean)[] = [
  (t) => t.role === "pk" && t.variant === "perubahan",
  (t) => t.role === "pk" && t.variant !== "perubahan",
  (t) => t.role === "iku",
  (t) => t.role === "renja" || t.role === "rkpd",
  (t) => t.role === "renstra",
];

function borrowTarget(
  model: PlanningModel,
  entry: IndicatorEntry,
  year: number,
  shifted: Set<number>,
): { target: TargetEntry; entry: IndicatorEntry } | null {
  const others = model.groups[entry.group].members
    .map((id) => model.indicators[id])
    .filter((e) => e.id !== entry.id && !shifted.has(e.id));
  for (const prefer of PREFERENCE) {
    for (const other of others) {
      const target = other.targets.find(
        (t) => t.year === year && t.type === "annual" && !t.period && prefer(t),
      );
      if (target) return { target, entry: other };
    }
  }
  return null;
}
