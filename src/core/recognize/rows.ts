import { Grid } from "./grid";
import type { TableBounds } from "./tables";
import { RegionColumn, RegionRow, RowKind, VALUE_ROLES } from "./types";

/**
 * How a table's rows nest (tujuan/sasaran/program/kegiatan/sub kegiatan): by kode when the
 * table has one, else by indentation, section labels ("TUJUAN :") or all-caps PROGRAM rows.
 */

const TOTAL = /^(?:jumlah|total|sub ?total|grand total)\b/i;
/** "JUMLAH", "Jumlah Total", "TOTAL ANGGARAN (Rp)": the keyword alone or with a money word. */
const TOTAL_ONLY =
  /^(?:jumlah|total|sub ?total|grand total)(?:\s+(?:total|keseluruhan|seluruhnya|akhir|anggaran|belanja|pagu|dana|biaya|realisasi|rp\.?|\(rp\.?\)))*\s*:?$/i;
const AVERAGE = /^rata[- ]?rata\b/i;

/** "1.05.02.2.03.0002", "X.XX.01", " 2.01 ", "1.15.0 0 .1 8" → normalised kode. */
export function normaliseKode(text: string): string | null {
  const t = text.replace(/\s+/g, "").replace(/\.$/, "").toUpperCase();
  if (/^[0-9X]{1,4}(?:\.[0-9X]{1,4}){0,6}$/.test(t) && /\d|X\./.test(t)) return t;
  return null;
}

/**
 * Depth of a kode: full Permendagri 90/2019 codes by segment count, the short LKjIP forms
 * (NN program, N.NN kegiatan, NNNN sub kegiatan) by shape.
 */
export function kodeLevel(kode: string): number {
  const parts = kode.split(".");
  if (parts.length === 1) {
    if (parts[0].length <= 2) return 2;
    if (parts[0].length === 3) return 3;
    return 4;
  }
  if (parts.length === 2 && parts[0].length === 1 && parts[1].length === 2) {
    // "2.01": a kegiatan in the short forms; "1.05" an urusan.bidang would be rare alone.
    return 3;
  }
  if (parts.length <= 2) return parts.length - 1;
  if (parts.length === 3) return 2;
  if (parts.length <= 5) return 3;
  return 4;
}

function leadingSpaces(raw: unknown): number {
  if (typeof raw !== "string") return 0;
  const m = /^( +)/.exec(raw);
  return m ? Math.floor(m[1].length / 2) : 0;
}

function rowKind(
  grid: Grid,
  t: TableBounds,
  r: number,
  valueCols: number[],
  indikatorCols: number[],
): RowKind {
  const cells = grid.cellsIn(r, t.left, t.right);
  const first = cells.length > 0 ? grid.text(r, cells[0]) : "";
  if (AVERAGE.test(first)) return "average";
  // "Jumlah Wirausaha Baru" in the indicator column is an indicator, not a JUMLAH row.
  const indicatorName = indikatorCols.includes(cells[0]) && !TOTAL_ONLY.test(first);
  if (TOTAL.test(first) && !indicatorName) return "total";
  const hasValue = valueCols.some((c) => !grid.isEmpty(r, c) && grid.text(r, c) !== "-");
  if (!hasValue && cells.length <= 2) return "section";
  return "data";
}

export function recogniseRows(grid: Grid, t: TableBounds, columns: RegionColumn[]): RegionRow[] {
  const kodeCol = columns.find((c) => c.role === "kode")?.col;
  const labelCol =
    columns.find((c) => c.role === "uraian")?.col ??
    columns.find((c) => c.role === "sasaran" || c.role === "tujuan")?.col ??
    columns.find((c) => c.role === "indikator")?.col;
  const valueCols = columns
    .filter((c) => c.role !== null && VALUE_ROLES.has(c.role))
    .map((c) => c.col);

  const indikatorCols = columns.filter((c) => c.role === "indikator").map((c) => c.col);

  const rows: RegionRow[] = [];
  let sectionLevel = -1;
  for (let r = t.headerBottom + 1; r <= t.bottom; r++) {
    if (grid.isEmptyRow(r, t.left, t.right)) continue;
    const kind = rowKind(grid, t, r, valueCols, indikatorCols);
    let level = 1;
    let levelFrom: RegionRow["levelFrom"] = "layout";
    let kode: string | undefined;
    // Codes are typed as text to keep their zeros; a numeric 1, 2 in that column is numbering.
    const kodeText =
      kodeCol !== undefined && typeof grid.value(r, kodeCol) === "string"
        ? grid.text(r, kodeCol)
        : "";
    const normalised = kodeText ? normaliseKode(kodeText) : null;
    if (normalised) {
      kode = normalised;
      level = kodeLevel(normalised);
      levelFrom = "kode";
    } else if (kodeCol !== undefined && kodeText !== "" && kind !== "total") {
      // Text in the kode column ("URUSAN WAJIB …", "DINAS …") heads everything below.
      level = 0;
      levelFrom = "kode";
    } else if (kind === "section") {
      sectionLevel = 0;
      level = 0;
      levelFrom = "section";
    } else if (labelCol !== undefined) {
      const indent = grid.indent(r, labelCol) || leadingSpaces(grid.value(r, labelCol));
      const label = grid.text(r, labelCol);
      if (indent > 0) {
        level = 1 + indent;
        levelFrom = "indent";
      } else if (/^(?:[A-Z]\.\s*)?PROGRAM\b/.test(label)) {
        level = sectionLevel + 1;
        levelFrom = "caps";
      } else {
        level = sectionLevel + 1 + (rows.some((x) => x.levelFrom === "caps") ? 1 : 0);
      }
    }
    if (kind === "total" || kind === "average") level = 0;
    let parent: number | null = null;
    for (let i = rows.length - 1; i >= 0; i--) {
      if (rows[i].level < level && rows[i].kind !== "total" && rows[i].kind !== "average") {
        parent = i;
        break;
      }
    }
    rows.push({ row: r, kind, level, parent, levelFrom, ...(kode ? { kode } : {}) });
  }
  return rows;
}
