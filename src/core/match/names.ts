/**
 * Indicator names as DOMAIN.md §6 "Matching" compares them: normalised tokens, typo-tolerant
 * token equality (Damerau-Levenshtein) and the Dice similarity of two token lists. Names in
 * planning documents drift between tables ("Prosentase" / "Persentase", "wirasausaha",
 * "Nilai AKIP Dinas Koperasi … Kota Semarang"); codes are compared elsewhere.
 */

/** Spelling variants planners use for the same word. */
const SYNONYMS: Record<string, string> = {
  prosentase: "persentase",
  presentase: "persentase",
  prosentasi: "persentase",
  yg: "yang",
  kop: "koperasi",
};

/** Words that carry no identity (DOMAIN.md §6). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "yang",
  "dan",
  "di",
  "ke",
  "dari",
  "pada",
  "untuk",
  "dengan",
  "dalam",
  "serta",
  "atau",
  "terhadap",
  "jumlah",
]);

/** A trailing phrase from one of these words on names the office or region: dropped. */
const OFFICE_WORDS: ReadonlySet<string> = new Set([
  "dinas",
  "badan",
  "kota",
  "kabupaten",
  "provinsi",
]);

/** Words that say what is measured: inserting one changes the indicator. */
export const MEASURE_WORDS: ReadonlySet<string> = new Set([
  "persentase",
  "pertumbuhan",
  "peningkatan",
  "rasio",
  "indeks",
  "nilai",
  "angka",
  "tingkat",
  "rata",
  "kontribusi",
  "cakupan",
]);

/**
 * The identity tokens of a name: NFKC, lower case, non-alphanumerics as spaces, synonyms
 * unified, stop-words dropped, and a trailing "dinas/badan/kota/…" phrase dropped once at
 * least two tokens precede it ("Nilai AKIP Dinas Koperasi … Kota Semarang" → nilai akip).
 */
export function nameTokens(name: string): string[] {
  return tokensAndKey(name).tokens;
}

/**
 * Names repeat across a workbook's tables (a provincial workbook holds ~35 000 indicator
 * rows): their tokens and key are computed once. Bounded, for a task pane that stays open.
 */
const TOKENS = new Map<string, { tokens: string[]; key: string }>();
const MAX_CACHED_NAMES = 100_000;

function tokensAndKey(name: string): { tokens: string[]; key: string } {
  let cached = TOKENS.get(name);
  if (!cached) {
    const tokens = computeTokens(name);
    cached = { tokens, key: tokens.join(" ") };
    if (TOKENS.size >= MAX_CACHED_NAMES) TOKENS.clear();
    TOKENS.set(name, cached);
  }
  return cached;
}

/** True when every character is ASCII (a loop: a regex range from \x00 trips the linter). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function computeTokens(name: string): string[] {
  // ASCII text is its own NFKC form (most names), and its letters and digits are [a-z0-9]
  // once lower-cased: a loop finds its words without the Unicode-class regex and split.
  const words = isAscii(name)
    ? asciiWords(name.toLowerCase())
    : name
        .normalize("NFKC")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim()
        .split(" ")
        .filter((t) => t !== "");
  const raw: string[] = [];
  for (const word of words) {
    const token = SYNONYMS[word] ?? word;
    if (!STOP_WORDS.has(token)) raw.push(token);
  }
  const cut = raw.findIndex((t, i) => i >= 2 && OFFICE_WORDS.has(t));
  return cut >= 0 ? raw.slice(0, cut) : raw;
}

/** The runs of [a-z0-9] of a lower-case ASCII text (what \p{L}\p{N} are in ASCII). */
function asciiWords(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const alphanumeric = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (alphanumeric) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(text.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}

/** The normalised name: identity tokens joined by single spaces. */
export function normaliseName(name: string): string {
  return tokensAndKey(name).key;
}

/** Optimal-string-alignment Damerau-Levenshtein distance (one transposition per pair). */
export function damerauLevenshtein(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 0; i < rows; i++) d[i][0] = i;
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/** Tokens are equal up to a typo: ≤1 edit for 4–7 letters, ≤2 from 8; shorter ones exactly. */
export function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const length = Math.min(a.length, b.length);
  if (length < 4) return false;
  const allowed = length >= 8 ? 2 : 1;
  // Cheap rejections first: rules run over hundreds of names pairwise.
  if (Math.abs(a.length - b.length) > allowed) return false;
  // Cached per ordered pair in nested maps: building a "a\0b" key string for every lookup
  // was the matcher's main cost on big workbooks (the answer is the same either way).
  const x = a < b ? a : b;
  const y = a < b ? b : a;
  let row = TOKEN_MATCHES.get(x);
  if (row === undefined) {
    if (TOKEN_MATCHES.size > 20000) TOKEN_MATCHES.clear();
    row = new Map<string, boolean>();
    TOKEN_MATCHES.set(x, row);
  }
  let result = row.get(y);
  if (result === undefined) {
    result = damerauLevenshtein(a, b) <= allowed;
    if (row.size > 5000) row.clear();
    row.set(y, result);
  }
  return result;
}

const TOKEN_MATCHES = new Map<string, Map<string, boolean>>();

export interface NameComparison {
  /** 2·matched / (|A| + |B|), 0–1. */
  dice: number;
  /** Every token of the shorter name found, in order, in the longer one. */
  onlyInsertions: boolean;
  /** The longer name's unmatched tokens. */
  inserted: string[];
}

/**
 * Align two token lists: each token of the shorter list takes the first matching, not yet
 * used token of the longer list after the previous match (order kept), so that the longer
 * name can only *insert* words. Tokens that do not align count as substitutions.
 */
export function compareTokens(a: string[], b: string[]): NameComparison {
  if (a.length === 0 || b.length === 0) return { dice: 0, onlyInsertions: false, inserted: [] };
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  const used = new Array<boolean>(longer.length).fill(false);
  let matched = 0;
  let position = 0;
  let inOrder = true;
  // Indexed loops: the matcher aligns thousands of pairs, mostly before V8 optimises this.
  for (let i = 0; i < shorter.length; i++) {
    const token = shorter[i];
    let found = -1;
    for (let j = position; j < longer.length; j++) {
      if (!used[j] && tokensMatch(token, longer[j])) {
        found = j;
        break;
      }
    }
    if (found < 0) {
      // Not in order: look anywhere (still a match for the similarity, not for insertions).
      for (let j = 0; j < longer.length; j++) {
        if (!used[j] && tokensMatch(token, longer[j])) {
          found = j;
          inOrder = false;
          break;
        }
      }
    }
    if (found >= 0) {
      used[found] = true;
      matched++;
      position = Math.max(position, found + 1);
    }
  }
  const inserted: string[] = [];
  for (let j = 0; j < longer.length; j++) if (!used[j]) inserted.push(longer[j]);
  return {
    dice: (2 * matched) / (a.length + b.length),
    onlyInsertions: matched === shorter.length && inOrder,
    inserted,
  };
}

/** Name similarity (Dice over typo-tolerant tokens), 0–1, for naming candidates. */
export function nameSimilarity(a: string, b: string): number {
  return compareTokens(nameTokens(a), nameTokens(b)).dice;
}

/**
 * Whether two names denote the same indicator by DOMAIN.md §6 step 3: the longer name only
 * inserts words, none of them a measure word, and Dice ≥ threshold. (Units are checked by
 * the caller, which knows the values.)
 */
export function fuzzyNamesMatch(a: string, b: string, threshold: number): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  const comparison = compareTokens(ta, tb);
  return (
    comparison.onlyInsertions &&
    !comparison.inserted.some((t) => MEASURE_WORDS.has(t)) &&
    comparison.dice >= threshold
  );
}
