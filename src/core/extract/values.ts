import type { Table } from "../check/table";
import type { ModelValue } from "./types";

/** The number of a table cell as a model value with its cell, or undefined when it holds none. */
export function modelValueAt(table: Table, row: number, col: number): ModelValue | undefined {
  const number = table.number(row, col);
  return number ? { value: number.value, number, at: table.ref(row, col), col } : undefined;
}
