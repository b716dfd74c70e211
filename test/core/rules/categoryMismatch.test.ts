import type { CellRef, Finding } from "../../../src/core/check/types";
import { renderMessage } from "../../../src/core/messages";
import { categoryMismatch } from "../../../src/core/rules/categoryMismatch";
import {
  check,
  describe as show,
  FixtureName,
  fixtureWorkbook,
  findingsAt,
  settingsWith,
  where,
} from "../../helpers/check";
import { handmade } from "./handmade";

const RULES = [categoryMismatch];

function refWhere(ref: CellRef): string {
  return where({ at: ref } as Finding);
}
const BOTH_SCALES = ["capaian-permendagri86", "capaian-lkjip-semarang-2025"];

async function findingsOf(
  name: FixtureName,
  edits: Parameters<typeof fixtureWorkbook>[1] = [],
  scale = "capaian-permendagri86",
) {
  return check(
    [await fixtureWorkbook(name, edits)],
    RULES,
    settingsWith({ scales: { capaian: scale } }),
  );
}

function pengukuran(rows: (string | number | null)[][]) {
  return handmade("Tabel 3.1 Capaian Kinerja Tahun 2025", [
    ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian %", "Kategori"],
    ...rows,
  ]);
}

describe("category-mismatch: DOMAIN §6.8", () => {
  test("Catch: LS25 Tabel 3.9 program row 4 (capaian 38) mutated to 'Rendah' is an error", async () => {
    const found = await findingsOf("lkjip-semarang-2025", [
      { sheet: "Tabel 3.9", cell: "G17", value: "Rendah" },
    ]);
    const [f, ...rest] = findingsAt(found, "Tabel 3.9!G17");
    expect(rest).toHaveLength(0);
    expect(f.rule).toBe("category-mismatch");
    expect(f.severity).toBe("error");
    expect(f.actual).toBe(38);
    expect(f.related.map(refWhere)).toEqual(["Tabel 3.9!F17"]);
    expect(renderMessage(f.message)).toBe(
      'Kategori tertulis "Rendah" tetapi capaian 38,00 termasuk "Sangat Rendah" menurut skala capaian-permendagri86',
    );
  });

  test.each(BOTH_SCALES)("Not flag: LS25 Tabel 3.1/3.2/3.9 under %s", async (scale) => {
    const found = await findingsOf("lkjip-semarang-2025", [], scale);
    for (const sheet of ["Tabel 3.1", "Tabel 3.2", "Tabel 3.9"]) {
      expect(show(found.filter((f) => f.at.sheet === sheet))).toBe("");
    }
  });

  test.each(BOTH_SCALES)("Not flag: RS21 Tabel 2.3 'Sangat tinggi' under %s", async (scale) => {
    const found = await findingsOf("renja-semarang-2021", [], scale);
    expect(show(found.filter((f) => f.at.sheet === "Tabel 2.3"))).toBe("");
  });

  test("no category-mismatch finding at all on the four fixtures", async () => {
    for (const name of [
      "lkjip-semarang-2025",
      "lkjip-semarang-2025-onesheet",
      "renja-semarang-2021",
      "lakip-tangsel-2021",
    ] as const) {
      expect(show(await findingsOf(name))).toBe("");
    }
  });

  test("an average row's kategori is checked against the average capaian", async () => {
    const found = await findingsOf("lkjip-semarang-2025", [
      { sheet: "Tabel 3.1", cell: "H8", value: "Sedang" },
    ]);
    expect(findingsAt(found, "Tabel 3.1!H8").map((f) => f.severity)).toEqual(["error"]);
  });

  test("no capaian column (RS21 Tabel 2.3): the latest year with T and R, at most a warning", async () => {
    const found = await findingsOf("renja-semarang-2021", [
      { sheet: "Tabel 2.3", cell: "N9", value: "Rendah" },
    ]);
    const [f] = findingsAt(found, "Tabel 2.3!N9");
    expect(f.severity).toBe("warning");
    expect(f.related.map(refWhere)).toEqual(["Tabel 2.3!G9", "Tabel 2.3!K9"]);
    expect(renderMessage(f.message)).toMatch(/tahun terakhir/);
  });

  test("a label unknown to the active scale is a warning naming the scales that know it", async () => {
    const found = await findingsOf("lkjip-semarang-2025", [
      { sheet: "Tabel 3.2", cell: "G5", value: "Sangat Efisien" },
    ]);
    const [f] = findingsAt(found, "Tabel 3.2!G5");
    expect(f.severity).toBe("warning");
    expect(renderMessage(f.message)).toBe(
      'Kategori "Sangat Efisien" tidak dikenal pada skala yang aktif (capaian-permendagri86); label ini ada pada skala efisiensi-pmk214',
    );
  });
});

describe("category-mismatch: hand-made edge cases", () => {
  test("the two capaian scales differ between 90 and 91", () => {
    const wb = pengukuran([["1.", "Batas", "100", "90,5", "90,50", "Tinggi"]]);
    expect(check([wb], RULES)).toEqual([]);
    const semarang = settingsWith({ scales: { capaian: "capaian-lkjip-semarang-2025" } });
    expect(check([wb], RULES, semarang).map(where)).toEqual(["Tabel!F4"]);
  });

  test("synonyms, case and spaces do not matter; prose is not a label", () => {
    const wb = pengukuran([
      ["1.", "Sinonim", "100", "95", "95,00", "sangat  BAIK"],
      ["2.", "Prosa", "100", "40", "40,00", "melampaui target"],
      ["3.", "Kosong", "100", "40", "40,00", null],
      ["4.", "Strip", "100", "40", "40,00", "-"],
    ]);
    expect(check([wb], RULES)).toEqual([]);
  });

  test("a printed capaian that rounds across a bound: either band passes", () => {
    // 75,996 rounds to 76,00 (Tinggi) but is Sedang unrounded under permendagri86.
    const wb = pengukuran([["1.", "Batas", "100", "75,996", "76,00", "Sedang"]]);
    expect(check([wb], RULES)).toEqual([]);
  });

  test("Nilai AKIP and IKM rows are classified on their own scales", () => {
    const wb = handmade("Tabel 3.2 Capaian Kinerja Tahun 2021", [
      ["No", "Indikator Kinerja", "Target", "Realisasi", "Predikat"],
      ["1.", "Nilai AKIP", "70", "72,5", "BB"],
      ["2.", "Indeks Kepuasan Masyarakat (IKM)", "80", "77,64", "B"],
      ["3.", "Nilai AKIP Dinas", "70", "72,5", "A"],
    ]);
    const found = check([wb], RULES);
    expect(found.map((f) => [where(f), f.severity])).toEqual([["Tabel!E6", "error"]]);
  });

  test("text, negative and empty numbers never throw", () => {
    const wb = pengukuran([
      ["1.", "Negatif", "10", "-5", "-50,00", "Sangat Rendah"],
      ["2.", "Teks", "tinggi", "x", "n/a", "Tinggi"],
      ["3.", "Nol", "0", "0", "#DIV/0!", "Tinggi"],
    ]);
    expect(check([wb], RULES)).toEqual([]);
  });
});
