import {
  evalAngka,
  evalCapaian,
  evalCapaianRenstra,
  evalEfisiensi,
  evalKategori,
  evalKategoriEfisiensi,
  evalKumulatif,
  evalNilaiEfisiensi,
  evalPredikatAkip,
  evalSerapan,
  FormulaResult,
} from "../../../src/core/formulas";

function value<T>(result: FormulaResult<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${result.code} ${result.message.id}`);
  return result.value;
}

function error<T>(result: FormulaResult<T>): string {
  if (result.ok) throw new Error(`expected an error, got ${String(result.value)}`);
  return result.code;
}

const col = (...xs: unknown[]) => xs.map((x) => [x]);

describe("CAPAIAN", () => {
  test("normal polarity: R/T×100 (LS25 Tabel 3.2 Persentase koperasi Aktif)", () => {
    expect(value(evalCapaian(82.57, 77.6))).toBeCloseTo(106.40463917525773, 12);
  });

  test("percent text in both cells gives the same capaian", () => {
    expect(value(evalCapaian("82,57%", "77,60%"))).toBeCloseTo(106.40463917525773, 12);
  });

  test("target 0 → #DIV/0!", () => {
    expect(error(evalCapaian(10, 0))).toBe("#DIV/0!");
    expect(error(evalCapaian(0, 0))).toBe("#DIV/0!");
  });

  test("realisasi 0 → 0, not an error", () => {
    expect(value(evalCapaian(0, 10))).toBe(0);
  });

  test("lower is better, default (2T−R)/T: R = 8 → 120, R = 15 → 50, R = 0 → 200", () => {
    expect(value(evalCapaian(8, 10, "negatif"))).toBe(120);
    expect(value(evalCapaian(15, 10, "negatif"))).toBe(50);
    expect(value(evalCapaian(0, 10, "negatif"))).toBe(200);
  });

  test("lower is better with t/r: R = 8 → 125, R = 0 → #DIV/0!", () => {
    expect(value(evalCapaian(8, 10, "negatif", "t/r"))).toBe(125);
    expect(error(evalCapaian(0, 10, "negatif", "t/r"))).toBe("#DIV/0!");
    expect(value(evalCapaian(25, 10, "negatif", "t/r"))).toBe(40);
  });

  test("R > 2T for lower is better gives a negative capaian, unless a floor is set", () => {
    expect(value(evalCapaian(25, 10, "negatif"))).toBe(-50);
    expect(value(evalCapaian(25, 10, "negatif", null, null, 0))).toBe(0);
  });

  test("no cap by default (documents print 395,60); a cap when asked", () => {
    expect(value(evalCapaian(39.56, 10))).toBeCloseTo(395.6, 10);
    expect(value(evalCapaian(39.56, 10, null, null, 120))).toBe(120);
    expect(error(evalCapaian(39.56, 10, null, null, 0))).toBe("#VALUE!");
  });

  test("negative realisasi (a shrinking indicator) is computed as is", () => {
    expect(value(evalCapaian(-5, 10))).toBe(-50);
  });

  test("a negative target is refused with a reason", () => {
    const result = evalCapaian(-1, -2);
    expect(error(result)).toBe("#VALUE!");
    expect(!result.ok && result.message.id).toBe("capaian.targetNegative");
  });

  test("blank, '-' and NA → #N/A; text and compounds → #VALUE!; booleans → #VALUE!", () => {
    expect(error(evalCapaian(null, 10))).toBe("#N/A");
    expect(error(evalCapaian("", 10))).toBe("#N/A");
    expect(error(evalCapaian("-", 10))).toBe("#N/A");
    expect(error(evalCapaian(10, "NA"))).toBe("#N/A");
    expect(error(evalCapaian("banyak", 10))).toBe("#VALUE!");
    expect(error(evalCapaian("7 Galery + 1 Gedung", 8))).toBe("#VALUE!");
    expect(error(evalCapaian(true, 10))).toBe("#VALUE!");
  });

  test("different units → #VALUE!; a unit against a plain number is fine", () => {
    expect(error(evalCapaian("800 Org", "20%"))).toBe("#VALUE!");
    expect(value(evalCapaian("800 Org", "800 org"))).toBe(100);
    expect(value(evalCapaian("200 Org", 100))).toBe(200);
  });

  test("a 1×1 range is a value; a larger range is refused", () => {
    expect(value(evalCapaian([[8]], [[10]]))).toBe(80);
    expect(error(evalCapaian(col(1, 2), 10))).toBe("#VALUE!");
  });

  test("polarity spellings planners use; an unknown one is an error naming the choices", () => {
    expect(value(evalCapaian(8, 10, "Semakin kecil semakin baik"))).toBe(120);
    expect(value(evalCapaian(8, 10, " NEGATIF "))).toBe(120);
    expect(value(evalCapaian(8, 10, "positif"))).toBe(80);
    const bad = evalCapaian(8, 10, "kebalikan");
    expect(error(bad)).toBe("#VALUE!");
    expect(!bad.ok && bad.message.params?.choices).toBe("positif, negatif");
  });
});

describe("CAPAIANRENSTRA", () => {
  test("LS25 Tabel 3.4: 80,45 / 78,50 → 102,48…; 82,57/78 → 105,86…", () => {
    expect(value(evalCapaianRenstra(80.45, 78.5))).toBeCloseTo(102.484076, 5);
    expect(value(evalCapaianRenstra(82.57, 78))).toBeCloseTo(105.858974, 5);
  });
  test("RS21 kumulatif (350+260+200)/800 = 101,25 with KUMULATIF", () => {
    const sd = value(evalKumulatif(col(350, 260, 200)));
    expect(value(evalCapaianRenstra(sd, "800 Org"))).toBe(101.25);
  });
  test("zero target → #DIV/0!", () => {
    expect(error(evalCapaianRenstra(5, 0))).toBe("#DIV/0!");
  });
});

describe("EFISIENSI and NILAIEFISIENSI", () => {
  const pagu = col(2222600041, 9868026533, 11847006290.32);
  const rak = col(2011324055, 8767962955, 11163205754);
  const ckUnrounded = col((82.57 / 77.6) * 100, (46.17 / 45) * 100, (80.45 / 80.35) * 100);

  test("LS25 Tabel 3.8 with unrounded capaian: E 9,89, NE 74,73", () => {
    expect(value(evalEfisiensi(pagu, rak, ckUnrounded))).toBeCloseTo(9.8919, 4);
    expect(value(evalNilaiEfisiensi(pagu, rak, ckUnrounded))).toBeCloseTo(74.7297, 4);
  });

  test("CK capped at 1: E 8,33, NE 70,84", () => {
    expect(value(evalEfisiensi(pagu, rak, ckUnrounded, true))).toBeCloseTo(8.3347, 4);
    expect(value(evalNilaiEfisiensi(pagu, rak, ckUnrounded, true, true))).toBeCloseTo(70.84, 2);
  });

  test("negative efficiency (spent more than the capaian earned)", () => {
    expect(value(evalEfisiensi(col(100), col(120), col(100)))).toBe(-20);
    expect(value(evalNilaiEfisiensi(col(100), col(120), col(100)))).toBe(0);
  });

  test("E beyond ±20: clamped in NE by default, not when batasi_e is FALSE", () => {
    // PMK example arithmetic: E = 25,67 → NE 114,16 unclamped, 100 clamped.
    expect(value(evalEfisiensi(col(100), col(50), col(200)))).toBe(75);
    expect(value(evalNilaiEfisiensi(col(100), col(50), col(200)))).toBe(100);
    expect(value(evalNilaiEfisiensi(col(100), col(50), col(200), false))).toBe(237.5);
    expect(value(evalNilaiEfisiensi(col(100), col(200), col(100), false))).toBe(-200);
    expect(value(evalNilaiEfisiensi(col(100), col(200), col(100)))).toBe(0);
  });

  test("blank rows are skipped; text numbers are parsed", () => {
    const withBlanks = evalEfisiensi(
      col("2.222.600.041,00", null, "9.868.026.533,00"),
      col("2.011.324.055,00", "", "8.767.962.955,00"),
      col("106,40", "-", "102,60"),
    );
    const plain = evalEfisiensi(
      col(2222600041, 9868026533),
      col(2011324055, 8767962955),
      col(106.4, 102.6),
    );
    expect(value(withBlanks)).toBe(value(plain));
  });

  test("a half-filled row is an error, never a silent zero", () => {
    const result = evalEfisiensi(col(100, 200), col(90, null), col(100, 100));
    expect(error(result)).toBe("#VALUE!");
    expect(!result.ok && result.message.params).toMatchObject({
      row: 2,
      arg: "realisasi_anggaran",
    });
  });

  test("ranges of unequal size → #VALUE!", () => {
    expect(error(evalEfisiensi(col(1, 2, 3), col(1, 2), col(100, 100, 100)))).toBe("#VALUE!");
  });

  test("text in a range → #VALUE!; all blank → #N/A; Σ(PAK×CK) = 0 → #DIV/0!", () => {
    expect(error(evalEfisiensi(col("banyak"), col(1), col(100)))).toBe("#VALUE!");
    expect(error(evalEfisiensi(col(null), col(null), col(null)))).toBe("#N/A");
    expect(error(evalEfisiensi(col(100), col(50), col(0)))).toBe("#DIV/0!");
  });

  test("a negative pagu is refused", () => {
    expect(error(evalEfisiensi(col(-100), col(50), col(100)))).toBe("#VALUE!");
  });

  test("a single-cell 'range' works like Excel's 1×1 matrix", () => {
    expect(value(evalEfisiensi([[100]], [[90]], [[100]]))).toBeCloseTo(10, 12);
  });
});

describe("KATEGORI, KATEGORIEFISIENSI, PREDIKATAKIP", () => {
  test.each([
    [91, "Sangat Tinggi"],
    [90.99, "Tinggi"],
    [90.5, "Tinggi"],
    [76, "Tinggi"],
    [75.999, "Sedang"],
    [66, "Sedang"],
    [65.99, "Rendah"],
    [51, "Rendah"],
    [50, "Sangat Rendah"],
    [-10, "Sangat Rendah"],
    [395.6, "Sangat Tinggi"],
  ])("capaian-permendagri86: %d → %s", (capaian, label) => {
    expect(value(evalKategori(capaian))).toBe(label);
  });

  test.each([
    [91, "Sangat Tinggi"],
    [90.99, "Sangat Tinggi"],
    [90, "Tinggi"],
    [75.999, "Tinggi"],
    [75, "Sedang"],
    [65, "Rendah"],
    [50, "Sangat Rendah"],
    [50.01, "Rendah"],
  ])("capaian-lkjip-semarang-2025: %d → %s", (capaian, label) => {
    expect(value(evalKategori(capaian, [["capaian-lkjip-semarang-2025"]]))).toBe(label);
  });

  test("a scale typed in the sheet: [lower bound, label] rows", () => {
    const table = [
      [85, "Baik Sekali"],
      [70, "Baik"],
      [0, "Perlu Perbaikan"],
    ];
    expect(value(evalKategori(85, table))).toBe("Baik Sekali");
    expect(value(evalKategori(84.99, table))).toBe("Baik");
    expect(value(evalKategori(-3, table))).toBe("Perlu Perbaikan");
    expect(
      error(
        evalKategori(50, [
          [85, "A"],
          ["x", "B"],
        ]),
      ),
    ).toBe("#VALUE!");
  });

  test("unknown scale → #VALUE! naming the scales; blank capaian → #N/A", () => {
    const result = evalKategori(90, [["skala-lain"]]);
    expect(error(result)).toBe("#VALUE!");
    expect(!result.ok && String(result.message.params?.choices)).toContain("capaian-permendagri86");
    expect(error(evalKategori(null))).toBe("#N/A");
  });

  test.each([
    [90.01, "Sangat Efisien"],
    [90, "Efisien"],
    [80, "Cukup Efisien"],
    [74.73, "Cukup Efisien"],
    [60, "Kurang Efisien"],
    [50, "Tidak Efisien"],
    [0, "Tidak Efisien"],
  ])("KATEGORIEFISIENSI %d → %s", (ne, label) => {
    expect(value(evalKategoriEfisiensi(ne))).toBe(label);
  });

  test.each([
    [92, "AA"],
    [100, "AA"],
    [90, "A"],
    [80.01, "A"],
    [80, "BB"],
    [75.2, "BB"],
    [70, "B"],
    [60, "CC"],
    [50, "C"],
    [30, "D"],
    [0, "D"],
  ])("PREDIKATAKIP %d → %s (exclusive lower bounds)", (nilai, predikat) => {
    expect(value(evalPredikatAkip(nilai))).toBe(predikat);
  });

  test.each([
    [90, "AA"],
    [89.99, "A"],
    [80, "A"],
    [30, "C"],
    [29.99, "D"],
  ])("PREDIKATAKIP %d inklusif → %s", (nilai, predikat) => {
    expect(value(evalPredikatAkip(nilai, true))).toBe(predikat);
  });

  test("Nilai AKIP outside 0–100 → #VALUE!", () => {
    expect(error(evalPredikatAkip(100.5))).toBe("#VALUE!");
    expect(error(evalPredikatAkip(-1))).toBe("#VALUE!");
  });
});

describe("SERAPAN", () => {
  test("LS25 Tabel 3.10 URUSAN 91,67", () => {
    expect(value(evalSerapan([[21942492764]], [[23937632864.32]]))).toBeCloseTo(91.6653, 4);
  });
  test("ranges are summed; blanks skipped", () => {
    expect(value(evalSerapan(col(50, null, 25), col(100, "", 50)))).toBe(50);
  });
  test("pagu 0 → #DIV/0!; all blank → #N/A; negative pagu → #VALUE!", () => {
    expect(error(evalSerapan([[10]], [[0]]))).toBe("#DIV/0!");
    expect(error(evalSerapan([[null]], [[10]]))).toBe("#N/A");
    expect(error(evalSerapan([[10]], [[-100]]))).toBe("#VALUE!");
  });
  test("zero realisasi is 0 %", () => {
    expect(value(evalSerapan([[0]], [[100]]))).toBe(0);
  });
});

describe("KUMULATIF", () => {
  test("kumulatif sums, akhir takes the last non-empty (0 counts, '-' does not)", () => {
    expect(value(evalKumulatif(col(0, 126, 100, 200)))).toBe(426);
    expect(value(evalKumulatif(col(41, 35, 11.3, 0), "akhir"))).toBe(0);
    expect(value(evalKumulatif(col(41, 35, "-", null), "akhir"))).toBe(35);
  });
  test("rata-rata and maks", () => {
    expect(value(evalKumulatif(col(100.1, 100.63), "rata-rata"))).toBeCloseTo(100.365, 12);
    expect(value(evalKumulatif(col(5, 17, 16, 4), "maks"))).toBe(17);
  });
  test("text numbers parsed, text words → #VALUE!, all blank → #N/A, unknown sifat → #VALUE!", () => {
    expect(value(evalKumulatif(col("1.000", "2.000,5")))).toBe(3000.5);
    expect(error(evalKumulatif(col(1, "dua")))).toBe("#VALUE!");
    expect(error(evalKumulatif(col(null, "-")))).toBe("#N/A");
    expect(error(evalKumulatif(col(1), "median"))).toBe("#VALUE!");
  });
  test("rows of a horizontal range are read left to right", () => {
    expect(value(evalKumulatif([[1, 2, 3]], "akhir"))).toBe(3);
  });
});

describe("ANGKA", () => {
  test.each([
    ["2.222.600.041,00", 2222600041],
    ["77,60%", 0.776],
    ["Rp. 1.000", 1000],
    ["(1.234)", -1234],
    ["Rp. 11.847.006.290,32,-", 11847006290.32],
    ["53.00", 53],
    ["800 Org", 800],
  ])("%s → %d", (text, expected) => {
    expect(value(evalAngka(text))).toBe(expected);
  });
  test("a number stays itself", () => {
    expect(value(evalAngka(12.5))).toBe(12.5);
  });
  test("'-', 'NA', blank → #N/A; compound and words → #VALUE!", () => {
    expect(error(evalAngka("-"))).toBe("#N/A");
    expect(error(evalAngka("NA"))).toBe("#N/A");
    expect(error(evalAngka(null))).toBe("#N/A");
    expect(error(evalAngka("7 Galery + 1 Gedung"))).toBe("#VALUE!");
    expect(error(evalAngka("tidak tahu"))).toBe("#VALUE!");
  });
});
