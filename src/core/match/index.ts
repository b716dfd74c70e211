import type { CheckSettings } from "../check/settings";
import type {
  IndicatorEntry,
  IndicatorGroup,
  IndicatorLevel,
  MatchCandidate,
  MatchReason,
  TargetRole,
} from "../extract/types";
export { dominantRegion } from "./region";
import { compareTokens, fuzzyNamesMatch, MEASURE_WORDS, nameTokens, normaliseName } from "./names";

export {
  nameTokens,
  normaliseName,
  nameSimilarity,
  fuzzyNamesMatch,
  compareTokens,
  damerauLevenshtein,
  tokensMatch,
} from "./names";

/**
 * The same indicator across tables and roles (DOMAIN.md §6 "Identity" and "Matching").
 *
 * Identity = (level, parent, normalised name); the parent counts only for program and kegiatan
 * indicators. Two entries of *different tables* match, in order of strength:
 *  1. `kode`: equal normalised kode and the same indicator position under it (different codes
 *     never match);
 *  2. `name`: equal normalised names;
 *  3. `fuzzy`: typo-tolerant tokens, the longer name only inserts non-measure words, units
 *     agree, Dice ≥ settings.matchThreshold;
 *  and `confirmed`: a pair the user confirmed in settings.confirmedMatches.
 * Ambiguity is never guessed: if one entry matches two entries of another table at the
 * strongest tier, it matches neither. Pairs with similarity ≥ settings.candidateThreshold
 * that do not match are kept as candidates (named by missing-indicator, never used).
 * Entries of one table (one indicator column group of it) never share a group.
 */

const STRENGTH: Record<MatchReason, number> = { confirmed: 4, kode: 3, name: 2, fuzzy: 1 };

const LEVEL_PRIORITY: Record<IndicatorEntry["levelFrom"], number> = {
  header: 4,
  section: 3,
  row: 2,
  table: 1,
  none: 0,
};

/** The matching unit of an entry: its table and indicator column group. */
function unitOf(entry: IndicatorEntry): number {
  return entry.tableIndex * 64 + entry.columnGroup;
}

function levelsCompatible(a: IndicatorLevel, b: IndicatorLevel): boolean {
  return a === b || a === "unknown" || b === "unknown";
}

function isProgramLevel(level: IndicatorLevel): boolean {
  return level === "program" || level === "kegiatan";
}

/** The parent counts only for program/kegiatan indicators, and only when both print one. */
function parentsCompatible(a: IndicatorEntry, b: IndicatorEntry, threshold: number): boolean {
  if (!isProgramLevel(a.level) && !isProgramLevel(b.level)) return true;
  if (!a.parent || !b.parent) return true;
  if (a.parent.kode && b.parent.kode) return a.parent.kode === b.parent.kode;
  if (a.parent.key === b.parent.key) return true;
  return fuzzyNamesMatch(a.parent.name, b.parent.name, threshold);
}

type UnitKind = "percent" | "count" | null;

interface EntryUnit {
  kind: UnitKind;
  word: string | null;
}

/**
 * Each entry's unit by entry id, read once per matching run: an entry meets many fuzzy
 * partners (entries do not change once extracted).
 */
type UnitCache = (EntryUnit | undefined)[];

function unitOfEntry(entry: IndicatorEntry, cache: UnitCache): EntryUnit {
  let unit = cache[entry.id];
  if (unit === undefined) cache[entry.id] = unit = unitKind(entry);
  return unit;
}

function unitKind(entry: IndicatorEntry): EntryUnit {
  const satuan = (entry.satuan ?? "").trim().toLowerCase();
  const anyPercent =
    satuan === "%" ||
    /persen/.test(satuan) ||
    entry.targets.some((t) => t.number.isPercent) ||
    entry.realisasi.some((r) => r.number.isPercent);
  if (anyPercent) return { kind: "percent", word: null };
  const word = satuan.replace(/^[\d.,\s]+/, "").split(/\s+/)[0] ?? "";
  if (word !== "" && /\p{L}/u.test(word)) return { kind: "count", word };
  return { kind: null, word: null };
}

/** Units agree when both are known and equal kinds (percent, or the same count word's start). */
export function unitsAgree(a: IndicatorEntry, b: IndicatorEntry, cache: UnitCache = []): boolean {
  const ua = unitOfEntry(a, cache);
  const ub = unitOfEntry(b, cache);
  if (ua.kind === null || ub.kind === null) return true;
  if (ua.kind !== ub.kind) return false;
  if (ua.kind === "percent") return true;
  return ua.word === ub.word || ua.word!.slice(0, 3) === ub.word!.slice(0, 3);
}

function confirmedPair(a: IndicatorEntry, b: IndicatorEntry, settings: CheckSettings): boolean {
  if (settings.confirmedMatches.length === 0) return false;
  return settings.confirmedMatches.some(([x, y]) => {
    const kx = normaliseName(x);
    const ky = normaliseName(y);
    return (a.key === kx && b.key === ky) || (a.key === ky && b.key === kx);
  });
}

export interface PairDecision {
  reason: MatchReason | null;
  similarity: number;
  /** Why a similar pair did not match. */
  blocked?: MatchCandidate["reason"];
}

/** Whether two entries of different tables denote one indicator (before the ambiguity check). */
export function decidePair(
  a: IndicatorEntry,
  b: IndicatorEntry,
  settings: CheckSettings,
): PairDecision {
  const decision = decideMatch(a, b, settings, []);
  if (decision.similarity === SIMILARITY_NOT_NEEDED) decision.similarity = similarityOf(a, b);
  return decision;
}

/** Dice similarity of two entries' names. */
function similarityOf(a: IndicatorEntry, b: IndicatorEntry): number {
  // Equal non-empty keys are equal token lists (tokens hold no spaces), which align token by
  // token in order: Dice 1.
  if (a.key !== "" && a.key === b.key) return 1;
  return compareTokens(nameTokens(a.name), nameTokens(b.name)).dice;
}

/** The similarity of a decision that does not depend on it (a link, a level block). */
const SIMILARITY_NOT_NEEDED = -1;

/**
 * decidePair, except that a link or a level block carries SIMILARITY_NOT_NEEDED: matchTables
 * reads the similarity only of the other refusals (candidates), and aligning the names of
 * every proposed pair was most of the cost of deciding it.
 */
function decideMatch(
  a: IndicatorEntry,
  b: IndicatorEntry,
  settings: CheckSettings,
  entryUnits: UnitCache,
): PairDecision {
  if (confirmedPair(a, b, settings)) {
    return { reason: "confirmed", similarity: SIMILARITY_NOT_NEEDED };
  }
  if (a.kode && b.kode) {
    if (a.kode !== b.kode) return { reason: null, similarity: 0 };
    if (a.position === b.position) return { reason: "kode", similarity: SIMILARITY_NOT_NEEDED };
  }
  if (!levelsCompatible(a.level, b.level) || !parentsCompatible(a, b, settings.matchThreshold)) {
    return { reason: null, similarity: SIMILARITY_NOT_NEEDED, blocked: "level" };
  }
  if (a.key !== "" && a.key === b.key) return { reason: "name", similarity: 1 };
  const comparison = compareTokens(nameTokens(a.name), nameTokens(b.name));
  const similarity = comparison.dice;
  if (similarity < settings.candidateThreshold) return { reason: null, similarity };
  if (!comparison.onlyInsertions) return { reason: null, similarity, blocked: "substitution" };
  if (comparison.inserted.some((t) => MEASURE_WORDS.has(t))) {
    return { reason: null, similarity, blocked: "measure-word" };
  }
  if (similarity < settings.matchThreshold) {
    return { reason: null, similarity, blocked: "below-threshold" };
  }
  if (!unitsAgree(a, b, entryUnits)) return { reason: null, similarity, blocked: "units" };
  return { reason: "fuzzy", similarity };
}

interface Link {
  a: number;
  b: number;
  strength: number;
}

class UnionFind {
  private readonly parent: number[];
  /** The units (table column groups) of each root's group, made when it first joins another. */
  private readonly units: (Set<number> | undefined)[];
  constructor(private readonly entries: IndicatorEntry[]) {
    this.parent = entries.map((_, i) => i);
    this.units = new Array<Set<number> | undefined>(entries.length);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  /** Join unless the groups would hold two entries of one table. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const ua = this.unitsOf(ra);
    const ub = this.unitsOf(rb);
    for (const t of ub) if (ua.has(t)) return false;
    this.parent[rb] = ra;
    for (const t of ub) ua.add(t);
    return true;
  }
  /** A root that never joined another is its entry alone. */
  private unitsOf(root: number): Set<number> {
    let units = this.units[root];
    if (units === undefined) this.units[root] = units = new Set([unitOf(this.entries[root])]);
    return units;
  }
}

/**
 * Files that speak of one plan: a reviewer may check one office's Renstra, PK and LKjIP
 * together, or many offices' reports in one batch. Two files are related when they share a
 * good part of their indicators by exact normalised name (at least RELATED_SHARE of the
 * smaller file's names, and at least RELATED_MIN) and do not name two different places
 * (region.ts); a family is a set of files linked by relations. Only files of one family are cross-checked, so that one kota's "Persentase
 * Koperasi Aktif" is never compared with another kota's.
 */
const RELATED_SHARE = 0.2;
const RELATED_MIN = 2;

export function fileFamilies(
  entries: IndicatorEntry[],
  files: string[],
  regions: Record<string, string | null> = {},
): Record<string, number> {
  const family: Record<string, number> = {};
  files.forEach((f, i) => (family[f] = i));
  // One file is its own family: no names to collect (a big workbook is usually checked alone).
  if (files.length < 2) return family;
  const keysOf = new Map<string, Set<string>>(files.map((f) => [f, new Set<string>()]));
  for (const e of entries) keysOf.get(e.table.file)?.add(e.key);
  const relabel = (from: number, to: number): void => {
    for (const f of files) if (family[f] === from) family[f] = to;
  };
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      // Two places named (Kota Semarang, Kab. Demak): two plans, however alike their names.
      const ra = regions[files[i]] ?? null;
      const rb = regions[files[j]] ?? null;
      if (ra !== null && rb !== null && ra !== rb) continue;
      const ka = keysOf.get(files[i])!;
      const kb = keysOf.get(files[j])!;
      const [small, large] = ka.size <= kb.size ? [ka, kb] : [kb, ka];
      let shared = 0;
      for (const k of small) if (large.has(k)) shared++;
      if (shared >= RELATED_MIN && shared >= RELATED_SHARE * small.size) {
        relabel(family[files[j]], family[files[i]]);
      }
    }
  }
  return family;
}

/** Group the entries (sets entry.group) and list the unmatched similar pairs. */
export function matchIndicators(
  entries: IndicatorEntry[],
  settings: CheckSettings,
  families: Record<string, number> = {},
): { groups: IndicatorGroup[]; candidates: MatchCandidate[] } {
  // Matching units: one table's indicator column group (a Renja table printing the RKPD
  // draft and the analysis side by side holds each indicator twice, once per side).
  const related = (a: string, b: string): boolean => (families[a] ?? 0) === (families[b] ?? 0);
  const links: Link[] = [];
  const candidates: MatchCandidate[] = [];
  const entryUnits: UnitCache = [];
  // Every pair of units used to be compared entry by entry: quadratic in the number of
  // indicators (minutes at 100 k cells). Only pairs that can give a link or a candidate are
  // compared now (pairsWorthDeciding, a superset of them), in the same order as before (units
  // ascending, then entries in table order), so links, candidates and ambiguity are unchanged.
  for (const unitPair of pairsWorthDeciding(entries, settings)) {
    if (!related(unitPair.left[0].table.file, unitPair.right[0].table.file)) continue;
    matchTables(unitPair.left, unitPair.pairs, settings, links, candidates, entryUnits);
  }
  const union = new UnionFind(entries);
  links.sort((x, y) => y.strength - x.strength);
  for (const link of links) union.union(link.a, link.b);

  // Entry ids are indexes into `entries` (extract numbers them so).
  const groupOfRoot = new Int32Array(entries.length).fill(-1);
  const groups: IndicatorGroup[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const root = union.find(entry.id);
    let g = groupOfRoot[root];
    if (g < 0) {
      g = groupOfRoot[root] = groups.length;
      // Most indicators stand alone: their level and roles are their own (what the votes give).
      // A literal of one member: an array grown by push keeps room for 17.
      const roles = rolesOf(entry);
      groups.push({ id: g, members: [entry.id], level: entry.level, name: entry.name, roles });
    } else groups[g].members.push(entry.id);
    entry.group = g;
  }
  for (const group of groups) {
    if (group.members.length === 1) continue;
    const members = group.members.map((id) => entries[id]);
    group.level = groupLevel(members);
    group.roles = rolesOfMembers(members);
  }
  return { groups, candidates };
}

/** The roles an entry stands for: its table's, plus any source a target column names (a PK table printing the Renstra target). */
export function rolesOf(entry: IndicatorEntry): TargetRole[] {
  const roles: TargetRole[] = entry.tableRole ? [entry.tableRole] : [];
  if (entry.tableRole !== "renstra" && hasRenstraTarget(entry)) roles.push("renstra");
  return roles;
}

function hasRenstraTarget(entry: IndicatorEntry): boolean {
  // A loop: this runs for every entry, before V8 optimises it, where a closure costs.
  for (let i = 0; i < entry.targets.length; i++)
    if (entry.targets[i].role === "renstra") return true;
  return false;
}

/** The distinct roles of a group's members, in the order they first appear. */
function rolesOfMembers(members: IndicatorEntry[]): TargetRole[] {
  const roles: TargetRole[] = [];
  for (const member of members) {
    for (const role of rolesOf(member)) if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

function groupLevel(members: IndicatorEntry[]): IndicatorLevel {
  let best: IndicatorLevel = "unknown";
  let bestPriority = 0;
  // The weight of each known level, in the order the levels first appear (a handful at most).
  const levels: IndicatorLevel[] = [];
  const weights: number[] = [];
  for (const m of members) {
    if (m.level === "unknown") continue;
    const p = LEVEL_PRIORITY[m.levelFrom];
    const k = levels.indexOf(m.level);
    if (k < 0) {
      levels.push(m.level);
      weights.push(p);
    } else weights[k] += p;
    if (p > bestPriority) {
      bestPriority = p;
      best = m.level;
    }
  }
  // Members at the highest priority that disagree: take the level with most weight.
  let bestVotes = -1;
  for (let k = 0; k < levels.length; k++) {
    if (weights[k] > bestVotes) {
      bestVotes = weights[k];
      if (
        members.some((m) => m.level === levels[k] && LEVEL_PRIORITY[m.levelFrom] === bestPriority)
      )
        best = levels[k];
    }
  }
  return best;
}

/**
 * The matches of one entry within a unit pair: every other entry in the order found (for the
 * ambiguous candidates), and the strongest strength with how many reach it and which one (the
 * single strongest match). One object per matched entry instead of one per match.
 */
class MatchesOf {
  readonly others: number[] = [];
  top = -1;
  atTop = 0;
  topOther = -1;
  add(other: number, strength: number): void {
    this.others.push(other);
    if (strength > this.top) {
      this.top = strength;
      this.atTop = 1;
      this.topOther = other;
    } else if (strength === this.top) this.atTop++;
  }
  /** The single strongest match, or -1 when the strongest strength is tied (ambiguous). */
  best(): number {
    return this.atTop === 1 ? this.topOther : -1;
  }
}

function matchTables(
  left: IndicatorEntry[],
  pairs: [IndicatorEntry, IndicatorEntry][],
  settings: CheckSettings,
  links: Link[],
  candidates: MatchCandidate[],
  entryUnits: UnitCache,
): void {
  const matchesOf = new Map<number, MatchesOf>();
  const add = (id: number, other: number, strength: number): void => {
    let matches = matchesOf.get(id);
    if (matches === undefined) matchesOf.set(id, (matches = new MatchesOf()));
    matches.add(other, strength);
  };
  // Pairs come in the order of the former nested loop (left entries, then right entries).
  for (let i = 0; i < pairs.length; i++) {
    const a = pairs[i][0];
    const b = pairs[i][1];
    const decision = decideMatch(a, b, settings, entryUnits);
    if (decision.reason) {
      add(a.id, b.id, STRENGTH[decision.reason]);
      add(b.id, a.id, STRENGTH[decision.reason]);
    } else if (decision.similarity >= settings.candidateThreshold && decision.blocked !== "level") {
      candidates.push({
        a: a.id,
        b: b.id,
        similarity: decision.similarity,
        reason: decision.blocked ?? "below-threshold",
      });
    }
  }
  for (let i = 0; i < left.length; i++) {
    const a = left[i];
    const matches = matchesOf.get(a.id);
    if (matches === undefined) continue;
    const other = matches.best();
    if (other < 0) {
      // A tie at the strongest strength: every match is named, none used.
      for (const id of matches.others) {
        candidates.push({ a: a.id, b: id, similarity: 1, reason: "ambiguous" });
      }
      continue;
    }
    if (matchesOf.get(other)!.best() === a.id) {
      links.push({ a: a.id, b: other, strength: matches.top });
    } else candidates.push({ a: a.id, b: other, similarity: 1, reason: "ambiguous" });
  }
}

/** The distinct token lists of the entries (the same indicator repeats across tables). */
interface DistinctNames {
  /** Token ids per distinct name. */
  tokens: number[][];
  /** The entries of each distinct name. */
  entries: number[][];
  /** The distinct name of each entry (-1: no token). */
  ofEntry: number[];
  /** The token of each id. */
  words: string[];
}

function distinctNames(entries: IndicatorEntry[]): DistinctNames {
  const idOfWord = new Map<string, number>();
  const words: string[] = [];
  const idOfName = new Map<string, number>();
  const names: DistinctNames = { tokens: [], entries: [], ofEntry: [], words };
  for (let i = 0; i < entries.length; i++) {
    // The entry's key is its name's tokens joined by single spaces (normaliseName), and tokens
    // hold no spaces: the key gives the tokens back without looking the name up again.
    const key = entries[i].key;
    if (key === "") {
      names.ofEntry.push(-1);
      continue;
    }
    let id = idOfName.get(key);
    if (id === undefined) {
      id = names.tokens.length;
      idOfName.set(key, id);
      const tokens = key.split(" ");
      const ids: number[] = [];
      for (const token of tokens) {
        let w = idOfWord.get(token);
        if (w === undefined) {
          w = words.length;
          idOfWord.set(token, w);
          words.push(token);
        }
        ids.push(w);
      }
      names.tokens.push(ids);
      names.entries.push([]);
    }
    names.entries[id].push(i);
    names.ofEntry.push(id);
  }
  return names;
}

/**
 * For each distinct name A, the distinct names B (at least as long) that hold a typo-tolerant
 * equal of every token of A: the only names a fuzzy match of A can be with (the longer name
 * only inserts words). A's rarest token finds them through an index of every token's typo keys
 * (two tokens within the allowed edits share a deletion variant: the SymSpell argument); A's
 * other tokens then reject the many names that share a sector's or region's words but
 * substitute one. Tokens are compared as ids, and "near" is the typo-key superset of
 * tokensMatch, so no partner decidePair would accept is lost.
 */
function fuzzyPartners(names: DistinctNames): number[][] {
  const { words } = names;
  const namesWithWord: number[][] = words.map(() => []);
  names.tokens.forEach((tokens, name) => {
    for (const w of tokens) {
      const list = namesWithWord[w];
      if (list[list.length - 1] !== name) list.push(name);
    }
  });
  const wordsByKey = new Map<string, number[]>();
  words.forEach((word, w) => {
    for (const key of typoKeys(word)) {
      const list = wordsByKey.get(key);
      if (list === undefined) wordsByKey.set(key, [w]);
      else if (list[list.length - 1] !== w) list.push(w);
    }
  });
  // Near words as lists (iterated per name and token), without duplicates.
  const nearOf: (number[] | undefined)[] = [];
  const listed = new Int32Array(words.length).fill(-1);
  const near = (w: number): number[] => {
    let found = nearOf[w];
    if (found === undefined) {
      found = [];
      for (const key of typoKeys(words[w])) {
        for (const u of wordsByKey.get(key)!) {
          if (listed[u] === w) continue;
          listed[u] = w;
          found.push(u);
        }
      }
      nearOf[w] = found;
    }
    return found;
  };
  const reachOf: number[] = [];
  const reach = (w: number): number => {
    let sum = reachOf[w];
    if (sum === undefined) {
      sum = 0;
      for (const u of near(w)) sum += namesWithWord[u].length;
      reachOf[w] = sum;
    }
    return sum;
  };
  const holds = (w: number, other: number[]): boolean => {
    const close = near(w);
    for (const u of other) if (u === w || close.includes(u)) return true;
    return false;
  };
  // For the name being probed: bit k of marks[u] says word u is its token k or near it. A
  // partner holds every token when its words' marks OR to all bits (one pass over its words
  // instead of a set lookup per pair of tokens). Longer names (rare) test token by token.
  const marks = new Int32Array(words.length);
  const mark = (own: number[], on: boolean): void => {
    for (let k = 0; k < own.length; k++) {
      const w = own[k];
      const close = near(w);
      for (let i = 0; i < close.length; i++) {
        const u = close[i];
        marks[u] = on ? marks[u] | (1 << k) : 0;
      }
      marks[w] = on ? marks[w] | (1 << k) : 0;
    }
  };
  const seen = new Int32Array(names.tokens.length).fill(-1);
  const partners: number[][] = [];
  // One loop over the distinct names rather than a callback per name: the loop is optimised
  // while it runs (on-stack replacement), the callback only after many calls. Indexed loops:
  // this mostly runs before the optimiser has compiled it, where `for…of` allocates an
  // iterator result per step.
  for (let name = 0; name < names.tokens.length; name++) {
    const own = names.tokens[name];
    // The rarest token (fewest names hold it or a near word) finds the fewest partners to test.
    let rarest = own[0];
    for (let k = 1; k < own.length; k++) if (reach(own[k]) < reach(rarest)) rarest = own[k];
    const useMarks = own.length <= MAX_MARKED_TOKENS;
    const all = (1 << own.length) - 1;
    if (useMarks) mark(own, true);
    const out: number[] = [];
    const first = near(rarest);
    for (let i = 0; i < first.length; i++) {
      const withWord = namesWithWord[first[i]];
      for (let j = 0; j < withWord.length; j++) {
        const other = withWord[j];
        if (seen[other] === name) continue;
        seen[other] = name;
        const tokens = names.tokens[other];
        if (other === name || tokens.length < own.length) continue;
        if (useMarks) {
          let held = 0;
          for (let k = 0; k < tokens.length; k++) held |= marks[tokens[k]];
          if (held === all) out.push(other);
        } else if (own.every((w) => holds(w, tokens))) out.push(other);
      }
    }
    if (useMarks) mark(own, false);
    partners.push(out);
  }
  return partners;
}

/** Tokens a name may have for the bit marks of fuzzyPartners (bits of an Int32). */
const MAX_MARKED_TOKENS = 30;

export interface UnitPair {
  /** Entries of the left unit that take part in some pair, in table order. */
  left: IndicatorEntry[];
  right: IndicatorEntry[];
  pairs: [IndicatorEntry, IndicatorEntry][];
}

/** Deletion variants of a token within `k` deletions (the token itself included). */
function deletionVariants(token: string, k: number, out: Set<string>): void {
  out.add(token);
  if (k === 0 || token.length <= 1) return;
  for (let i = 0; i < token.length; i++) {
    const shorter = token.slice(0, i) + token.slice(i + 1);
    if (!out.has(shorter)) deletionVariants(shorter, k - 1, out);
    else if (k > 1) deletionVariants(shorter, k - 1, out);
  }
}

/**
 * Typo keys of a token: tokensMatch allows ≤1 edit from 4 letters and ≤2 from 8
 * (Damerau-Levenshtein, one transposition per pair); each such edit is undone by deleting
 * at most one letter on each side, so two tokens that match share a deletion variant within
 * those budgets (the SymSpell argument). Shorter tokens match only when equal.
 */
function typoKeys(token: string): Set<string> {
  let keys = TYPO_KEYS.get(token);
  if (!keys) {
    keys = new Set<string>();
    deletionVariants(token, token.length >= 8 ? 2 : token.length >= 4 ? 1 : 0, keys);
    if (TYPO_KEYS.size > 50000) TYPO_KEYS.clear();
    TYPO_KEYS.set(token, keys);
  }
  return keys;
}
const TYPO_KEYS = new Map<string, Set<string>>();

/**
 * The pairs of entries of different units that decidePair could link, grouped by unit pair
 * and ordered as the former all-pairs loop visited them. A pair can match only when: the
 * user confirmed it, both carry the same kode, both have the same non-empty normalised name,
 * or the longer name (B) only inserts words into the shorter (A), so that every token of A
 * has a typo-tolerant equal in B. For the last one, A probes its rarest token against an
 * index of every token's typo keys (two tokens within the allowed edits share a deletion
 * variant: the SymSpell argument), and each partner found must hold A's other tokens too.
 * Near pairs that cannot match are not looked for (they were candidates only, and
 * missing-indicator names its own among the few indicators it reports).
 * Every pair found is still decided by decidePair, so this only saves work. Exported for the
 * test that holds it to that (every pair decidePair links is among them).
 */
export function pairsWorthDeciding(entries: IndicatorEntry[], settings: CheckSettings): UnitPair[] {
  const n = entries.length;
  const units = entries.map(unitOf);
  const byKode = new Map<string, number[]>();
  const confirmed = new Set<string>();
  for (const [x, y] of settings.confirmedMatches) {
    confirmed.add(normaliseName(x));
    confirmed.add(normaliseName(y));
  }
  // Usually none: then no entry's key need be hashed for it.
  const anyConfirmed = confirmed.size > 0;
  const confirmedEntries: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    if (e.kode) addToIndex(byKode, e.kode, i);
    if (anyConfirmed && confirmed.has(e.key)) confirmedEntries.push(i);
  }
  const names = distinctNames(entries);
  const partners = fuzzyPartners(names);
  const shorterPartners = reversed(partners);

  // Each pair once, from its left entry (the one of the lower unit): kode, name and confirmed
  // are symmetric relations, and the partner relation is walked both ways (the longer partners
  // of the entry's name, and the shorter names it is a partner of). No set of pairs is needed.
  const lefts: number[] = [];
  const rights: number[] = [];
  const seen = new Int32Array(n).fill(-1);
  const offer = (i: number, list: number[]): void => {
    for (let k = 0; k < list.length; k++) {
      const j = list[k];
      if (seen[j] === i) continue;
      seen[j] = i;
      if (units[i] < units[j]) {
        lefts.push(i);
        rights.push(j);
      }
    }
  };
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    if (e.kode) offer(i, byKode.get(e.kode)!);
    if (anyConfirmed && confirmed.has(e.key)) offer(i, confirmedEntries);
    // Entries of one distinct name are the entries of one non-empty key.
    const name = names.ofEntry[i];
    if (name < 0) continue;
    offer(i, names.entries[name]);
    const longer = partners[name];
    for (let k = 0; k < longer.length; k++) offer(i, names.entries[longer[k]]);
    const shorter = shorterPartners[name];
    for (let k = 0; k < shorter.length; k++) offer(i, names.entries[shorter[k]]);
  }
  return unitPairsInOrder(entries, units, lefts, rights);
}

function addToIndex(index: Map<string, number[]>, key: string, i: number): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** For each name, the names that list it among their partners. */
function reversed(partners: number[][]): number[][] {
  const out: number[][] = partners.map(() => []);
  for (let a = 0; a < partners.length; a++) {
    const list = partners[a];
    for (let k = 0; k < list.length; k++) out[list[k]].push(a);
  }
  return out;
}

/**
 * The pairs (left entry of the lower unit) grouped by unit pair in the former all-pairs loop's
 * order: unit pairs ascending, then left entries, then right entries. Sorted through two
 * numeric keys per pair (unit pair, entry pair), both exact in a double.
 */
function unitPairsInOrder(
  entries: IndicatorEntry[],
  units: number[],
  lefts: number[],
  rights: number[],
): UnitPair[] {
  const n = entries.length;
  let unitCount = 0;
  for (let i = 0; i < n; i++) if (units[i] >= unitCount) unitCount = units[i] + 1;
  const byUnits = new Float64Array(lefts.length);
  const byEntries = new Float64Array(lefts.length);
  const order = new Array<number>(lefts.length);
  for (let p = 0; p < lefts.length; p++) {
    byUnits[p] = units[lefts[p]] * unitCount + units[rights[p]];
    byEntries[p] = lefts[p] * n + rights[p];
    order[p] = p;
  }
  order.sort((p, q) => byUnits[p] - byUnits[q] || byEntries[p] - byEntries[q]);
  const out: UnitPair[] = [];
  let current: UnitPair | null = null;
  let currentUnits = -1;
  for (let k = 0; k < order.length; k++) {
    const p = order[k];
    const a = entries[lefts[p]];
    const b = entries[rights[p]];
    if (current === null || byUnits[p] !== currentUnits) {
      current = { left: [], right: [b], pairs: [] };
      currentUnits = byUnits[p];
      out.push(current);
    }
    if (current.left[current.left.length - 1] !== a) current.left.push(a);
    current.pairs.push([a, b]);
  }
  return out;
}
