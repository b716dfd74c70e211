import fc from "fast-check";
import {
  kodeLevel,
  mayStartWithProgram,
  normaliseKode,
  ParentFinder,
} from "../../../src/core/recognize/rows";

/**
 * normaliseKode reads plain digit-and-dot kode without regexes, and kodeLevel counts
 * segments without splitting: both must answer as the regex/split versions below do.
 */

function normaliseKodeByRegex(text: string): string | null {
  const t = text.replace(/\s+/g, "").replace(/\.$/, "").toUpperCase();
  if (/^[0-9X]{1,4}(?:\.[0-9X]{1,4}){0,6}$/.test(t) && /\d|X\./.test(t)) return t;
  return null;
}

function kodeLevelBySplit(kode: string): number {
  const parts = kode.split(".");
  if (parts.length === 1) {
    if (parts[0].length <= 2) return 2;
    if (parts[0].length === 3) return 3;
    return 4;
  }
  if (parts.length === 2 && parts[0].length === 1 && parts[1].length === 2) return 3;
  if (parts.length <= 2) return parts.length - 1;
  if (parts.length === 3) return 2;
  if (parts.length <= 5) return 3;
  return 4;
}

/** Kode-like texts: digit runs of 0–6 around dots (doubled, trailing, leading), some noise. */
const kodeText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.stringMatching(/^\d{0,6}$/) },
      { weight: 4, arbitrary: fc.constant(".") },
      { weight: 1, arbitrary: fc.constantFrom("X", "x", " ", "\t", "a", "-", "٣", "\u00a0") },
    ),
    { maxLength: 16 },
  )
  .map((parts) => parts.join(""));

describe("kode fast paths", () => {
  it("normaliseKode agrees with the regex reading", () => {
    fc.assert(
      fc.property(kodeText, (text) => {
        expect(normaliseKode(text)).toBe(normaliseKodeByRegex(text));
      }),
      { seed: 8, numRuns: 10000 },
    );
  });

  it("normaliseKode agrees at the segment bounds", () => {
    for (let segments = 1; segments <= 8; segments++) {
      for (let length = 1; length <= 5; length++) {
        const text = Array.from({ length: segments }, () => "1".repeat(length)).join(".");
        for (const variant of [text, `${text}.`, `${text}..`, `.${text}`]) {
          expect(normaliseKode(variant)).toBe(normaliseKodeByRegex(variant));
        }
      }
    }
  });

  it("normaliseKode reads raw text as it reads the collapsed cell text", () => {
    fc.assert(
      fc.property(kodeText, (text) => {
        expect(normaliseKode(text)).toBe(normaliseKode(text.replace(/\s+/g, " ").trim()));
      }),
      { seed: 8, numRuns: 10000 },
    );
  });

  it("kodeLevel agrees with the split reading", () => {
    fc.assert(
      fc.property(kodeText, (text) => {
        expect(kodeLevel(text)).toBe(kodeLevelBySplit(text));
      }),
      { seed: 8, numRuns: 10000 },
    );
  });
});

describe("mayStartWithProgram", () => {
  it("lets through every text whose cell text is a PROGRAM row", () => {
    const label = fc
      .array(
        fc.constantFrom(
          "PROGRAM",
          "A",
          "a",
          "P",
          ".",
          " ",
          "  ",
          "\t",
          "\u00a0",
          "X",
          "1",
          "Program",
        ),
        {
          maxLength: 6,
        },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(label, (raw) => {
        const text = raw.replace(/\s+/g, " ").trim();
        if (/^(?:[A-Z]\.\s*)?PROGRAM\b/.test(text)) expect(mayStartWithProgram(raw)).toBe(true);
      }),
      { seed: 8, numRuns: 10000 },
    );
  });
});

describe("ParentFinder", () => {
  /** The scan it replaces: nearest earlier row, not a total or average, with a lower level. */
  function parentsByScan(rows: { level: number; skip: boolean }[]): (number | null)[] {
    return rows.map((row, i) => {
      for (let k = i - 1; k >= 0; k--) {
        if (rows[k].level < row.level && !rows[k].skip) return k;
      }
      return null;
    });
  }

  it("finds the parents the backward scan finds", () => {
    const rows = fc.array(
      fc.record({ level: fc.integer({ min: -1, max: 5 }), skip: fc.boolean() }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(rows, (list) => {
        const finder = new ParentFinder();
        const found = list.map((row, i) => {
          const parent = finder.parentOf(row.level);
          if (!row.skip) finder.add(i, row.level);
          return parent;
        });
        expect(found).toEqual(parentsByScan(list));
      }),
      { seed: 8, numRuns: 5000 },
    );
  });
});
