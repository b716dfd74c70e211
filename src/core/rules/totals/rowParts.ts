import type { RuleContext } from "../../check/context";
import { CheckSettings, settingFor } from "../../check/settings";
import type { Table } from "../../check/table";
import type { Finding } from "../../check/types";
import type { Sifat } from "../../formulas/kumulatif";
import type { RegionColumn } from "../../recognize/types";
import {
  agrees,
  Amount,
  Approx,
  isAmount,
  judge,
  numberParams,
  addendOf,
  relatedCells,
  severityOf,
  shownDecimals,
  Sum,
} from "./values";

/**
 * Totals inside one row: a column the number row declares a sum (`10=(5+7+9)`, E.81 13/14),
 * an annual value beside its quarters (TW I…TW IV), an end-of-period column beside its
 * years. Each can be read as a sum or as the final value; the table's own rows decide which
 * (DOMAIN.md §6.3 "Table conventions"), the unit's sifat (§4.2) only when they do not.
 */

type GroupKind = "formula" | "quarters" | "end";

interface PartsGroup {
  kind: GroupKind;
  total: RegionColumn;
  parts: RegionColumn[];
}

/** How the total of a row combines its parts. */
type Reading = "sum" | "last";

/** Level (percent, index, months) or count: what the unit says about the sifat. */
type UnitClass = "level" | "count" | "unknown";

const LEVEL_UNIT =
  /^(?:%|persen|prosen|indeks|index|nilai|skor|score|rasio|predikat|bulan|poin|point|angka|tingkat)/i;
const LEVEL_LABEL = /^(?:persentase|prosentase|presentase|rasio|indeks|nilai|tingkat|rata)/i;
const COUNT_LABEL = /^(?:jumlah|banyaknya)\b/i;

function adjacent(a: RegionColumn, b: RegionColumn): boolean {
  return Math.abs(a.col - b.col) === 1;
}

/** Runs of neighbouring columns of one role that satisfy `test`. */
function runsOf(table: Table, test: (c: RegionColumn) => boolean): RegionColumn[][] {
  const runs: RegionColumn[][] = [];
  let current: RegionColumn[] = [];
  for (const column of [...table.columns].sort((a, b) => a.col - b.col)) {
    const last = current[current.length - 1];
    if (test(column) && (!last || (adjacent(last, column) && last.role === column.role))) {
      current.push(column);
      continue;
    }
    if (current.length >= 2) runs.push(current);
    current = test(column) ? [column] : [];
  }
  if (current.length >= 2) runs.push(current);
  return runs;
}

function columnAt(table: Table, col: number): RegionColumn | undefined {
  return table.columns.find((c) => c.col === col);
}

function formulaGroups(table: Table): PartsGroup[] {
  const groups: PartsGroup[] = [];
  for (const total of table.columns) {
    const f = total.formula;
    if (!f || f.op !== "add" || f.operandColumns.length !== f.operands.length) continue;
    const parts = f.operandColumns.map((c) => columnAt(table, c));
    if (parts.length < 2 || parts.some((p) => p === undefined || p.col === total.col)) continue;
    groups.push({ kind: "formula", total, parts: parts as RegionColumn[] });
  }
  return groups;
}

/** TW I…TW IV beside the annual (or "s/d TW IV") column of the same role. */
function quarterGroups(table: Table): PartsGroup[] {
  const isQuarter = (c: RegionColumn): boolean =>
    c.role !== null && c.period !== undefined && !c.cumulative && !c.formula;
  const groups: PartsGroup[] = [];
  for (const run of runsOf(table, isQuarter)) {
    const role = run[0].role;
    const right = columnAt(table, run[run.length - 1].col + 1);
    const left = columnAt(table, run[0].col - 1);
    const fits = (c: RegionColumn | undefined): c is RegionColumn =>
      c !== undefined && c.role === role && (c.cumulative === true || c.period === undefined);
    const total =
      fits(right) && right.cumulative ? right : fits(left) ? left : fits(right) ? right : undefined;
    if (total && total.formula?.op !== "add") groups.push({ kind: "quarters", total, parts: run });
  }
  return groups;
}

/** "KONDISI AKHIR" beside the run of yearly targets it ends. */
function endGroups(table: Table): PartsGroup[] {
  const isYear = (c: RegionColumn): boolean =>
    c.role === "target" && c.year !== undefined && !c.endOfPeriod && !c.cumulative && !c.period;
  const groups: PartsGroup[] = [];
  for (const run of runsOf(table, isYear)) {
    for (const total of [
      columnAt(table, run[run.length - 1].col + 1),
      columnAt(table, run[0].col - 1),
    ]) {
      if (total?.endOfPeriod && total.role === "target" && !total.formula) {
        groups.push({ kind: "end", total, parts: run });
        break;
      }
    }
  }
  return groups;
}

function partName(column: RegionColumn): string {
  if (column.number !== undefined) return `(${column.number})`;
  const segments = column.header.split("/").map((s) => s.trim());
  return segments[segments.length - 1] || column.header;
}

/** What one cell says about the row's unit: a level (%, indeks, bulan), a count, or nothing. */
type CellUnit = "level" | "count" | null;

const LETTER = /\p{L}/u;

function cellUnit(
  table: Table,
  row: number,
  col: number,
  satuan: boolean,
  reading = table.reading(row, col),
): CellUnit {
  if (reading.kind === "number") {
    if (reading.isPercent) return "level";
    if (reading.unit && LEVEL_UNIT.test(reading.unit)) return "level";
    if (reading.unit && LETTER.test(reading.unit)) return "count";
    return null;
  }
  if (!satuan) return null;
  const text = table.text(row, col);
  if (LEVEL_UNIT.test(text)) return "level";
  if (LETTER.test(text)) return "count";
  return null;
}

/** Any level wins, then any count. */
function strongest(a: CellUnit, b: CellUnit): CellUnit {
  if (a === "level" || b === "level") return "level";
  return a ?? b;
}

/** A column whose cells say what a row counts, whichever group is checked. */
const UNIT_ROLES = new Set(["satuan", "target", "realisasi", "baseline"]);

/**
 * What does not depend on the group of columns checked, read once per row of a table: the
 * label, and what the unit-telling columns (satuan, target, realisasi, baseline) say.
 */
class RowFacts {
  private readonly unitColumns: { col: number; satuan: boolean }[];
  /** By position in table.rows (undefined until read). */
  private readonly labels: (string | undefined)[];
  private readonly units: (CellUnit | undefined)[];
  private readonly labelUnits: (UnitClass | undefined)[];
  /** Some indicator's sifat is set by the user: rows need their label to look it up. */
  readonly anySifat: boolean;

  constructor(
    private readonly table: Table,
    settings: CheckSettings,
  ) {
    this.anySifat = Object.keys(settings.sifat).length > 0;
    this.unitColumns = table.columns
      .filter((c) => c.role !== null && UNIT_ROLES.has(c.role))
      .map((c) => ({ col: c.col, satuan: isSatuan(table, c.col) }));
    const n = table.rows.length;
    this.labels = new Array<string | undefined>(n);
    this.units = new Array<CellUnit | undefined>(n);
    this.labelUnits = new Array<UnitClass | undefined>(n);
  }

  /** The label of the row at a position in table.rows. */
  label(index: number): string {
    let label = this.labels[index];
    if (label === undefined) {
      label = this.table.label(this.table.rows[index].row);
      this.labels[index] = label;
    }
    return label;
  }

  /** What the label's first word says, when no unit does. */
  labelUnit(index: number): UnitClass {
    let unit = this.labelUnits[index];
    if (unit === undefined) {
      const label = this.label(index);
      unit = LEVEL_LABEL.test(label) ? "level" : COUNT_LABEL.test(label) ? "count" : "unknown";
      this.labelUnits[index] = unit;
    }
    return unit;
  }

  /** The unit the row's own unit-telling columns give. */
  roleUnit(index: number): CellUnit {
    let unit = this.units[index];
    if (unit === undefined) {
      const row = this.table.rows[index].row;
      unit = null;
      for (const { col, satuan } of this.unitColumns) {
        unit = strongest(unit, cellUnit(this.table, row, col, satuan));
        if (unit === "level") break;
      }
      this.units[index] = unit;
    }
    return unit;
  }
}

/** The satuan column's text tells the unit; other columns only through their numbers' units. */
function isSatuan(table: Table, col: number): boolean {
  return columnAt(table, col)?.role === "satuan";
}

/** Whether each of a group's own columns (its total first, then its parts) is a satuan column. */
function satuanFlags(table: Table, group: PartsGroup): boolean[] {
  return [group.total, ...group.parts].map((c) => isSatuan(table, c.col));
}

interface RowCase {
  /** Position of the row in table.rows. */
  index: number;
  total: Amount;
  parts: Amount[];
  sum: Sum;
  last: Amount;
  matchSum: boolean;
  matchLast: boolean;
  unit: UnitClass;
  override?: Sifat;
}

/**
 * The total and parts of one row, and what they say about its unit (read from the same
 * readings): a level anywhere in the row's group or unit-telling columns wins, then a count,
 * else the words its label starts with.
 */
function readRowCase(
  table: Table,
  facts: RowFacts,
  index: number,
  group: PartsGroup,
  satuan: boolean[],
  context: RuleContext,
): RowCase | null {
  const row = table.rows[index].row;
  const totalReading = table.reading(row, group.total.col);
  if (totalReading.kind !== "number") return null;
  const total = addendOf(table, row, group.total.col, totalReading);
  if (!isAmount(total)) return null;
  let unit = strongest(
    facts.roleUnit(index),
    cellUnit(table, row, group.total.col, satuan[0], totalReading),
  );
  const parts: Amount[] = [];
  for (let i = 0; i < group.parts.length; i++) {
    const col = group.parts[i].col;
    const reading = table.reading(row, col);
    const addend = addendOf(table, row, col, reading);
    if (addend === "unusable") return null;
    if (addend !== "blank") parts.push(addend);
    if (unit !== "level") unit = strongest(unit, cellUnit(table, row, col, satuan[i + 1], reading));
  }
  if (parts.length === 0) return null;
  const sum = new Sum(parts);
  const last = parts[parts.length - 1];
  const settings = context.settings;
  return {
    index,
    total,
    parts,
    sum,
    last,
    matchSum: agrees(total, sum, settings),
    matchLast: agrees(total, last, settings),
    unit: unit ?? facts.labelUnit(index),
    // The label is read only when some sifat is set (settingFor is undefined otherwise).
    override: facts.anySifat ? settingFor(settings.sifat, facts.label(index)) : undefined,
  };
}

/**
 * The mean of a row's parts, and whether its total prints it: asked only of level rows that
 * are not a sum and of rows whose sifat is set to an average, so not built for every row.
 */
function meanOf(c: RowCase): Approx {
  return c.sum.dividedBy(c.parts.length);
}

function matchesMean(c: RowCase, settings: CheckSettings): boolean {
  return agrees(c.total, meanOf(c), settings, c.parts.length);
}

/** The reading most rows that tell sum from last follow, or null on a tie. */
function majority(cases: RowCase[]): Reading | null {
  let sums = 0;
  let lasts = 0;
  for (const c of cases) {
    if (c.matchSum && !c.matchLast) sums++;
    if (c.matchLast && !c.matchSum) lasts++;
  }
  if (sums > lasts) return "sum";
  if (lasts > sums) return "last";
  return null;
}

function fallback(unit: UnitClass): Reading | null {
  if (unit === "level") return "last";
  if (unit === "count") return "sum";
  return null;
}

function overrideReading(sifat: Sifat | undefined): Reading | "mean" | null {
  if (sifat === "kumulatif") return "sum";
  if (sifat === "akhir") return "last";
  if (sifat === "rata-rata") return "mean";
  return null;
}

function checkGroup(
  table: Table,
  facts: RowFacts,
  group: PartsGroup,
  context: RuleContext,
): Finding[] {
  const satuan = satuanFlags(table, group);
  const cases: RowCase[] = [];
  for (let index = 0; index < table.rows.length; index++) {
    const kind = table.rows[index].kind;
    if (kind !== "data" && kind !== "total") continue;
    const c = readRowCase(table, facts, index, group, satuan, context);
    if (c !== null) cases.push(c);
  }
  // The majority of each unit class, counted once (not once per row: long tables).
  const byUnit = new Map<UnitClass, Reading | null>();
  for (const u of ["level", "count", "unknown"] as const) {
    byUnit.set(u, majority(cases.filter((c) => c.unit === u)));
  }
  const tableWide = majority(cases);
  const findings: Finding[] = [];
  const formula = group.parts.map(partName).join("+");
  for (const c of cases) {
    const forced = overrideReading(c.override);
    if (forced === "mean") {
      if (!matchesMean(c, context.settings))
        findings.push(report(facts, group, c, meanOf(c), "columnSum", formula, context));
      continue;
    }
    // A level indicator whose total is the sum of its periods is the 200 % pattern of the
    // cumulative-percent rule; an average of levels is a reading documents use too.
    if (!forced && c.unit === "level" && (c.matchSum || matchesMean(c, context.settings))) continue;
    const convention = forced ?? byUnit.get(c.unit) ?? tableWide ?? fallback(c.unit);
    if (convention === "sum" && c.matchSum) continue;
    if (convention === "last" && c.matchLast) continue;
    if (convention === null) {
      if (c.matchSum || c.matchLast || group.kind === "end") continue;
      findings.push(
        report(facts, group, c, c.sum, messageFor(group, "sum", false), formula, context),
      );
      continue;
    }
    if (convention === "sum") {
      findings.push(
        report(facts, group, c, c.sum, messageFor(group, "sum", c.matchLast), formula, context),
      );
    } else {
      findings.push(report(facts, group, c, c.last, "columnLast", formula, context));
    }
  }
  return findings;
}

type MessageKind = "columnSum" | "columnSumNotLast" | "quarterSum" | "columnLast";

function messageFor(group: PartsGroup, reading: Reading, printedLast: boolean): MessageKind {
  if (reading === "last") return "columnLast";
  if (printedLast) return "columnSumNotLast";
  return group.kind === "quarters" ? "quarterSum" : "columnSum";
}

function report(
  facts: RowFacts,
  group: PartsGroup,
  c: RowCase,
  expected: Approx,
  kind: MessageKind,
  formula: string,
  context: RuleContext,
): Finding {
  const verdict = judge(c.total, expected, context.settings);
  const severity = severityOf(verdict);
  const lastColumn = group.parts.find((p) => p.col === c.last.col);
  const exact = expected.exact();
  return context.finding("total-mismatch", {
    at: c.total.cell,
    indicator: facts.label(c.index),
    expected: exact.toNumber(),
    actual: c.total.number.value,
    related: relatedCells(c.parts),
    severity,
    message: {
      id: severity ? "totalMismatch.rounding" : `totalMismatch.${kind}`,
      params: {
        ...numberParams(c.total, exact, shownDecimals(c.parts)),
        formula,
        source: lastColumn ? partName(lastColumn) : "",
      },
    },
  });
}

/** Every within-row total of one table. */
export function checkRowParts(table: Table, context: RuleContext): Finding[] {
  const groups = [...formulaGroups(table), ...quarterGroups(table), ...endGroups(table)];
  if (groups.length === 0) return [];
  const facts = new RowFacts(table, context.settings);
  return groups.flatMap((g) => checkGroup(table, facts, g, context));
}
