import type { CheckWorkbook, Finding } from "../../../src/core/check/types";
import { renderMessage } from "../../../src/core/messages";
import { recognise } from "../../../src/core/recognize";
import { cumulativePercent } from "../../../src/core/rules/cumulativePercent";
import { CellValue, snapshotFromValues } from "../../../src/core/snapshot";
import {
  check,
  describe as describeFindings,
  fixtureWorkbook,
  findingsAt,
  settingsWith,
  where,
} from "../../helpers/check";

/** DOMAIN.md §4.2, §6.10: a cumulative realisasi of a level indicator summed over periods. */

const RULES = [cumulativePercent];

function only(findings: Finding[], address: string): Finding {
  const at = findingsAt(findings, address, "cumulative-percent");
  if (at.length !== 1) {
    throw new Error(`expected one finding at ${address}, got:\n${describeFindings(findings)}`);
  }
  return at[0];
}

function workbook(rows: CellValue[][], name = "Tabel X"): CheckWorkbook {
  const sheet = snapshotFromValues(name, rows);
  return { file: "test.xlsx", sheets: [sheet], regions: recognise([sheet]) };
}

/** A quarterly monitoring table (LT21 Tabel 11 layout) with the given indicator rows. */
function quarterly(rows: CellValue[][]): CheckWorkbook {
  return workbook([
    ["Tabel X Monitoring Capaian Kinerja"],
    [],
    ["Indikator Kinerja", "Satuan", "Target 2024", "Realisasi", "", "", "", "Realisasi s/d TW IV"],
    ["", "", "", "TW I", "TW II", "TW III", "TW IV", ""],
    ...rows,
  ]);
}

describe("cumulative-percent on the answer keys", () => {
  let lt21: Finding[];
  beforeAll(async () => {
    lt21 = check([await fixtureWorkbook("lakip-tangsel-2021")], RULES);
  });

  test('LT21 F27: Tabel 11 "Persentase Koperasi Sehat" TW I s/d TW IV 87.3% = 41 + 35 + 11.3 + 0', () => {
    const f = only(lt21, "Tabel 11!H5");
    expect(f.severity).toBe("warning");
    expect(f.indicator).toBe("Persentase Koperasi Sehat");
    expect(f.actual).toBe(87.3);
    expect(f.expected).toBe(0);
    expect(
      f.related.map((r) => `${r.sheet}!${String.fromCharCode(65 + r.col)}${r.row + 1}`),
    ).toEqual(["Tabel 11!D5", "Tabel 11!E5", "Tabel 11!F5", "Tabel 11!G5"]);
    const text = renderMessage(f.message);
    expect(text).toContain("87,3%");
    expect(text).toContain("200%");
    expect(text).toContain('"kumulatif"');
  });

  test('LT21 F27: Tabel 11 "Persentase UMKM Terakses Permodaln" 42% = 5 + 17 + 16 + 4', () => {
    const f = only(lt21, "Tabel 11!H6");
    expect(f.severity).toBe("warning");
    expect(f.actual).toBe(42);
    expect(f.expected).toBe(4);
  });

  test('LT21 F27: Tabel 11 "Persentase Pelaku UMKM dan PKL" 3.9% = 0 + 0.98 + 2.54 + 0.38', () => {
    const f = only(lt21, "Tabel 11!H7");
    expect(f.severity).toBe("warning");
    expect(f.actual).toBe(3.9);
    expect(f.expected).toBe(0.38);
  });

  test('LT21 Tabel 11 count indicator "Jumlah Produk yang Terfasilitasi" 0+126+100+200 = 426 is a correct sum', () => {
    expect(findingsAt(lt21, "Tabel 11!H8", "cumulative-percent")).toEqual([]);
    expect(findingsAt(lt21, "Tabel 11!H9", "cumulative-percent")).toEqual([]);
  });

  test("LT21: only the three Tabel 11 percentage rows, nothing else, and never an error", () => {
    expect(lt21.map(where)).toEqual(["Tabel 11!H5", "Tabel 11!H6", "Tabel 11!H7"]);
    expect(lt21.filter((f) => f.severity === "error")).toEqual([]);
  });

  test('LT21 Tabel 11 with sifat "kumulatif" set for Koperasi Sehat: that row is silent', async () => {
    const settings = settingsWith({ sifat: { "persentase koperasi sehat": "kumulatif" } });
    const findings = check([await fixtureWorkbook("lakip-tangsel-2021")], RULES, settings);
    expect(findings.map(where)).toEqual(["Tabel 11!H6", "Tabel 11!H7"]);
  });
});

describe("cumulative-percent: DOMAIN §6.10 Not flag", () => {
  test('RS21 Tabel 2.1 percent rows (col 10 = col 9, e.g. 58%) and "100% (80%)" weighted rows stay silent', async () => {
    const findings = check([await fixtureWorkbook("renja-semarang-2021")], RULES);
    expect(describeFindings(findings)).toBe("");
  });

  test("LS25 (Tabel 3.4 and all other tables) stays silent", async () => {
    const findings = check([await fixtureWorkbook("lkjip-semarang-2025")], RULES);
    expect(describeFindings(findings)).toBe("");
  });

  test("RS21 Tabel 2.1 mutated: col 10 of a percent row summed (56,07 + 59,68 + 58 = 173,75%) is caught via 10=(5+7+9)", async () => {
    const wb = await fixtureWorkbook("renja-semarang-2021", [
      { sheet: "Tabel 2.1", cell: "J57", value: "173,75%" },
    ]);
    const f = only(check([wb], RULES), "Tabel 2.1!J57");
    expect(f.actual).toBe(173.75);
    expect(f.expected).toBe(58);
    expect(f.severity).toBe("warning");
  });
});

describe("cumulative-percent on small tables", () => {
  test("a quarterly percentage summed into the s/d column is flagged; the count row is not", () => {
    const findings = check(
      [
        quarterly([
          ["Persentase koperasi sehat", "%", 80, 20, 25, 30, 10, 85],
          ["Pelaku usaha yang dibina", "orang", 100, 20, 30, 40, 10, 100],
        ]),
      ],
      RULES,
    );
    expect(findings.map(where)).toEqual(["Tabel X!H5"]);
    expect(findings[0].expected).toBe(10);
    expect(findings[0].actual).toBe(85);
  });

  test("the s/d column holding the last quarter (the right way) is silent", () => {
    const findings = check(
      [quarterly([["Persentase koperasi sehat", "%", 80, 20, 25, 30, 60, 60]])],
      RULES,
    );
    expect(findings).toEqual([]);
  });

  test('the user\'s sifat "kumulatif" (quarterly increments) silences the row', () => {
    const settings = settingsWith({ sifat: { "Persentase koperasi sehat": "kumulatif" } });
    const findings = check(
      [quarterly([["Persentase koperasi sehat", "%", 80, 20, 25, 30, 10, 85]])],
      RULES,
      settings,
    );
    expect(findings).toEqual([]);
  });

  test('the user\'s sifat "akhir" decides even where no unit says percent', () => {
    const settings = settingsWith({ sifat: { "Nilai kepuasan": "akhir" } });
    const findings = check(
      [quarterly([["Nilai kepuasan", "", 80, 20, 25, 30, 10, 85]])],
      RULES,
      settings,
    );
    expect(findings.map(where)).toEqual(["Tabel X!H5"]);
  });

  test("no unit anywhere: the sifat is unknown and the rule stays silent", () => {
    const findings = check([quarterly([["Indikator A", "", 80, 20, 25, 30, 10, 85]])], RULES);
    expect(findings).toEqual([]);
  });

  test('percent cells ("41%" text and fractions with a % format) give the unit without a Satuan', () => {
    const sheet = snapshotFromValues(
      "Tabel X",
      [
        ["Tabel X"],
        [],
        ["Indikator Kinerja", "Target 2024", "Realisasi", "", "", "", "Realisasi s/d TW IV"],
        ["", "", "TW I", "TW II", "TW III", "TW IV", ""],
        ["Indikator B", 0.8, 0.2, 0.25, 0.3, 0.1, 0.85],
        ["Indikator C", "80%", "20%", "25%", "30%", "10%", "85%"],
      ],
      {
        numberFormats: [[], [], [], [], ["General", "0%", "0%", "0%", "0%", "0%", "0%"], []].map(
          (r) => Array.from({ length: 7 }, (_, i) => r[i] ?? "General"),
        ),
      },
    );
    const wb = { file: "t.xlsx", sheets: [sheet], regions: recognise([sheet]) };
    expect(check([wb], RULES).map(where)).toEqual(["Tabel X!G5", "Tabel X!G6"]);
  });

  test("one non-zero quarter among zeros tells nothing (sum = latest level)", () => {
    const findings = check(
      [quarterly([["Persentase koperasi sehat", "%", 80, 0, 0, 0, 60, 60]])],
      RULES,
    );
    expect(findings).toEqual([]);
  });

  test("errors, blanks and negative numbers: no throw; an error cell skips the row, blanks are left out", () => {
    const findings = check(
      [
        quarterly([
          ["Persentase A", "%", 80, "#DIV/0!", 25, 30, 10, 65],
          ["Persentase B", "%", 80, null, "-", 30, 10, 40],
          ["Persentase C", "%", 80, -5, 10, -2, 3, 6],
          ["Persentase D", "%", "#VALUE!", 5, 10, 15, 20, "#DIV/0!"],
        ]),
      ],
      RULES,
    );
    expect(findings.map(where)).toEqual(["Tabel X!H6", "Tabel X!H7"]);
    expect(findings[0].expected).toBe(10);
    expect(findings[1].actual).toBe(6);
    expect(findings[1].expected).toBe(3);
  });

  test('weighted cells "100% (20%)" are not summed', () => {
    const findings = check(
      [
        quarterly([
          [
            "Persentase A",
            "%",
            "100%",
            "100% (20%)",
            "100% (20%)",
            "100% (20%)",
            "100% (20%)",
            "400%",
          ],
        ]),
      ],
      RULES,
    );
    expect(findings).toEqual([]);
  });

  test("E.81 layout: 14 = 7 + 13 summing a percentage (100 + 100 = 200%) is flagged", () => {
    const findings = check(
      [
        workbook([
          ["Tabel E.81 Evaluasi Hasil Renja"],
          [],
          [
            "Program/Kegiatan",
            "Indikator",
            "Target Renstra akhir",
            "Realisasi s/d tahun lalu",
            "Target Renja",
            "Realisasi TW I",
            "Realisasi TW II",
            "Realisasi TW III",
            "Realisasi TW IV",
            "Realisasi tahun berjalan",
            "Realisasi s/d tahun ini",
            "Capaian (%)",
          ],
          [
            "1",
            "2",
            "6",
            "7",
            "8",
            "9",
            "10",
            "11",
            "12",
            "13 = 9+10+11+12",
            "14 = 7 + 13",
            "15 = 14/6 x 100",
          ],
          [
            "Program A",
            "Persentase layanan",
            "100%",
            "100%",
            "100%",
            "100%",
            "100%",
            "100%",
            "100%",
            "100%",
            "200%",
            "200%",
          ],
          ["Program B", "Jumlah dokumen", "20 dokumen", 8, 4, 1, 1, 1, 1, 4, 12, "60%"],
        ]),
      ],
      RULES,
    );
    expect(findings.map(where)).toEqual(["Tabel X!K5"]);
    expect(findings[0].actual).toBe(200);
    expect(findings[0].expected).toBe(100);
  });

  test("an empty grid, a header-only table and a table without period columns give nothing", () => {
    expect(check([workbook([])], RULES)).toEqual([]);
    expect(check([quarterly([])], RULES)).toEqual([]);
    expect(
      check(
        [
          workbook([
            ["Tabel Y"],
            [],
            ["Indikator Kinerja", "Target", "Realisasi", "Capaian %"],
            ["Persentase A", "80%", "85%", "106,25"],
          ]),
        ],
        RULES,
      ),
    ).toEqual([]);
  });
});
