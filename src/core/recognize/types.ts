import type { CellRange } from "../snapshot";

/** Region kinds of CONTRACT.md. */
export const REGION_KINDS = [
  "renstra-target",
  "iku",
  "pk",
  "pengukuran",
  "tren",
  "renja-evaluasi",
  "renja-rencana",
  "anggaran",
  "efisiensi",
  "other",
] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** Column roles of CONTRACT.md. */
export const COLUMN_ROLES = [
  "kode",
  "uraian",
  "tujuan",
  "sasaran",
  "indikator",
  "satuan",
  "target",
  "realisasi",
  "capaian",
  "kategori",
  "pagu",
  "realisasi-anggaran",
  "persen-anggaran",
  "selisih",
  "formula",
  "keterangan",
  "baseline",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Roles whose data cells hold values (numbers), never labels, kode or formulas. */
export const VALUE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "target",
  "realisasi",
  "capaian",
  "pagu",
  "realisasi-anggaran",
  "persen-anggaran",
  "selisih",
  "baseline",
]);

export type PkVariant = "murni" | "perubahan";

/** Why the recogniser decided something: shown in the task pane, kept for debugging. */
export interface Evidence {
  /** Short Indonesian explanation, e.g. 'judul kolom "Capaian %"'. */
  reason: string;
  /** How much this piece of evidence weighs (0–1). */
  weight: number;
}

/** A declared derivation from a column-number row: "(7) = (6) : (5)" → 7 = 6 / 5. */
export interface ColumnFormula {
  /** The column's printed ordinal number. */
  number: number;
  /** The printed text, e.g. "(7) = (6) : (5)". */
  text: string;
  op: "divide" | "multiply" | "subtract" | "add";
  /** Ordinal numbers of the operands, in order. */
  operands: number[];
  /** Absolute column indexes of the operands, where the numbers could be mapped. */
  operandColumns: number[];
  /** ×100 implied (the result header says %). */
  percent: boolean;
}

export interface RegionColumn {
  /** Absolute 0-based column index. */
  col: number;
  /** The full header: every header text above the column, merged parents included. */
  header: string;
  role: ColumnRole | null;
  year?: number;
  variant?: PkVariant;
  /** "s/d tahun 2018": values accumulate up to the year. */
  cumulative?: boolean;
  /** "Tahun 2016-2021", "KONDISI AKHIR": the end-of-period value. */
  endOfPeriod?: boolean;
  /** A quarter column: "TW1" … "TW4". */
  period?: string;
  /** Which planning document the column's targets come from, when the header says so. */
  source?: "renstra" | "iku" | "pk" | "renja" | "rkpd";
  /** The printed column number ("4", "(7)") when the table has a column-number row. */
  number?: number;
  /** A derivation declared by the column-number row. */
  formula?: ColumnFormula;
  confidence: number;
  evidence: Evidence[];
}

export type RowKind =
  /** A row with values (an indicator, a program, a budget line). */
  | "data"
  /** A label-only row that opens a group: "TUJUAN :", "A. PROGRAM …", "Sasaran". */
  | "section"
  /** JUMLAH / TOTAL rows. */
  | "total"
  /** "Rata-rata capaian …" rows. */
  | "average";

export interface RegionRow {
  /** Absolute 0-based row index. */
  row: number;
  kind: RowKind;
  /** 0 = top level; deeper rows nest under the nearest previous row with a lower level. */
  level: number;
  /** Index (into Region.rows) of the parent row, or null at the top. */
  parent: number | null;
  /** Normalised kode when the row has one ("1.05.02", "2.01", "0001"). */
  kode?: string;
  /** What the level was read from. */
  levelFrom: "kode" | "indent" | "section" | "caps" | "layout";
}

export interface Region {
  sheet: string;
  /** The whole table, header included (absolute, 0-based). */
  range: CellRange;
  /** Header rows (from top to bottom) across the region's columns. */
  header: CellRange;
  /** The column-number row ("1 2 3", "(7) = (6) : (5)"), part of the header, when present. */
  numberRow?: number;
  /** First data row (the row after the header). */
  dataTop: number;
  kind: RegionKind;
  /** The document year the table speaks of, when its caption or headers say it. */
  year?: number;
  /** Caption text found above the table ("Tabel 3.8 Tingkat Efisiensi …"), or the sheet name. */
  caption?: string;
  columns: RegionColumn[];
  rows: RegionRow[];
  confidence: number;
  evidence: Evidence[];
  /** True when a user correction decided the kind or some column roles. */
  overridden?: boolean;
}

/**
 * A user's correction of a region, keyed by sheet and header range so that it finds its
 * table again on the next run. Stored in the workbook (document settings) or a config file.
 */
export interface RegionOverride {
  sheet: string;
  /** The header range in A1 ("A3:I4"), as recognised when the correction was made. */
  header: string;
  kind?: RegionKind;
  /** Column letter → role (null removes a role), optionally with year/variant. */
  columns?: Record<string, { role: ColumnRole | null; year?: number; variant?: PkVariant }>;
}
