import { CellRange, parseRangeA1 } from "../core/snapshot";

/**
 * Addresses as Office.js reports them: "Sheet1!B2:H20", "'Tabel 3.1'!A1", and for a
 * RangeAreas "'Tabel 3.1'!A1:B2, 'Tabel 3.1'!D4:E5". Sheet names may hold commas and "!"
 * inside their quotes, so the text is split outside quotes only.
 */

/** The cell part of an address: what follows the last "!" outside quotes. */
export function stripSheet(address: string): string {
  let inQuotes = false;
  let bang = -1;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") inQuotes = !inQuotes;
    else if (ch === "!" && !inQuotes) bang = i;
  }
  return address.slice(bang + 1).trim();
}

/** The areas of a (possibly multi-area) address, each without its sheet part. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i <= address.length; i++) {
    const ch = address[i];
    if (ch === "'") inQuotes = !inQuotes;
    // Office documents both separators for RangeAreas addresses.
    if (i === address.length || ((ch === "," || ch === ";") && !inQuotes)) {
      const part = address.slice(start, i).trim();
      if (part !== "") out.push(stripSheet(part));
      start = i + 1;
    }
  }
  return out;
}

/** "Sheet1!B2:H20" → the rectangle, null when the text is not a cell range. */
export function rangeOfAddress(address: string): CellRange | null {
  return parseRangeA1(stripSheet(address).replace(/\$/g, ""));
}

/** Every rectangle of a RangeAreas address; parts that are not cell ranges are skipped. */
export function rangesOfAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of splitAreas(address)) {
    const range = parseRangeA1(part.replace(/\$/g, ""));
    if (range) out.push(range);
  }
  return out;
}
