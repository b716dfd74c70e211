import { Decimal } from "../decimal";
import {
  capaian,
  INVERSE_METHOD_SPELLINGS,
  InverseMethod,
  Polarity,
  POLARITY_SPELLINGS,
} from "./capaian";
import { efisiensi, EfisiensiRow, nilaiEfisiensi } from "./efisiensi";
import { serapan } from "./anggaran";
import {
  readChoice,
  readColumn,
  readFlag,
  readOptionalNumber,
  readScalar,
  Operand,
} from "./inputs";
import { aggregate, SIFAT_SPELLINGS } from "./kumulatif";
import { fail, FormulaResult, ok } from "./result";
import { classify, DEFAULT_SCALE, findScale, Scale, scaleFromTable, scaleNames } from "./scales";

/**
 * The SAKIP worksheet functions as pure evaluators over what Excel passes in (numbers,
 * text, booleans, null for omitted arguments, 2-D arrays for ranges). src/functions wraps
 * each one for Excel and the CLI calls the same wrappers, so both give the same answer.
 * Argument names in messages are the Indonesian names Excel shows.
 */

export type SheetValue = number | string;

function toValue(result: FormulaResult<Decimal>): FormulaResult<number> {
  return result.ok ? ok(result.value.toNumber()) : result;
}

function sameUnits(r: Operand, t: Operand): FormulaResult<true> {
  const norm = (u: string | null) => (u === null ? null : u.toLowerCase().replace(/\.$/, ""));
  const a = norm(r.unit);
  const b = norm(t.unit);
  if (a !== null && b !== null && a !== b)
    return fail("#VALUE!", "units.differ", { a: r.unit ?? "", b: t.unit ?? "" });
  return ok(true);
}

const POLARITY_CHOICES = ["positif", "negatif"];
const METHOD_CHOICES = ["2t-r", "t/r"];

function readPolarity(input: unknown): FormulaResult<Polarity> {
  return readChoice(input, "polaritas", POLARITY_SPELLINGS, "positif", POLARITY_CHOICES);
}

/** CAPAIAN(realisasi, target, [polaritas], [metode], [batas_atas], [batas_bawah]) */
export function evalCapaian(
  realisasi: unknown,
  target: unknown,
  polaritas?: unknown,
  metode?: unknown,
  batasAtas?: unknown,
  batasBawah?: unknown,
): FormulaResult<number> {
  const r = readScalar(realisasi, "realisasi");
  if (!r.ok) return r;
  const t = readScalar(target, "target");
  if (!t.ok) return t;
  const units = sameUnits(r.value, t.value);
  if (!units.ok) return units;
  const polarity = readPolarity(polaritas);
  if (!polarity.ok) return polarity;
  const method = readChoice<InverseMethod>(
    metode,
    "metode",
    INVERSE_METHOD_SPELLINGS,
    "2t-r",
    METHOD_CHOICES,
  );
  if (!method.ok) return method;
  const cap = readOptionalNumber(batasAtas, "batas_atas");
  if (!cap.ok) return cap;
  if (cap.value !== null && cap.value.lte(0)) {
    return fail("#VALUE!", "arg.notPositive", { arg: "batas_atas", value: cap.value.toNumber() });
  }
  const floor = readOptionalNumber(batasBawah, "batas_bawah");
  if (!floor.ok) return floor;
  return toValue(
    capaian(r.value.value, t.value.value, {
      polarity: polarity.value,
      inverseMethod: method.value,
      cap: cap.value,
      floor: floor.value,
    }),
  );
}

/** CAPAIANRENSTRA(realisasi_sd, target_akhir, [polaritas]): the §4.4 achievement. */
export function evalCapaianRenstra(
  realisasiSd: unknown,
  targetAkhir: unknown,
  polaritas?: unknown,
): FormulaResult<number> {
  const r = readScalar(realisasiSd, "realisasi_sd");
  if (!r.ok) return r;
  const t = readScalar(targetAkhir, "target_akhir");
  if (!t.ok) return t;
  const units = sameUnits(r.value, t.value);
  if (!units.ok) return units;
  const polarity = readPolarity(polaritas);
  if (!polarity.ok) return polarity;
  return toValue(capaian(r.value.value, t.value.value, { polarity: polarity.value }));
}

function cellCount(input: unknown): number {
  if (!Array.isArray(input)) return 1;
  return input.reduce<number>((n, row) => n + (Array.isArray(row) ? row.length : 1), 0);
}

/**
 * Rows of the efficiency table from three equal-sized ranges. A row whose three cells are
 * all blank is skipped; a row with some blank cells is an error, never a silent zero.
 */
function readEfisiensiRows(
  pagu: unknown,
  realisasi: unknown,
  capaianInput: unknown,
): FormulaResult<EfisiensiRow[]> {
  const names = ["pagu", "realisasi_anggaran", "capaian"];
  const inputs = [pagu, realisasi, capaianInput];
  const sizes = inputs.map(cellCount);
  for (let i = 1; i < 3; i++) {
    if (sizes[i] !== sizes[0]) {
      return fail("#VALUE!", "ranges.unequal", {
        a: names[0],
        na: sizes[0],
        b: names[i],
        nb: sizes[i],
      });
    }
  }
  const columns: (Operand | null)[][] = [];
  for (let i = 0; i < 3; i++) {
    const column = readColumn(inputs[i], names[i]);
    if (!column.ok) return column;
    columns.push(column.value);
  }
  const rows: EfisiensiRow[] = [];
  for (let i = 0; i < sizes[0]; i++) {
    const cells = columns.map((c) => c[i]);
    if (cells.every((c) => c === null)) continue;
    const blank = cells.findIndex((c) => c === null);
    if (blank >= 0)
      return fail("#VALUE!", "ranges.rowIncomplete", { row: i + 1, arg: names[blank] });
    const [p, r, c] = cells as Operand[];
    rows.push({ pagu: p.value, realisasiAnggaran: r.value, capaian: c.value });
  }
  if (rows.length === 0) return fail("#N/A", "ranges.empty", { arg: "pagu" });
  return ok(rows);
}

/** EFISIENSI(pagu, realisasi_anggaran, capaian, [batas_ck]) → E in percent points. */
export function evalEfisiensi(
  pagu: unknown,
  realisasiAnggaran: unknown,
  capaianInput: unknown,
  batasCk?: unknown,
): FormulaResult<number> {
  const rows = readEfisiensiRows(pagu, realisasiAnggaran, capaianInput);
  if (!rows.ok) return rows;
  const capCk = readFlag(batasCk, "batas_ck", false);
  if (!capCk.ok) return capCk;
  const result = efisiensi(rows.value, { capCk: capCk.value });
  return result.ok ? ok(result.value.e.toNumber()) : result;
}

/** NILAIEFISIENSI(pagu, realisasi_anggaran, capaian, [batasi_e], [batas_ck]) → NE. */
export function evalNilaiEfisiensi(
  pagu: unknown,
  realisasiAnggaran: unknown,
  capaianInput: unknown,
  batasiE?: unknown,
  batasCk?: unknown,
): FormulaResult<number> {
  const rows = readEfisiensiRows(pagu, realisasiAnggaran, capaianInput);
  if (!rows.ok) return rows;
  const clamp = readFlag(batasiE, "batasi_e", true);
  if (!clamp.ok) return clamp;
  const capCk = readFlag(batasCk, "batas_ck", false);
  if (!capCk.ok) return capCk;
  const result = efisiensi(rows.value, { capCk: capCk.value });
  return result.ok ? ok(nilaiEfisiensi(result.value.e, clamp.value).toNumber()) : result;
}

function readScale(input: unknown, measure: keyof typeof DEFAULT_SCALE): FormulaResult<Scale> {
  const isTable =
    Array.isArray(input) && (input.length > 1 || (Array.isArray(input[0]) && input[0].length > 1));
  if (isTable) {
    const rows = (input as unknown[]).map((row) => (Array.isArray(row) ? row : [row]));
    return scaleFromTable(rows);
  }
  const single = Array.isArray(input) ? (Array.isArray(input[0]) ? input[0][0] : input[0]) : input;
  if (single === null || single === undefined || single === "") {
    return ok(findScale(DEFAULT_SCALE[measure]) as Scale);
  }
  const scale = typeof single === "string" ? findScale(single) : undefined;
  if (!scale)
    return fail("#VALUE!", "scale.unknown", {
      name: String(single),
      choices: scaleNames().join(", "),
    });
  return ok(scale);
}

function label(valueInput: unknown, arg: string, scale: Scale): FormulaResult<string> {
  const value = readScalar(valueInput, arg);
  if (!value.ok) return value;
  const found = classify(value.value.value, scale);
  return found.ok ? ok(found.value.label) : found;
}

/** KATEGORI(capaian, [skala]): a scale name or a 2-column table of [lower bound, label]. */
export function evalKategori(capaianInput: unknown, skala?: unknown): FormulaResult<string> {
  const scale = readScale(skala, "capaian");
  if (!scale.ok) return scale;
  return label(capaianInput, "capaian", scale.value);
}

/** KATEGORIEFISIENSI(nilai_efisiensi) on the NE scale. */
export function evalKategoriEfisiensi(nilai: unknown): FormulaResult<string> {
  return label(nilai, "nilai_efisiensi", findScale(DEFAULT_SCALE.efisiensi) as Scale);
}

/** PREDIKATAKIP(nilai, [inklusif]): AA … D; lower bounds exclusive unless inklusif. */
export function evalPredikatAkip(nilai: unknown, inklusif?: unknown): FormulaResult<string> {
  const inclusive = readFlag(inklusif, "inklusif", false);
  if (!inclusive.ok) return inclusive;
  const scale = findScale(
    inclusive.value ? "akip-permenpanrb88-inklusif" : "akip-permenpanrb88",
  ) as Scale;
  return label(nilai, "nilai", scale);
}

/** SERAPAN(realisasi, pagu): single cells or ranges (Σrealisasi / Σpagu). */
export function evalSerapan(realisasi: unknown, pagu: unknown): FormulaResult<number> {
  const sum = (input: unknown, arg: string): FormulaResult<Decimal> => {
    const column = readColumn(input, arg);
    if (!column.ok) return column;
    const present = column.value.filter((c): c is Operand => c !== null);
    if (present.length === 0) return fail("#N/A", "arg.missing", { arg });
    return ok(present.reduce((a, c) => a.plus(c.value), new Decimal(0)));
  };
  const r = sum(realisasi, "realisasi");
  if (!r.ok) return r;
  const p = sum(pagu, "pagu");
  if (!p.ok) return p;
  return toValue(serapan(r.value, p.value));
}

/** KUMULATIF(nilai, [sifat]) */
export function evalKumulatif(nilai: unknown, sifat?: unknown): FormulaResult<number> {
  const chosen = readChoice(sifat, "sifat", SIFAT_SPELLINGS, "kumulatif", [
    "kumulatif",
    "akhir",
    "rata-rata",
    "maks",
  ]);
  if (!chosen.ok) return chosen;
  const column = readColumn(nilai, "nilai");
  if (!column.ok) return column;
  return toValue(
    aggregate(
      column.value.map((c) => (c === null ? null : c.value)),
      chosen.value,
    ),
  );
}

/**
 * ANGKA(teks): the number as Excel would store it. Like NUMBERVALUE, a trailing "%" gives
 * a fraction ("77,60%" → 0,776), so the result can be formatted as a percentage.
 */
export function evalAngka(teks: unknown): FormulaResult<number> {
  const read = readScalar(teks, "teks");
  if (!read.ok) return read;
  const { value, unit } = read.value;
  return ok(unit === "%" ? value.div(100).toNumber() : value.toNumber());
}
