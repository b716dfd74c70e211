import { runChecks, DEFAULT_SETTINGS } from "../../../src/core/check";
import type { CheckSettings } from "../../../src/core/check/settings";
import { parseSettings } from "../../../src/core/check/settings";
import type { CheckWorkbook } from "../../../src/core/check/types";
import { recognise } from "../../../src/core/recognize";
import { a1 } from "../../../src/core/snapshot";
import {
  assignSheetNames,
  PlanCell,
  SheetPlan,
  summarise,
  validSheetName,
} from "../../../src/core/summary";
import { wrappedLines } from "../../../src/core/summary/sheet";
import { FixtureName, fixtureSheets } from "../../helpers/check";

/**
 * core/summary on the shared fixture workbooks: which sheets each workbook's data supports,
 * and the numbers a planner would check first (they match the printed report where the
 * report is right).
 */

async function plansOf(
  name: FixtureName,
  settings: CheckSettings = DEFAULT_SETTINGS,
): Promise<SheetPlan[]> {
  const sheets = await fixtureSheets(name);
  const workbook: CheckWorkbook = { file: `${name}.xlsx`, sheets, regions: recognise(sheets) };
  const result = runChecks([workbook], settings);
  return summarise({
    workbook,
    model: result.model(),
    findings: result.findings,
    settings,
    lang: "id",
  });
}

function cell(plan: SheetPlan | undefined, address: string): PlanCell | undefined {
  return plan?.cells.find((c) => a1(c.row, c.col) === address);
}

function plan(plans: SheetPlan[], key: SheetPlan["key"]): SheetPlan {
  const found = plans.find((p) => p.key === key);
  if (!found) throw new Error(`no ${key} sheet`);
  return found;
}

/** The rows of one column below the header, as values. */
function column(p: SheetPlan, col: number): PlanCell[] {
  return p.cells.filter((c) => c.col === col && c.row > 4).sort((a, b) => a.row - b.row);
}

describe("summarise on the LKjIP Semarang 2025 workbook", () => {
  let plans: SheetPlan[];
  beforeAll(async () => {
    plans = await plansOf("lkjip-semarang-2025");
  });

  it("writes every sheet its data supports, in Bab III order", () => {
    expect(plans.map((p) => p.name)).toEqual([
      "Ringkasan Capaian",
      "Perbandingan Tahun",
      "Capaian Renstra",
      "Realisasi Anggaran",
      "Efisiensi",
      "Skala",
      "Temuan",
    ]);
  });

  it("Ringkasan Capaian: the five sasaran/tujuan indicators of 2025, capaian recomputed", () => {
    const p = plan(plans, "ringkasan-capaian");
    const names = column(p, 2).map((c) => c.value);
    expect(names.slice(0, 5)).toEqual([
      "Persentase Koperasi yang berkualitas",
      "Persentase usaha mikro yang meningkat menjadi wirausaha",
      "Persentase koperasi Aktif",
      "Persentase pertumbuhan wirausaha baru yang berskala mikro",
      "Nilai AKIP",
    ]);
    expect(
      column(p, 7)
        .slice(0, 5)
        .map((c) => c.value),
    ).toEqual([100.1, 100.63, 106.4, 102.6, 100.12]);
    // The overall mean over the rounded values, as the documents average.
    expect(cell(p, "H11")).toMatchObject({
      value: 101.97,
      formula: '=IFERROR(ROUND(AVERAGE(H6:H10),2),"")',
    });
    expect(cell(p, "I8")?.value).toBe("Sangat Tinggi");
    expect(cell(p, "F8")?.formula).toBe(`=IF('Tabel 3.1'!E10="","",'Tabel 3.1'!E10*100)`);
    expect(p.charts).toHaveLength(1);
    expect(p.charts[0].series.map((s) => s.type)).toEqual(["column", "line"]);
    expect(p.freeze).toEqual({ rows: 5, columns: 0 });
  });

  it("Efisiensi reproduces the report's E = 9,89 and NE from Tabel 3.8", () => {
    const p = plan(plans, "efisiensi");
    const e = p.cells.find((c) => c.formula?.startsWith("=IF(I9=0"));
    expect(typeof e?.value).toBe("number");
    expect(Number((e!.value as number).toFixed(2))).toBe(9.89);
    const ne = p.cells.find((c) => c.formula?.includes("MAX(-20,MIN(20,"));
    expect(Number((ne!.value as number).toFixed(2))).toBe(74.73);
    expect(p.cells.some((c) => c.value === "Cukup Efisien")).toBe(true);
  });

  it("Realisasi Anggaran: program JUMLAH equals the table's own urusan total", () => {
    const p = plan(plans, "realisasi-anggaran");
    const total = p.cells.find((c) => c.value === "JUMLAH")!;
    expect(cell(p, a1(total.row, 3))?.value).toBe(23937632864.32);
    expect(cell(p, a1(total.row, 4))?.value).toBe(21942492764);
    expect(cell(p, a1(total.row, 3))?.formula).toMatch(
      /^=SUMIF\(\$C\$6:\$C\$\d+,"Program",D6:D\d+\)$/,
    );
    const levels = new Set(column(p, 2).map((c) => c.value));
    expect(levels).toEqual(new Set(["Program", "Kegiatan", null]));
  });

  it("Perbandingan Tahun: realisasi 2024 from the earlier tables, signed change", () => {
    const p = plan(plans, "perbandingan-tahun");
    const row = column(p, 1).find((c) => c.value === "Persentase koperasi Aktif")!.row;
    expect(cell(p, a1(row, 7))?.value).toBe(77.58);
    expect(cell(p, a1(row, 10))?.value).toBe(82.57);
    expect(cell(p, a1(row, 12))?.value).toBe(4.99);
    expect(cell(p, a1(row, 13))?.value).toBe("Naik");
  });

  it("Capaian Renstra: realisasi 2025 against the 2026 end target", () => {
    const p = plan(plans, "capaian-renstra");
    const row = column(p, 1).find((c) => c.value === "Persentase koperasi Aktif")!.row;
    expect(cell(p, a1(row, 4))?.value).toBe(2026);
    expect(cell(p, a1(row, 5))?.value).toBe(78);
    expect(cell(p, a1(row, 7))?.value).toBe(105.86);
  });

  it("Temuan lists every finding of the file with a link to its cell", () => {
    const p = plan(plans, "temuan");
    const links = p.cells.filter((c) => c.formula?.startsWith("=HYPERLINK("));
    const rules = column(p, 1).filter((c) => typeof c.value === "string" && c.value !== "");
    expect(links.length).toBe(rules.length);
    expect(links.length).toBeGreaterThan(10);
    expect(
      links.some((c) => c.formula === `=HYPERLINK("#'Tabel 3.9'!F12","F12")` && c.value === "F12"),
    ).toBe(true);
  });
});

describe("summarise: properties every plan keeps", () => {
  const names: FixtureName[] = ["lkjip-semarang-2025", "lakip-tangsel-2021", "renja-semarang-2021"];

  it.each(names)(
    "%s: native formulas only, every formula cell with a value, one cell per position",
    async (name) => {
      const plans = await plansOf(name);
      expect(plans.length).toBeGreaterThan(1);
      for (const p of plans) {
        const seen = new Set<string>();
        for (const c of p.cells) {
          const key = a1(c.row, c.col);
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          if (c.formula === undefined) continue;
          expect(c.formula.startsWith("=")).toBe(true);
          expect(c.formula).not.toMatch(/SAKIP\./i);
          expect(c.formula).not.toMatch(/\b(LET|XLOOKUP|FILTER|LAMBDA|TEXTJOIN|IFS|SWITCH)\(/);
          expect(c.value).not.toBeUndefined();
        }
      }
    },
  );

  it("is pure: the same input gives the same plans", async () => {
    expect(JSON.stringify(await plansOf("lakip-tangsel-2021"))).toBe(
      JSON.stringify(await plansOf("lakip-tangsel-2021")),
    );
  });

  it("follows the settings: a Semarang scale and a negative polarity change the formulas", async () => {
    const { settings } = parseSettings({
      scales: { capaian: "capaian-lkjip-semarang-2025" },
      polarity: { "Nilai AKIP": "negatif" },
    });
    const p = plan(await plansOf("lkjip-semarang-2025", settings), "ringkasan-capaian");
    expect(cell(p, "E10")?.value).toBe("Negatif");
    expect(cell(p, "H10")?.formula).toContain("(2*F10-G10)/F10*100");
    expect(cell(p, "H10")?.value).toBe(99.88);
    expect(cell(p, "I6")?.formula).toContain("H6>90");
  });

  it("LAKIP Tangerang Selatan 2021: eleven indicators from Tabel 6 and Tabel 11", async () => {
    const p = plan(await plansOf("lakip-tangsel-2021"), "ringkasan-capaian");
    const rows = column(p, 2).filter((c) => typeof c.value === "string" && c.value !== "");
    expect(rows.length).toBe(11);
    expect(rows.some((c) => c.value === "Persentase Koperasi Sehat")).toBe(true);
  });
});

describe("assignSheetNames", () => {
  const plan = (name: string) => ({ name }) as SheetPlan;

  it("keeps a wanted name unless a user's sheet has it (ignoring case)", () => {
    expect(
      assignSheetNames([plan("Temuan"), plan("Skala")], ["ringkasan capaian", "skala"]),
    ).toEqual(["Temuan", "Skala (2)"]);
    expect(assignSheetNames([plan("Skala")], ["Skala", "Skala (2)"])).toEqual(["Skala (3)"]);
  });

  it("stays within Excel's 31 characters", () => {
    const long = "Ringkasan Capaian Kinerja Tahunan";
    const [name] = assignSheetNames([plan(long)], [long.slice(0, 31)]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});

describe("sheet names and row heights", () => {
  it("cleans characters Excel refuses in a sheet name, and avoids History", () => {
    expect(validSheetName("Capaian 2024/2025: [final]?")).toBe("Capaian 2024 2025   final");
    expect(validSheetName("'kutip'")).toBe("kutip");
    expect(assignSheetNames([{ name: "History" } as SheetPlan], [])).toEqual(["History (2)"]);
  });

  it("counts wrapped lines at word boundaries", () => {
    expect(wrappedLines("Sangat Tinggi", 15)).toBe(1);
    expect(wrappedLines("Sangat Tinggi", 12)).toBe(2);
    expect(wrappedLines("", 10)).toBe(1);
    expect(wrappedLines("a".repeat(25), 10)).toBe(3);
    expect(wrappedLines("satu\ndua", 40)).toBe(2);
  });
});
