import type { CellRef, Finding } from "../../../src/core/check/types";
import { renderMessage } from "../../../src/core/messages";
import { efficiencyMismatch } from "../../../src/core/rules/efficiencyMismatch";
import type { CellValue } from "../../../src/core/snapshot";
import {
  check,
  describe as show,
  fixtureSheets,
  fixtureWorkbook,
  findingsAt,
  settingsWith,
  where,
} from "../../helpers/check";
import { handmade, withRowsBelow, workbookOf } from "./handmade";

const RULES = [efficiencyMismatch];

function refWhere(ref: CellRef): string {
  return where({ at: ref } as Finding);
}

async function ls25(edits: Parameters<typeof fixtureWorkbook>[1] = []) {
  return check([await fixtureWorkbook("lkjip-semarang-2025", edits)], RULES);
}

/** LS25 Tabel 3.8 with E, NE and the category typed in cells below it (rows 10–12). */
async function tabel38WithSummary(e: CellValue, ne: CellValue, kategori: CellValue) {
  const sheets = await fixtureSheets("lkjip-semarang-2025");
  const t38 = sheets.find((s) => s.name === "Tabel 3.8")!;
  const extended = withRowsBelow(t38, [
    [],
    ["Efisiensi (E)", e],
    ["Nilai Efisiensi (NE)", ne],
    ["Kategori", kategori],
  ]);
  return workbookOf([extended]);
}

describe("efficiency-mismatch: DOMAIN §6.9", () => {
  test("LS25 F28 / Not flag: all of Tabel 3.8, TOTAL (8) ',87' against a cell sum of ',88' included", async () => {
    expect(show(await ls25())).toBe("");
  });

  test("no efficiency-mismatch finding at all on the four fixtures", async () => {
    for (const name of [
      "lkjip-semarang-2025",
      "lkjip-semarang-2025-onesheet",
      "renja-semarang-2021",
      "lakip-tangsel-2021",
    ] as const) {
      expect(show(check([await fixtureWorkbook(name)], RULES))).toBe("");
    }
  });

  test("Catch: (9) of 'Nilai AKIP' mutated to 698.544.788,80 (expected 698.544.788,08) is an error", async () => {
    const found = await ls25([{ sheet: "Tabel 3.8", cell: "I7", value: 698544788.8 }]);
    const [f, ...rest] = findingsAt(found, "Tabel 3.8!I7");
    expect(rest).toHaveLength(0);
    expect(f.rule).toBe("efficiency-mismatch");
    expect(f.severity).toBe("error");
    expect(f.actual).toBe(698544788.8);
    expect(f.expected).toBeCloseTo(698544788.08, 6);
    expect(f.indicator).toBe("Nilai AKIP");
    expect(f.related.map(refWhere)).toEqual(["Tabel 3.8!H7", "Tabel 3.8!D7"]);
    expect(renderMessage(f.message)).toBe(
      "(Pagu anggaran × capaian) − realisasi anggaran tertulis 698.544.788,80 tetapi hasil hitungnya = 698.544.788,08",
    );
  });

  test("Catch: NE printed 24,73 for 74,73 in a cell below the table is an error", async () => {
    const found = check([await tabel38WithSummary("9,89%", "24,73%", "Cukup Efisien")], RULES);
    expect(found.map((f) => [where(f), f.severity])).toEqual([["Tabel 3.8!B11", "error"]]);
    expect(found[0].actual).toBe(24.73);
    expect(found[0].expected).toBeCloseTo(74.7297, 3);
  });

  test("E 9,89%, NE 74,73% and 'Cukup Efisien' below the table are accepted", async () => {
    expect(show(check([await tabel38WithSummary("9,89%", "74,73%", "Cukup Efisien")], RULES))).toBe(
      "",
    );
  });

  test("a wrong E or a wrong category below the table is an error", async () => {
    const wrongE = check([await tabel38WithSummary("8,33%", "74,73%", "Cukup Efisien")], RULES);
    expect(wrongE.map(where)).toEqual(["Tabel 3.8!B10"]);
    const wrongCategory = check([await tabel38WithSummary("9,89%", "74,73%", "Efisien")], RULES);
    expect(wrongCategory.map((f) => [where(f), f.severity])).toEqual([["Tabel 3.8!B12", "error"]]);
  });

  test("(8) computed with the printed (display-rounded) capaian is accepted too", async () => {
    const found = await ls25([{ sheet: "Tabel 3.8", cell: "H5", value: 2364846443.62 }]);
    expect(findingsAt(found, "Tabel 3.8!H5")).toEqual([]);
  });

  test("a wrong (8) is an error with the unrounded PAK × CK", async () => {
    const found = await ls25([{ sheet: "Tabel 3.8", cell: "H5", value: 2222600041 }]);
    const [f] = findingsAt(found, "Tabel 3.8!H5");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(2364949553.94, 1);
  });

  test("a wrong TOTAL of (8) is an error", async () => {
    const found = await ls25([{ sheet: "Tabel 3.8", cell: "H8", value: 24351295418.87 }]);
    const [f] = findingsAt(found, "Tabel 3.8!H8");
    expect(f.severity).toBe("error");
    expect(f.related).toHaveLength(3);
  });
});

describe("efficiency-mismatch: hand-made edge cases", () => {
  function efisiensiTable(rows: CellValue[][], below: CellValue[][] = []) {
    return handmade("Tabel 3.8 Tingkat Efisiensi Penggunaan Anggaran Tahun 2025", [
      [
        "Sasaran",
        "Indikator Kinerja",
        "Pagu Anggaran (Rp)",
        "Realisasi Anggaran (Rp)",
        "Target",
        "Realisasi",
        "Capaian (%)",
        "Anggaran x Capaian",
        "(Pagu Anggaran x Capaian)- Realisasi Anggaran",
      ],
      ["1", "2", "3", "4", "5", "6", "(7) = (6) : (5)", "(8) = (3) x (7)", "(9) = (8)-(4)"],
      ...rows,
      ...below,
    ]);
  }

  test("columns (8) and (9) found by header words alone, without a formula row", () => {
    const wb = handmade("Tabel 3.8 Tingkat Efisiensi Penggunaan Anggaran", [
      [
        "Sasaran",
        "Indikator Kinerja",
        "Pagu Anggaran (Rp)",
        "Realisasi Anggaran (Rp)",
        "Target",
        "Realisasi",
        "Capaian (%)",
        "Pagu Anggaran x Capaian",
        "(Pagu Anggaran x Capaian) - Realisasi Anggaran",
      ],
      [
        "S1",
        "Indikator A",
        "1.000.000,00",
        "900.000,00",
        "50",
        "60",
        "120,00",
        "1.200.000,00",
        "300.000,00",
      ],
      [
        "S2",
        "Indikator B",
        "2.000.000,00",
        "1.000.000,00",
        "10",
        "5",
        "50,00",
        "1.000.000,00",
        "100.000,00",
      ],
    ]);
    const found = check([wb], RULES);
    expect(found.map(where)).toEqual(["Tabel!I5"]);
    expect(found[0].expected).toBe(0);
  });

  test("NE above 100 (E not clamped) is a warning", () => {
    const wb = efisiensiTable(
      [["S1", "Indikator A", "100,00", "50,00", "100", "100", "100,00", "100,00", "50,00"]],
      [[], ["Nilai Efisiensi (NE)", "175,00"]],
    );
    const found = check([wb], RULES, settingsWith({ clampE: false }));
    expect(found.map((f) => [where(f), f.severity])).toEqual([["Tabel!B7", "warning"]]);
    expect(renderMessage(found[0].message)).toMatch(/melebihi 100/);
  });

  test("text, '-', zero target and blanks never throw", () => {
    const wb = efisiensiTable([
      ["S1", "Nol", "100,00", "50,00", "0", "10", "-", "-", "-"],
      ["S2", "Teks", "banyak", "50,00", "10", "10", "100,00", "x", "y"],
      ["S3", "Kosong", null, null, null, null, null, null, null],
      ["TOTAL", null, null, null, null, null, null, "-", "-"],
    ]);
    expect(check([wb], RULES)).toEqual([]);
  });

  test("negative realisasi anggaran is computed, not rejected", () => {
    const wb = efisiensiTable([
      ["S1", "Koreksi", "100,00", "-10,00", "10", "10", "100,00", "100,00", "110,00"],
    ]);
    expect(check([wb], RULES)).toEqual([]);
  });

  test("an empty grid reports nothing", () => {
    expect(check([handmade("", [])], RULES)).toEqual([]);
  });
});
