import type { Table } from "../../check/table";
import { kodeLevel } from "../../recognize/rows";
import type { RegionRow } from "../../recognize/types";

/**
 * Which rows add up to which (DOMAIN.md §1 "Hierarchy", §6.3), read for sums: by kode
 * (urusan ⊃ program ⊃ kegiatan ⊃ sub kegiatan), else by outline numbering ("1.", "1.1",
 * "1.1.1"), else by the recogniser's layout levels (caps PROGRAM rows, indentation).
 *
 * Rows whose level no code or number gives but that carry amounts under an all-caps label
 * ("URUSAN …", "BELANJA LANGSUNG", "BELANJA OPERASI") are *group* rows: they are checked as
 * open totals against every reading of the rows below them, never as strict parents.
 */

export interface SumNode {
  /** Index into table.rows. */
  index: number;
  row: number;
  /** 0 for group rows; deeper rows have larger depths. */
  depth: number;
  group: boolean;
  /** A JUMLAH / TOTAL row. */
  total: boolean;
  /** Index into the nodes array of the structural parent, or null. */
  parent: number | null;
  children: number[];
}

export type HierarchySystem = "kode" | "outline" | "layout";

export interface SumTree {
  system: HierarchySystem;
  nodes: SumNode[];
}

const PROGRAM_WORD = /^(?:[A-Z]\.\s*)?program\b/i;
const KEGIATAN_WORD = /^kegiatan\b/i;
const SUB_KEGIATAN_WORD = /^sub\s*-?\s*kegiatan\b/i;
const OUTLINE_CELL = /^(\d{1,2}(?:\.\d{1,2})*)\.?$/;
const OUTLINE_PREFIX = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\p{L})/u;

/** The program/kegiatan name of a row: its uraian cell, else its first text cell. */
export function uraianOf(table: Table, row: number): string {
  for (const column of table.columnsWith("uraian")) {
    const text = table.text(row, column.col);
    if (/\p{L}/u.test(text)) return text;
  }
  for (let c = table.region.range.left; c <= table.region.range.right; c++) {
    const text = table.text(row, c);
    if (typeof table.cell(row, c).value === "string" && /\p{L}{2}/u.test(text)) return text;
  }
  return "";
}

/** "URUSAN KOPERASI DAN UKM", "BELANJA LANGSUNG": an all-caps heading of two words or more. */
function isCapsHeading(label: string): boolean {
  const letters = label.replace(/[^\p{L}\s]/gu, " ").trim();
  return (
    /\p{L}{2,}\s+\p{L}{2,}/u.test(letters) &&
    letters === letters.toUpperCase() &&
    !PROGRAM_WORD.test(label) &&
    !KEGIATAN_WORD.test(label) &&
    !SUB_KEGIATAN_WORD.test(label)
  );
}

/** Depth a label's first word gives in the kode system: program 2, kegiatan 3, sub 4. */
function wordDepth(label: string): number | null {
  if (SUB_KEGIATAN_WORD.test(label)) return 4;
  if (KEGIATAN_WORD.test(label)) return 3;
  if (PROGRAM_WORD.test(label)) return 2;
  return null;
}

/**
 * The kode of a row for sums. Codes typed as numbers ("16", "154") count when the column
 * also holds text codes: the author let Excel drop nothing but the type.
 */
function kodeOf(table: Table, regionRow: RegionRow, textKodes: number): string | null {
  if (regionRow.kode) return regionRow.kode;
  const kodeCol = table.firstColumn("kode")?.col;
  if (kodeCol === undefined || textKodes < 2) return null;
  const value = table.cell(regionRow.row, kodeCol).value;
  if (typeof value === "number" && Number.isInteger(value) && value > 0 && value < 10000) {
    return String(value);
  }
  return null;
}

/** Segments of an outline number in the row: "1." → 1, "1.1" → 2, "2.1.3" → 3. */
function outlineOf(table: Table, row: number): number | null {
  const uraianCol = table.firstColumn("uraian")?.col ?? table.region.range.right + 1;
  for (let c = table.region.range.left; c < uraianCol; c++) {
    const column = table.columns.find((x) => x.col === c);
    if (column && column.role !== null && column.role !== "kode") continue;
    const value = table.cell(row, c).value;
    if (typeof value !== "string") continue;
    const m = OUTLINE_CELL.exec(value.trim());
    if (m) return m[1].split(".").length;
  }
  const m = OUTLINE_PREFIX.exec(uraianOf(table, row));
  return m ? m[1].split(".").length : null;
}

/** True when the row holds a number in any of the given columns. */
function hasAmount(table: Table, row: number, cols: number[]): boolean {
  return cols.some((c) => table.reading(row, c).kind === "number");
}

/** What a numbering system says of a row: its depth, a group row, or nothing (left out). */
type RowDepth = number | "group" | null;

/**
 * The nodes of every row under one numbering system: average rows are left out, total rows
 * sit at the top, and `depthOf` decides the rest.
 */
function nodesBy(table: Table, depthOf: (r: RegionRow) => RowDepth): SumNode[] {
  const nodes: SumNode[] = [];
  table.rows.forEach((r, index) => {
    if (r.kind === "average") return;
    const total = r.kind === "total";
    const depth = total ? 0 : depthOf(r);
    if (depth === null) return;
    const group = depth === "group";
    nodes.push({
      index,
      row: r.row,
      depth: depth === "group" ? 0 : depth,
      group,
      total,
      parent: null,
      children: [],
    });
  });
  return nodes;
}

function nodesByKode(table: Table, valueCols: number[]): SumNode[] {
  const textKodes = table.rows.filter((r) => r.kode).length;
  // A table repeats a few dozen kodes ("01", "2.01", "0001"): each is split once.
  const levels = new Map<string, number>();
  return nodesBy(table, (r) => {
    const kode = kodeOf(table, r, textKodes);
    if (kode) {
      let level = levels.get(kode);
      if (level === undefined) {
        level = Math.max(1, kodeLevel(kode));
        levels.set(kode, level);
      }
      return level;
    }
    const label = uraianOf(table, r.row);
    const word = wordDepth(label);
    if (word !== null) return word;
    if (!hasAmount(table, r.row, valueCols)) return null;
    return label ? "group" : null;
  });
}

function nodesByOutline(table: Table, valueCols: number[]): SumNode[] {
  return nodesBy(table, (r) => {
    const outline = outlineOf(table, r.row);
    if (outline !== null) return outline;
    return hasAmount(table, r.row, valueCols) ? "group" : null;
  });
}

function nodesByLayout(table: Table, valueCols: number[]): SumNode[] {
  return nodesBy(table, (r) => {
    if (r.levelFrom !== "indent" && hasAmount(table, r.row, valueCols)) {
      if (isCapsHeading(uraianOf(table, r.row))) return "group";
    }
    return r.level + 1;
  });
}

export function chooseSystem(table: Table): HierarchySystem {
  const textKodes = table.rows.filter((r) => r.kode).length;
  if (textKodes >= 2) return "kode";
  const outlines = table.rows.map((r) => outlineOf(table, r.row)).filter((n) => n !== null);
  if (outlines.length >= 2 && outlines.some((n) => n > 1)) return "outline";
  return "layout";
}

/**
 * Parents by depth: the nearest earlier row of smaller depth. Totals and group rows close
 * the search, so that no row reaches across a JUMLAH or a "BELANJA …" heading for a parent.
 */
export function buildSumTree(table: Table, valueCols: number[]): SumTree {
  const system = chooseSystem(table);
  const nodes =
    system === "kode"
      ? nodesByKode(table, valueCols)
      : system === "outline"
        ? nodesByOutline(table, valueCols)
        : nodesByLayout(table, valueCols);
  linkParents(nodes);
  return { system, nodes };
}

/**
 * The nearest earlier node of smaller depth, found with a stack of the open ancestors (a
 * node closes every open one at its depth or deeper: none of them can be a later row's
 * nearest smaller), so a long table costs one pass. Totals and groups empty the stack.
 */
function linkParents(nodes: SumNode[]): void {
  const open: number[] = [];
  nodes.forEach((node, i) => {
    if (node.group || node.total) {
      open.length = 0;
      return;
    }
    while (open.length > 0 && nodes[open[open.length - 1]].depth >= node.depth) open.pop();
    if (open.length > 0) {
      const j = open[open.length - 1];
      node.parent = j;
      nodes[j].children.push(i);
    }
    open.push(i);
  });
}
