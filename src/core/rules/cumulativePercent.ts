import type { CellNumber } from "../cellNumber";
import type { Rule, RuleContext } from "../check/context";
import { plainNumber } from "../check/finding";
import { hasSettings, settingFor } from "../check/settings";
import type { Table } from "../check/table";
import type { Finding } from "../check/types";
import { Decimal, fromExcelNumber } from "../decimal";
import type { Sifat } from "../formulas/kumulatif";
import { comparePrinted, isAccepted } from "../numbers";
import type { RegionColumn } from "../recognize/types";
import { a1 } from "../snapshot";

/**
 * `cumulative-percent` (DOMAIN.md §4.2, §6.10): the 200 % pitfall. A cumulative ("s/d")
 * realisasi of a level indicator (a percentage, index, score) must be the latest period's
 * value; a planner who sums the quarters ("41% + 35% + 11,3% + 0 = 87,3%") or the years
 * (E.81: 100 + 100 = 200%) reports a level the indicator never had. Only a warning: some
 * offices report quarterly increments, and the user may then set the sifat "kumulatif".
 */

/** A cumulative column and the period columns it should aggregate, in period order. */
interface CumulativeColumn {
  column: RegionColumn;
  periods: number[];
}

/** Units of level indicators (DOMAIN.md §4.2): the latest value counts, never the sum. */
const LEVEL_UNIT =
  /^(?:%|persen|prosen|presentase|persentase|indeks|index|nilai|skor|score|poin|rasio|ratio|predikat|bulan)(?![a-z])/i;

/** Units of counts: summing periods is right for them. */
const COUNT_UNIT =
  /^(?:orang|org|jiwa|unit|dokumen|dok|koperasi|kop|umkm|ukm|um|kegiatan|paket|produk|buku|lokasi|galery|galeri|gedung|sdm|pelaku|usaha|wirausaha|kali|laporan|kelompok|lembaga|izin|ijin|sertifikat|jenis|titik|event|pasar)(?![a-z])/i;

/** "s/d", "sampai dengan", "kumulatif", "jumlah", "total" in a column's own header. */
const CUMULATIVE_WORDS = /\bs\s*[./]\s*d\b|\bsampai\s+dengan\b|\bkumulatif\b|\bjumlah\b|\btotal\b/i;

const isRealisasi = (c: RegionColumn): boolean => c.role === "realisasi";

/**
 * Marked cumulative by the recogniser, or its own header line (not a group label above it)
 * says so: "Realisasi s/d TW IV" may arrive as one more TW4 column.
 */
function isCumulative(c: RegionColumn): boolean {
  const ownLine = c.header.split(" / ").pop() ?? "";
  return !!c.cumulative || CUMULATIVE_WORDS.test(ownLine);
}

const isPeriod = (c: RegionColumn): boolean => isRealisasi(c) && !!c.period && !isCumulative(c);

/** The run of period columns directly left of `col` (no other realisasi column between). */
function periodsBefore(table: Table, col: number): number[] {
  const left = table.columns
    .filter((c) => c.col < col && isRealisasi(c))
    .sort((a, b) => a.col - b.col);
  const run: number[] = [];
  for (let i = left.length - 1; i >= 0 && isPeriod(left[i]); i--) run.unshift(left[i].col);
  return run;
}

/**
 * The table's cumulative realisasi columns: a column-number sum ("10=(5+7+9)", E.81
 * "13 = 9+10+11+12"), a column marked "s/d" after period columns, or a realisasi column that
 * directly follows quarter columns (TW I … TW IV | total).
 */
export function cumulativeColumns(table: Table): CumulativeColumn[] {
  const found = new Map<number, CumulativeColumn>();
  for (const column of table.columns) {
    if (!isRealisasi(column)) continue;
    const f = column.formula;
    if (
      f &&
      f.op === "add" &&
      f.operands.length >= 2 &&
      f.operandColumns.length === f.operands.length
    ) {
      found.set(column.col, { column, periods: [...f.operandColumns] });
      continue;
    }
    if (isPeriod(column)) continue;
    const periods = periodsBefore(table, column.col);
    if (periods.length < 2) continue;
    // A plain realisasi column only counts when nothing but the periods stands before it.
    const previous = table.columns
      .filter((c) => c.col < column.col && c.role !== null)
      .sort((a, b) => b.col - a.col)[0];
    if (isCumulative(column) || (previous && isPeriod(previous))) {
      found.set(column.col, { column, periods });
    }
  }
  return [...found.values()].sort((a, b) => a.column.col - b.column.col);
}

type UnitKind = "level" | "count" | null;

function unitKind(unit: string | null | undefined): UnitKind {
  const u = (unit ?? "").trim();
  if (u === "") return null;
  if (LEVEL_UNIT.test(u)) return "level";
  if (COUNT_UNIT.test(u)) return "count";
  return null;
}

function readingUnit(reading: CellNumber | null): UnitKind {
  if (reading === null) return null;
  return reading.isPercent ? "level" : unitKind(reading.unit);
}

/**
 * The indicator's sifat: the user's setting, else its unit (DOMAIN.md §4.2) from the Satuan
 * column, the cells' own units ("41%", "800 Org") or a "%" in the column headers. Units that
 * disagree, or none, leave it unknown: the rule then stays silent.
 */
export function sifatOf(
  table: Table,
  row: number,
  spec: CumulativeColumn,
  ctx: RuleContext,
): Sifat | null {
  // Without sifat settings no row needs its label read (this runs for every row).
  if (hasSettings(ctx.settings.sifat)) {
    const configured = settingFor(ctx.settings.sifat, table.label(row));
    if (configured !== undefined) return configured;
  }
  // The kinds seen, as bits: they must all agree.
  let kinds = headerKinds(table, spec);
  const satuan = table.columnsWith("satuan");
  for (let k = 0; k < satuan.length; k++)
    kinds |= kindBit(unitKind(table.text(row, satuan[k].col)));
  const targets = table.columnsWith("target");
  for (let k = 0; k < targets.length; k++)
    kinds |= kindBit(readingUnit(table.number(row, targets[k].col)));
  const periods = spec.periods;
  for (let k = 0; k < periods.length; k++)
    kinds |= kindBit(readingUnit(table.number(row, periods[k])));
  kinds |= kindBit(readingUnit(table.number(row, spec.column.col)));
  if (kinds === LEVEL) return "akhir";
  if (kinds === COUNT) return "kumulatif";
  return null;
}

const LEVEL = 1;
const COUNT = 2;
function kindBit(kind: UnitKind): number {
  return kind === "level" ? LEVEL : kind === "count" ? COUNT : 0;
}

const HEADER_KINDS = new WeakMap<CumulativeColumn, number>();

/** A "%" in the header of a period or the cumulative column: the same for every row. */
function headerKinds(table: Table, spec: CumulativeColumn): number {
  let kinds = HEADER_KINDS.get(spec);
  if (kinds === undefined) {
    kinds = 0;
    for (const col of [...spec.periods, spec.column.col]) {
      const header = table.columns.find((c) => c.col === col)?.header ?? "";
      if (/%|\bpersen/i.test(header)) kinds = LEVEL;
    }
    HEADER_KINDS.set(spec, kinds);
  }
  return kinds;
}

interface PeriodValue {
  col: number;
  reading: CellNumber;
}

/**
 * The row's period values, blanks and "-" left out; null when a period cell holds something
 * that is not a number (an error, a compound, prose) or a weighted share "100% (20%)", whose
 * meaning the sum cannot tell.
 */
function periodValues(table: Table, row: number, periods: number[]): PeriodValue[] | null {
  const values: PeriodValue[] = [];
  for (let k = 0; k < periods.length; k++) {
    const col = periods[k];
    const reading = table.reading(row, col);
    if (reading.kind === "empty" || reading.kind === "missing") continue;
    if (reading.kind !== "number" || reading.secondary !== null) return null;
    values.push({ col, reading });
  }
  return values;
}

function cellList(row: number, cols: number[]): string {
  const contiguous = cols.every((c, i) => i === 0 || c === cols[i - 1] + 1);
  if (contiguous && cols.length > 2) return `${a1(row, cols[0])}:${a1(row, cols[cols.length - 1])}`;
  return cols.map((c) => a1(row, c)).join(", ");
}

function checkRow(
  ctx: RuleContext,
  table: Table,
  row: number,
  spec: CumulativeColumn,
): Finding | null {
  const printed = table.number(row, spec.column.col);
  if (printed === null || printed.secondary !== null) return null;
  const values = periodValues(table, row, spec.periods);
  // One non-zero period among zeros is both its sum and its latest level: nothing to tell.
  if (values === null || values.filter((v) => v.reading.value !== 0).length < 2) return null;
  if (sifatOf(table, row, spec, ctx) !== "akhir") return null;

  const sum = values.reduce((acc, v) => acc.plus(fromExcelNumber(v.reading.value)), new Decimal(0));
  const last = values[values.length - 1].reading.value;
  if (!isAccepted(comparePrinted(printed.value, sum, printed.decimals))) return null;
  if (isAccepted(comparePrinted(printed.value, last, printed.decimals))) return null;

  const unit = printed.isPercent || values.some((v) => v.reading.isPercent) ? "%" : "";
  const cols = values.map((v) => v.col);
  return ctx.finding("cumulative-percent", {
    at: table.ref(row, spec.column.col),
    indicator: table.label(row),
    expected: plainNumber(last),
    actual: plainNumber(printed.value),
    related: cols.map((c) => table.ref(row, c)),
    message: {
      id: "cumulativePercent.summed",
      params: {
        cell: a1(row, spec.column.col),
        actual: { number: printed.value, decimals: printed.decimals },
        unit,
        count: values.length,
        periods: cellList(row, cols),
        last: { number: last, decimals: values[values.length - 1].reading.decimals },
      },
    },
  });
}

export const cumulativePercent: Rule = {
  id: "cumulative-percent",
  run(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      const specs = cumulativeColumns(table);
      if (specs.length === 0) continue;
      // Indexed loops here and in the row's helpers: this code runs once, cold, for every
      // row, where for-of allocates per step.
      const rows = table.dataRows();
      for (let r = 0; r < rows.length; r++) {
        for (let k = 0; k < specs.length; k++) {
          const finding = checkRow(ctx, table, rows[r].row, specs[k]);
          if (finding) findings.push(finding);
        }
      }
    }
    return findings;
  },
};
