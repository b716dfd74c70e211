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
  const moneyRoles = ["pagu", "realisasi-anggaran", "persen-anggaran", "selisih"];
  if (!table.columns.some((c) => c.role === "pagu" || c.role === "realisasi-anggaran")) return [];
  const yearOf = (c: RegionColumn, list: ModelValue[]) =>
    list.map((v) => ({ ...v, year: c.year ?? table.region.year ?? null }));
  const lines: BudgetLine[] = [];
  const lineOfRow = new Map<number, number>();
  table.rows.forEach((row, index) => {
    if (row.kind !== "data" && row.kind !== "total") return;
    const values = (role: string, only?: number): ModelValue[] =>
      table.columns
        .filter((c) => c.role === role && (only === undefined || c.col === only))
        .flatMap((c) => modelValueAt(table, row.row, c.col) ?? []);
    if (moneyRoles.every((role) => values(role).length === 0)) return;
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
      pagu: table.columns
        .filter((c) => c.role === "pagu")
        .flatMap((c) =>
          yearOf(c, values("pagu", c.col)).map((v) => ({ ...v, variant: c.variant })),
        ),
      realisasi: table.columns
        .filter((c) => c.role === "realisasi-anggaran")
        .flatMap((c) => yearOf(c, values("realisasi-anggaran", c.col))),
      persen: values("persen-anggaran"),
      selisih: values("selisih"),
    };
    if (row.kode !== undefined) line.kode = row.kode;
    if (path !== undefined) line.path = path;
    lineOfRow.set(index, offset + lines.length);
    lines.push(line);
  });
  return lines;
}
