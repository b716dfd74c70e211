import fc from "fast-check";
import { DEFAULT_SETTINGS } from "../../../src/core/check/settings";
import type { IndicatorEntry, IndicatorLevel } from "../../../src/core/extract/types";
import { decidePair, normaliseName, pairsWorthDeciding } from "../../../src/core/match";

/**
 * The matcher decides only the pairs its index proposes (pairsWorthDeciding); deciding every
 * pair took minutes on big workbooks. The index must never miss a pair decidePair would link,
 * whatever the typos, inserted words, kodes and levels: checked here against all pairs.
 */

const WORDS = [
  "persentase",
  "koperasi",
  "aktif",
  "sehat",
  "wirausaha",
  "baru",
  "usaha",
  "mikro",
  "kelompok",
  "tani",
  "produksi",
  "padi",
  "terfasilitasi",
  "semarang",
  "kendal",
  "ikm",
  "pelaku",
];

/** One typo as planners make them: a letter dropped, doubled, swapped or replaced. */
const typo = (word: string, kind: number, at: number): string => {
  const i = at % word.length;
  switch (kind) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return i + 1 < word.length
        ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
        : word;
    default:
      return word.slice(0, i) + "x" + word.slice(i + 1);
  }
};

const wordArb = fc
  .tuple(fc.constantFrom(...WORDS), fc.option(fc.tuple(fc.nat(3), fc.nat(20)), { freq: 3 }))
  .map(([w, t]) => (t ? typo(w, t[0], t[1]) : w));

const LEVELS: IndicatorLevel[] = ["unknown", "sasaran", "program", "kegiatan"];

const entryArb = fc.record({
  words: fc.array(wordArb, { minLength: 1, maxLength: 6 }),
  table: fc.nat(3),
  kode: fc.option(fc.constantFrom("1.01", "1.02"), { freq: 4 }),
  level: fc.constantFrom(...LEVELS),
});

interface EntrySpec {
  words: string[];
  table: number;
  kode: string | null;
  level: IndicatorLevel;
}

function entriesOf(specs: EntrySpec[]): IndicatorEntry[] {
  return specs.map((spec, id) => {
    const name = spec.words.join(" ");
    return {
      id,
      table: { file: "a.xlsx" },
      tableIndex: spec.table,
      columnGroup: 0,
      row: id,
      name,
      key: normaliseName(name),
      kode: spec.kode ?? undefined,
      position: 0,
      level: spec.level,
      levelFrom: "row",
      tableRole: null,
      targets: [],
      realisasi: [],
      capaian: [],
      kategori: [],
      group: 0,
    } as unknown as IndicatorEntry;
  });
}

describe("pairsWorthDeciding", () => {
  it("proposes every pair that decidePair links", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 2, maxLength: 30 }), (specs) => {
        const entries = entriesOf(specs);
        const proposed = new Set<string>();
        for (const unit of pairsWorthDeciding(entries, DEFAULT_SETTINGS)) {
          for (const [a, b] of unit.pairs) proposed.add(`${a.id}-${b.id}`).add(`${b.id}-${a.id}`);
        }
        for (const a of entries) {
          for (const b of entries) {
            if (a.id >= b.id || a.tableIndex === b.tableIndex) continue;
            if (decidePair(a, b, DEFAULT_SETTINGS).reason !== null) {
              expect(proposed.has(`${a.id}-${b.id}`)).toBe(true);
            }
          }
        }
      }),
      { seed: 8, numRuns: 400 },
    );
  });

  it("proposes each pair once, grouped by unit pair in the former all-pairs order", () => {
    // matchTables relies on this order for its links, candidates and ambiguity.
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 2, maxLength: 30 }), (specs) => {
        const entries = entriesOf(specs);
        const seen = new Set<string>();
        let last: number[] | null = null;
        for (const unit of pairsWorthDeciding(entries, DEFAULT_SETTINGS)) {
          for (const [a, b] of unit.pairs) {
            expect(a.tableIndex).toBeLessThan(b.tableIndex);
            expect(a.tableIndex).toBe(unit.left[0].tableIndex);
            expect(b.tableIndex).toBe(unit.right[0].tableIndex);
            expect(unit.left).toContain(a);
            const key = `${a.id}-${b.id}`;
            expect(seen.has(key)).toBe(false);
            seen.add(key);
            const now = [a.tableIndex, b.tableIndex, a.id, b.id];
            if (last) {
              const order = now.map((v, k) => v - last![k]).find((d) => d !== 0) ?? 0;
              expect(order).toBeGreaterThan(0);
            }
            last = now;
          }
        }
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it("does not propose names that substitute a word (another region's indicator)", () => {
    const entries = entriesOf([
      {
        words: ["persentase", "koperasi", "aktif", "semarang"],
        table: 0,
        kode: null,
        level: "unknown",
      },
      {
        words: ["persentase", "koperasi", "aktif", "kendal"],
        table: 1,
        kode: null,
        level: "unknown",
      },
      {
        words: ["persentase", "koperasi", "aktif", "semarang", "baru"],
        table: 2,
        kode: null,
        level: "unknown",
      },
    ]);
    const pairs = pairsWorthDeciding(entries, DEFAULT_SETTINGS).flatMap((u) =>
      u.pairs.map(([a, b]) => [a.id, b.id]),
    );
    expect(pairs).toEqual([[0, 2]]);
  });

  it.each([8, 30, 31, 40])("finds a typo'd, longer partner of a %d-word name", (length) => {
    // Past 30 words the index tests token by token instead of with bit marks: both ways.
    const words = Array.from({ length }, (_, i) => `${WORDS[i % WORDS.length]}${"abcd"[i % 4]}`);
    const typoed = [...words];
    typoed[3] = typo(typoed[3], 0, 2);
    const spec = (w: string[], table: number): EntrySpec => ({
      words: w,
      table,
      kode: null,
      level: "unknown",
    });
    const entries = entriesOf([spec(words, 0), spec([...typoed, "baru"], 1)]);
    expect(decidePair(entries[0], entries[1], DEFAULT_SETTINGS).reason).not.toBeNull();
    const pairs = pairsWorthDeciding(entries, DEFAULT_SETTINGS).flatMap((u) =>
      u.pairs.map(([a, b]) => [a.id, b.id]),
    );
    expect(pairs).toEqual([[0, 1]]);
  });
});
