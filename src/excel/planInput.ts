import { CellRange } from "../core/snapshot";
import { PlanCell, PlanStyle, SheetPlan } from "../core/summary/plan";
import { MAX_ROWS, planCells as checkedCells } from "../core/summary/planChecks";
import { ExcelGatewayError } from "./errors";

/**
 * SheetPlans checked and translated into Office.js terms before anything is written, with
 * the same limits and defaults as the xlsx gateway (src/xlsx/ooxml/worksheet.ts,
 * styles.ts), so both gateways write the same sheet.
 */

/** Excel's widest column, in characters, and tallest row, in points. */
const MAX_WIDTH = 255;
const MAX_ROW_HEIGHT = 409;
/** Excel's largest indent level through Office.js. */
const MAX_INDENT = 250;

/** The cells of a plan, checked; a plan the builders got wrong becomes the gateway's error. */
export function planCells(plan: SheetPlan): PlanCell[] {
  try {
    return checkedCells(plan);
  } catch (error) {
    throw new ExcelGatewayError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A plan's column width (characters, the unit of an .xlsx <col width>) in points, the unit
 * of Office.js `format.columnWidth`: Excel shows a width w as
 * trunc((256·w + trunc(128/7)) / 256 · 7) pixels, 7 px being the maximum digit width of the
 * default font (Calibri 11) at 96 dpi, and a pixel is 0.75 pt. So a summary sheet gets the
 * same columns from either gateway (the default 8.43-character column, w = 9.140625,
 * is 64 px = 48 pt).
 */
export function columnWidthPoints(chars: number): number {
  const w = Math.min(chars, MAX_WIDTH);
  const pixels = Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}

/** The plan's row heights that a sheet can hold: 0-based row → points. */
export function planRowHeights(plan: SheetPlan): Map<number, number> {
  const out = new Map<number, number>();
  for (const [key, value] of Object.entries(plan.rowHeights ?? {})) {
    const row = Number(key);
    if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) continue;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) continue;
    out.set(row, Math.min(value, MAX_ROW_HEIGHT));
  }
  return out;
}

/** "RRGGBB", "#RRGGBB" or "AARRGGBB" → "#RRGGBB" as Office.js takes it; null otherwise. */
export function officeColor(color: string | undefined): string | null {
  if (color === undefined) return null;
  const hex = color.trim().replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return "#" + hex;
  if (/^[0-9A-F]{8}$/.test(hex)) return "#" + hex.slice(2);
  return null;
}

/** Words Excel (en-US or id-ID) would turn into a boolean when typed. */
const BOOLEAN_WORDS = /^\s*(true|false|benar|salah)\s*$/i;

/**
 * A text constant as written to `Range.formulas`. Excel parses what it is given as if
 * typed: "=…" would become a formula, "12", "1/2", "Maret 2021" or "TRUE" a number, date or
 * boolean (in the user's locale). A leading apostrophe keeps the text as it is; it is left
 * off plain words (a letter first, no digit), which Excel keeps as text anyway, so that
 * most cells carry no quote prefix.
 */
export function textInput(text: string): string {
  if (text === "") return "";
  const plain = /^\p{L}[^\d]*$/u.test(text) && !BOOLEAN_WORDS.test(text);
  return plain ? text : "'" + text;
}

/** What a cell gets in the `formulas` matrix: its formula, or its constant; "" = empty. */
export function cellInput(cell: PlanCell): string | number | boolean {
  const formula = cell.formula;
  if (typeof formula === "string" && formula.replace(/^\s*=/, "").trim() !== "") {
    return "=" + formula.trim().replace(/^=/, "");
  }
  const value = cell.value;
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return textInput(value);
  return "";
}

/** A cell style in Office.js terms; absent fields are left at Excel's default. */
export interface CellLook {
  bold?: true;
  italic?: true;
  size?: number;
  color?: string;
  fill?: string;
  border?: true;
  horizontal?: "Left" | "Center" | "Right";
  vertical?: "Top" | "Center" | "Bottom";
  wrap?: true;
  indent?: number;
}

/** A PlanStyle as Office.js format settings (null when it changes nothing). */
export function lookOf(style: PlanStyle | undefined): CellLook | null {
  if (!style) return null;
  const look: CellLook = {};
  if (style.bold) look.bold = true;
  if (style.italic) look.italic = true;
  if (typeof style.fontSize === "number" && Number.isFinite(style.fontSize) && style.fontSize > 0) {
    look.size = style.fontSize;
  }
  const color = officeColor(style.fontColor);
  if (color) look.color = color;
  const fill = officeColor(style.fill);
  if (fill) look.fill = fill;
  if (style.border) look.border = true;
  const indent =
    typeof style.indent === "number" && style.indent > 0
      ? Math.min(Math.round(style.indent), MAX_INDENT)
      : 0;
  // Excel indents only left (or right) aligned text; the xlsx gateway sets left too.
  const horizontal = style.horizontal ?? (indent > 0 ? "left" : undefined);
  if (horizontal === "left") look.horizontal = "Left";
  else if (horizontal === "center") look.horizontal = "Center";
  else if (horizontal === "right") look.horizontal = "Right";
  if (style.vertical === "top") look.vertical = "Top";
  else if (style.vertical === "middle") look.vertical = "Center";
  else if (style.vertical === "bottom") look.vertical = "Bottom";
  if (style.wrap) look.wrap = true;
  if (indent > 0) look.indent = indent;
  return Object.keys(look).length > 0 ? look : null;
}

/** Cell positions → rectangles covering exactly them: runs per row, stacked where equal. */
export function rectanglesOf(cells: { row: number; col: number }[]): CellRange[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const done: CellRange[] = [];
  let open = new Map<string, CellRange>();
  let i = 0;
  while (i < sorted.length) {
    const row = sorted[i].row;
    const next = new Map<string, CellRange>();
    while (i < sorted.length && sorted[i].row === row) {
      const left = sorted[i].col;
      let right = left;
      i++;
      while (i < sorted.length && sorted[i].row === row && sorted[i].col <= right + 1) {
        right = Math.max(right, sorted[i].col);
        i++;
      }
      const key = `${left}:${right}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) {
        above.bottom = row;
        next.set(key, above);
      } else {
        const rect = { top: row, left, bottom: row, right };
        done.push(rect);
        next.set(key, rect);
      }
    }
    open = next;
  }
  return done;
}

export interface PreparedPlan {
  plan: SheetPlan;
  cells: PlanCell[];
  merges: CellRange[];
}
