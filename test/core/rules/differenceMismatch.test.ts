import type { Finding } from "../../../src/core/check/types";
import { renderMessage } from "../../../src/core/messages";
import { recognise } from "../../../src/core/recognize";
import { differenceMismatch } from "../../../src/core/rules/differenceMismatch";
import { percentMismatch } from "../../../src/core/rules/percentMismatch";
import { CellValue, snapshotFromValues } from "../../../src/core/snapshot";
import {
  check,
  FixtureFindings,
  findingsOnFixtures,
  findingsWith,
  onlyAt,
  findingsAt,
  fixtureWorkbook,
  where,
} from "../../helpers/check";

const RULES = [differenceMismatch];

const findingsOf = findingsWith(RULES);

const only = (findings: Finding[], address: string): Finding =>
  onlyAt(findings, address, "difference-mismatch");

let on: FixtureFindings;

beforeAll(async () => {
  on = await findingsOnFixtures(findingsOf);
});

describe("difference-mismatch on LT21 (lakip-tangsel-2021)", () => {
  test('LT21 F4: Lampiran 7 "PROGRAM PENGEMBANGAN UMKM" Bertambah / Berkurang (24.453.348.000,00), expected −453.348.000', () => {
    const f = only(on.lt21, "Lampiran 7!F66");
    expect(f.severity).toBe("error");
    expect(f.expected).toBe(-453348000);
    expect(f.actual).toBe(-24453348000);
    expect(renderMessage(f.message)).toBe(
      'Selisih tertulis -24.453.348.000,00 tetapi "Pagu Perubahan" − "Pagu Murni" = 2.185.345.400,00 − 2.638.693.400,00 = -453.348.000,00',
    );
    expect(f.related.map((r) => r.col)).toEqual([4, 2]);
  });

  test("LT21 F4: kegiatan 13 under it repeats the same wrong value", () => {
    const f = only(on.lt21, "Lampiran 7!F67");
    expect(f.severity).toBe("error");
    expect(f.expected).toBe(-453348000);
    expect(f.actual).toBe(-24453348000);
  });

  test("LT21 Lampiran 7: the other 19 Bertambah / Berkurang values are not flagged", () => {
    expect(on.lt21.filter((f) => f.at.sheet === "Lampiran 7").map(where)).toEqual([
      "Lampiran 7!F66",
      "Lampiran 7!F67",
    ]);
  });

  test('LT21 F6: Tabel 7 "Kontribusi PDRB (UMKM)" N vs N-2 printed 0.2%, expected 0,30 (2.4 − 2.1)', () => {
    const f = only(on.lt21, "Tabel 7!I6");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(0.3, 10);
    expect(f.actual).toBeCloseTo(0.2, 10);
  });

  test('LT21 F7: Tabel 7 "Ability To Pay (UMKM)" N vs N-2 printed 0.51%, expected 0,52 — exact inputs, so an error', () => {
    const f = only(on.lt21, "Tabel 7!I7");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(0.52, 10);
    expect(f.actual).toBeCloseTo(0.51, 10);
    expect(f.message.id).toBe("differenceMismatch.mismatch");
  });

  test('LT21 F9: Tabel 7 "Kontribusi PDRB (UMKM)" N vs N-1 "0.06" for −0,06 is a warning, arah perubahan hilang', () => {
    const f = only(on.lt21, "Tabel 7!F6");
    expect(f.severity).toBe("warning");
    expect(f.expected).toBeCloseTo(-0.06, 10);
    expect(f.actual).toBeCloseTo(0.06, 10);
    expect(renderMessage(f.message)).toMatch(/^Arah perubahan hilang/);
  });

  test('LT21 F9: Tabel 7 "Tingkat Kepuasan Pelayanan Publik" "22.36%" for −22,36 is a warning, arah perubahan hilang', () => {
    const f = only(on.lt21, "Tabel 7!F10");
    expect(f.severity).toBe("warning");
    expect(f.expected).toBeCloseTo(-22.36, 10);
    expect(f.message.id).toBe("differenceMismatch.sign");
  });

  test("LT21 Tabel 7: K1 (1,30; 0,98) and ATP N-1 (0,73) are not flagged", () => {
    expect(findingsAt(on.lt21, "Tabel 7!F5")).toEqual([]);
    expect(findingsAt(on.lt21, "Tabel 7!I5")).toEqual([]);
    expect(findingsAt(on.lt21, "Tabel 7!F7")).toEqual([]);
  });

  test('LT21 F10: Tabel 7 "Produk Unggulan Yang Populer" compares 3.27% with 869 (and 800) products: one error, at the first Naik / Turun', () => {
    const f = only(on.lt21, "Tabel 7!F9");
    expect(f.severity).toBe("error");
    expect(f.related.map((r) => r.col)).toEqual([3, 4]);
    expect(renderMessage(f.message)).toMatch(
      /"Thn N \(2021\)" = 3,27 adalah persentase, tetapi "Thn \(N-1\) \(2020\)" = 869 bukan persentase/,
    );
    expect(findingsAt(on.lt21, "Tabel 7!I9")).toEqual([]);
  });

  test('LT21 F8 is outside this rule: "Tingkat Kepuasan" prints "-" as its N vs N-2 difference', () => {
    // The second block's "Thn N" (100%) contradicts the first (77,64%); no selisih relates them.
    expect(findingsAt(on.lt21, "Tabel 7!I10")).toEqual([]);
  });

  test("LT21 Tabel 9: every SILPA = Pagu − Realisasi holds; the shifted rows G/H get no difference finding", () => {
    expect(on.lt21.filter((f) => f.at.sheet === "Tabel 9")).toEqual([]);
  });

  test("LT21 F3 is reported once per row, by percent-mismatch, even with both rules running", async () => {
    const both = check(
      [await fixtureWorkbook("lakip-tangsel-2021")],
      [percentMismatch, differenceMismatch],
    );
    const row61 = both.filter((f) => f.at.sheet === "Tabel 9" && f.at.row === 60);
    expect(row61.map((f) => `${f.rule} ${where(f)}`)).toEqual(["percent-mismatch Tabel 9!D61"]);
  });
});

describe("difference-mismatch on LS25 (lkjip-semarang-2025)", () => {
  test("LS25 F27: Tabel 2.7 URUSAN SELISIH 3.650.959.626 for 3.650.959.625,68 is not flagged (τ = 0,5)", () => {
    expect(findingsAt(on.ls25, "Tabel 2.7!E5")).toEqual([]);
  });

  test("LS25 F27: Tabel 2.7 Program 01 SELISIH 1.736.315.862 for 1.736.315.861,68 is not flagged", () => {
    expect(findingsAt(on.ls25, "Tabel 2.7!E6")).toEqual([]);
  });

  test('LS25 F2: sub 0006 SELISIH "47.009.986" = 47.099.986 − 90.000 agrees with its row (the sum is total-mismatch\'s)', () => {
    expect(findingsAt(on.ls25, "Tabel 2.7!E37")).toEqual([]);
  });

  test("LS25 Tabel 2.7 and Tabel 3.11: no selisih or SILPA is flagged", () => {
    expect(on.ls25).toEqual([]);
    expect(on.ls25one).toEqual([]);
  });

  test("LS25 Tabel 2.7 mutated: URUSAN SELISIH off by 10,32 Rupiah is an error, unless rupiahTolerance allows it", async () => {
    // (Within 1e-9 relative, ±3,65 Rupiah here, numbers.ts counts a value as exact.)
    const edit = [{ sheet: "Tabel 2.7", cell: "E5", value: 3650959636 }];
    const strict = await findingsOf("lkjip-semarang-2025", edit);
    const f = only(strict, "Tabel 2.7!E5");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(3650959625.68, 2);
    const lenient = await findingsOf("lkjip-semarang-2025", edit, { rupiahTolerance: 11 });
    expect(findingsAt(lenient, "Tabel 2.7!E5")).toEqual([]);
  });

  test("LS25 Tabel 2.7 orientation murni − perubahan comes from the rows: a negative selisih (0008) is right", () => {
    expect(findingsAt(on.ls25, "Tabel 2.7!E26")).toEqual([]);
  });
});

describe("difference-mismatch on RS21 (renja-semarang-2021)", () => {
  test("RS21 Tabel 2.2: all 55 SELISIH values (anggaran − realisasi) are not flagged", () => {
    expect(on.rs21).toEqual([]);
  });

  test("RS21 Tabel 2.2 mutated: a SELISIH with the sign flipped is a warning, a wrong one an error", async () => {
    const edited = await findingsOf("renja-semarang-2021", [
      { sheet: "Tabel 2.2", cell: "F34", value: -77000 },
      { sheet: "Tabel 2.2", cell: "F33", value: 72500 },
    ]);
    expect(only(edited, "Tabel 2.2!F34").severity).toBe("warning");
    const wrong = only(edited, "Tabel 2.2!F33");
    expect(wrong.severity).toBe("error");
    expect(wrong.expected).toBe(72250);
  });
});

describe("difference-mismatch on all four fixtures", () => {
  test("no difference-mismatch error other than the answer-key cells", () => {
    const errors = [...on.lt21, ...on.rs21, ...on.ls25, ...on.ls25one].filter(
      (f) => f.severity === "error",
    );
    expect(errors.map(where).sort()).toEqual(
      ["Lampiran 7!F66", "Lampiran 7!F67", "Tabel 7!F9", "Tabel 7!I6", "Tabel 7!I7"].sort(),
    );
  });

  test("the only warnings are the two unsigned Naik / Turun cells", () => {
    const warnings = [...on.lt21, ...on.rs21, ...on.ls25, ...on.ls25one].filter(
      (f) => f.severity !== "error",
    );
    expect(warnings.map(where).sort()).toEqual(["Tabel 7!F10", "Tabel 7!F6"]);
  });
});

// ---------------------------------------------------------------------------------------
// Small hand-made tables: edge cases.

function workbookOf(name: string, values: CellValue[][]) {
  const sheet = snapshotFromValues(name, values);
  return { file: "kecil.xlsx", sheets: [sheet], regions: recognise([sheet]) };
}

const TREN_HEADER = ["No", "Indikator", "Realisasi 2021", "Realisasi 2020", "Naik / Turun"];

describe("difference-mismatch edge cases", () => {
  test("an empty grid gives nothing", () => {
    expect(check([workbookOf("Kosong", [])], RULES)).toEqual([]);
  });

  test("Naik / Turun is newer minus older; an unsigned decrease is a warning, a wrong size an error", () => {
    const findings = check(
      [
        workbookOf("Tren", [
          TREN_HEADER,
          ["1", "Persentase koperasi aktif", "80%", "75%", "5%"],
          ["2", "Persentase UMKM naik kelas", "10%", "12%", "2%"],
          ["3", "Nilai AKIP", "70", "65", "5,5"],
          ["4", "Persentase koperasi sehat", "30%", "30%", "0"],
        ]),
      ],
      RULES,
    );
    expect(findings.map((f) => `${where(f)} ${f.severity}`)).toEqual([
      "Tren!E3 warning",
      "Tren!E4 error",
    ]);
    expect(findings[1].expected).toBe(5);
  });

  test("the years decide the direction even when the older year is printed first", () => {
    const findings = check(
      [
        workbookOf("Tren", [
          ["No", "Indikator", "Realisasi 2020", "Realisasi 2021", "Naik / Turun"],
          ["1", "Persentase koperasi aktif", "75%", "80%", "5%"],
          ["2", "Persentase UMKM naik kelas", "12%", "10%", "-2%"],
        ]),
      ],
      RULES,
    );
    expect(findings).toEqual([]);
  });

  test("text, placeholders, errors and blanks never throw and are not flagged", () => {
    const findings = check(
      [
        workbookOf("Tren", [
          TREN_HEADER,
          ["1", "Persentase koperasi aktif", "80%", "75%", "5%"],
          ["2", "Nilai AKIP", "belum diukur", "65", "#VALUE!"],
          ["3", "Indeks", null, null, null],
          ["4", "Negatif", "-5", "-7", "2"],
          ["5", "Persentase UMKM", "23%", "21", "2"],
        ]),
      ],
      RULES,
    );
    expect(findings).toEqual([]);
  });

  test("years of different kinds (a percentage against a count) are one error per row, whatever the change column holds", () => {
    const findings = check(
      [
        workbookOf("Tren", [
          TREN_HEADER,
          ["1", "Persentase koperasi aktif", "80%", "75%", "5%"],
          ["2", "Produk unggulan", "3,27%", "869 produk", "-"],
          ["3", "Produk unggulan populer", "3,27%", "869", "12"],
          ["4", "Produk unggulan lain", "3,27%", "4", "-0,73"],
        ]),
      ],
      RULES,
    );
    expect(findings.map((f) => `${where(f)} ${f.severity}`)).toEqual([
      "Tren!E3 error",
      "Tren!E4 error",
    ]);
    expect(renderMessage(findings[1].message)).toBe(
      'Tahun-tahun yang dibandingkan tidak sejenis: "Realisasi 2021" = 3,27 adalah persentase, tetapi "Realisasi 2020" = 869 bukan persentase. Naik/turun tidak dapat dihitung; samakan satuan indikator ini di semua tahun.',
    );
  });

  test("an anggaran selisih without direction words takes the direction most rows satisfy", () => {
    const findings = check(
      [
        workbookOf("Anggaran", [
          ["No", "Program / Kegiatan", "Anggaran Murni (Rp)", "Anggaran Perubahan (Rp)", "Selisih"],
          ["1", "Program A", 1000000, 900000, 100000],
          ["2", "Program B", 2000000, 2500000, -500000],
          ["3", "Program C", 4000000, 1000000, 3000000],
          ["4", "Program D", 4000000, 1000000, 2000000],
        ]),
      ],
      RULES,
    );
    expect(findings.map(where)).toEqual(["Anggaran!E5"]);
    expect(findings[0].expected).toBe(3000000);
  });
});
