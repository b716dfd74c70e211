import type { CheckWorkbook, Finding } from "../../../src/core/check/types";
import { renderMessage } from "../../../src/core/messages";
import { recognise } from "../../../src/core/recognize";
import { totalMismatch } from "../../../src/core/rules/totalMismatch";
import { CellValue, snapshotFromValues } from "../../../src/core/snapshot";
import {
  check,
  describe as show,
  Edit,
  findingsAt,
  FixtureName,
  fixtureWorkbook,
  settingsWith,
  where,
} from "../../helpers/check";

const RULES = [totalMismatch];

async function run(name: FixtureName, edits: Edit[] = []): Promise<Finding[]> {
  return check([await fixtureWorkbook(name, edits)], RULES);
}

function workbook(values: CellValue[][], numberFormats?: string[][]): CheckWorkbook {
  const sheet = snapshotFromValues("S", values, numberFormats ? { numberFormats } : {});
  return { file: "t.xlsx", sheets: [sheet], regions: recognise([sheet]) };
}

/** The one finding at a cell, with its rule, severity, expected and actual. */
function expectFinding(
  findings: Finding[],
  address: string,
  expected: number,
  actual: number,
  severity: "error" | "warning" = "error",
): Finding {
  const at = findingsAt(findings, address, "total-mismatch");
  expect({ address, count: at.length, all: show(findings) }).toMatchObject({ count: 1 });
  expect(at[0].rule).toBe("total-mismatch");
  expect(at[0].severity).toBe(severity);
  expect(at[0].expected).toBeCloseTo(expected, 6);
  expect(at[0].actual).toBeCloseTo(actual, 6);
  return at[0];
}

function errorsIn(findings: Finding[], sheet: string): string[] {
  return findings.filter((f) => f.at.sheet === sheet && f.severity === "error").map(where);
}

describe("total-mismatch on RS21 (renja-semarang-2021)", () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = await run("renja-semarang-2021");
  });

  test("RS21 F14: Tabel 2.2 Program 21 anggaran 2.060.887.000 vs Σ kegiatan 2.056.468.000", () => {
    const f = expectFinding(findings, "Tabel 2.2!C58", 2056468000, 2060887000);
    expect(renderMessage(f.message)).toBe(
      "Jumlah tertulis 2.060.887.000 tetapi jumlah rincian di bawahnya = 2.056.468.000 (selisih 4.419.000)",
    );
    expect(f.related.map((r) => r.row + 1)).toEqual([59, 60]);
  });

  test("RS21 F14: Tabel 2.2 Program 21 realisasi 2.003.135.500 vs Σ kegiatan 1.998.716.500", () => {
    expectFinding(findings, "Tabel 2.2!D58", 1998716500, 2003135500);
  });

  test("RS21 F14: the SELISIH of Program 21 adds up and is not reported", () => {
    expect(findingsAt(findings, "Tabel 2.2!F58")).toEqual([]);
  });

  test("RS21 F3: Tabel 2.1 col 10 'Fasilitasi Akses Pembiayaan Bagi Usaha Mikro' 1925 vs 1075+423+425 = 1923", () => {
    const f = expectFinding(findings, "Tabel 2.1!J82", 1923, 1925);
    expect(renderMessage(f.message)).toBe(
      "Nilai tertulis 1.925 tetapi (5)+(7)+(9) = 1.923 (selisih 2)",
    );
  });

  test("RS21 F4: Tabel 2.1 col 10 'Fasilitasi Perijinan Koperasi' 590 vs 160+270+120 = 550", () => {
    expectFinding(findings, "Tabel 2.1!J96", 550, 590);
  });

  test("RS21 F5: Tabel 2.1 col 10 'RKA dan DPA, DPPA SKPD' 12 vs 8+4+4 = 16", () => {
    expectFinding(findings, "Tabel 2.1!J55", 16, 12);
  });

  test("RS21 F6: Tabel 2.1 'Renstra SKPD' col 10 = 0+0+1 = 1 is right (its col 11 is percent-mismatch's)", () => {
    expect(findingsAt(findings, "Tabel 2.1!J53")).toEqual([]);
  });

  test("RS21 F7: Tabel 2.1 col 10 'Pengadaan kendaraan dinas / operasional' 0 vs 1+0+0 = 1 (the last value, not the table's sum)", () => {
    const f = expectFinding(findings, "Tabel 2.1!J27", 1, 0);
    expect(f.message.id).toBe("totalMismatch.columnSumNotLast");
  });

  test("RS21 F20: Tabel 2.4 PROGRAM PENINGKATAN SARANA DAN PRASARANA APARATUR RKPD pagu 670.390.000 vs 755.320.000", () => {
    expectFinding(findings, "Tabel 2.4!F19", 755320000, 670390000);
  });

  test("RS21 F21: Tabel 2.4 Program … PELAPORAN RKPD pagu 285.600.000 vs 286.100.000", () => {
    expectFinding(findings, "Tabel 2.4!F25", 286100000, 285600000);
  });

  test("RS21 F22: Tabel 2.4 BELANJA LANGSUNG RKPD 12.893.796.000 vs Σ programs 12.824.996.000", () => {
    const f = expectFinding(findings, "Tabel 2.4!F7", 12824996000, 12893796000);
    expect(f.related).toHaveLength(7);
  });

  test("RS21 F23: Tabel 4.1 Program Pelaporan Prakiraan Maju 2022 269.470.000 vs Σ kegiatan 285.600.000", () => {
    expectFinding(findings, "Tabel 4.1!J25", 285600000, 269470000);
  });

  test("RS21 not flag: Tabel 2.1 percent rows (col 10 = col 9) and weighted '100% (80%)' rows", () => {
    for (const row of [57, 58, 71, 72, 83, 84, 85, 100, 110, 7, 9, 26, 39]) {
      expect(findingsAt(findings, `Tabel 2.1!J${row}`)).toEqual([]);
    }
  });

  test("RS21 not flag: Tabel 4.1 2021 program sums and total, Tabel 2.2 other program sums, BTL, BL, total", () => {
    expect(findings.filter((f) => where(f).startsWith("Tabel 4.1!F"))).toEqual([]);
    expect(errorsIn(findings, "Tabel 2.2").sort()).toEqual(["Tabel 2.2!C58", "Tabel 2.2!D58"]);
  });

  test("RS21: no other total-mismatch error than the answer key's cells", () => {
    expect(
      findings
        .filter((f) => f.severity === "error")
        .map(where)
        .sort(),
    ).toEqual(
      [
        "Tabel 2.1!J27",
        "Tabel 2.1!J55",
        "Tabel 2.1!J82",
        "Tabel 2.1!J96",
        "Tabel 2.2!C58",
        "Tabel 2.2!D58",
        "Tabel 2.4!F7",
        "Tabel 2.4!F19",
        "Tabel 2.4!F25",
        "Tabel 4.1!J25",
      ].sort(),
    );
  });
});

describe("total-mismatch on LS25 (lkjip-semarang-2025)", () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = await run("lkjip-semarang-2025");
  });

  test("LS25 F2: Tabel 2.7 kegiatan 2.09 ANGGARAN PERUBAHAN 429.270.404,00 vs Σ 382.260.418,00", () => {
    const f = expectFinding(findings, "Tabel 2.7!D34", 382260418, 429270404);
    expect(renderMessage(f.message)).toBe(
      "Jumlah tertulis 429.270.404,00 tetapi jumlah rincian di bawahnya = 382.260.418,00 (selisih 47.009.986,00)",
    );
    // The SELISIH sum of 2.09 only follows from the wrong perubahan: not a second finding.
    expect(findingsAt(findings, "Tabel 2.7!E34")).toEqual([]);
  });

  test("LS25 F2 mutation: with sub 0006 perubahan 47.099.986,00 kegiatan 2.09 adds up", async () => {
    const fixed = await run("lkjip-semarang-2025", [
      { sheet: "Tabel 2.7", cell: "D37", value: 47099986 },
      { sheet: "Tabel 2.7", cell: "E37", value: 0 },
    ]);
    expect(fixed.filter((f) => f.at.sheet === "Tabel 2.7")).toEqual([]);
  });

  test("LS25 F4: PK Kabid Perizinan Kelembagaan JUMLAH 896.153.403 vs 896.135.403", () => {
    const f = expectFinding(findings, "PK Kabid Perizinan Kelembagaan!B18", 896135403, 896153403);
    expect(f.message.id).toBe("totalMismatch.closedRows");
    expect(f.related).toHaveLength(3);
  });

  test("LS25 F5: PK Subkor Kelembagaan JUMLAH 857.070.403 vs the printed sub lines 857.510.300", () => {
    expectFinding(findings, "PK Subkor Kelembagaan!B14", 857510300, 857070403);
  });

  test("LS25 F6: PK Subkor Pemeriksaan Kop JUMLAH 475.289.000 vs 421.870.510", () => {
    expectFinding(findings, "PK Subkor Pemeriksaan Kop!B16", 421870510, 475289000);
  });

  test("LS25 F7: PK Subkor Perencanaan Evaluasi kegiatan 1 (3.499.000) vs its sub lines 50.348.683", () => {
    expectFinding(findings, "PK Subkor Perencanaan Evaluasi!C24", 50348683, 3499000);
  });

  test("LS25 F7: PK Subkor Perencanaan Evaluasi JUMLAH 10.848.567.113,32 vs the lines 10.845.903.013,32", () => {
    expectFinding(findings, "PK Subkor Perencanaan Evaluasi!C37", 10845903013.32, 10848567113.32);
  });

  test("LS25 not flag: Tabel 3.8 TOTAL (8) ',87' vs ',88', Tabel 3.10 and 3.11 sums, other Tabel 2.7 sums", () => {
    for (const sheet of ["Tabel 3.8", "Tabel 3.10", "Tabel 3.11"]) {
      expect(findings.filter((f) => f.at.sheet === sheet)).toEqual([]);
    }
    expect(findings.filter((f) => f.at.sheet === "Tabel 2.7").map(where)).toEqual([
      "Tabel 2.7!D34",
    ]);
  });

  test("LS25 not flag: PK budget totals that add up (Kadis, Sekretaris, Kabid Pengawasan, Kasubbag Umum …)", () => {
    for (const sheet of [
      "PK Kadis",
      "PK Sekretaris",
      "PK Kabid Pengawasan",
      "PK Kabid Pemberdayaan Kop",
      "PK Kabid Pemberdayaan UM",
      "PK Kasubbag Keuangan BMD",
      "PK Kasubbag Umum Kepegawaian",
      "PK Subkor Pengembangan UM",
      "PK Subkor Kewirausahaan",
      "PK Kepala UPTD PLUT",
      "PK Kepala TU UPTD PLUT",
    ]) {
      expect(findings.filter((f) => f.at.sheet === sheet)).toEqual([]);
    }
  });

  test("LS25 not flag: Tabel 2.3 KONDISI AKHIR = the last year's target", () => {
    expect(findings.filter((f) => f.at.sheet === "Tabel 2.3")).toEqual([]);
  });

  test("LS25: no other total-mismatch finding than the answer key's cells", () => {
    expect(findings.map(where).sort()).toEqual(
      [
        "Tabel 2.7!D34",
        "PK Kabid Perizinan Kelembagaan!B18",
        "PK Subkor Kelembagaan!B14",
        "PK Subkor Pemeriksaan Kop!B16",
        "PK Subkor Perencanaan Evaluasi!C24",
        "PK Subkor Perencanaan Evaluasi!C37",
      ].sort(),
    );
  });

  test("LS25 onesheet variant gives the same findings as the multi-sheet workbook", async () => {
    const one = await run("lkjip-semarang-2025-onesheet");
    expect(one.filter((f) => f.severity === "error")).toHaveLength(6);
  });
});

describe("total-mismatch on LT21 (lakip-tangsel-2021)", () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = await run("lakip-tangsel-2021");
  });

  test("LT21 F5: Tabel 12 programme 'Pelayanan Izin Usaha simpan Pinjam' target 250 vs TW 50+100+70+80 = 300", () => {
    const f = expectFinding(findings, "Tabel 12!E11", 300, 250);
    expect(renderMessage(f.message)).toBe(
      "Target/nilai tahunan tertulis 250 tetapi jumlah triwulan TW. I+TW. II+TW. III+TW. IV = 300 (selisih 50)",
    );
    expect(f.related.map((r) => r.col)).toEqual([5, 6, 7, 8]);
  });

  test("LT21 F5: Tabel 12 kegiatan 'Penerbitan Izin Usaha Simpan Pinjam' target 250 vs TW Σ 300", () => {
    expectFinding(findings, "Tabel 12!L11", 300, 250);
  });

  test("LT21 not flag: Tabel 12 the 17 other rows, Tabel 11 quarterly sums, Tabel 9 and Lampiran 7 sums", () => {
    expect(findings.map(where).sort()).toEqual(["Tabel 12!E11", "Tabel 12!L11"]);
  });

  test("LT21 Tabel 11: the 200% pattern of percent rows (41+35+11.3+0 = 87.3) is cumulative-percent's, not ours", () => {
    expect(findings.filter((f) => f.at.sheet === "Tabel 11")).toEqual([]);
  });

  test("LT21 Tabel 9 mutation: a wrong sub kegiatan pagu is caught even without codes", async () => {
    const mutated = await run("lakip-tangsel-2021", [
      { sheet: "Tabel 9", cell: "C8", value: 182524000 },
    ]);
    expectFinding(mutated, "Tabel 9!C7", 373618000, 373518000);
    expect(mutated.map(where)).toEqual(["Tabel 9!C7", "Tabel 12!E11", "Tabel 12!L11"]);
  });

  test("LT21 Tabel 12 mutation: a quarter typed wrong on a correct row is caught", async () => {
    const mutated = await run("lakip-tangsel-2021", [
      { sheet: "Tabel 12", cell: "F10", value: "150 Koperasi" },
    ]);
    expectFinding(mutated, "Tabel 12!E10", 630, 640);
  });
});

describe("total-mismatch on hand-made tables", () => {
  const HEADER: CellValue[] = ["Kode", "Uraian", "Pagu", "Realisasi Anggaran"];

  test("kode hierarchy: program vs kegiatan vs sub kegiatan; JUMLAH row", () => {
    const f = check(
      [
        workbook([
          HEADER,
          ["1.05.02", "PROGRAM PENUNJANG", 300, 250],
          ["1.05.02.2.01", "Perencanaan", 300, 250],
          ["1.05.02.2.01.0001", "Penyusunan Renstra", 100, 90],
          ["1.05.02.2.01.0002", "Penyusunan Renja", 210, 160],
          ["JUMLAH", null, 300, 250],
        ]),
      ],
      RULES,
    );
    expect(
      show(f)
        .split("\n")
        .map((l) => l.split(" ").slice(0, 4).join(" ")),
    ).toEqual(["total-mismatch error S!C3 300→310"]);
  });

  test("a JUMLAH that differs from every reading is reported against the top-level rows", () => {
    const f = check(
      [
        workbook([
          HEADER,
          ["01", "Program A", 100, 80],
          ["02", "Program B", 200, 150],
          ["JUMLAH", null, 310, 230],
        ]),
      ],
      RULES,
    );
    expectFinding(f, "S!C4", 300, 310);
    expect(findingsAt(f, "S!D4")).toEqual([]);
  });

  test("zero amounts, negative selisih and dashes add up without findings", () => {
    const f = check(
      [
        workbook([
          ["Kode", "Uraian", "Anggaran Murni", "Anggaran Perubahan", "Selisih"],
          ["01", "PROGRAM A", 100, 150, -50],
          ["2.01", "Kegiatan A", 100, 150, -50],
          ["0001", "Sub A", 0, "-", 0],
          ["0002", "Sub B", 100, 150, "- 50"],
        ]),
      ],
      RULES,
    );
    expect(show(f)).toBe("");
  });

  test("text, errors and blanks among the children make the sum unknown: no finding", () => {
    const f = check(
      [
        workbook([
          HEADER,
          ["01", "PROGRAM A", 999, 999],
          ["2.01", "Kegiatan A", "#DIV/0!", "lihat lampiran"],
          ["2.02", "Kegiatan B", 100, null],
        ]),
      ],
      RULES,
    );
    expect(show(f)).toBe("");
  });

  test("an empty grid and a header-only table give nothing and do not throw", () => {
    expect(check([workbook([[]])], RULES)).toEqual([]);
    expect(check([workbook([HEADER])], RULES)).toEqual([]);
  });

  test("money printed with decimals: one sen off is an error, within settings.rupiahTolerance it is accepted", () => {
    const values: CellValue[][] = [
      HEADER,
      ["01", "PROGRAM A", "1.000,01", "900,00"],
      ["2.01", "Kegiatan A", "400,00", "400,00"],
      ["2.02", "Kegiatan B", "600,00", "500,00"],
    ];
    expectFinding(check([workbook(values)], RULES), "S!C2", 1000, 1000.01);
    expect(check([workbook(values)], RULES, settingsWith({ rupiahTolerance: 1 }))).toEqual([]);
  });

  test("a near miss on money printed without decimals is a rounding warning", () => {
    const f = check(
      [
        workbook([
          HEADER,
          ["01", "PROGRAM A", 1000, null],
          ["2.01", "Kegiatan A", "499,7", null],
          ["2.02", "Kegiatan B", "499,6", null],
        ]),
      ],
      RULES,
    );
    const finding = expectFinding(f, "S!C2", 999.3, 1000, "warning");
    expect(finding.message.id).toBe("totalMismatch.rounding");
  });

  test("a rounded derived column: Σ of rounded selisih within τ·(n+1) is accepted, beyond it reported", () => {
    const values = (total: string): CellValue[][] => [
      ["Kode", "Uraian", "Anggaran Murni", "Anggaran Perubahan", "Selisih"],
      ["01", "PROGRAM A", "3,00", "1,50", total],
      ["2.01", "Kegiatan A", "1,00", "0,50", "0,50"],
      ["2.02", "Kegiatan B", "2,00", "1,00", "1,00"],
    ];
    expect(check([workbook(values("1,50"))], RULES)).toEqual([]);
    expect(check([workbook(values("1,51"))], RULES)).toEqual([]);
    expect(findingsAt(check([workbook(values("1,60"))], RULES), "S!E2")).toHaveLength(1);
  });

  test("caps PROGRAM rows without codes: children are the rows up to the next program", () => {
    const f = check(
      [
        workbook([
          ["No", "Program/Kegiatan", "Pagu Indikatif"],
          [null, "BELANJA LANGSUNG", 600],
          [null, "PROGRAM SATU", 300],
          [null, "Kegiatan satu", 100],
          [null, "Kegiatan dua", 200],
          [null, "PROGRAM DUA", 300],
          [null, "Kegiatan tiga", 250],
        ]),
      ],
      RULES,
    );
    expect(f.map(where)).toEqual(["S!C6"]);
    expectFinding(f, "S!C6", 250, 300);
  });

  test("outline numbering '1.', '1.1' gives the levels of a PK budget table", () => {
    const f = check(
      [
        workbook([
          ["No", "Program/Kegiatan", "Anggaran"],
          ["1.", "Program A", "Rp. 300.000,-"],
          ["1.1", "Kegiatan A1", "Rp. 100.000,-"],
          ["1.2", "Kegiatan A2", "Rp. 150.000,-"],
          ["2.", "Program B", null],
          ["2.1", "Kegiatan B1", "Rp. 50.000,-"],
          ["JUMLAH", null, "Rp. 300.000,-"],
        ]),
      ],
      RULES,
    );
    expectFinding(f, "S!C2", 250000, 300000);
    expect(findingsAt(f, "S!C7")).toEqual([]);
  });

  const EVALUASI_HEADER: CellValue[][] = [
    [
      "No",
      "Program/Kegiatan",
      "Indikator",
      "Target Renstra",
      "Realisasi s/d 2018",
      "Target 2019",
      "Realisasi 2019",
      "Target 2020",
      "Realisasi s/d 2020",
    ],
    ["1", "2", "3", "4", "5", "6", "7", "8", "9=(5+7+8)"],
  ];

  test("column-number sum: counts add, percentages keep the last value, weighted cells are skipped", () => {
    const f = check(
      [
        workbook([
          ...EVALUASI_HEADER,
          [null, "Kegiatan A", "Jumlah UMKM", "800 Org", 350, 200, 260, 200, 810],
          [null, "Kegiatan B", "Jumlah koperasi", "500 kop", 100, 100, 100, 100, 300],
          [null, "Kegiatan C", "Jumlah dokumen", "16 dokumen", 8, 4, 4, 4, 12],
          [null, null, "Persentase koperasi aktif", "60%", "56,07%", "55%", "59,68%", "58%", "58%"],
          [
            null,
            "Kegiatan D",
            "Cakupan",
            1,
            "100% (40%)",
            "100% (20%)",
            "100% (20%)",
            "100% (20%)",
            "100% (80%)",
          ],
        ]),
      ],
      RULES,
    );
    expect(f.map(where)).toEqual(["S!I5"]);
    expectFinding(f, "S!I5", 16, 12);
  });

  test("column-number sum of a percent row printed as the sum (200% pattern) is left to cumulative-percent", () => {
    const f = check(
      [
        workbook([
          ...EVALUASI_HEADER,
          [null, "Kegiatan A", "Jumlah UMKM", "800 Org", 350, 200, 260, 200, 810],
          [null, null, "Persentase A", "60%", "50%", "55%", "55%", "58%", "163%"],
        ]),
      ],
      RULES,
    );
    expect(f).toEqual([]);
  });

  test("settings.sifat decides a row the units cannot", () => {
    const values: CellValue[][] = [
      ...EVALUASI_HEADER,
      [null, "Kegiatan A", "Indikator X", 10, 2, 3, 3, 4, 4],
    ];
    expect(check([workbook(values)], RULES).map(where)).toEqual([]);
    const asSum = check(
      [workbook(values)],
      RULES,
      settingsWith({ sifat: { "Indikator X": "kumulatif" } }),
    );
    expectFinding(asSum, "S!I3", 9, 4);
  });

  test("quarters against the annual target, with units in the cells", () => {
    const f = check(
      [
        workbook([
          ["Kegiatan", "Indikator", "Target", null, null, null, null],
          [null, null, "2021", "TW. I", "TW. II", "TW. III", "TW. IV"],
          [
            "Kegiatan A",
            "Jumlah koperasi",
            "250 Koperasi",
            "50 Koperasi",
            "100 Koperasi",
            "70 Koperasi",
            "80 Koperasi",
          ],
          ["Kegiatan B", "Jumlah dokumen", "3 Dokumen", 0, 0, 0, "3 Dokumen"],
          ["Kegiatan C", "Persentase", "100 %", "25%", "25%", "25%", "25%"],
        ]),
      ],
      RULES,
    );
    expect(f.map(where)).toEqual(["S!C3"]);
  });
});
