import { COLUMN_ROLES, REGION_KINDS } from "../../src/core/recognize/types";
import {
  FUNCTIONS,
  KIND_LABELS,
  ROLE_LABELS,
  SEVERITY_LABELS,
  STEP_LABELS,
  TEXTS,
  languageFrom,
  tr,
  type LocalText,
} from "../../src/taskpane/texts";

describe("task pane texts", () => {
  it("has Indonesian and English for every text, with the same placeholders", () => {
    const all: LocalText[] = [
      ...Object.values(TEXTS),
      ...Object.values(KIND_LABELS),
      ...Object.values(ROLE_LABELS),
      ...Object.values(SEVERITY_LABELS),
      ...Object.values(STEP_LABELS),
      ...FUNCTIONS.map((f) => f.description),
    ];
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const text of all) {
      expect(text.id.trim()).not.toBe("");
      expect(text.en.trim()).not.toBe("");
      expect(placeholders(text.en)).toEqual(placeholders(text.id));
    }
  });

  it("names every region kind and column role of the contract", () => {
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...REGION_KINDS].sort());
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...COLUMN_ROLES].sort());
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

  it("fills placeholders and leaves unknown ones", () => {
    expect(tr(TEXTS.tablesHeading, "id", { count: 3, sheets: 2 })).toBe("3 tabel di 2 lembar");
    expect(tr(TEXTS.confidence, "en", {})).toBe("Confidence {percent}%");
  });
});
