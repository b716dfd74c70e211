import type { Table } from "../../check/table";
import type { ColumnRole, RegionColumn } from "../../recognize/types";
import {
  DifferenceRelation,
  DifferenceSource,
  isArithmeticRow,
  Operand,
  plainStatuses,
  RatioRelation,
  Reader,
  Relation,
} from "./relations";

/**
 * Which relations a table declares, decided from column roles, header words, column-number
 * formulas and, where the header is silent, from the reading that most rows satisfy
 * (DOMAIN.md §4.3: "otherwise the orientation most rows satisfy").
 */

const SISA_WORDS = /\b(?:sisa|silpa)\b/i;
const REALISASI_WORDS = /realisasi|serapan|penyerapan|capaian/i;
const PERUBAHAN_WORDS = /bertambah|berkurang|penambahan|pengurangan/i;
const TREN_WORDS = /\bnaik\b|\bturun\b|kenaikan|penurunan/i;

/** Roles whose cells are amounts a selisih can be taken of. */
const VALUE_ROLES: readonly ColumnRole[] = [
  "pagu",
  "realisasi-anggaran",
  "target",
  "realisasi",
  "baseline",
  "capaian",
];
const MONEY_ROLES: readonly ColumnRole[] = ["pagu", "realisasi-anggaran"];

/** Column ownership of other rules: capaian of pengukuran/tren/efisiensi is capaian-mismatch's. */
function ownedElsewhere(table: Table, column: RegionColumn): boolean {
  if (table.kind === "efisiensi") return true;
  return column.role === "capaian" && (table.kind === "pengukuran" || table.kind === "tren");
}

export function tableReader(table: Table): Reader {
  return (row, col) => table.number(row, col);
}

/** The last part of a full header ("REALISASI / Thn N (2021)" → "Thn N (2021)"), for messages. */
export function shortHeader(column: RegionColumn | undefined): string {
  if (!column) return "";
  const parts = column.header.split(" / ").map((p) => p.trim());
  const last = parts[parts.length - 1] ?? "";
  const text = last.length >= 4 || parts.length === 1 ? last : parts.slice(-2).join(" ");
  return text.length > 50 ? `${text.slice(0, 47)}…` : text;
}

function leftOf(table: Table, col: number, role: ColumnRole): RegionColumn[] {
  return table.columns.filter((c) => c.role === role && c.col < col).sort((a, b) => b.col - a.col);
}

/** The pagu a percentage or sisa is taken of: the revised one if the table has it, else the nearest. */
function paguFor(table: Table, col: number): RegionColumn | undefined {
  const candidates = leftOf(table, col, "pagu");
  return candidates.find((c) => c.variant === "perubahan") ?? candidates[0];
}

/** Rows that satisfy a relation, and rows where it could be evaluated at all. */
export function tally(
  table: Table,
  relation: Relation,
  read: Reader,
  signInsensitive = false,
): { fit: number; evaluable: number } {
  let fit = 0;
  let count = 0;
  const statuses = plainStatuses(table, relation, read);
  for (const row of table.rows) {
    if (!isArithmeticRow(row)) continue;
    const status = statuses.at(row.row);
    if (status === "skip") continue;
    count++;
    if (status === "ok" || (signInsensitive && status === "sign")) fit++;
  }
  return { fit, evaluable: count };
}

/**
 * Among candidate readings pick the one most rows satisfy; a reading that fits fewer than half
 * of the evaluable rows means the columns are not what the recogniser thinks: no relation.
 */
function majority<T extends Relation>(
  table: Table,
  candidates: T[],
  read: Reader,
  signInsensitive = false,
): T | null {
  let chosen: T | null = null;
  let bestFit = 0;
  let bestCount = 0;
  for (const candidate of candidates) {
    const { fit, evaluable: count } = tally(table, candidate, read, signInsensitive);
    if (fit > bestFit) {
      chosen = candidate;
      bestFit = fit;
      bestCount = count;
    }
  }
  if (!chosen || bestFit * 2 < bestCount) return null;
  return chosen;
}

/** A relation the header names still needs one row that satisfies it, or it is a misreading. */
function confirmed<T extends Relation>(
  table: Table,
  relation: T,
  read: Reader,
  signInsensitive = false,
): T | null {
  return tally(table, relation, read, signInsensitive).fit > 0 ? relation : null;
}

// ---------------------------------------------------------------------------------------
// Ratios: persen-anggaran, column-number formulas, renja-evaluasi capaian.

function budgetRatio(table: Table, column: RegionColumn, read: Reader): RatioRelation | null {
  const pagu = paguFor(table, column.col);
  const realisasi = leftOf(table, column.col, "realisasi-anggaran")[0];
  if (!pagu) return null;
  const sisaColumn =
    table.columns.find(
      (c) => c.role === "selisih" && c.col < column.col && SISA_WORDS.test(c.header),
    ) ?? leftOf(table, column.col, "selisih").find(() => realisasi !== undefined);
  const make = (source: RatioRelation["source"], numerator: Operand, scale: 100 | 1) =>
    ({
      kind: "ratio",
      source,
      result: column,
      numerator,
      denominator: pagu.col,
      scale,
      capaian: false,
    }) satisfies RatioRelation;
  const realisasiReading = (scale: 100 | 1) =>
    realisasi ? [make("budget-realisasi", { col: realisasi.col }, scale)] : [];
  const sisaReading = (scale: 100 | 1): RatioRelation[] => {
    if (sisaColumn) return [make("budget-sisa", { col: sisaColumn.col }, scale)];
    if (realisasi) return [make("budget-sisa", { minus: [pagu.col, realisasi.col] }, scale)];
    return [];
  };
  const header = column.header;
  if (SISA_WORDS.test(header)) {
    const [own] = sisaReading(100);
    return own ? confirmed(table, own, read) : null;
  }
  if (REALISASI_WORDS.test(header)) {
    const [own] = realisasiReading(100);
    return own ? confirmed(table, own, read) : null;
  }
  const scales: (100 | 1)[] = [100, 1];
  const candidates = scales.flatMap((s) => [...realisasiReading(s), ...sisaReading(s)]);
  return majority(table, candidates, read);
}

function formulaRatio(table: Table, column: RegionColumn, read: Reader): RatioRelation | null {
  const formula = column.formula;
  if (!formula || formula.op !== "divide") return null;
  if (formula.operandColumns.length !== 2 || formula.operands.length !== 2) return null;
  const [numerator, denominator] = formula.operandColumns;
  const inTable = (c: number) => c >= table.region.range.left && c <= table.region.range.right;
  if (!inTable(numerator) || !inTable(denominator) || numerator === denominator) return null;
  const make = (scale: 100 | 1): RatioRelation => ({
    kind: "ratio",
    source: "formula",
    result: column,
    numerator: { col: numerator },
    denominator,
    scale,
    capaian: column.role === "capaian",
  });
  // "×100 is implied when the result header says %" (DOMAIN.md §2); otherwise let rows decide.
  if (formula.percent) return make(100);
  return majority(table, [make(1), make(100)], read);
}

/**
 * A renja-evaluasi capaian column without a column-number formula (T-C.29 variants): the
 * Renstra achievement is realisasi s/d / end target (§4.4), the year's tingkat realisasi is
 * realisasi / target of the same year.
 */
function renjaRatio(table: Table, column: RegionColumn, read: Reader): RatioRelation | null {
  if (table.kind !== "renja-evaluasi" || column.role !== "capaian" || column.formula) return null;
  let numerator: RegionColumn | undefined;
  let denominator: RegionColumn | undefined;
  const towardsRenstra =
    column.cumulative || column.source === "renstra" || /renstra/i.test(column.header);
  if (towardsRenstra && column.year === undefined) {
    numerator = leftOf(table, column.col, "realisasi").find((c) => c.cumulative);
    denominator = table.columns.find(
      (c) => c.role === "target" && (c.endOfPeriod || c.source === "renstra"),
    );
  } else if (column.year !== undefined) {
    const sameYear = (role: ColumnRole) =>
      table.columns.filter((c) => c.role === role && c.year === column.year && !c.cumulative);
    const realisasi = sameYear("realisasi");
    const target = sameYear("target");
    if (realisasi.length === 1 && target.length === 1) {
      numerator = realisasi[0];
      denominator = target[0];
    }
  }
  if (!numerator || !denominator) return null;
  const relation: RatioRelation = {
    kind: "ratio",
    source: "renja",
    result: column,
    numerator: { col: numerator.col },
    denominator: denominator.col,
    scale: 100,
    capaian: true,
  };
  return majority(table, [relation], read);
}

export function ratioRelations(table: Table, read: Reader = tableReader(table)): RatioRelation[] {
  const relations: RatioRelation[] = [];
  for (const column of table.columns) {
    if (ownedElsewhere(table, column)) continue;
    const relation =
      formulaRatio(table, column, read) ??
      (column.role === "persen-anggaran" ? budgetRatio(table, column, read) : null) ??
      renjaRatio(table, column, read);
    if (relation) relations.push(relation);
  }
  return relations;
}

// ---------------------------------------------------------------------------------------
// Differences: selisih / sisa / Bertambah-Berkurang / Naik-Turun, and subtract formulas.

function isMoneyColumn(table: Table, col: number): boolean {
  const role = table.columns.find((c) => c.col === col)?.role ?? null;
  return role !== null && MONEY_ROLES.includes(role);
}

function isMoney(table: Table, a: number, b: number): boolean {
  return isMoneyColumn(table, a) && isMoneyColumn(table, b);
}

function differenceOf(
  table: Table,
  column: RegionColumn,
  a: number,
  b: number,
  source: DifferenceSource,
): DifferenceRelation {
  return { kind: "difference", source, result: column, a, b, money: isMoney(table, a, b) };
}

/** The columns a selisih column can compare: value columns left of it, after the previous selisih. */
function blockOf(table: Table, column: RegionColumn): RegionColumn[] {
  const previous = table.columns
    .filter((c) => c.role === "selisih" && c.col < column.col)
    .reduce((max, c) => Math.max(max, c.col), -1);
  return table.columns
    .filter((c) => c.col > previous && c.col < column.col && c.role !== null)
    .filter((c) => VALUE_ROLES.includes(c.role as ColumnRole))
    .sort((x, y) => y.col - x.col);
}

/** A column's period as a comparable number: its year, else "N-2" → −2 relative to N. */
function periodOf(column: RegionColumn): number | null {
  if (column.year !== undefined) return column.year;
  const relative = /\bN\s*[-–]\s*(\d)\b/i.exec(column.header);
  if (relative) return -Number(relative[1]);
  return /\bN\b/.test(column.header) ? 0 : null;
}

/** "Naik / Turun": the nearest two columns of one role, newer minus older. */
function trenPair(block: RegionColumn[]): [RegionColumn, RegionColumn] | null {
  for (let i = 0; i < block.length; i++) {
    for (let j = i + 1; j < block.length; j++) {
      const [x, y] = [block[i], block[j]];
      if (x.role !== y.role) continue;
      const px = periodOf(x);
      const py = periodOf(y);
      if (px === null || py === null || px === py) return null;
      return px > py ? [x, y] : [y, x];
    }
  }
  return null;
}

function headerDifference(
  table: Table,
  column: RegionColumn,
  block: RegionColumn[],
): DifferenceRelation | null {
  const header = column.header;
  if (SISA_WORDS.test(header)) {
    const pagu = paguFor(table, column.col);
    const realisasi = leftOf(table, column.col, "realisasi-anggaran")[0];
    return pagu && realisasi ? differenceOf(table, column, pagu.col, realisasi.col, "sisa") : null;
  }
  if (PERUBAHAN_WORDS.test(header)) {
    const pagu = block.filter((c) => c.role === "pagu");
    const murni = pagu.find((c) => c.variant === "murni") ?? pagu[pagu.length - 1];
    const perubahan = pagu.find((c) => c.variant === "perubahan") ?? pagu[0];
    if (!murni || !perubahan || murni === perubahan) return null;
    return differenceOf(table, column, perubahan.col, murni.col, "perubahan");
  }
  if (TREN_WORDS.test(header)) {
    const pair = trenPair(block);
    return pair ? differenceOf(table, column, pair[0].col, pair[1].col, "tren") : null;
  }
  return null;
}

function formulaDifference(table: Table, column: RegionColumn): DifferenceRelation | null {
  const formula = column.formula;
  if (!formula || formula.op !== "subtract" || formula.operandColumns.length !== 2) return null;
  const [a, b] = formula.operandColumns;
  if (a === b) return null;
  return differenceOf(table, column, a, b, "formula");
}

function selisihRelation(
  table: Table,
  column: RegionColumn,
  read: Reader,
): DifferenceRelation | null {
  const block = blockOf(table, column);
  const named = headerDifference(table, column, block);
  if (named) {
    // The header names the direction, unless the table plainly prints the other one.
    const reversed = differenceOf(table, column, named.b, named.a, named.source);
    const own = tally(table, named, read).fit;
    const other = tally(table, reversed, read).fit;
    return confirmed(table, other > own ? reversed : named, read, true);
  }
  // No direction in the header: try the nearest pairs of value columns, both ways.
  const nearest = block.slice(0, 4);
  const candidates: DifferenceRelation[] = [];
  for (let i = 0; i < nearest.length; i++) {
    for (let j = i + 1; j < nearest.length; j++) {
      const [x, y] = [nearest[j], nearest[i]]; // left column first: "anggaran − realisasi"
      // Rupiah is compared with Rupiah, indicator values with indicator values.
      if (isMoneyColumn(table, x.col) !== isMoneyColumn(table, y.col)) continue;
      candidates.push(differenceOf(table, column, x.col, y.col, "majority"));
      candidates.push(differenceOf(table, column, y.col, x.col, "majority"));
    }
  }
  // Choose the pair by size (sign-insensitive), then its direction by the signed count.
  const pair = majority(table, candidates, read, true);
  if (!pair) return null;
  // Candidates come in both directions: the reverse of the pair is among them, with its rows
  // already evaluated (a new relation would evaluate every row again).
  const reversed =
    candidates.find((c) => c.a === pair.b && c.b === pair.a) ??
    differenceOf(table, column, pair.b, pair.a, "majority");
  return tally(table, reversed, read).fit > tally(table, pair, read).fit ? reversed : pair;
}

export function differenceRelations(
  table: Table,
  read: Reader = tableReader(table),
): DifferenceRelation[] {
  const relations: DifferenceRelation[] = [];
  if (table.kind === "efisiensi") return relations;
  for (const column of table.columns) {
    const relation =
      formulaDifference(table, column) ??
      (column.role === "selisih" ? selisihRelation(table, column, read) : null);
    if (relation) relations.push(relation);
  }
  return relations;
}
