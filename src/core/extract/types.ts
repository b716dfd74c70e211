import type { CellNumber } from "../cellNumber";
import type { Polarity } from "../formulas/capaian";
import type { CellRef } from "../check/types";
import type { Table } from "../check/table";
import type { PkVariant, RegionKind } from "../recognize/types";

/**
 * PlanningModel: the planning content of every checked table (DOMAIN.md §1–2, §6), built by
 * core/extract from the recognised regions and matched across tables by core/match.
 *
 * One `IndicatorEntry` per indicator *row of one table* (a row with two indicator column
 * groups, such as a Rencana Aksi with program and kegiatan indicators, gives two entries).
 * Entries of different tables that denote the same indicator share a `group` (the identity
 * of DOMAIN.md §6: level, parent, normalised name); `PlanningModel.groups` lists them.
 *
 * Every value keeps the cell it was read from (`at`, for findings and for the summary sheets'
 * formulas) and its `CellNumber` (printed decimals, unit, percent or not). Values are in
 * percent points where the cell is a percentage.
 */

/** Where an indicator sits in the planning hierarchy (DOMAIN.md §1 "Hierarchy"). */
export type IndicatorLevel =
  "tujuan" | "sasaran" | "program" | "kegiatan" | "sub-kegiatan" | "unknown";

/** Which planning document a target comes from (DOMAIN.md §6.5). */
export type TargetRole = "renstra" | "iku" | "pk" | "renja" | "rkpd" | "pengukuran" | "tren";

/**
 * `annual`: the target of one year; `end-of-period`: the Renstra end ("Tahun 2016-2021",
 * "KONDISI AKHIR", "Target akhir"); `cumulative`: "s/d tahun n". Only like types compare.
 */
export type TargetType = "annual" | "end-of-period" | "cumulative";

/** How a target's year was decided (DOMAIN.md §6 "Target years"). */
export type YearSource = "column" | "region" | "document" | "prakiraan" | "none";

/** One number of the model with its cell. */
export interface ModelValue {
  /** The value (percent points for percentages). */
  value: number;
  /** The cell as read: printed decimals, unit, percent, text or number. */
  number: CellNumber;
  at: CellRef;
  /** Absolute 0-based column of the cell. */
  col: number;
}

export interface TargetEntry extends ModelValue {
  role: TargetRole;
  /** PK murni or perubahan (PK targets only). */
  variant?: PkVariant;
  /** The target year, or null when nothing says it. */
  year: number | null;
  yearFrom: YearSource;
  type: TargetType;
  /** Quarter targets ("TW1" … "TW4") of a Rencana Aksi; not compared with annual targets. */
  period?: string;
}

export interface RealisasiEntry extends ModelValue {
  year: number | null;
  /** "s/d" values (a cumulative column); the TW I s/d TW IV column is the year's realisasi. */
  cumulative: boolean;
  /** A quarter's value ("TW1" …), absent for annual values. */
  period?: string;
}

export interface CapaianEntry extends ModelValue {
  year: number | null;
  /** Capaian against the Renstra end target (LS25 Tabel 3.4), not the year's target. */
  againstEndTarget: boolean;
}

export interface KategoriEntry {
  text: string;
  at: CellRef;
  year: number | null;
}

export interface IndicatorEntry {
  /** Index in PlanningModel.indicators. */
  id: number;
  table: Table;
  /** Index of the table in the rule context's `tables`. */
  tableIndex: number;
  /** Index of the indicator column group in the table (core/extract columnGroups). */
  columnGroup: number;
  /** Absolute 0-based row. */
  row: number;
  /** The indicator's name as printed. */
  name: string;
  nameAt: CellRef;
  /** Normalised name (core/match/names normaliseName). */
  key: string;
  /** The row's kode (normalised), own or inherited from the program/kegiatan row above. */
  kode?: string;
  /** 0-based position of this indicator among the indicators of the same kode/parent. */
  position: number;
  level: IndicatorLevel;
  /** What the level was read from: the indicator column's header, a section row, the row hierarchy, the table. */
  levelFrom: "header" | "section" | "row" | "table" | "none";
  /** The program or kegiatan the indicator measures (program and kegiatan indicators). */
  parent?: { name: string; key: string; kode?: string };
  /** The sasaran/tujuan text of the row, when printed. */
  sasaran?: string;
  /** The role the table plays for this indicator (kind-based: a PK table → "pk"). */
  tableRole: TargetRole | null;
  satuan?: string;
  polarity?: Polarity;
  polarityFrom?: "settings" | "text";
  /** What the row's own text says ("semakin kecil semakin baik"), whatever the settings say. */
  polarityInText?: Polarity;
  targets: TargetEntry[];
  realisasi: RealisasiEntry[];
  capaian: CapaianEntry[];
  kategori: KategoriEntry[];
  /** Index into PlanningModel.groups (the matched identity). */
  group: number;
}

/** A budget line (program, kegiatan, sub kegiatan) with its amounts. */
export interface BudgetLine {
  table: Table;
  tableIndex: number;
  row: number;
  name: string;
  /** Normalised kode, and the path of codes from the top ("01/2.01/0001") because short sub codes repeat. */
  kode?: string;
  path?: string;
  level: number;
  /** Index into PlanningModel.budget of the parent line. */
  parent: number | null;
  total: boolean;
  pagu: (ModelValue & { variant?: PkVariant; year: number | null })[];
  realisasi: (ModelValue & { year: number | null })[];
  persen: ModelValue[];
  selisih: ModelValue[];
}

/** Why two entries were put in one group. */
export type MatchReason = "kode" | "name" | "fuzzy" | "confirmed";

/** Indicators across tables that denote one indicator. */
export interface IndicatorGroup {
  id: number;
  /** Entry ids, in table order. */
  members: number[];
  /** The group's level: the known level its members agree on, else "unknown". */
  level: IndicatorLevel;
  /** A printable name (the first member's). */
  name: string;
  /** The roles of the member tables. */
  roles: TargetRole[];
}

/** A pair that is similar but not matched: named as a candidate, never used silently. */
export interface MatchCandidate {
  a: number;
  b: number;
  similarity: number;
  /** Why the pair did not match automatically. */
  reason: "below-threshold" | "substitution" | "measure-word" | "units" | "ambiguous" | "level";
}

export interface PlanningModel {
  indicators: IndicatorEntry[];
  groups: IndicatorGroup[];
  candidates: MatchCandidate[];
  /**
   * Built on first read: no rule needs the budget lines, only the summary sheets do, so a
   * check does not pay for them.
   */
  readonly budget: BudgetLine[];
  /** The report year per file (settings, else the most common year of its measurement tables). */
  documentYears: Record<string, number | null>;
  /**
   * Files that speak of one plan share a family number (core/match `fileFamilies`); files
   * of different families are never cross-checked (another office's report in the batch).
   */
  fileFamilies: Record<string, number>;
}

export type { RegionKind };
