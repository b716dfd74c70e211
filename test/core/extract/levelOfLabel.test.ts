import fc from "fast-check";
import { levelOfLabel } from "../../../src/core/extract/indicators";
import type { IndicatorLevel } from "../../../src/core/extract/types";

/** The labels' levels as they were found: one regex per level word, tried in this order. */
const BY_WORD: [RegExp, IndicatorLevel][] = [
  [/^\W*(?:[a-z0-9]{1,3}[.)]\s*)?tujuan\b/i, "tujuan"],
  [/^\W*(?:[a-z0-9]{1,3}[.)]\s*)?sasaran\b/i, "sasaran"],
  [/^\W*(?:[a-z0-9]{1,3}[.)]\s*)?sub\s*kegiatan\b/i, "sub-kegiatan"],
  [/^\W*(?:[a-z0-9]{1,3}[.)]\s*)?program\b/i, "program"],
  [/^\W*(?:[a-z0-9]{1,3}[.)]\s*)?kegiatan\b/i, "kegiatan"],
];

function levelWordByWord(text: string): IndicatorLevel | null {
  for (const [pattern, level] of BY_WORD) if (pattern.test(text)) return level;
  return null;
}

describe("levelOfLabel", () => {
  it("finds the level the word-by-word regexes found", () => {
    const prefixes = [
      "",
      " ",
      "- ",
      "1.",
      "1. ",
      "A)",
      "ab1.",
      "12) ",
      "(",
      "•",
      "_",
      "abcd.",
      "a.b.",
    ];
    const words = ["tujuan", "TUJUAN", "Sasaran", "sub kegiatan", "Sub  Kegiatan", "SUBKEGIATAN"];
    const more = [
      "sub\u00a0kegiatan",
      "program",
      "Program",
      "kegiatan",
      "keg",
      "sub",
      "Tujuan/Sasaran",
    ];
    const suffixes = ["", " strategis", "x", ".", "\u00a0", "-1", "_", "é"];
    const piece = fc.oneof(
      fc.constantFrom(...prefixes, ...words, ...more, ...suffixes),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (parts) => {
        const text = parts.join("");
        expect(levelOfLabel(text)).toBe(levelWordByWord(text));
      }),
      { seed: 12, numRuns: 3000 },
    );
  });

  it.each([
    ["Tujuan 1", "tujuan"],
    ["A. Sasaran Strategis", "sasaran"],
    ["2) Sub Kegiatan Penyusunan", "sub-kegiatan"],
    ["PROGRAM PERENCANAAN", "program"],
    ["Kegiatan: Koordinasi", "kegiatan"],
    ["Persentase koperasi aktif", null],
  ])("%s → %s", (text, level) => {
    expect(levelOfLabel(text)).toBe(level);
  });
});
