import fc from "fast-check";
import {
  compareTokens,
  damerauLevenshtein,
  fuzzyNamesMatch,
  nameSimilarity,
  nameTokens,
  normaliseName,
  tokensMatch,
} from "../../../src/core/match";

/** DOMAIN.md §6 "Matching": normalisation and the calibration examples. */
describe("normaliseName", () => {
  test("spelling variants, stop-words, case and punctuation", () => {
    expect(normaliseName("Prosentase Koperasi  yg Aktif")).toBe("persentase koperasi aktif");
    expect(normaliseName("Presentase kop. sehat")).toBe("persentase koperasi sehat");
    expect(normaliseName("Jumlah Produk Yang Terfasilitasi")).toBe("produk terfasilitasi");
  });

  test("drops a trailing office phrase after two tokens", () => {
    expect(normaliseName("Nilai AKIP Dinas Koperasi dan Usaha Mikro Kota Semarang")).toBe(
      "nilai akip",
    );
    // Fewer than two tokens before the office word: kept.
    expect(nameTokens("Kota Layak Anak")).toEqual(["kota", "layak", "anak"]);
  });

  test("NFKC folds compatibility characters", () => {
    expect(normaliseName("Ｎｉｌａｉ ＡＫＩＰ")).toBe("nilai akip");
  });
});

/** The tokeniser as it was (regex and split for every name), to hold the ASCII loop to it. */
function tokensByRegex(name: string): string[] {
  const synonyms: Record<string, string> = {
    prosentase: "persentase",
    presentase: "persentase",
    prosentasi: "persentase",
    yg: "yang",
    kop: "koperasi",
  };
  const stop = new Set(["yang", "dan", "di", "ke", "dari", "pada", "untuk", "dengan", "dalam"]);
  ["serta", "atau", "terhadap", "jumlah"].forEach((w) => stop.add(w));
  const office = new Set(["dinas", "badan", "kota", "kabupaten", "provinsi"]);
  const raw = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((t) => t !== "")
    .map((t) => synonyms[t] ?? t)
    .filter((t) => !stop.has(t));
  const cut = raw.findIndex((t, i) => i >= 2 && office.has(t));
  return cut >= 0 ? raw.slice(0, cut) : raw;
}

describe("nameTokens", () => {
  test("an ASCII name gives the tokens of the regex tokeniser", () => {
    const pieces = ["Prosentase", "KOP", "yg", "dan", "Dinas", "kota", "2024", "a1", "Ab"];
    const separators = [" ", "  ", ".", ",", "-", "/", "(", ")", "\t", "\n", "_", "%", "'"];
    const piece = fc.oneof(
      fc.constantFrom(...pieces, ...separators),
      fc.string({ unit: "grapheme-ascii", maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const name = parts.join("");
        expect(nameTokens(name)).toEqual(tokensByRegex(name));
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  test("a name with other letters still goes through NFKC and Unicode classes", () => {
    expect(nameTokens("Persentase Koperasi Ａｋｔｉｆ – Café")).toEqual(
      tokensByRegex("Persentase Koperasi Ａｋｔｉｆ – Café"),
    );
  });
});

describe("token distance", () => {
  test("Damerau-Levenshtein counts a transposition as one edit", () => {
    expect(damerauLevenshtein("wirausaha", "wirasausaha")).toBe(2);
    expect(damerauLevenshtein("aktif", "atkif")).toBe(1);
  });

  test("≤1 edit for 4–7 letters, ≤2 from 8, exact below 4", () => {
    expect(tokensMatch("permodalan", "permodaln")).toBe(true);
    expect(tokensMatch("wirausaha", "wirasausaha")).toBe(true);
    expect(tokensMatch("sehat", "seh4t")).toBe(true);
    expect(tokensMatch("sehat", "sxhxt")).toBe(false);
    expect(tokensMatch("skp", "skpd")).toBe(false);
  });
});

describe("calibration (DOMAIN.md §6)", () => {
  test('"…yang menjadi wirausaha" vs "…yang meningkat menjadi wirasausaha": 0.909, match', () => {
    const a = "Persentase usaha mikro yang menjadi wirausaha";
    const b = "Persentase usaha mikro yang meningkat menjadi wirasausaha";
    expect(nameSimilarity(a, b)).toBeCloseTo(0.909, 3);
    expect(fuzzyNamesMatch(a, b, 0.85)).toBe(true);
  });

  test('"…Kualitas Usaha Mikro yang dibina" vs "…Kualitas Produk yang dibina": 0.727, no match', () => {
    const a = "Prosentase Meningkatnya Kualitas Usaha Mikro yang dibina";
    const b = "Prosentase Meningkatnya Kualitas Produk yang dibina";
    expect(nameSimilarity(a, b)).toBeCloseTo(0.727, 3);
    expect(fuzzyNamesMatch(a, b, 0.85)).toBe(false);
  });

  test('"Jumlah Produk Yang Tersertifikasi" vs "…Terfasilitasi" (a rename): 0.5, candidate only', () => {
    const a = "Jumlah Produk Yang Tersertifikasi";
    const b = "Jumlah Produk yang Terfasilitasi";
    expect(nameSimilarity(a, b)).toBeCloseTo(0.5, 3);
    expect(fuzzyNamesMatch(a, b, 0.85)).toBe(false);
  });

  test("an inserted measure word never matches", () => {
    const comparison = compareTokens(
      nameTokens("Koperasi aktif usaha mikro binaan kota"),
      nameTokens("Persentase koperasi aktif usaha mikro binaan kota"),
    );
    expect(comparison.onlyInsertions).toBe(true);
    expect(
      fuzzyNamesMatch(
        "Koperasi aktif usaha mikro binaan",
        "Persentase koperasi aktif usaha mikro binaan",
        0.85,
      ),
    ).toBe(false);
  });

  test("empty and odd names never match", () => {
    expect(nameSimilarity("", "Nilai AKIP")).toBe(0);
    expect(fuzzyNamesMatch("-", "-", 0.85)).toBe(false);
  });
});
