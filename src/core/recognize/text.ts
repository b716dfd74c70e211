import type { CellValue } from "../snapshot";

/**
 * Cell text as the recogniser reads it: white space collapsed and trimmed, and the cheap
 * character tests that let it skip building that text (or parsing a number) where the raw
 * value already decides. The white space is that of `\s` and String.prototype.trim.
 */

/** No value, or only white space: what a reader sees as an empty cell. */
export function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  // Most texts start with a visible character: no need to trim them.
  if (v.length > 0 && !isWhiteSpace(v.charCodeAt(0))) return false;
  return v.trim() === "";
}

/** Holds one of the ASCII digits the number parser reads (`\d`); without one, no number. */
export function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/**
 * 1–15 ASCII digits, optionally closed by one dot ("7", "0012", "3."): text the number
 * reading always reads as a plain number (a property test compares the two).
 */
export function isPlainOrdinal(text: string): boolean {
  const digits = text.charCodeAt(text.length - 1) === 0x2e ? text.length - 1 : text.length;
  if (digits === 0 || digits > 15) return false;
  for (let i = 0; i < digits; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The cell's text: numbers as plain digits, white space runs as one space, trimmed. */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v !== "string") return String(v);
  return hasOnlySingleInnerSpaces(v) ? v : v.replace(/\s+/g, " ").trim();
}

/**
 * True when collapsing white space runs and trimming would leave the text unchanged: its
 * only white space is single ASCII spaces between other characters. Most cell texts are
 * like that, and this loop is several times cheaper than the regex replace.
 */
function hasOnlySingleInnerSpaces(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) return false;
    } else if (code < 32 || (code >= 127 && isOtherWhiteSpace(code))) {
      return false;
    }
  }
  return true;
}

/** White space between two visible characters: the cell text has a space in it. */
export function hasInnerWhiteSpace(raw: string): boolean {
  let seenVisible = false;
  let spaceAfterVisible = false;
  for (let i = 0; i < raw.length; i++) {
    if (isWhiteSpace(raw.charCodeAt(i))) {
      spaceAfterVisible = seenVisible;
    } else {
      if (spaceAfterVisible) return true;
      seenVisible = true;
    }
  }
  return false;
}

/** White space of `\s` (and of String.prototype.trim). */
export function isWhiteSpace(code: number): boolean {
  return code === 32 || isOtherWhiteSpace(code);
}

/** White space of `\s` (and of String.prototype.trim) other than the ASCII space. */
function isOtherWhiteSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
