import * as sheetFunctions from "./functions";

/**
 * The worksheet functions by their Excel id, with what the CLI needs to call them the way
 * Excel does: how many arguments are required, and which ones are ranges (a single value
 * passed to a range parameter arrives as [[value]]). A test checks this table against the
 * generated functions.json, so the two cannot drift apart.
 */

export interface FunctionEntry {
  name: string;
  fn: (...args: never[]) => unknown;
  params: string[];
  required: number;
  ranges: string[];
}

function entry(
  name: keyof typeof sheetFunctions,
  params: string[],
  required: number,
  ranges: string[] = [],
): FunctionEntry {
  return { name, fn: sheetFunctions[name] as FunctionEntry["fn"], params, required, ranges };
}

export const FUNCTIONS: readonly FunctionEntry[] = [
  entry("CAPAIAN", ["realisasi", "target", "polaritas", "metode", "batas_atas", "batas_bawah"], 2),
  entry("EFISIENSI", ["pagu", "realisasi_anggaran", "capaian", "batas_ck"], 3, [
    "pagu",
    "realisasi_anggaran",
    "capaian",
  ]),
  entry("NILAIEFISIENSI", ["pagu", "realisasi_anggaran", "capaian", "batasi_e", "batas_ck"], 3, [
    "pagu",
    "realisasi_anggaran",
    "capaian",
  ]),
  entry("KATEGORI", ["capaian", "skala"], 1, ["skala"]),
  entry("KATEGORIEFISIENSI", ["nilai_efisiensi"], 1),
  entry("PREDIKATAKIP", ["nilai", "inklusif"], 1),
  entry("SERAPAN", ["realisasi", "pagu"], 2, ["realisasi", "pagu"]),
  entry("CAPAIANRENSTRA", ["realisasi_sd", "target_akhir", "polaritas"], 2),
  entry("KUMULATIF", ["nilai", "sifat"], 1, ["nilai"]),
  entry("ANGKA", ["teks"], 1),
];

export function findFunction(name: string): FunctionEntry | undefined {
  const wanted = name
    .trim()
    .toUpperCase()
    .replace(/^SAKIP\./, "");
  return FUNCTIONS.find((f) => f.name === wanted);
}

/**
 * Call a function as Excel would: missing trailing arguments become null, and single
 * values given to range parameters become 1×1 ranges.
 */
export function callAsExcel(entry: FunctionEntry, args: unknown[]): unknown {
  const full = entry.params.map((param, i) => {
    const value = i < args.length ? args[i] : null;
    if (entry.ranges.includes(param) && value !== null && !Array.isArray(value)) return [[value]];
    return value;
  });
  return (entry.fn as (...a: unknown[]) => unknown)(...full);
}
