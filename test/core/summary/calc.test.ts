import { DEFAULT_SETTINGS, parseSettings } from "../../../src/core/check";
import type { CheckSettings } from "../../../src/core/check/settings";
import { findScale, Scale } from "../../../src/core/formulas/scales";
import {
  averageCell,
  capaianCell,
  differenceCell,
  kategoriCell,
  shareCell,
} from "../../../src/core/summary/calc";
import type { PlanValue } from "../../../src/core/summary/plan";

/**
 * The summary's formulas, built as Excel text and as the engine's value. The values here are
 * what a planner expects to see; test/xlsx/summaryRecalc.test.ts checks that LibreOffice
 * computes the same from the formula text.
 */

const T = (value: PlanValue) => ({ cell: "F6", value });
const R = (value: PlanValue) => ({ cell: "G6", value });

function settings(raw: Record<string, unknown>): CheckSettings {
  const { settings: s, problems } = parseSettings(raw);
  expect(problems).toEqual([]);
  return s;
}

describe("capaianCell", () => {
  const value = (
    t: PlanValue,
    r: PlanValue,
    s: CheckSettings = DEFAULT_SETTINGS,
    negatif = false,
  ) => capaianCell(T(t), R(r), negatif ? "negatif" : "positif", s).value;

  it("is R/T×100 rounded half away from zero to 2 decimals", () => {
    expect(value(77.6, 82.57)).toBe(106.4);
    expect(value(3, 1.14)).toBe(38);
    // 0.125 / 1 → 12.5; 1/8 exactly; 2/3 → 66.67
    expect(value(3, 2)).toBe(66.67);
    expect(value(200, 0.01)).toBe(0.01); // 0.005 → 0.01 (half away from zero)
  });

  it("writes the documented formula", () => {
    expect(capaianCell(T(1), R(1), "positif", DEFAULT_SETTINGS).formula).toBe(
      '=IF(OR(F6="",G6=""),"",IF(F6<=0,"-",ROUND(G6/F6*100,2)))',
    );
  });

  it("is empty when target or realisasi is empty", () => {
    expect(value("", 5)).toBe("");
    expect(value(5, "")).toBe("");
    expect(value(null, 5)).toBe("");
  });

  it('shows "-" for a zero or negative target, 0 for zero realisasi', () => {
    expect(value(0, 5)).toBe("-");
    expect(value(0, 0)).toBe("-");
    expect(value(-10, 5)).toBe("-");
    expect(value(10, 0)).toBe(0);
  });

  it("scores 100 for 0/0 when the setting says so", () => {
    const s = settings({ zeroTargetZeroRealisasiIs100: true });
    expect(value(0, 0, s)).toBe(100);
    expect(value(0, 3, s)).toBe("-");
    expect(capaianCell(T(0), R(0), "positif", s).formula).toContain('IF(AND(F6=0,G6=0),100,"-")');
  });

  it("uses (2T−R)/T for lower-is-better indicators, or T/R when chosen", () => {
    expect(value(10, 8, DEFAULT_SETTINGS, true)).toBe(120);
    expect(value(10, 25, DEFAULT_SETTINGS, true)).toBe(-50);
    const tr = settings({ inverseMethod: "t/r" });
    expect(value(10, 8, tr, true)).toBe(125);
    expect(value(10, 0, tr, true)).toBe("-");
    expect(capaianCell(T(1), R(1), "negatif", tr).formula).toContain("OR(F6<=0,G6=0)");
  });

  it("applies the cap and floor of the settings after rounding", () => {
    const s = settings({ capaianCap: 120, capaianFloor: 0 });
    expect(value(10, 50, s)).toBe(120);
    expect(value(10, 25, s, true)).toBe(0);
    expect(capaianCell(T(1), R(1), "positif", s).formula).toContain("MIN(120,MAX(0,ROUND(");
  });

  it("handles negative realisasi like the documents' arithmetic", () => {
    expect(value(10, -2)).toBe(-20);
  });
});

describe("kategoriCell", () => {
  const capaian = findScale("capaian-permendagri86") as Scale;
  const semarang = findScale("capaian-lkjip-semarang-2025") as Scale;
  const akip = findScale("akip-permenpanrb88") as Scale;

  it("gives the band label, inclusive and exclusive bounds as the scale says", () => {
    expect(kategoriCell("H6", 91, capaian).value).toBe("Sangat Tinggi");
    expect(kategoriCell("H6", 90.99, capaian).value).toBe("Tinggi");
    expect(kategoriCell("H6", 50.99, capaian).value).toBe("Sangat Rendah");
    expect(kategoriCell("H6", 90, semarang).value).toBe("Tinggi");
    expect(kategoriCell("H6", 90.01, semarang).value).toBe("Sangat Tinggi");
    expect(kategoriCell("H6", -5, capaian).value).toBe("Sangat Rendah");
  });

  it("is empty for text, blanks and values off a bounded scale", () => {
    expect(kategoriCell("H6", "", capaian).value).toBe("");
    expect(kategoriCell("H6", "-", capaian).value).toBe("");
    expect(kategoriCell("H6", null, capaian).value).toBe("");
    expect(kategoriCell("H6", 120, akip).value).toBe("");
    expect(kategoriCell("H6", 95, akip).value).toBe("AA");
  });

  it("builds nested IFs from the bands, best first", () => {
    const f = kategoriCell("H6", 1, capaian).formula;
    expect(f.startsWith('=IF(ISNUMBER(H6),IF(H6>=91,"Sangat Tinggi",')).toBe(true);
    expect(f).toContain('"Sangat Rendah"');
    expect(kategoriCell("H6", 1, akip).formula).toContain('IF(OR(H6<0,H6>100),"",');
  });
});

describe("averageCell", () => {
  it("averages the numbers only, rounded to 2 decimals", () => {
    expect(averageCell("H6:H8", [100.1, "", "-", 100.63]).value).toBe(100.37);
    expect(averageCell("H6:H8", [1, 2, 2]).value).toBe(1.67);
  });

  it("is empty when there is no number (Excel's #DIV/0! caught)", () => {
    expect(averageCell("H6:H8", ["", "-"]).value).toBe("");
    expect(averageCell("H6:H8", []).formula).toBe('=IFERROR(ROUND(AVERAGE(H6:H8),2),"")');
  });
});

describe("shareCell and differenceCell", () => {
  it("serapan is part/whole×100 rounded, '-' for a zero pagu", () => {
    expect(
      shareCell({ cell: "E6", value: 21942492764 }, { cell: "D6", value: 23937632864.32 }).value,
    ).toBe(91.67);
    expect(shareCell({ cell: "E6", value: 5 }, { cell: "D6", value: 0 }).value).toBe("-");
    expect(shareCell({ cell: "E6", value: "" }, { cell: "D6", value: 10 }).value).toBe("");
  });

  it("sisa is exact in decimals, signed", () => {
    expect(
      differenceCell({ cell: "D6", value: 11847006290.32 }, { cell: "E6", value: 11163205754 })
        .value,
    ).toBe(683800536.32);
    expect(differenceCell({ cell: "D6", value: 77.58 }, { cell: "E6", value: 82.57 }).value).toBe(
      -4.99,
    );
    expect(differenceCell({ cell: "D6", value: "" }, { cell: "E6", value: 1 }).value).toBe("");
  });
});

describe("kategoriCell formula shapes", () => {
  it("tests lower bounds only on a contiguous scale, as the scale is printed", () => {
    const scale = findScale("capaian-permendagri86") as Scale;
    expect(kategoriCell("H6", 1, scale).formula).toBe(
      '=IF(ISNUMBER(H6),IF(H6>=91,"Sangat Tinggi",IF(H6>=76,"Tinggi",IF(H6>=66,"Sedang",IF(H6>=51,"Rendah","Sangat Rendah")))),"")',
    );
  });

  it("tests both bounds when a scale has gaps, leaving values in a gap without a kategori", () => {
    const gappy: Scale = {
      name: "gappy",
      measure: "capaian",
      source: "test",
      bands: [
        { label: "Baik", synonyms: [], min: { value: 80, inclusive: true }, max: null },
        { label: "Kurang", synonyms: [], min: null, max: { value: 70, inclusive: false } },
      ],
    };
    const f = kategoriCell("H6", 75, gappy);
    expect(f.formula).toBe('=IF(ISNUMBER(H6),IF(H6>=80,"Baik",IF(H6<70,"Kurang","")),"")');
    expect(f.value).toBe("");
    expect(kategoriCell("H6", 69.99, gappy).value).toBe("Kurang");
  });
});
