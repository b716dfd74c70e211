import { Decimal } from "../decimal";
import { fail, FormulaResult, ok } from "./result";

/**
 * Scales are data (DOMAIN.md §5): named, ordered bands with explicit bound inclusivity, so
 * that a local Perbup scale is one more entry, not new code.
 */

export type ScaleMeasure = "capaian" | "efisiensi" | "akip" | "ikm";

export interface Bound {
  value: number;
  inclusive: boolean;
}

export interface Band {
  /** The label written in reports ("Sangat Tinggi", "AA"). */
  label: string;
  /** Other labels documents use for the same band ("Sangat Baik", "Sangat Memuaskan"). */
  synonyms: string[];
  /** null = unbounded below. */
  min: Bound | null;
  /** null = unbounded above. */
  max: Bound | null;
}

export interface Scale {
  name: string;
  measure: ScaleMeasure;
  /** Where the bands come from, with DOMAIN.md's verification tag. */
  source: string;
  /** Bands from the highest to the lowest. */
  bands: Band[];
  /** Values outside [min, max] are not on the scale (a Nilai AKIP above 100). */
  range?: { min: number; max: number };
}

const incl = (value: number): Bound => ({ value, inclusive: true });
const excl = (value: number): Bound => ({ value, inclusive: false });

function band(label: string, synonyms: string[], min: Bound | null, max: Bound | null): Band {
  return { label, synonyms, min, max };
}

export const SCALES: readonly Scale[] = [
  {
    name: "capaian-permendagri86",
    measure: "capaian",
    source: "Permendagri 86/2017 as implemented in simonev21 [I]; regulation text unverified [U]",
    bands: [
      band("Sangat Tinggi", ["Sangat Baik"], incl(91), null),
      band("Tinggi", ["Baik"], incl(76), excl(91)),
      band("Sedang", ["Cukup"], incl(66), excl(76)),
      band("Rendah", ["Kurang"], incl(51), excl(66)),
      band("Sangat Rendah", ["Sangat Kurang"], null, excl(51)),
    ],
  },
  {
    name: "capaian-lkjip-semarang-2025",
    measure: "capaian",
    source:
      "LKjIP 2025 Dinas Koperasi dan Usaha Mikro Kota Semarang, adopting Permendagri 86/2017 [I]",
    bands: [
      band("Sangat Tinggi", ["Sangat Baik"], excl(90), null),
      band("Tinggi", ["Baik"], excl(75), incl(90)),
      band("Sedang", ["Cukup"], excl(65), incl(75)),
      band("Rendah", ["Kurang"], excl(50), incl(65)),
      band("Sangat Rendah", ["Sangat Kurang"], null, incl(50)),
    ],
  },
  {
    name: "efisiensi-pmk214",
    measure: "efisiensi",
    source: "Nilai Efisiensi categories of LKjIP practice (LS25); not in PMK 214/2017 [U]",
    bands: [
      band("Sangat Efisien", [], excl(90), null),
      band("Efisien", [], excl(80), incl(90)),
      band("Cukup Efisien", [], excl(60), incl(80)),
      band("Kurang Efisien", [], excl(50), incl(60)),
      band("Tidak Efisien", [], null, incl(50)),
    ],
  },
  {
    name: "akip-permenpanrb88",
    measure: "akip",
    source: 'PermenPAN-RB 88/2021 predikat, lower bounds exclusive (">90-100") [I]; bounds [U]',
    range: { min: 0, max: 100 },
    bands: [
      band("AA", ["Sangat Memuaskan"], excl(90), incl(100)),
      band("A", ["Memuaskan"], excl(80), incl(90)),
      band("BB", ["Sangat Baik"], excl(70), incl(80)),
      band("B", ["Baik"], excl(60), incl(70)),
      band("CC", ["Cukup"], excl(50), incl(60)),
      band("C", ["Kurang"], excl(30), incl(50)),
      band("D", ["Sangat Kurang"], incl(0), incl(30)),
    ],
  },
  {
    name: "akip-permenpanrb88-inklusif",
    measure: "akip",
    source:
      "PermenPAN-RB 88/2021 predikat, lower bounds inclusive (≥90) as some systems read it [I]",
    range: { min: 0, max: 100 },
    bands: [
      band("AA", ["Sangat Memuaskan"], incl(90), incl(100)),
      band("A", ["Memuaskan"], incl(80), excl(90)),
      band("BB", ["Sangat Baik"], incl(70), excl(80)),
      band("B", ["Baik"], incl(60), excl(70)),
      band("CC", ["Cukup"], incl(50), excl(60)),
      band("C", ["Kurang"], incl(30), excl(50)),
      band("D", ["Sangat Kurang"], incl(0), excl(30)),
    ],
  },
  {
    name: "ikm-permenpanrb14-2017",
    measure: "ikm",
    // The regulation prints 88,31-100 / 76,61-88,30 / …; the gaps between two-decimal bounds
    // are closed here (76,61 ≤ x < 88,31) so that no value falls between bands.
    source: "PermenPAN-RB 14/2017 IKM categories as cited in LAKIP Tangerang Selatan 2021 [I]",
    range: { min: 25, max: 100 },
    bands: [
      band("A", ["Sangat Baik"], incl(88.31), incl(100)),
      band("B", ["Baik"], incl(76.61), excl(88.31)),
      band("C", ["Kurang Baik"], incl(65), excl(76.61)),
      band("D", ["Tidak Baik"], incl(25), excl(65)),
    ],
  },
];

export const DEFAULT_SCALE: Record<ScaleMeasure, string> = {
  capaian: "capaian-permendagri86",
  efisiensi: "efisiensi-pmk214",
  akip: "akip-permenpanrb88",
  ikm: "ikm-permenpanrb14-2017",
};

export function normaliseLabel(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, " ");
}

export function findScale(name: string, scales: readonly Scale[] = SCALES): Scale | undefined {
  const wanted = normaliseLabel(name);
  return scales.find((s) => s.name === wanted);
}

export function scaleNames(scales: readonly Scale[] = SCALES): string[] {
  return scales.map((s) => s.name);
}

function above(value: Decimal, bound: Bound | null): boolean {
  if (bound === null) return true;
  return bound.inclusive ? value.gte(bound.value) : value.gt(bound.value);
}

function below(value: Decimal, bound: Bound | null): boolean {
  if (bound === null) return true;
  return bound.inclusive ? value.lte(bound.value) : value.lt(bound.value);
}

/** The band a value falls in, or why it falls in none. */
export function classify(value: Decimal, scale: Scale): FormulaResult<Band> {
  if (scale.range && (value.lt(scale.range.min) || value.gt(scale.range.max))) {
    return fail("#VALUE!", "scale.outOfRange", {
      value: value.toNumber(),
      scale: scale.name,
      min: scale.range.min,
      max: scale.range.max,
    });
  }
  const found = scale.bands.find((b) => above(value, b.min) && below(value, b.max));
  if (!found)
    return fail("#VALUE!", "scale.noBand", { value: value.toNumber(), scale: scale.name });
  return ok(found);
}

/** True when a printed label names this band (its label or a synonym, case-insensitively). */
export function labelMatches(band: Band, label: string): boolean {
  const wanted = normaliseLabel(label);
  return [band.label, ...band.synonyms].some((l) => normaliseLabel(l) === wanted);
}

/**
 * A scale typed by the user in the sheet: rows of [lower bound, label], each lower bound
 * inclusive ("≥ 91 → Sangat Tinggi"), in any order.
 */
export function scaleFromTable(rows: unknown[][], name = "tabel"): FormulaResult<Scale> {
  const entries: { min: number; label: string }[] = [];
  for (const [index, row] of rows.entries()) {
    const [bound, label] = row;
    const blankRow = row.every((c) => c === null || c === undefined || c === "");
    if (blankRow) continue;
    if (
      typeof bound !== "number" ||
      !Number.isFinite(bound) ||
      typeof label !== "string" ||
      label.trim() === ""
    ) {
      return fail("#VALUE!", "scale.badTable", { row: index + 1 });
    }
    entries.push({ min: bound, label: label.trim() });
  }
  if (entries.length === 0) return fail("#VALUE!", "scale.badTable", { row: 1 });
  entries.sort((a, b) => b.min - a.min);
  const bands = entries.map((e, i) =>
    band(
      e.label,
      [],
      i === entries.length - 1 ? null : incl(e.min),
      i === 0 ? null : excl(entries[i - 1].min),
    ),
  );
  return ok({ name, measure: "capaian", source: "tabel pengguna", bands });
}
