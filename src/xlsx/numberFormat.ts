import { fromExcelNumber } from "../core/decimal";
import type { CellValue } from "../core/snapshot";

/**
 * A small Excel number-format renderer: the display text of a cell value under its format
 * code, in en-US style (what Office.js reports as `text` in an en-US Excel). Best effort:
 * it covers the codes planning tables use (General, 0, 0.00, #,##0, #,##0.00, 0%, 0.00%,
 * accounting and currency codes with quoted literals, [$Rp-421], _x spacing, colours,
 * several sections, scientific, and common date/time codes). What it does not do: column
 * width (Excel shows "####" or fewer General digits in narrow columns), `*` fill characters
 * (rendered as nothing), conditions such as [>=100] (ignored), fractions (rendered as General).
 */

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

type Token =
  | { t: "lit"; s: string }
  | { t: "ph"; c: "0" | "#" | "?" }
  | { t: "dot" }
  | { t: "comma" }
  | { t: "pct" }
  | { t: "exp"; sign: "+" | "-" }
  | { t: "general" }
  | { t: "at" }
  | { t: "date"; s: string }
  | { t: "elapsed"; unit: "h" | "m" | "s"; width: number };

interface Section {
  tokens: Token[];
  isDate: boolean;
}

/** The display text of a cell value under a number format (strings stay as they are). */
export function formatCellText(
  value: CellValue,
  format: string = "General",
  options: { date1904?: boolean } = {},
): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return formatNumberText(value, format, options.date1904 ?? false);
}

/** A number rendered under an Excel number format code, en-US style. */
export function formatNumberText(value: number, format: string, date1904 = false): string {
  if (!Number.isFinite(value)) return String(value);
  const sections = parsedFormat(format);
  let section = sections[0];
  let v = value;
  let sign = "";
  if (sections.length === 1) {
    if (v < 0) {
      sign = "-";
      v = -v;
    }
  } else if (v < 0) {
    section = sections[1];
    v = -v;
  } else if (v === 0 && sections.length >= 3) {
    section = sections[2];
  }
  if (section.isDate) {
    // Excel shows a negative date as ####; the underlying number is more useful here.
    if (value < 0) return formatGeneral(value);
    return sign + formatDate(v, section.tokens, date1904);
  }
  return sign + formatNumberSection(v, section.tokens, sign !== "");
}

// ---------------------------------------------------------------------------------------
// Parsing.

/** Parsed formats by code: a workbook uses a handful of codes over a million cells. */
const PARSED = new Map<string, Section[]>();

function parsedFormat(format: string): Section[] {
  let sections = PARSED.get(format);
  if (!sections) {
    const code = format.trim() === "" ? "General" : format;
    sections = splitSections(code).map(parseSection);
    if (PARSED.size > 1000) PARSED.clear();
    PARSED.set(format, sections);
  }
  return sections;
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (quote) {
      cur += ch;
      if (ch === '"') quote = false;
      continue;
    }
    if (bracket) {
      cur += ch;
      if (ch === "]") bracket = false;
      continue;
    }
    if (ch === "\\" || ch === "_" || ch === "*") {
      cur += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";") {
      out.push(cur);
      cur = "";
      continue;
    }
    if (ch === '"') quote = true;
    if (ch === "[") bracket = true;
    cur += ch;
  }
  out.push(cur);
  return out;
}

function parseSection(text: string): Section {
  const tokens: Token[] = [];
  const lit = (s: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.t === "lit") last.s += s;
    else tokens.push({ t: "lit", s });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const rest = text.slice(i);
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      const stop = end < 0 ? text.length : end;
      lit(text.slice(i + 1, stop));
      i = stop + 1;
    } else if (ch === "\\") {
      lit(text[i + 1] ?? "");
      i += 2;
    } else if (ch === "_") {
      lit(" ");
      i += 2;
    } else if (ch === "*") {
      i += 2; // fill character: depends on the column width
    } else if (ch === "[") {
      const end = text.indexOf("]", i);
      const stop = end < 0 ? text.length : end;
      const inner = text.slice(i + 1, stop);
      i = stop + 1;
      const elapsed = /^(h+|m+|s+)$/i.exec(inner);
      if (elapsed) {
        const unit = elapsed[1][0].toLowerCase() as "h" | "m" | "s";
        tokens.push({ t: "elapsed", unit, width: elapsed[1].length });
      } else if (inner.startsWith("$")) {
        const dash = inner.indexOf("-");
        lit(dash < 0 ? inner.slice(1) : inner.slice(1, dash));
      }
      // colours ([Red]) and conditions ([>=100]) are dropped
    } else if (/^general/i.test(rest)) {
      tokens.push({ t: "general" });
      i += "general".length;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      tokens.push({ t: "ph", c: ch });
      i++;
    } else if (ch === ".") {
      tokens.push({ t: "dot" });
      i++;
    } else if (ch === ",") {
      tokens.push({ t: "comma" });
      i++;
    } else if (ch === "%") {
      tokens.push({ t: "pct" });
      i++;
    } else if ((ch === "E" || ch === "e") && (text[i + 1] === "+" || text[i + 1] === "-")) {
      tokens.push({ t: "exp", sign: text[i + 1] as "+" | "-" });
      i += 2;
    } else if (ch === "@") {
      tokens.push({ t: "at" });
      i++;
    } else if (/^am\/pm/i.test(rest)) {
      tokens.push({ t: "date", s: "AM/PM" });
      i += 5;
    } else if (/^a\/p/i.test(rest)) {
      tokens.push({ t: "date", s: "A/P" });
      i += 3;
    } else if (/[ymdhs]/i.test(ch)) {
      let j = i;
      while (j < text.length && text[j].toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ t: "date", s: text.slice(i, j).toLowerCase() });
      i = j;
    } else {
      lit(ch);
      i++;
    }
  }
  const isDate = tokens.some((tk) => tk.t === "date" || tk.t === "elapsed");
  return { tokens, isDate };
}

// ---------------------------------------------------------------------------------------
// Numbers.

/**
 * abs (≥ 0) with `decimals` decimals, rounded half away from zero on its 15-significant-digit
 * value as Excel does (1.005 → "1.01"). A string-digit fast path; Decimal for the rare
 * magnitudes where toPrecision answers in exponent form.
 */
export function fixed15(abs: number, decimals: number): string {
  const p = abs.toPrecision(15);
  if (p.includes("e")) return fromExcelNumber(abs).toFixed(decimals);
  const dot = p.indexOf(".");
  const int = dot < 0 ? p : p.slice(0, dot);
  const frac = dot < 0 ? "" : p.slice(dot + 1);
  if (frac.length <= decimals) {
    return decimals === 0 ? int : `${int}.${frac.padEnd(decimals, "0")}`;
  }
  let digits = int + frac.slice(0, decimals);
  if (frac.charCodeAt(decimals) >= 53 /* "5" */) {
    const chars = digits.split("");
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === "9") chars[i--] = "0";
    if (i >= 0) chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
    else chars.unshift("1");
    digits = chars.join("");
  }
  const intLen = digits.length - decimals;
  const intPart = digits.slice(0, intLen).replace(/^0+(?=\d)/, "");
  return decimals === 0 ? intPart : `${intPart}.${digits.slice(intLen)}`;
}

/** Excel's General format in a standard-width column: at most 11 characters. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return (value < 0 ? "-" : "") + generalDigits(Math.abs(value), value < 0 ? 10 : 11);
}

/** General without the sign, in at most `width` characters. */
function generalDigits(abs: number, width: number): string {
  if (abs === 0) return "0";
  if (abs >= 1e11 || abs < 1e-9) return scientific(abs, 5, 2, true);
  const plain = String(abs);
  if (plain.length <= width && !plain.includes("e")) return plain;
  const intDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  const decimals = Math.max(0, width - intDigits - 1);
  let text = fixed15(abs, decimals);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return text;
}

/** d.ddddE+xx with at most `decimals` (trailing zeros trimmed when `trim`). */
function scientific(abs: number, decimals: number, expDigits: number, trim: boolean): string {
  if (abs === 0) return `${(0).toFixed(decimals)}E+${"0".repeat(expDigits)}`;
  let exp = Math.floor(Math.log10(abs));
  let mantissa = fromExcelNumber(abs / Math.pow(10, exp)).toFixed(decimals);
  if (Number(mantissa) >= 10) {
    exp += 1;
    mantissa = fromExcelNumber(abs / Math.pow(10, exp)).toFixed(decimals);
  }
  if (trim && mantissa.includes(".")) mantissa = mantissa.replace(/0+$/, "").replace(/\.$/, "");
  const expText = String(Math.abs(exp)).padStart(expDigits, "0");
  return `${mantissa}E${exp < 0 ? "-" : "+"}${expText}`;
}

/** What a number section's tokens say, worked out once per format code. */
interface NumberLayout {
  /** 100 per % sign. */
  factor: number;
  /** No digit placeholder (literals, General, @) or a fraction: rendered token by token. */
  literal: boolean;
  fraction: boolean;
  intPh: string[];
  decPh: string[];
  expPh: string[];
  hasDot: boolean;
  grouping: boolean;
  /** Thousands scaling: one per trailing comma. */
  scale: number;
  hasExp: boolean;
  expSign: "+" | "-";
  decMin: number;
  intMin: number;
  intWidth: number;
  /** Literals before the first placeholder, and all the others (after the number). */
  before: string;
  after: string;
}

const LAYOUTS = new WeakMap<Token[], NumberLayout>();

function numberLayout(tokens: Token[]): NumberLayout {
  const cached = LAYOUTS.get(tokens);
  if (cached) return cached;
  const firstNumeric = tokens.findIndex((tk) => tk.t === "ph" || tk.t === "dot");
  let lastPh = -1;
  tokens.forEach((tk, i) => {
    if (tk.t === "ph") lastPh = i;
  });
  const layout: NumberLayout = {
    factor: 1,
    literal: lastPh < 0,
    fraction: false,
    intPh: [],
    decPh: [],
    expPh: [],
    hasDot: false,
    grouping: false,
    scale: 0,
    hasExp: false,
    expSign: "+",
    decMin: 0,
    intMin: 0,
    intWidth: 0,
    before: "",
    after: "",
  };
  let part: "int" | "dec" | "exp" = "int";
  tokens.forEach((tk, i) => {
    if (tk.t === "pct") layout.factor *= 100;
    if (tk.t === "ph") {
      (part === "int" ? layout.intPh : part === "dec" ? layout.decPh : layout.expPh).push(tk.c);
    } else if (tk.t === "dot" && part === "int" && i >= firstNumeric) {
      layout.hasDot = true;
      part = "dec";
    } else if (tk.t === "exp") {
      layout.hasExp = true;
      layout.expSign = tk.sign;
      part = "exp";
    } else if (tk.t === "comma" && i > firstNumeric) {
      const next = tokens.slice(i + 1).find((n) => n.t !== "comma");
      if (part === "int" && next && next.t === "ph" && i < lastPh) layout.grouping = true;
      else layout.scale++;
    } else if (tk.t === "lit" && tk.s.includes("/") && i > firstNumeric && i < lastPh) {
      layout.fraction = true;
    }
    // Literals before the first placeholder lead, the rest follow the number.
    const text =
      tk.t === "lit"
        ? tk.s
        : tk.t === "pct"
          ? "%"
          : tk.t === "comma" && i < firstNumeric
            ? ","
            : null;
    if (text !== null) {
      if (i < firstNumeric) layout.before += text;
      else layout.after += text;
    }
  });
  layout.decMin = layout.decPh.filter((c) => c === "0").length;
  layout.intMin = layout.intPh.filter((c) => c === "0").length;
  layout.intWidth = layout.intPh.filter((c) => c !== "#").length;
  LAYOUTS.set(tokens, layout);
  return layout;
}

function formatNumberSection(abs: number, tokens: Token[], signed: boolean): string {
  const layout = numberLayout(tokens);
  let x = abs * layout.factor;
  const generalWidth = signed ? 10 : 11;

  if (layout.literal) {
    // Literal-only sections ("-"), General, or a text placeholder used for a number.
    return tokens
      .map((tk) => {
        if (tk.t === "lit") return tk.s;
        if (tk.t === "pct") return "%";
        if (tk.t === "general" || tk.t === "at") return generalDigits(x, generalWidth);
        if (tk.t === "dot") return ".";
        if (tk.t === "comma") return ",";
        return "";
      })
      .join("");
  }
  if (layout.fraction) return generalDigits(x, generalWidth);
  if (layout.scale) x = x / Math.pow(1000, layout.scale);

  let numberText: string;
  if (layout.hasExp) {
    const digits = Math.max(1, layout.expPh.length);
    const [m, e] = scientific(x, layout.decPh.length, digits, false).split("E");
    const expText = e.startsWith("-") ? e : layout.expSign === "+" ? e : e.slice(1);
    numberText = `${m}E${expText}`;
  } else {
    const { decPh, decMin, intMin, intWidth } = layout;
    const fixed = fixed15(x, decPh.length);
    const dot = fixed.indexOf(".");
    const ipRaw = dot < 0 ? fixed : fixed.slice(0, dot);
    let fp = dot < 0 ? "" : fixed.slice(dot + 1);
    let end = fp.length;
    while (end > decMin && fp.charCodeAt(end - 1) === 48 /* "0" */) end--;
    if (end < fp.length) {
      // Trailing zeros beyond the required decimals: dropped for #, spaces for ?.
      let tail = "";
      for (let i = end; i < fp.length; i++) if (decPh[i] === "?") tail += " ";
      fp = fp.slice(0, end) + tail;
    }
    let ip = ipRaw === "0" && intMin === 0 ? "" : ipRaw;
    if (ip.length < intMin) ip = ip.padStart(intMin, "0");
    if (layout.grouping && ip.length > 3) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    if (ip.length < intWidth) ip = ip.padStart(intWidth, " ");
    numberText = layout.hasDot ? `${ip}.${fp}` : ip;
  }
  return layout.before + numberText + layout.after;
}

// ---------------------------------------------------------------------------------------
// Dates and times.

interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  weekday: number; // 0 = Sunday
  hours: number;
  minutes: number;
  seconds: number;
  millis: number;
  serial: number;
}

function dateParts(serial: number, date1904: boolean, roundTo: number): DateParts {
  const dayMs = 86400000;
  let totalMs = Math.round((serial * dayMs) / roundTo) * roundTo;
  let days = Math.floor(totalMs / dayMs);
  const timeMs = totalMs - days * dayMs;
  let year: number;
  let month: number;
  let day: number;
  let weekday: number;
  if (!date1904 && days === 60) {
    // Excel's fictitious 29 February 1900.
    year = 1900;
    month = 2;
    day = 29;
    weekday = 3;
  } else {
    if (!date1904 && days < 60) days += 1; // before the fictitious day, serials are one off
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    const d = new Date(epoch + days * dayMs);
    year = d.getUTCFullYear();
    month = d.getUTCMonth() + 1;
    day = d.getUTCDate();
    weekday = d.getUTCDay();
  }
  totalMs = timeMs;
  const hours = Math.floor(totalMs / 3600000);
  const minutes = Math.floor((totalMs % 3600000) / 60000);
  const seconds = Math.floor((totalMs % 60000) / 1000);
  const millis = totalMs % 1000;
  return { year, month, day, weekday, hours, minutes, seconds, millis, serial };
}

function formatDate(serial: number, tokens: Token[], date1904: boolean): string {
  // Fractional seconds: "ss.00" → a dot followed by zero placeholders.
  let fracDigits = 0;
  tokens.forEach((tk, i) => {
    if (tk.t === "dot") {
      let n = 0;
      while (tokens[i + 1 + n]?.t === "ph") n++;
      fracDigits = Math.max(fracDigits, n);
    }
  });
  const roundTo = fracDigits > 0 ? Math.pow(10, 3 - Math.min(3, fracDigits)) : 1000;
  const p = dateParts(serial, date1904, roundTo);
  const twelve = tokens.some((tk) => tk.t === "date" && (tk.s === "AM/PM" || tk.s === "A/P"));
  const pad = (n: number, w: number) => String(n).padStart(w, "0");

  // m/mm means minutes right after an hour token or right before a seconds token.
  const dateIdx = tokens.map((tk, i) => (tk.t === "date" || tk.t === "elapsed" ? i : -1));
  const dateTokens = dateIdx.filter((i) => i >= 0);
  const isMinute = (i: number): boolean => {
    const pos = dateTokens.indexOf(i);
    const prev = tokens[dateTokens[pos - 1]];
    const next = tokens[dateTokens[pos + 1]];
    const isH = (tk: Token | undefined) =>
      !!tk && ((tk.t === "date" && tk.s[0] === "h") || (tk.t === "elapsed" && tk.unit === "h"));
    const isS = (tk: Token | undefined) =>
      !!tk && ((tk.t === "date" && tk.s[0] === "s") || (tk.t === "elapsed" && tk.unit === "s"));
    return isH(prev) || isS(next);
  };

  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i];
    switch (tk.t) {
      case "lit":
        out += tk.s;
        break;
      case "pct":
        out += "%";
        break;
      case "comma":
        out += ",";
        break;
      case "dot": {
        let n = 0;
        while (tokens[i + 1 + n]?.t === "ph") n++;
        if (n > 0) {
          out += "." + pad(p.millis, 3).slice(0, n);
          i += n;
        } else out += ".";
        break;
      }
      case "ph":
        out += tk.c === "0" ? "0" : "";
        break;
      case "elapsed": {
        const totalSeconds = Math.round(serial * 86400);
        const value =
          tk.unit === "h"
            ? Math.floor(totalSeconds / 3600)
            : tk.unit === "m"
              ? Math.floor(totalSeconds / 60)
              : totalSeconds;
        out += pad(value, tk.width);
        break;
      }
      case "date": {
        const s = tk.s;
        if (s === "AM/PM") out += p.hours < 12 ? "AM" : "PM";
        else if (s === "A/P") out += p.hours < 12 ? "A" : "P";
        else if (s[0] === "y") out += s.length <= 2 ? pad(p.year % 100, 2) : String(p.year);
        else if (s[0] === "d") {
          if (s.length === 1) out += String(p.day);
          else if (s.length === 2) out += pad(p.day, 2);
          else if (s.length === 3) out += DAYS[p.weekday].slice(0, 3);
          else out += DAYS[p.weekday];
        } else if (s[0] === "h") {
          const h = twelve ? (p.hours % 12 === 0 ? 12 : p.hours % 12) : p.hours;
          out += s.length >= 2 ? pad(h, 2) : String(h);
        } else if (s[0] === "s") {
          out += s.length >= 2 ? pad(p.seconds, 2) : String(p.seconds);
        } else if (s[0] === "m") {
          if (s.length <= 2 && isMinute(i)) {
            out += s.length === 2 ? pad(p.minutes, 2) : String(p.minutes);
          } else if (s.length === 1) out += String(p.month);
          else if (s.length === 2) out += pad(p.month, 2);
          else if (s.length === 3) out += MONTHS[p.month - 1].slice(0, 3);
          else if (s.length === 5) out += MONTHS[p.month - 1][0];
          else out += MONTHS[p.month - 1];
        }
        break;
      }
      case "general":
        out += formatGeneral(serial);
        break;
      default:
        break;
    }
  }
  return out;
}
