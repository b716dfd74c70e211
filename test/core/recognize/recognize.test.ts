import fc from "fast-check";
import { recognise, Region } from "../../../src/core/recognize";
import {
  CellValue,
  columnLetters,
  emptySheet,
  rangeA1,
  snapshotFromValues,
} from "../../../src/core/snapshot";

const roles = (r: Region) =>
  r.columns
    .filter((c) => c.role)
    .map((c) => `${columnLetters(c.col)}:${c.role}${c.year ? "/" + c.year : ""}`);

const PENGUKURAN: CellValue[][] = [
  ["Tabel 3.2 Capaian Kinerja Tahun 2025"],
  [],
  ["NO", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian %", "Kategori"],
  [
    "1.",
    "Meningkatnya koperasi aktif",
    "Persentase koperasi aktif",
    "77,60%",
    "82,57%",
    106.4,
    "Sangat Tinggi",
  ],
  [
    "2.",
    "Meningkatnya wirausaha",
    "Persentase wirausaha baru",
    "45%",
    "46,17%",
    102.6,
    "Sangat Tinggi",
  ],
  [],
  ["Sumber: Dinas Koperasi, 2026"],
];

describe("recognise: what is not a table", () => {
  test("an empty sheet and a workbook without sheets give no region and no error", () => {
    expect(recognise([emptySheet("Kosong")])).toEqual([]);
    expect(recognise([])).toEqual([]);
  });

  test("titles, prose and notes alone are not tables", () => {
    const sheet = snapshotFromValues("Narasi", [
      ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2025"],
      ["Dinas Koperasi dan Usaha Mikro"],
      [],
      ["Sumber: hasil olahan"],
      ["Keterangan: angka sementara"],
    ]);
    expect(recognise([sheet])).toEqual([]);
  });

  test("a signature block (two labels and names) is not a table", () => {
    const sheet = snapshotFromValues("TTD", [
      ["PIHAK KEDUA", "PIHAK PERTAMA"],
      ["Walikota Semarang", "Kepala Dinas"],
      ["", ""],
      ["Hevearita G. Rahayu", "Ir. Bambang"],
    ]);
    expect(recognise([sheet])).toEqual([]);
  });
});

describe("recognise: layouts", () => {
  test("a pengukuran table with a caption above and a source note below", () => {
    const [region] = recognise([snapshotFromValues("S", PENGUKURAN)]);
    expect(region).toMatchObject({
      kind: "pengukuran",
      caption: "Tabel 3.2 Capaian Kinerja Tahun 2025",
      year: 2025,
    });
    expect(rangeA1(region.range)).toBe("A3:G5");
    expect(roles(region)).toEqual([
      "B:sasaran",
      "C:indikator",
      "D:target",
      "E:realisasi",
      "F:capaian",
      "G:kategori",
    ]);
  });

  test("the caption directly above the header, without a blank row", () => {
    const rows = PENGUKURAN.filter((_, i) => i !== 1);
    const [region] = recognise([snapshotFromValues("S", rows)]);
    expect(rangeA1(region.header)).toBe("A2:G2");
    expect(region.caption).toMatch(/^Tabel 3.2/);
  });

  test("two tables side by side, separated by an empty column", () => {
    const left = PENGUKURAN.slice(2, 5);
    const grid = left.map((row, i) => [
      ...row,
      null,
      ...(i === 0
        ? ["KODE REK", "PROGRAM", "ANGGARAN (Rp)", "REALISASI ANGGARAN (Rp)"]
        : [`0${i}`, `Program ${i}`, 1000 * i, 900 * i]),
    ]);
    const regions = recognise([snapshotFromValues("S", grid)]);
    expect(regions.map((r) => `${rangeA1(r.range)} ${r.kind}`)).toEqual([
      "A1:G3 pengukuran",
      "I1:L3 anggaran",
    ]);
    expect(roles(regions[1])).toEqual(["I:kode", "J:uraian", "K:pagu", "L:realisasi-anggaran"]);
  });

  test("two tables stacked with a title between them", () => {
    const stacked = [
      ...PENGUKURAN.slice(0, 5),
      [],
      ["Tabel 3.10 Anggaran"],
      [],
      ["KODE REK", "PROGRAM/ KEGIATAN", "ANGGARAN (Rp)", "REALISASI ANGGARAN (Rp)", "(%) CAPAIAN"],
      ["01", "Program Penunjang", 1000, 900, 90],
    ];
    const regions = recognise([snapshotFromValues("S", stacked)]);
    expect(regions.map((r) => r.kind)).toEqual(["pengukuran", "anggaran"]);
    expect(regions[1].caption).toBe("Tabel 3.10 Anggaran");
    expect(roles(regions[1])).toContain("E:persen-anggaran");
  });

  test("a blank row inside the data does not cut the table", () => {
    const rows = [...PENGUKURAN.slice(2, 4), [], PENGUKURAN[4]];
    const [region] = recognise([snapshotFromValues("S", rows)]);
    expect(rangeA1(region.range)).toBe("A1:G4");
  });

  test("a 'Capaian' column that holds realisasi is read as realisasi (DOMAIN §2 trap)", () => {
    const rows: CellValue[][] = [
      ["Sasaran", "Indikator", "Target 2021", "Capaian / TW I", "Capaian / TW II"],
      ["Koperasi sehat", "Persentase Koperasi Sehat", "85%", "41%", "35%"],
      ["UMKM", "Persentase UMKM terakses", "40%", "5%", "17%"],
    ];
    const [region] = recognise([snapshotFromValues("S", rows)]);
    expect(roles(region)).toEqual([
      "A:sasaran",
      "B:indikator",
      "C:target/2021",
      "D:realisasi",
      "E:realisasi",
    ]);
  });

  test("a multi-row header with merged group labels and a column-number row with formulas", () => {
    const rows: CellValue[][] = [
      [
        "No",
        "Program/Kegiatan",
        "Indikator Kinerja",
        "Target Renja 2019",
        "Realisasi Renja 2019",
        "Tingkat Realisasi (%)",
      ],
      ["1", "2", "3", "4", "5", "6=(5/4)"],
      ["1", "Program A", "Jumlah koperasi dibina", 100, 90, 90],
    ];
    const [region] = recognise([snapshotFromValues("S", rows)]);
    const f = region.columns[5].formula;
    expect(region.numberRow).toBe(1);
    expect(f).toMatchObject({ op: "divide", operands: [5, 4], operandColumns: [4, 3] });
  });

  test("merged group label over year columns gives each column its year", () => {
    const rows: CellValue[][] = [
      ["Indikator Sasaran", "TARGET KINERJA PADA TAHUN", null, null],
      ["Indikator Sasaran", "2024", "2025", "2026"],
      ["Persentase koperasi aktif", "77,00", "77,50", "78,00"],
    ];
    const sheet = snapshotFromValues("Renstra", rows, {
      merges: [
        { top: 0, left: 1, bottom: 0, right: 3 },
        { top: 0, left: 0, bottom: 1, right: 0 },
      ],
    });
    sheet.values[1][0] = null;
    const [region] = recognise([sheet]);
    expect(region.kind).toBe("renstra-target");
    expect(roles(region)).toEqual([
      "A:indikator",
      "B:target/2024",
      "C:target/2025",
      "D:target/2026",
    ]);
  });

  test("the same group label without merges spans the empty cells to its right", () => {
    const rows: CellValue[][] = [
      ["Indikator Sasaran", "TARGET KINERJA PADA TAHUN", null, null],
      [null, "2024", "2025", "2026"],
      ["Persentase koperasi aktif", "77,00", "77,50", "78,00"],
    ];
    const [region] = recognise([snapshotFromValues("Renstra", rows)]);
    expect(roles(region)).toEqual([
      "A:indikator",
      "B:target/2024",
      "C:target/2025",
      "D:target/2026",
    ]);
  });

  test("row hierarchy by full Permendagri 90/2019 codes", () => {
    const rows: CellValue[][] = [
      ["Kode", "Uraian", "Pagu", "Realisasi Anggaran"],
      ["1.05.02", "PROGRAM PENUNJANG", 300, 250],
      ["1.05.02.2.01", "Perencanaan", 300, 250],
      ["1.05.02.2.01.0001", "Penyusunan Renstra", 100, 90],
      ["1.05.02.2.01.0002", "Penyusunan Renja", 200, 160],
      ["JUMLAH", null, 300, 250],
    ];
    const [region] = recognise([snapshotFromValues("S", rows)]);
    expect(region.rows.map((r) => [r.kode ?? r.kind, r.level, r.parent])).toEqual([
      ["1.05.02", 2, null],
      ["1.05.02.2.01", 3, 0],
      ["1.05.02.2.01.0001", 4, 1],
      ["1.05.02.2.01.0002", 4, 1],
      ["total", 0, null],
    ]);
  });

  test("section rows open groups: 'TUJUAN :' then indicators", () => {
    const rows: CellValue[][] = [
      ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI", "%"],
      ["TUJUAN :"],
      ["1.", "Persentase koperasi berkualitas", "59,80 %", "59,86 %", 100.1],
      ["SASARAN :"],
      ["1.", "Persentase koperasi aktif", "77,60 %", "82,57 %", 106.4],
    ];
    const [region] = recognise([snapshotFromValues("S", rows)]);
    expect(
      region.rows.map((r) => `${r.kind}:${r.parent === null ? "-" : region.rows[r.parent].row}`),
    ).toEqual(["section:-", "data:1", "section:-", "data:3"]);
  });
});

describe("property tests", () => {
  const PARAMS = { numRuns: 150, seed: 42 };
  const cell = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.double({ noNaN: true }) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    fc.constantFrom(
      "Target",
      "Realisasi",
      "Capaian %",
      "NO",
      "2025",
      "77,60%",
      "-",
      "#DIV/0!",
      "TUJUAN :",
      "Tabel 1",
      "(1)",
      "8=(7/6)",
      true,
    ),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 });

  test("random grids never make the recogniser throw", () => {
    fc.assert(
      fc.property(
        grid,
        fc.array(fc.record({ top: fc.nat(10), left: fc.nat(6), h: fc.nat(3), w: fc.nat(3) }), {
          maxLength: 3,
        }),
        (values, merges) => {
          const sheet = snapshotFromValues("R", values, {
            merges: merges.map((m) => ({
              top: m.top,
              left: m.left,
              bottom: m.top + m.h,
              right: m.left + m.w,
            })),
          });
          expect(() => recognise([sheet])).not.toThrow();
        },
      ),
      PARAMS,
    );
  });

  test("a table moved to another start cell or another sheet is recognised the same way", () => {
    const [base] = recognise([snapshotFromValues("S", PENGUKURAN)]);
    fc.assert(
      fc.property(
        fc.nat(30),
        fc.nat(10),
        fc.string({ minLength: 1, maxLength: 20 }),
        (dr, dc, name) => {
          const moved = [
            ...Array(dr).fill([]),
            ...PENGUKURAN.map((row) => [...Array(dc).fill(null), ...row]),
          ];
          const [region] = recognise([snapshotFromValues(name, moved)]);
          expect(region.kind).toBe(base.kind);
          expect(region.sheet).toBe(name);
          expect(region.range).toEqual({
            top: base.range.top + dr,
            left: base.range.left + dc,
            bottom: base.range.bottom + dr,
            right: base.range.right + dc,
          });
          expect(region.columns.map((c) => [c.col - dc, c.role, c.year])).toEqual(
            base.columns.map((c) => [c.col, c.role, c.year]),
          );
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});

describe("user corrections", () => {
  test("a corrected kind and column role win on the next run", () => {
    const sheet = snapshotFromValues("S", PENGUKURAN);
    const [before] = recognise([sheet]);
    const [after] = recognise([sheet], {
      overrides: [
        {
          sheet: "S",
          header: rangeA1(before.header),
          kind: "pk",
          columns: { G: { role: "keterangan" } },
        },
      ],
    });
    expect(before.kind).toBe("pengukuran");
    expect(after).toMatchObject({ kind: "pk", overridden: true });
    expect(after.columns.find((c) => columnLetters(c.col) === "G")?.role).toBe("keterangan");
  });

  test("a correction for another table changes nothing", () => {
    const sheet = snapshotFromValues("S", PENGUKURAN);
    const [region] = recognise([sheet], {
      overrides: [{ sheet: "Lain", header: "A3:G3", kind: "pk" }],
    });
    expect(region.kind).toBe("pengukuran");
    expect(region.overridden).toBeUndefined();
  });
});
