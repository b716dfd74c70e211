import type { Table } from "../check/table";
import type {
  IndicatorEntry,
  IndicatorGroup,
  ModelValue,
  PlanningModel,
  TargetEntry,
  TargetRole,
} from "../extract/types";
import { comparePrinted, isAccepted } from "../numbers";

/**
 * Helpers shared by the cross-table rules (target-mismatch, year-shift, missing-indicator,
 * borrowed capaian, realisasi-mismatch): how tables are named in messages, when two printed
 * values are the same number, and which target series are shifted by a year.
 */

/** How messages name a planning role (the documents' own Indonesian names). */
export const ROLE_LABEL: Record<TargetRole, string> = {
  renstra: "Renstra",
  iku: "IKU",
  pk: "PK",
  renja: "Renja",
  rkpd: "RKPD",
  pengukuran: "pengukuran kinerja",
  tren: "tabel tren",
};

/** "Tabel 2.1", "Table 3", "Lampiran 6" from the caption, else the sheet name. */
export function tableName(table: Table): string {
  const caption = table.region.caption ?? "";
  const numbered =
    /^\s*((?:tabel|table|lampiran|tabel lampiran)\s*[0-9IVX]+(?:[.,-][0-9]+)*)/i.exec(caption);
  if (numbered) return numbered[1].replace(/[.,]$/, "").replace(/\s+/g, " ");
  return table.sheet.name;
}

/** A table-qualified name that stays unique across files ("Tabel 2.5 (renstra.xlsx)"). */
export function tableLabel(table: Table, files: number): string {
  // The file's own name: a reviewer's long paths ("../2025/dinas/renstra.xlsx") clutter.
  const base = table.file.split(/[\\/]/).pop() || table.file;
  return files > 1 ? `${tableName(table)} (${base})` : tableName(table);
}

/**
 * Two printed values are the same number when the more precise one, rounded to the other's
 * printed decimals, gives it ("77,5%" = "77.50"; "77,58" ≠ "77,5"). A value a hundred times
 * the other (a fraction typed without a % format beside percent points) is not compared:
 * callers skip such pairs (`comparable`).
 */
export function sameValue(a: ModelValue, b: ModelValue): boolean {
  const [coarse, fine] = a.number.decimals <= b.number.decimals ? [a, b] : [b, a];
  return isAccepted(comparePrinted(coarse.value, fine.value, coarse.number.decimals));
}

/** Values that can be compared: same scale (not 100× apart with one unitless), same unit kind. */
export function comparable(a: ModelValue, b: ModelValue): boolean {
  if (a.number.isPercent !== b.number.isPercent) {
    const unitless = (v: ModelValue): boolean => !v.number.isPercent && v.number.unit === null;
    if (!unitless(a) && !unitless(b)) return false;
    const ratio = (x: number, y: number): boolean => y !== 0 && Math.abs(x / y - 100) < 0.5;
    if (ratio(a.value, b.value) || ratio(b.value, a.value)) return false;
  }
  return true;
}

/**
 * The entries of a group. Several rules ask for every group's members: the list is made once
 * per group, and callers must not change it.
 */
export function membersOf(model: PlanningModel, group: IndicatorGroup): readonly IndicatorEntry[] {
  let members = MEMBERS.get(group);
  if (members === undefined) {
    members = group.members.map((id) => model.indicators[id]);
    MEMBERS.set(group, members);
  }
  return members;
}

const MEMBERS = new WeakMap<IndicatorGroup, IndicatorEntry[]>();

/** A target of an annual series: a yearly target whose column names its year. */
function isAnnual(t: TargetEntry): t is TargetEntry & { year: number } {
  return t.type === "annual" && !t.period && t.year !== null && t.yearFrom === "column";
}

/** Annual targets of one entry by year (quarters and end/cumulative targets left out). */
export function annualSeries(entry: IndicatorEntry): Map<number, TargetEntry> {
  const series = new Map<number, TargetEntry>();
  for (const t of entry.targets) {
    if (!isAnnual(t)) continue;
    if (!series.has(t.year)) series.set(t.year, t);
  }
  return series;
}

/** Whether at least two of a group's entries have three annual targets or more. */
function hasTwoLongEntries(model: PlanningModel, group: IndicatorGroup): boolean {
  const ids = group.members;
  if (ids.length < 2) return false;
  let long = 0;
  for (let i = 0; i < ids.length; i++) {
    if (countAnnual(model.indicators[ids[i]]) >= 3 && ++long >= 2) return true;
  }
  return false;
}

/** How many annual targets an entry has (at least its series' size). */
function countAnnual(entry: IndicatorEntry): number {
  let n = 0;
  for (let k = 0; k < entry.targets.length; k++) if (isAnnual(entry.targets[k])) n++;
  return n;
}

// ---------------------------------------------------------------------------------------
// Year shifts (DOMAIN.md §6.6), computed once per model and shared with target-mismatch
// (which skips the pairs) and the borrowed capaian (which never borrows a shifted target).

export interface SeriesShift {
  group: number;
  /** The entry whose year labels look shifted, and the one it agrees with when shifted. */
  suspect: IndicatorEntry;
  reference: IndicatorEntry;
  /** suspect year + shift = reference year with the same value (±1). */
  shift: number;
  /** The suspect's years that overlap the reference after shifting, ascending. */
  years: number[];
}

const SHIFTS = new WeakMap<PlanningModel, SeriesShift[]>();

function notConstant(series: Map<number, TargetEntry>): boolean {
  const values = [...series.values()];
  return values.some((v) => !sameValue(v, values[0]));
}

/** Compare series a and b with b's year = a's year + shift: agreements and overlap. */
function overlap(
  a: Map<number, TargetEntry>,
  b: Map<number, TargetEntry>,
  shift: number,
): { years: number[]; agree: number } {
  const years: number[] = [];
  let agree = 0;
  for (const [year, value] of a) {
    const other = b.get(year + shift);
    if (!other || !comparable(value, other)) continue;
    years.push(year);
    if (sameValue(value, other)) agree++;
  }
  years.sort((x, y) => x - y);
  return { years, agree };
}

/** How many single targets of other tables confirm the series' values in the same year. */
function support(model: PlanningModel, entry: IndicatorEntry, exclude: number[]): number {
  const series = annualSeries(entry);
  let n = 0;
  for (const id of model.groups[entry.group].members) {
    const other = model.indicators[id];
    if (other.id === entry.id || exclude.includes(other.id)) continue;
    for (const t of other.targets) {
      if (t.type !== "annual" || t.period || t.year === null) continue;
      const own = series.get(t.year);
      if (own && comparable(own, t) && sameValue(own, t)) n++;
    }
  }
  return n;
}

const ROLE_TRUST: Record<string, number> = { renstra: 3, pk: 2, iku: 1 };

/**
 * Pairs of target series of one indicator that overlap ≥3 years, disagree unshifted, agree
 * in every overlapping year when shifted by ±1, and are both non-constant. The suspect is
 * the series fewer other tables confirm; on a tie, the one from the less authoritative role
 * (Renstra > PK > IKU), then the later table. One result per indicator group, plus one per
 * copy of the suspect series.
 */
export function yearShifts(model: PlanningModel): SeriesShift[] {
  const cached = SHIFTS.get(model);
  if (cached) return cached;
  const found: SeriesShift[] = [];
  for (const group of model.groups) {
    // A pair needs two series: most groups have not two entries with three annual targets,
    // and build no list.
    if (!hasTwoLongEntries(model, group)) continue;
    const members = membersOf(model, group)
      .filter((entry) => countAnnual(entry) >= 3)
      .map((entry) => ({ entry, series: annualSeries(entry) }))
      .filter((m) => m.series.size >= 3 && notConstant(m.series));
    let done = false;
    for (let i = 0; i < members.length && !done; i++) {
      for (let j = i + 1; j < members.length && !done; j++) {
        const a = members[i];
        const b = members[j];
        const plain = overlap(a.series, b.series, 0);
        if (plain.years.length < 3 || plain.agree === plain.years.length) continue;
        for (const shift of [1, -1]) {
          const shifted = overlap(a.series, b.series, shift);
          if (shifted.years.length < 3 || shifted.agree !== shifted.years.length) continue;
          const supportA = support(model, a.entry, [b.entry.id]);
          const supportB = support(model, b.entry, [a.entry.id]);
          const trust = (e: IndicatorEntry): number =>
            ROLE_TRUST[e.targets.find((t) => t.type === "annual")?.role ?? ""] ?? 0;
          let aSuspect: boolean;
          if (supportA !== supportB) aSuspect = supportA < supportB;
          else if (trust(a.entry) !== trust(b.entry)) aSuspect = trust(a.entry) < trust(b.entry);
          else aSuspect = false;
          const [suspect, reference] = aSuspect ? [a.entry, b.entry] : [b.entry, a.entry];
          const suspectShift = aSuspect ? shift : -shift;
          const years = overlap(annualSeries(suspect), annualSeries(reference), suspectShift).years;
          found.push({ group: group.id, suspect, reference, shift: suspectShift, years });
          // Copies of the suspect series (the same table in another file of the batch, or
          // restated elsewhere) are shifted too, each reported in its own table.
          const suspectSeries = annualSeries(suspect);
          for (const m of members) {
            if (m.entry === suspect || m.entry === reference) continue;
            const same = overlap(m.series, suspectSeries, 0);
            if (same.years.length < 3 || same.agree !== same.years.length) continue;
            const own = overlap(m.series, annualSeries(reference), suspectShift).years;
            found.push({
              group: group.id,
              suspect: m.entry,
              reference,
              shift: suspectShift,
              years: own,
            });
          }
          done = true;
          break;
        }
      }
    }
  }
  SHIFTS.set(model, found);
  return found;
}

/** Entry ids whose target series are shifted (never compared or borrowed from). */
export function shiftedEntries(model: PlanningModel): Set<number> {
  return new Set(yearShifts(model).map((s) => s.suspect.id));
}
