import type { CellRef } from "../check/types";
import type { ModelValue } from "../extract/types";
import { a1, SheetSnapshot, valueAt } from "../snapshot";
import { quoteSheet } from "./plan";

/**
 * How a summary cell reads a number of the planner's tables (DOMAIN.md §7): a native formula
 * on the source cell, so the summary follows her edits. Numeric cells are referenced as
 * they are (a "%"-formatted fraction ×100, to percent points like the engine); typed text
 * such as "77,60%" goes through NUMBERVALUE with the separators the §3 parser chose. Text
 * no formula reads the same way ("800 Org", "100% (40%)") becomes a marked constant.
 */

export type SourceOperand =
  | {
      kind: "formula";
      /** The reading without the empty-cell guard (`'T'!E5*100`), for use inside SUM etc. */
      read: string;
      /** `IF(ref="","",read)`: empty stays empty. */
      formula: string;
      value: number;
      decimals: number;
      at: CellRef;
    }
  | { kind: "static"; value: number; decimals: number; at: CellRef; text: string };

/** `'Tabel 3.1'!E5` */
export function refText(at: CellRef): string {
  return `${quoteSheet(at.sheet)}!${a1(at.row, at.col)}`;
}

/** "Tabel 3.1!E5", for people (the Sumber column, notes). */
export function refLabel(at: CellRef): string {
  return `${at.sheet}!${a1(at.row, at.col)}`;
}

const PLAIN_NUMBER_TEXT = /^ *[+-]?[0-9., ]*[0-9][0-9., ]*%? *$/;

/** What Excel's NUMBERVALUE(SUBSTITUTE(text,"%",""), decimal, group) gives, or null for #VALUE!. */
export function numberValueOf(text: string, decimal: string, group: string): number | null {
  const plain = text.replace(/%/g, "").replace(/ /g, "");
  if (plain === "") return 0;
  const parts = plain.split(decimal);
  if (parts.length > 2) return null;
  // Excel rejects a group separator after the decimal mark.
  if (parts.length === 2 && parts[1].includes(group)) return null;
  const digits = parts[0].split(group).join("") + (parts.length === 2 ? "." + parts[1] : "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits)) return null;
  return Number(digits);
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function sourceOperand(value: ModelValue, sheet: SheetSnapshot | undefined): SourceOperand {
  const at = value.at;
  const ref = refText(at);
  const decimals = value.number.decimals;
  const raw = sheet ? valueAt(sheet, at.row, at.col) : null;
  const formulaOperand = (read: string, result: number): SourceOperand => ({
    kind: "formula",
    read,
    formula: `IF(${ref}="","",${read})`,
    value: result,
    decimals,
    at,
  });
  if (typeof raw === "number") {
    return formulaOperand(
      value.number.readAs === "percent-format" ? `${ref}*100` : ref,
      value.value,
    );
  }
  const text = typeof raw === "string" ? raw : String(raw ?? "");
  const n = value.number;
  if (
    typeof raw === "string" &&
    PLAIN_NUMBER_TEXT.test(raw) &&
    n.secondary === null &&
    (n.unit === null || n.unit === "%")
  ) {
    const [decimal, group] = n.decimalMark === "." || n.usFormat ? [".", ","] : [",", "."];
    const read = numberValueOf(raw, decimal, group);
    if (read !== null && sameNumber(read, value.value)) {
      return formulaOperand(`NUMBERVALUE(SUBSTITUTE(${ref},"%",""),"${decimal}","${group}")`, read);
    }
  }
  return { kind: "static", value: value.value, decimals, at, text };
}
