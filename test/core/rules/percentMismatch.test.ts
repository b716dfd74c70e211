import type { Finding } from "../../../src/core/check/types";
import { renderMessage } from "../../../src/core/messages";
import { recognise } from "../../../src/core/recognize";
import { percentMismatch } from "../../../src/core/rules/percentMismatch";
import { CellValue, snapshotFromValues } from "../../../src/core/snapshot";
import {
  check,
  FixtureFindings,
  findingsOnFixtures,
  findingsWith,
  onlyAt,
  describe as describeFindings,
  findingsAt,
  fixtureWorkbook,
  settingsWith,
  where,
} from "../../helpers/check";

const RULES = [percentMismatch];

const findingsOf = findingsWith(RULES);

const only = (findings: Finding[], address: string): Finding =>
  onlyAt(findings, address, "percent-mismatch");

function errorsOutside(findings: Finding[], expected: string[]): string[] {
  return findings
    .filter((f) => f.severity === "error" && !expected.includes(where(f)))
    .map((f) => `${where(f)} ${renderMessage(f.message)}`);
}

let on: FixtureFindings;

beforeAll(async () => {
  on = await findingsOnFixtures(findingsOf);
});

describe("percent-mismatch on LT21 (lakip-tangsel-2021)", () => {
  test('LT21 F1: Tabel 9 "Administrasi Umum Perangkat Daerah" SILPA % printed 0,00, expected 13,94', () => {
    const f = only(on.lt21, "Tabel 9!G24");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(13.94, 2);
    expect(f.actual).toBe(0);
    expect(f.message.id).toBe("percentMismatch.sisa");
    expect(renderMessage(f.message)).toContain("154.590.500/1.109.158.300");
    expect(f.related.map((r) => `${r.col}:${r.row}`)).toEqual(["5:23", "2:23"]);
  });

  test('LT21 F2: Tabel 9 "Pemeliharaan Peralatan dan Mesin Lainnya" SILPA % printed 0,00, expected 34,41', () => {
    const f = only(on.lt21, "Tabel 9!G39");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(34.41, 2);
    expect(f.actual).toBe(0);
  });

  test("LT21 F3: Tabel 9 programmes G and H shifted one column — one error per row, kolom bergeser", () => {
    const shiftedRows = [61, 62, 63, 64, 65, 67, 68];
    for (const row of shiftedRows) {
      const f = only(on.lt21, `Tabel 9!D${row}`);
      expect(f.severity).toBe("error");
      expect(f.actual).toBe(100);
      expect(f.message.id).toBe("percentMismatch.shiftedRight");
      expect(renderMessage(f.message)).toMatch(/^Kolom bergeser/);
      // One finding per row, not one per cell.
      const inRow = on.lt21.filter((x) => x.at.sheet === "Tabel 9" && x.at.row === row - 1);
      expect(inRow).toHaveLength(1);
    }
  });

  test("LT21 Tabel 9: the other rows' Realisasi % and SILPA % are not flagged", () => {
    const tabel9 = on.lt21.filter((f) => f.at.sheet === "Tabel 9").map(where);
    expect(tabel9.sort()).toEqual(
      ["G24", "G39", "D61", "D62", "D63", "D64", "D65", "D67", "D68"]
        .map((c) => `Tabel 9!${c}`)
        .sort(),
    );
  });
});

describe("percent-mismatch on RS21 (renja-semarang-2021)", () => {
  test('RS21 F15: Tabel 2.2 "030 Penyusunan Rka Dan Dpa" printed 39,05, expected 84,60 (423.000/500.000)', () => {
    const f = only(on.rs21, "Tabel 2.2!E34");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(84.6, 2);
    expect(f.actual).toBeCloseTo(39.05, 2);
    expect(f.message.id).toBe("percentMismatch.serapan");
    expect(renderMessage(f.message)).toBe(
      "Persentase realisasi anggaran tertulis 39,05 tetapi realisasi/pagu = 423.000/500.000 × 100 = 84,60",
    );
  });

  test("RS21 Tabel 2.2: the other 54 PERSENTASE values are not flagged", () => {
    expect(on.rs21.filter((f) => f.at.sheet === "Tabel 2.2").map(where)).toEqual(["Tabel 2.2!E34"]);
  });

  test('RS21 F1: Tabel 2.1 col 8 "Prosentase Meningkatnya Kualitas Produk yang dibina" printed 14,49%, expected 111,77', () => {
    const f = only(on.rs21, "Tabel 2.1!H58");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(111.77, 2);
    expect(f.actual).toBeCloseTo(14.49, 2);
    expect(f.message.id).toBe("percentMismatch.formula");
    expect(renderMessage(f.message)).toBe(
      "Kolom 8 tertulis 14,49 tetapi menurut rumus 8=(7/6): 14,53/13 × 100 = 111,77",
    );
  });

  test('RS21 F2: Tabel 2.1 col 8 "Prosentase Legalitas Pelaku Usaha" printed 155,13%, expected 155,71', () => {
    const f = only(on.rs21, "Tabel 2.1!H72");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(155.71, 2);
    expect(f.actual).toBeCloseTo(155.13, 2);
  });

  test("RS21 F11: three weighted rows col 11 printed 100%, expected the bracketed 80%", () => {
    // Rapat-rapat Koordinasi … Ke Luar Daerah, … Ke Dalam Daerah, Belanja Jasa Penunjang Administrasi.
    for (const cell of ["K23", "K24", "K25"]) {
      const f = only(on.rs21, `Tabel 2.1!${cell}`);
      expect(f.severity).toBe("error");
      expect(f.expected).toBe(80);
      expect(f.actual).toBe(100);
      expect(f.message.id).toBe("percentMismatch.formulaWeighted");
    }
  });

  test("RS21 F11: the 16 other weighted rows print 80% and are not flagged", () => {
    for (const row of [7, 9, 11, 13, 15, 17, 19, 21, 26, 29, 31, 34, 36, 37, 39, 41]) {
      expect(findingsAt(on.rs21, `Tabel 2.1!K${row}`)).toEqual([]);
    }
  });

  test('RS21 F8: "Jumlah UMKM yang ditingkatkan manajemen usahanya" (legacy program) col 11 printed 100%, expected 120%', () => {
    const f = only(on.rs21, "Tabel 2.1!K106");
    expect(f.severity).toBe("error");
    expect(f.expected).toBe(120);
    expect(f.actual).toBe(100);
  });

  test('RS21 F9: "Prosentase Akses Pemasaran" col 11 printed 86,96%, expected 91,30 (21/23)', () => {
    const f = only(on.rs21, "Tabel 2.1!K110");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(91.3, 2);
    expect(f.actual).toBeCloseTo(86.96, 2);
  });

  test('RS21 F10: "Prosentase koperasi aktif" (PROGRAM PENGUATAN KELEMBAGAAN KOPERASI) col 11 printed 88,17%, expected 112,32', () => {
    const f = only(on.rs21, "Tabel 2.1!K100");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(112.32, 2);
    expect(f.actual).toBeCloseTo(88.17, 2);
  });

  test('RS21 F6: "Renstra SKPD" col 11 printed 0% against the printed col 10 = 1 and col 4 = 1: expected 100%', () => {
    const f = only(on.rs21, "Tabel 2.1!K53");
    expect(f.severity).toBe("error");
    expect(f.expected).toBe(100);
    expect(f.actual).toBe(0);
  });

  test("RS21 F3/F4/F5/F7: col 11 agrees with the PRINTED col 10, so the wrong sums are left to total-mismatch", () => {
    // F3 1925/1675 = 114,93 (printed 114,93); F4 590/520 = 113,46 (printed 113,5 with one decimal);
    // F5 12/16 = 75%; F7 0/5 = 0%.
    for (const cell of ["K82", "K96", "K55", "K27"]) {
      expect(findingsAt(on.rs21, `Tabel 2.1!${cell}`)).toEqual([]);
    }
  });

  test("RS21 F13: truncated col 11 values 99,8% (99,887) and 122,01% (122,018) are not flagged", () => {
    expect(findingsAt(on.rs21, "Tabel 2.1!K83")).toEqual([]);
    expect(findingsAt(on.rs21, "Tabel 2.1!K95")).toEqual([]);
  });

  test("RS21 Tabel 2.1: 0/0 in col 8 (Renstra SKPD, kendaraan dinas) is #DIV/0!, not a finding", () => {
    expect(findingsAt(on.rs21, "Tabel 2.1!H53")).toEqual([]);
    expect(findingsAt(on.rs21, "Tabel 2.1!H27")).toEqual([]);
  });

  test('RS21 F2 near miss: "155,72" for 155,714 is a rounding warning, not an error', async () => {
    const edited = await findingsOf("renja-semarang-2021", [
      { sheet: "Tabel 2.1", cell: "H72", value: 1.5572, format: "0.00%" },
    ]);
    const f = only(edited, "Tabel 2.1!H72");
    expect(f.severity).toBe("warning");
    expect(f.message.id).toBe("percentMismatch.rounding");
    expect(renderMessage(f.message)).toMatch(/^Selisih pembulatan/);
  });
});

describe("percent-mismatch on LS25 (lkjip-semarang-2025)", () => {
  test("LS25 Tabel 3.10 (91,67 and every serapan), Tabel 3.11 (every SILPA %) and Tabel 3.4 are not flagged", () => {
    expect(on.ls25).toEqual([]);
    expect(on.ls25one).toEqual([]);
  });

  test("LS25 Tabel 3.10 mutated: URUSAN 91,67 → 96,17 is an error, expected 91,67", async () => {
    const edited = await findingsOf("lkjip-semarang-2025", [
      { sheet: "Tabel 3.10", cell: "E4", value: 96.17 },
    ]);
    const f = only(edited, "Tabel 3.10!E4");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(91.67, 2);
  });

  test("LS25 Tabel 3.11 'Persentase (%)' is read as SILPA/pagu by the rows (the header does not say)", async () => {
    const edited = await findingsOf("lkjip-semarang-2025", [
      { sheet: "Tabel 3.11", cell: "F5", value: 91.67 },
    ]);
    const f = only(edited, "Tabel 3.11!F5");
    expect(f.message.id).toBe("percentMismatch.sisa");
    expect(f.expected).toBeCloseTo(8.33, 2);
  });
});

describe("percent-mismatch on all four fixtures", () => {
  test("no percent-mismatch error other than the answer-key cells", () => {
    expect(
      errorsOutside(
        on.lt21,
        ["Tabel 9!G24", "Tabel 9!G39"].concat(
          [61, 62, 63, 64, 65, 67, 68].map((r) => `Tabel 9!D${r}`),
        ),
      ),
    ).toEqual([]);
    expect(
      errorsOutside(on.rs21, [
        "Tabel 2.2!E34",
        "Tabel 2.1!H58",
        "Tabel 2.1!H72",
        "Tabel 2.1!K23",
        "Tabel 2.1!K24",
        "Tabel 2.1!K25",
        "Tabel 2.1!K53",
        "Tabel 2.1!K100",
        "Tabel 2.1!K106",
        "Tabel 2.1!K110",
      ]),
    ).toEqual([]);
    expect(errorsOutside(on.ls25, [])).toEqual([]);
    expect(errorsOutside(on.ls25one, [])).toEqual([]);
  });

  test("no warnings either on the unedited fixtures", () => {
    const warnings = [...on.lt21, ...on.rs21, ...on.ls25, ...on.ls25one].filter(
      (f) => f.severity !== "error",
    );
    expect(describeFindings(warnings)).toBe("");
  });
});

// ---------------------------------------------------------------------------------------
// Small hand-made tables: edge cases.

function budgetTable(rows: CellValue[][], percentHeader = "Persentase (%)") {
  const sheet = snapshotFromValues("Anggaran", [
    ["Tabel 1 Realisasi Anggaran"],
    [
      "No",
      "Program / Kegiatan",
      "Anggaran (Rp)",
      "Realisasi Anggaran (Rp)",
      percentHeader,
      "Sisa (Rp)",
    ],
    ...rows,
  ]);
  return { file: "kecil.xlsx", sheets: [sheet], regions: recognise([sheet]) };
}

describe("percent-mismatch edge cases", () => {
  test("an empty grid gives nothing", () => {
    const sheet = snapshotFromValues("Kosong", []);
    expect(
      check([{ file: "k.xlsx", sheets: [sheet], regions: recognise([sheet]) }], RULES),
    ).toEqual([]);
  });

  test("zero pagu, placeholders, text, errors and negative values never throw and are not flagged", () => {
    const workbook = budgetTable([
      ["1", "Program A", 1000000, 900000, 90, 100000],
      ["2", "Program B", 2000000, 1500000, 75, 500000],
      ["3", "Program C", 0, 0, 0, 0],
      ["4", "Program D", 400000, "-", "-", "-"],
      ["5", "Program E", 500000, "belum ada", "#DIV/0!", null],
      ["6", "Program F", -100, 50, 10, -150],
      ["7", "Program G", 800000, 800000, "100,00", 0],
    ]);
    expect(check([workbook], RULES)).toEqual([]);
  });

  test("a wrong serapan in a small table is an error; the column's reading comes from the other rows", () => {
    const workbook = budgetTable([
      ["1", "Program A", 1000000, 900000, 90, 100000],
      ["2", "Program B", 2000000, 1500000, 75, 500000],
      ["3", "Program C", 4000000, 1000000, 35, 3000000],
    ]);
    const findings = check([workbook], RULES);
    expect(findings.map(where)).toEqual(["Anggaran!E5"]);
    expect(findings[0].expected).toBe(25);
    expect(findings[0].severity).toBe("error");
  });

  test("a percentage column of sisa/pagu is recognised from its rows and not flagged", () => {
    const workbook = budgetTable([
      ["1", "Program A", 1000000, 900000, 10, 100000],
      ["2", "Program B", 2000000, 1500000, 25, 500000],
      ["3", "Program C", 4000000, 1000000, 75, 3000000],
    ]);
    expect(check([workbook], RULES)).toEqual([]);
  });

  test("a column that fits neither reading in most rows is left alone (not what it seems)", () => {
    const workbook = budgetTable([
      ["1", "Program A", 1000000, 900000, 12, 100000],
      ["2", "Program B", 2000000, 1500000, 33, 500000],
      ["3", "Program C", 4000000, 1000000, 47, 3000000],
    ]);
    expect(check([workbook], RULES)).toEqual([]);
  });

  test("percent points stored as fractions (0,9 with a % format) are compared in percent points", () => {
    const sheet = snapshotFromValues(
      "Anggaran",
      [
        ["No", "Program / Kegiatan", "Anggaran (Rp)", "Realisasi Anggaran (Rp)", "Serapan (%)"],
        ["1", "Program A", 1000000, 900000, 0.9],
        ["2", "Program B", 2000000, 1500000, 0.7],
      ],
      {
        numberFormats: [
          ["General", "General", "General", "General", "General"],
          ["General", "General", "#,##0", "#,##0", "0.00%"],
          ["General", "General", "#,##0", "#,##0", "0.00%"],
        ],
      },
    );
    const findings = check(
      [{ file: "k.xlsx", sheets: [sheet], regions: recognise([sheet]) }],
      RULES,
    );
    expect(findings.map(where)).toEqual(["Anggaran!E3"]);
    expect(findings[0].expected).toBe(75);
    expect(findings[0].actual).toBe(70);
  });

  test("a user's severity setting applies to the rule's errors", async () => {
    const workbook = await fixtureWorkbook("renja-semarang-2021");
    const findings = check(
      [workbook],
      RULES,
      settingsWith({ severity: { "percent-mismatch": "warning" } }),
    );
    expect(findingsAt(findings, "Tabel 2.2!E34")[0].severity).toBe("warning");
  });
});
