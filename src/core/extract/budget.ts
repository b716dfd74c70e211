import type { Table } from "../check/table";
import type { RegionColumn } from "../recognize/types";
import type { BudgetLine, ModelValue } from "./types";
import { modelValueAt } from "./values";

/**
 * Budget lines of `anggaran` tables (and the budget columns of other tables): one line per
 * program/kegiatan/sub kegiatan row with its pagu, realisasi, percentage and selisih cells.
 * Short codes repeat ("0001" under every kegiatan), so lines also carry the path of codes
 * from the top ("01/2.01/0001"), which is what identifies them across tables.
 */
export function budgetLinesOf(table: Table, tableIndex: number, offset: number): BudgetLine[] {
  const columnsOf = (role: string): RegionColumn[] => table.columns.filter((c) => c.role === role);
  const paguColumns = columnsOf("pagu");
  const realisasiColumns = columnsOf("realisasi-anggaran");
  if (paguColumns.length === 0 && realisasiColumns.length === 0) return [];
  const persenColumns = columnsOf("persen-anggaran");
  const selisihColumns = columnsOf("selisih");
  const lines: BudgetLine[] = [];
  const lineOfRow = new Map<number, number>();
  table.rows.forEach((row, index) => {
    if (row.kind !== "data" && row.kind !== "total") return;
    // Each money cell of the row read once (these tables run to thousands of rows).
    const pagu = yearValuesAt(table, row.row, paguColumns, true);
    const realisasi = yearValuesAt(table, row.row, realisasiColumns, false);
    const persen = valuesAt(table, row.row, persenColumns);
    const selisih = valuesAt(table, row.row, selisihColumns);
    if (pagu.length + realisasi.length + persen.length + selisih.length === 0) return;
    const parentLine = row.parent !== null ? lineOfRow.get(row.parent) : undefined;
    const parent = parentLine !== undefined ? lines[parentLine - offset] : undefined;
    const path =
      row.kode !== undefined ? (parent?.path ? `${parent.path}/${row.kode}` : row.kode) : undefined;
    const line: BudgetLine = {
      table,
      tableIndex,
      row: row.row,
      name: table.label(row.row),
      level: row.level,
      parent: parentLine ?? null,
      total: row.kind === "total",
      pagu,
      realisasi,
      persen,
      selisih,
    };
    if (row.kode !== undefined) line.kode = row.kode;
    if (path !== undefined) line.path = path;
    lineOfRow.set(index, offset + lines.length);
    lines.push(line);
  });
  return lines;
}

function yearOf(table: Table, column: RegionColumn): number | null {
  return column.year ?? table.region.year ?? null;
}

/** The money values of a row in these columns, with their year (and the pagu's variant). */
function yearValuesAt(
  table: Table,
  row: number,
  columns: readonly RegionColumn[],
  withVariant: boolean,
): BudgetLine["pagu"] {
  const values: BudgetLine["pagu"] = [];
  for (const c of columns) {
    const number = table.number(row, c.col);
    if (!number) continue;
    const at = table.ref(row, c.col);
    const value: BudgetLine["pagu"][number] = {
      value: number.value,
      number,
      at,
      col: c.col,
      year: yearOf(table, c),
    };
    if (withVariant) value.variant = c.variant;
    values.push(value);
  }
  return values;
}

function valuesAt(table: Table, row: number, columns: RegionColumn[]): ModelValue[] {
  const values: ModelValue[] = [];
  for (const c of columns) {
    const v = modelValueAt(table, row, c.col);
    if (v) values.push(v);
  }
  return values;
}
