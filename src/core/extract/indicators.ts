import type { CellNumber } from "../cellNumber";
import type { Polarity } from "../formulas/capaian";
import { settingFor, CheckSettings } from "../check/settings";
import type { Table } from "../check/table";
import { valueAt } from "../snapshot";
import { cellText } from "../recognize/text";
import type { RegionColumn, RegionKind, RegionRow } from "../recognize/types";
import { normaliseName } from "../match/names";
import type { CellRef } from "../check/types";
import type {
  CapaianEntry,
  IndicatorEntry,
  KategoriEntry,
  IndicatorLevel,
  RealisasiEntry,
  TargetEntry,
  TargetRole,
  TargetType,
  YearSource,
} from "./types";

/**
 * Indicator rows of one table → IndicatorEntry (DOMAIN.md §2 table kinds, §6 identity and
 * target years). Everything is decided from roles, headers, section rows and the row
 * hierarchy the recogniser found; nothing depends on sheet names or indicator texts.
 */

/** The document a table of this kind stands for. */
export function tableRoleOf(kind: RegionKind): TargetRole | null {
  switch (kind) {
    case "renstra-target":
      return "renstra";
    case "iku":
      return "iku";
    case "pk":
      return "pk";
    case "pengukuran":
    case "efisiensi":
      return "pengukuran";
    case "tren":
      return "tren";
    case "renja-rencana":
    case "renja-evaluasi":
      return "renja";
    default:
      return null;
  }
}

const PLACEHOLDER = /^[-–—.]*$/;

/** Kinds of column whose values belong to the indicator on the row. */
const VALUE_ROLES = new Set(["target", "realisasi", "capaian", "kategori", "satuan"]);

/** The levels a header names; one level when exactly one is named. */
export function levelFromText(text: string): IndicatorLevel | null {
  const t = text.toLowerCase();
  const found = new Set<IndicatorLevel>();
  if (/sub\s*-?\s*kegiatan/.test(t)) found.add("sub-kegiatan");
  if (/kegiatan/.test(t.replace(/sub\s*-?\s*kegiatan/g, ""))) found.add("kegiatan");
  if (/program/.test(t)) found.add("program");
  if (/sasaran/.test(t)) found.add("sasaran");
  if (/tujuan/.test(t)) found.add("tujuan");
  return found.size === 1 ? [...found][0] : null;
}

/**
 * Indicator column groups: a table can print several indicator columns. Adjacent ones
 * (LS25 Tabel 2.1 "INDIKATOR TUJUAN | INDIKATOR SASARAN") are alternatives for one row;
 * ones separated by value columns (LT21 Tabel 12 program | kegiatan) are separate
 * indicators, each owning the value columns up to the next group.
 */
export interface ColumnGroup {
  indicatorColumns: RegionColumn[];
  /** Value and uraian columns from the group's first indicator column to the next group. */
  columns: RegionColumn[];
  /** The uraian (program/kegiatan name) and kode columns that precede the group, if any. */
  uraian?: RegionColumn;
  kode?: RegionColumn;
}

export function columnGroups(table: Table): ColumnGroup[] {
  const columns = [...table.columns].sort((a, b) => a.col - b.col);
  const groups: ColumnGroup[] = [];
  let current: ColumnGroup | null = null;
  let valueSinceIndicator = false;
  let lastUraian: RegionColumn | undefined;
  let lastKode: RegionColumn | undefined;
  for (const column of columns) {
    if (column.role === "indikator") {
      if (current && !valueSinceIndicator) {
        current.indicatorColumns.push(column);
      } else {
        current = { indicatorColumns: [column], columns: [], uraian: lastUraian, kode: lastKode };
        groups.push(current);
      }
      valueSinceIndicator = false;
      continue;
    }
    if (column.role === "uraian") lastUraian = column;
    if (column.role === "kode") lastKode = column;
    if (column.role !== null && VALUE_ROLES.has(column.role)) {
      valueSinceIndicator = true;
      if (current) current.columns.push(column);
    }
  }
  return groups;
}

/** The year the file reports on: settings, else the most common year of its measurement tables. */
export function documentYearOf(tables: Table[], settings: CheckSettings): number | null {
  if (settings.documentYear !== null) return settings.documentYear;
  const count = new Map<number, number>();
  const measured = tables.filter((t) => t.kind === "pengukuran" || t.kind === "efisiensi");
  for (const table of measured.length > 0 ? measured : tables) {
    if (table.region.year !== undefined) {
      count.set(table.region.year, (count.get(table.region.year) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [year, n] of count) if (best === null || n > (count.get(best) ?? 0)) best = year;
  return best;
}

/**
 * End-of-period target: the recogniser's flag, "akhir" in the header, or a year range whose
 * end is the column's year ("Tahun 2016-2021"); "Target 2025 pada Renstra 2021-2026" is the
 * annual 2025 target of that Renstra.
 */
function isEndOfPeriod(column: RegionColumn): boolean {
  if (column.endOfPeriod === true || /\bakhir\b/i.test(column.header)) return true;
  const range = /\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b/.exec(column.header);
  return range !== null && (column.year === undefined || column.year === Number(range[2]));
}

/** "TW I s/d TW IV": the year's realisasi, although the header says s/d. */
function isFullYearToDate(column: RegionColumn): boolean {
  return /s\s*\/?\s*d\.?\s*(tw|triwulan)\.?\s*(iv|4)\b/i.test(column.header);
}

function targetType(column: RegionColumn): TargetType {
  if (isEndOfPeriod(column)) return "end-of-period";
  if (column.cumulative === true || /\bs\s*\/\s*d\b/i.test(column.header)) return "cumulative";
  return "annual";
}

function maxColumnYear(table: Table): number | null {
  const years = table.columns.map((c) => c.year).filter((y): y is number => y !== undefined);
  return years.length > 0 ? Math.max(...years) : null;
}

/** The year of a target column (DOMAIN.md §6 "Target years"). */
export function targetYear(
  table: Table,
  column: RegionColumn,
  documentYear: number | null,
): { year: number | null; from: YearSource } {
  if (column.year !== undefined) return { year: column.year, from: "column" };
  const base = table.region.year ?? documentYear;
  if (/prakiraan\s+maju/i.test(column.header)) {
    return base === null ? { year: null, from: "none" } : { year: base + 1, from: "prakiraan" };
  }
  if (isEndOfPeriod(column)) {
    const year = table.region.year ?? maxColumnYear(table);
    return year === null ? { year: null, from: "none" } : { year, from: "region" };
  }
  if (table.region.year !== undefined) return { year: table.region.year, from: "region" };
  if (documentYear !== null) return { year: documentYear, from: "document" };
  return { year: null, from: "none" };
}

function roleOfTarget(table: Table, column: RegionColumn): TargetRole | null {
  if (column.source) return column.source;
  if (table.kind === "renja-evaluasi") return isEndOfPeriod(column) ? "renstra" : "renja";
  return tableRoleOf(table.kind);
}

/** PK without a variant column: "Perjanjian Kinerja Perubahan" in the caption, else murni. */
function pkVariant(table: Table, column: RegionColumn): "murni" | "perubahan" {
  if (column.variant) return column.variant;
  return /perubahan/i.test(table.region.caption ?? "") ? "perubahan" : "murni";
}

/**
 * A label that names a level at its start ("Tujuan …", "A. Program …", "2) Sub Kegiatan …"):
 * the level's word is group 1. One regex for the five words: at most one of them can follow
 * the prefix (the words start differently, and a prefix of up to three letters or digits ends
 * at its "." or ")"), so the alternation finds the level that testing word by word found.
 */
const SECTION_LABEL =
  /^\W*(?:[a-z0-9]{1,3}[.)]\s*)?(tujuan|sasaran|sub\s*kegiatan|program|kegiatan)\b/i;

/** The level a section or uraian label names at its start, else null. Exported for its test. */
export function levelOfLabel(text: string): IndicatorLevel | null {
  const match = SECTION_LABEL.exec(text);
  if (match === null) return null;
  // Case-insensitive matching without the u flag matches only ASCII letters here.
  const word = match[1].toLowerCase();
  if (word.startsWith("sub")) return "sub-kegiatan";
  return word as "tujuan" | "sasaran" | "program" | "kegiatan";
}

function rowText(table: Table, row: number): string {
  const parts: string[] = [];
  for (let c = table.region.range.left; c <= table.region.range.right; c++) {
    const text = table.text(row, c);
    if (text !== "") parts.push(text);
  }
  return parts.join(" ");
}

/** Level from a kode's depth: program `U.BB.PP` / `01`, kegiatan `…K.KK` / `2.01`, sub `…SSSS` / `0001`. */
export function levelOfKode(kode: string): IndicatorLevel | null {
  const parts = kode.split(".");
  if (parts.length === 1) {
    if (/^\d{4}$/.test(kode)) return "sub-kegiatan";
    if (/^\d{2,3}$/.test(kode)) return "program";
    return null;
  }
  if (parts.length === 2 && /^\d$/.test(parts[0]) && /^\d{2}$/.test(parts[1])) return "kegiatan";
  if (parts.length === 3) return "program";
  if (parts.length === 5) return "kegiatan";
  if (parts.length === 6) return "sub-kegiatan";
  return null;
}

/**
 * Every polarity phrase has "semakin" or "negatif" in one cell: rows without them (nearly all)
 * need not be joined and searched.
 */
function mayStatePolarity(table: Table, row: number): boolean {
  for (let c = table.region.range.left; c <= table.region.range.right; c++) {
    const value = valueAt(table.sheet, row, c);
    if (typeof value === "string" && POLARITY_WORD.test(value)) return true;
  }
  return false;
}

const POLARITY_WORD = /semakin|negatif/iu;

function polarityOfText(text: string): Polarity | undefined {
  const t = text.toLowerCase();
  if (/semakin\s+(kecil|rendah|sedikit)[^.]{0,40}semakin\s+baik/.test(t)) return "negatif";
  if (/\bpolaritas\s*:?\s*negatif\b|\(\s*negatif\s*\)/.test(t)) return "negatif";
  if (/semakin\s+(besar|tinggi|banyak)[^.]{0,40}semakin\s+baik/.test(t)) return "positif";
  return undefined;
}

interface UraianContext {
  name: string;
  kode?: string;
  level: IndicatorLevel | null;
  /**
   * The `parent` of the indicators under this program/kegiatan row, made for the first one
   * and shared by the rest (the model never changes it): one object and one normalisation
   * per uraian row instead of per indicator.
   */
  parent?: NonNullable<IndicatorEntry["parent"]>;
}

function parentOf(owner: UraianContext): NonNullable<IndicatorEntry["parent"]> {
  return (owner.parent ??= { name: owner.name, key: normaliseName(owner.name), kode: owner.kode });
}

export interface ExtractContext {
  table: Table;
  tableIndex: number;
  settings: CheckSettings;
  documentYear: number | null;
  nextId: () => number;
  /** Per target column of this table (filled on first use). */
  targetFacts?: Map<RegionColumn, TargetFacts | null>;
  /** Per realisasi, capaian and kategori column of this table (filled on first use). */
  valueFacts?: Map<RegionColumn, ValueFacts>;
}

/** The indicator entries of one table (empty for budget and other tables). */
export function indicatorsOf(context: ExtractContext): IndicatorEntry[] {
  const { table } = context;
  const tableRole = tableRoleOf(table.kind);
  if (tableRole === null && !table.columns.some((c) => c.role === "target" && c.source)) return [];
  const groups = columnGroups(table);
  const entries: IndicatorEntry[] = [];
  const sections = sectionLevels(table);
  for (let index = 0; index < groups.length; index++) {
    groupEntries(context, groups[index], index, tableRole, sections, entries);
  }
  assignPositions(entries);
  return entries;
}

/** The level each row's section names (by index in table.rows), null outside a known section. */
function sectionLevels(table: Table): (IndicatorLevel | null)[] {
  const levels = new Array<IndicatorLevel | null>(table.rows.length);
  let current: IndicatorLevel | null = null;
  for (let index = 0; index < table.rows.length; index++) {
    const row = table.rows[index];
    if (row.kind === "section") current = levelOfLabel(rowText(table, row.row));
    levels[index] = current;
  }
  return levels;
}

/** Level from the table's sasaran/tujuan column: "Sasaran Strategis" → sasaran; "Tujuan/Sasaran" → unknown. */
function tableLevel(table: Table): IndicatorLevel | null {
  const sasaran = table.columns.filter((c) => c.role === "sasaran");
  const tujuan = table.columns.filter((c) => c.role === "tujuan");
  if (sasaran.length > 0) {
    const levels = new Set(sasaran.map((c) => levelFromText(c.header)));
    return levels.size === 1 && levels.has("sasaran") ? "sasaran" : null;
  }
  if (tujuan.length > 0) {
    const levels = new Set(tujuan.map((c) => levelFromText(c.header)));
    return levels.size === 1 && levels.has("tujuan") ? "tujuan" : null;
  }
  return null;
}

/** Labels of summary rows that are not indicators ("Total rata-rata capaian …"). */
const SUMMARY_LABEL = /^\s*(?:total|rata[\s-]*rata|jumlah\s+(?:total|keseluruhan))\b/i;

/**
 * One cell listing several indicators as bullets ("- Persentase A\n- Persentase B"): the
 * names, else null. Such entries carry no values (which value belongs to which is unknown).
 */
function bulletNames(text: string): string[] | null {
  // Bullets on one line ("- Persentase A - Persentase B") when the cell starts with one.
  const oneLine = !text.includes("\n") && /^\s*[-–•]\s/.test(text);
  // One line without a leading bullet (nearly every name) is a single name.
  if (!oneLine && !text.includes("\n")) return null;
  const lines = (oneLine ? text.split(/\s(?=[-–•]\s+\p{L})/u) : text.split(/\r?\n/))
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length < 2) return null;
  const bullet = /^(?:[-–•*]|\d{1,2}[.)])\s*/;
  if (!lines.every((l) => bullet.test(l))) return null;
  return lines.map((l) => l.replace(bullet, "").replace(/\s+/g, " "));
}

function groupEntries(
  context: ExtractContext,
  group: ColumnGroup,
  groupIndex: number,
  tableRole: TargetRole | null,
  sections: (IndicatorLevel | null)[],
  entries: IndicatorEntry[],
): void {
  const { table, settings } = context;
  const fallbackLevel = tableLevel(table);
  // The uraian of each row by index in table.rows (RegionRow.parent is such an index).
  const uraianOfRow: (UraianContext | undefined)[] = [];
  let lastUraian: UraianContext | null = null;
  const sasaranColumn = table.columns.find((c) => c.role === "sasaran");
  const facts = groupFacts(context, group);
  const values = new RowValues();
  const headerLevels = new Map<RegionColumn, IndicatorLevel | null>();
  const headerLevel = (column: RegionColumn): IndicatorLevel | null => {
    let level = headerLevels.get(column);
    if (level === undefined) headerLevels.set(column, (level = levelFromText(column.header)));
    return level;
  };
  table.rows.forEach((row, index) => {
    if (row.kind === "section") {
      lastUraian = null;
      return;
    }
    const uraian = readUraian(table, group, row, index, uraianOfRow);
    if (uraian) {
      uraianOfRow[index] = uraian;
      lastUraian = uraian;
    }
    if (row.kind !== "data" && row.kind !== "total") return;
    let nameColumn: RegionColumn | undefined;
    let name = "";
    for (const column of group.indicatorColumns) {
      const text = table.text(row.row, column.col);
      if (text !== "" && !PLACEHOLDER.test(text) && /\p{L}/u.test(text)) {
        nameColumn = column;
        name = text;
        break;
      }
    }
    if (!nameColumn) return;
    const bullets = bulletNames(name);
    name = cellText(name);
    if (SUMMARY_LABEL.test(name)) return;
    // The recogniser marks "Jumlah …" rows as totals only when they are not indicators.
    if (row.kind === "total") return;
    // A blank uraian adds an indicator to the program/kegiatan row above (DOMAIN.md §1).
    const owner: UraianContext | null = uraian ?? (group.uraian ? lastUraian : null);
    let level: IndicatorLevel = "unknown";
    let levelFrom: IndicatorEntry["levelFrom"] = "none";
    const fromHeader = headerLevel(nameColumn);
    const fromSection = sections[index];
    if (fromHeader && fromHeader !== "sub-kegiatan") {
      level = fromHeader;
      levelFrom = "header";
    } else if (fromSection) {
      level = fromSection;
      levelFrom = "section";
    } else if (owner?.level) {
      level = owner.level;
      levelFrom = "row";
    } else if (fallbackLevel && !group.uraian) {
      level = fallbackLevel;
      levelFrom = "table";
    }
    const parentNeeded = level === "program" || level === "kegiatan" || level === "unknown";
    const parent = parentNeeded && owner ? parentOf(owner) : undefined;
    const sasaranText = sasaranColumn ? table.text(row.row, sasaranColumn.col) : "";
    readValues(table, group, facts, row, values);
    const entry: IndicatorEntry = {
      id: context.nextId(),
      table,
      tableIndex: context.tableIndex,
      columnGroup: groupIndex,
      row: row.row,
      name,
      nameAt: table.ref(row.row, nameColumn.col),
      key: normaliseName(name),
      position: 0,
      level,
      levelFrom,
      tableRole,
      targets: values.targets.copy(),
      realisasi: values.realisasi.copy(),
      capaian: values.capaian.copy(),
      kategori: values.kategori.copy(),
      group: -1,
    };
    if (owner?.kode ?? row.kode) entry.kode = owner?.kode ?? row.kode;
    if (parent) entry.parent = parent;
    if (sasaranText !== "" && !PLACEHOLDER.test(sasaranText)) entry.sasaran = sasaranText;
    if (values.satuan !== undefined) entry.satuan = values.satuan;
    const configured = settingFor(settings.polarity, name);
    const fromText = mayStatePolarity(table, row.row)
      ? polarityOfText(rowText(table, row.row))
      : undefined;
    if (fromText) entry.polarityInText = fromText;
    if (configured) {
      entry.polarity = configured;
      entry.polarityFrom = "settings";
    } else if (fromText) {
      entry.polarity = fromText;
      entry.polarityFrom = "text";
    }
    if (bullets) {
      for (const item of bullets) {
        entries.push({
          ...entry,
          id: context.nextId(),
          name: item,
          key: normaliseName(item),
          targets: [],
          realisasi: [],
          capaian: [],
          kategori: [],
        });
      }
    } else entries.push(entry);
  });
}

function readUraian(
  table: Table,
  group: ColumnGroup,
  row: RegionRow,
  index: number,
  known: (UraianContext | undefined)[],
): UraianContext | null {
  if (!group.uraian) return null;
  const text = cellText(table.text(row.row, group.uraian.col));
  if (text === "" || PLACEHOLDER.test(text) || !/\p{L}/u.test(text)) return null;
  const kodeText = group.kode ? table.text(row.row, group.kode.col) : "";
  const kode = row.kode ?? (kodeText !== "" ? kodeText : undefined);
  let level = levelOfLabel(text) ?? (kode ? levelOfKode(kode) : null);
  if (!level && row.parent !== null) {
    const parentLevel = known[row.parent]?.level;
    if (parentLevel === "program") level = "kegiatan";
    else if (parentLevel === "kegiatan") level = "sub-kegiatan";
  }
  // The short test first: most labels do not start with PROGRAM.
  if (!level && /^PROGRAM\b/.test(text) && /^[A-Z0-9\s.,/&()-]+$/.test(text)) level = "program";
  void index;
  return { name: text, kode, level };
}

function numberAt(table: Table, row: number, col: number): CellNumber | null {
  try {
    return table.number(row, col);
  } catch {
    // A cell the reader cannot parse is no number for the model.
    return null;
  }
}

interface TargetFacts {
  role: TargetRole;
  year: number | null;
  from: YearSource;
  type: TargetType;
  variant?: "murni" | "perubahan";
}

/** What a target column says of every cell in it: its header is read once per table. */
function targetFacts(context: ExtractContext, column: RegionColumn): TargetFacts | null {
  const cache = (context.targetFacts ??= new Map<RegionColumn, TargetFacts | null>());
  let facts = cache.get(column);
  if (facts === undefined) {
    const { table, documentYear } = context;
    const role = roleOfTarget(table, column);
    if (role === null) facts = null;
    else {
      const { year, from } = targetYear(table, column, documentYear);
      facts = { role, year, from, type: targetType(column) };
      if (role === "pk") facts.variant = pkVariant(table, column);
    }
    cache.set(column, facts);
  }
  return facts;
}

/**
 * Values of one row gathered in an array reused from row to row and copied out at their exact
 * length: most rows hold a few values of each kind, and an array grown by push keeps room for
 * 17. The array is not emptied (setting its length to 0 drops its store): a count says how
 * much of it is this row's.
 */
class Gathered<T> {
  private readonly items: T[] = [];
  count = 0;
  add(item: T): void {
    this.items[this.count++] = item;
  }
  at(index: number): T {
    return this.items[index];
  }
  /** This row's items as a new array (a fresh empty one when none). */
  copy(): T[] {
    return this.count === 0 ? [] : this.items.slice(0, this.count);
  }
}

/** The values of one row of a column group (one per group, reused from row to row). */
class RowValues {
  readonly targets = new Gathered<TargetEntry>();
  readonly realisasi = new Gathered<RealisasiEntry>();
  readonly capaian = new Gathered<CapaianEntry>();
  readonly kategori = new Gathered<KategoriEntry>();
  satuan: string | undefined = undefined;
  clear(): void {
    this.targets.count = 0;
    this.realisasi.count = 0;
    this.capaian.count = 0;
    this.kategori.count = 0;
    this.satuan = undefined;
  }
}

/** The facts of each column of a group (aligned with group.columns), read once per group. */
interface GroupFacts {
  target: (TargetFacts | null)[];
  value: (ValueFacts | null)[];
}

function groupFacts(context: ExtractContext, group: ColumnGroup): GroupFacts {
  const facts: GroupFacts = { target: [], value: [] };
  for (const column of group.columns) {
    const role = column.role;
    facts.target.push(role === "target" ? targetFacts(context, column) : null);
    const valued = role === "realisasi" || role === "capaian" || role === "kategori";
    facts.value.push(valued ? valueFacts(context, column) : null);
  }
  return facts;
}

function readValues(
  table: Table,
  group: ColumnGroup,
  facts: GroupFacts,
  row: RegionRow,
  out: RowValues,
): void {
  out.clear();
  // Indexed: this runs for every indicator row, mostly before V8 optimises it.
  for (let k = 0; k < group.columns.length; k++) {
    const column = group.columns[k];
    const role = column.role;
    if (role === "satuan") {
      if (out.satuan !== undefined) continue;
      const text = table.text(row.row, column.col);
      if (text !== "" && !PLACEHOLDER.test(text)) out.satuan = text;
      continue;
    }
    if (role === "kategori") {
      const text = table.text(row.row, column.col);
      if (text !== "" && !PLACEHOLDER.test(text)) {
        const at = table.ref(row.row, column.col);
        out.kategori.add({ text, at, year: facts.value[k]!.year });
      }
      continue;
    }
    if (role === "target") {
      const target = facts.target[k];
      if (target === null) continue;
      const number = numberAt(table, row.row, column.col);
      if (!number) continue;
      out.targets.add(targetEntry(number, table.ref(row.row, column.col), column, target));
    } else if (role === "realisasi") {
      const number = numberAt(table, row.row, column.col);
      if (!number) continue;
      const at = table.ref(row.row, column.col);
      out.realisasi.add(realisasiEntry(number, at, column, facts.value[k]!));
    } else if (role === "capaian") {
      const number = numberAt(table, row.row, column.col);
      if (!number) continue;
      const at = table.ref(row.row, column.col);
      const { year, againstEndTarget } = facts.value[k]!;
      out.capaian.add({
        value: number.value,
        number,
        at,
        col: column.col,
        year,
        againstEndTarget,
      });
    }
  }
  if (out.satuan === undefined) {
    for (let k = 0; k < out.targets.count; k++) {
      const unit = out.targets.at(k).number.unit;
      if (unit) {
        out.satuan = unit;
        break;
      }
    }
  }
}

function targetEntry(
  number: CellNumber,
  at: CellRef,
  column: RegionColumn,
  facts: TargetFacts,
): TargetEntry {
  const target: TargetEntry = {
    value: number.value,
    number,
    at,
    col: column.col,
    role: facts.role,
    year: facts.year,
    yearFrom: facts.from,
    type: facts.type,
  };
  if (facts.variant) target.variant = facts.variant;
  if (column.period) target.period = column.period;
  return target;
}

function realisasiEntry(
  number: CellNumber,
  at: CellRef,
  column: RegionColumn,
  facts: ValueFacts,
): RealisasiEntry {
  const realisasi: RealisasiEntry = {
    value: number.value,
    number,
    at,
    col: column.col,
    year: facts.year,
    cumulative: column.cumulative === true && !facts.fullYear,
  };
  if (column.period && !facts.fullYear) realisasi.period = column.period;
  return realisasi;
}

interface ValueFacts {
  year: number | null;
  /** A "s/d TW IV" realisasi column: the year's value, not a cumulative one. */
  fullYear: boolean;
  /** A capaian column against the Renstra end target. */
  againstEndTarget: boolean;
}

/** What a realisasi, capaian or kategori column says of every cell in it, read once per table. */
function valueFacts(context: ExtractContext, column: RegionColumn): ValueFacts {
  const cache = (context.valueFacts ??= new Map<RegionColumn, ValueFacts>());
  let facts = cache.get(column);
  if (facts === undefined) {
    facts = {
      year: column.year ?? context.table.region.year ?? context.documentYear,
      fullYear: isFullYearToDate(column),
      againstEndTarget: column.source === "renstra" || /\bakhir\b/i.test(column.header),
    };
    cache.set(column, facts);
  }
  return facts;
}

/** Position among the indicators of the same kode or parent in one table (the kode match needs it). */
function assignPositions(entries: IndicatorEntry[]): void {
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const key = entry.kode ?? entry.parent?.key ?? "";
    const n = seen.get(key) ?? 0;
    entry.position = n;
    seen.set(key, n + 1);
  }
}
