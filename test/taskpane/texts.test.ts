import { FUNCTIONS, TEXTS, languageFrom, tr } from "../../src/taskpane/texts";

describe("task pane texts", () => {
  it("has Indonesian and English for every text", () => {
    for (const text of [...Object.values(TEXTS), ...FUNCTIONS.map((f) => f.description)]) {
      expect(text.id.trim()).not.toBe("");
      expect(text.en.trim()).not.toBe("");
    }
  });

  it("lists the SAKIP worksheet functions once each", () => {
    const names = FUNCTIONS.map((f) => f.name);
    expect(names).toEqual([
      "SAKIP.CAPAIAN",
      "SAKIP.EFISIENSI",
      "SAKIP.NILAIEFISIENSI",
      "SAKIP.KATEGORI",
      "SAKIP.KATEGORIEFISIENSI",
      "SAKIP.PREDIKATAKIP",
      "SAKIP.SERAPAN",
      "SAKIP.CAPAIANRENSTRA",
      "SAKIP.KUMULATIF",
      "SAKIP.ANGKA",
    ]);
  });

  it("speaks English only when Office's display language is English", () => {
    expect(languageFrom("en-US")).toBe("en");
    expect(languageFrom("EN-gb")).toBe("en");
    expect(languageFrom("id-ID")).toBe("id");
    expect(languageFrom("nl-NL")).toBe("id");
    expect(languageFrom(undefined)).toBe("id");
    expect(languageFrom(null)).toBe("id");
    expect(tr(TEXTS.productName, "en")).toBe("SAKIP for Excel");
    expect(tr(TEXTS.productName, "id")).toBe("SAKIP untuk Excel");
  });
});
