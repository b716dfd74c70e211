import { renderMessage } from "../../../src/core/messages";
import { capaianMismatch } from "../../../src/core/rules/capaianMismatch";
import { categoryMismatch } from "../../../src/core/rules/categoryMismatch";
import { efficiencyMismatch } from "../../../src/core/rules/efficiencyMismatch";
import type { Finding } from "../../../src/core/check/types";
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

const RULES = [capaianMismatch];

async function findingsOf(name: FixtureName, edits: Parameters<typeof fixtureWorkbook>[1] = []) {
  return check([await fixtureWorkbook(name, edits)], RULES);
}

function onSheet(findings: Finding[], sheet: string): Finding[] {
  return findings.filter((f) => f.at.sheet === sheet);
}

function cells(findings: Finding[]): string[] {
  return findings.map(where);
}

/** A pengukuran table as a planner types it. */
function pengukuran(rows: (string | number | null)[][]) {
  return handmade("Tabel 3.1 Capaian Kinerja Tahun 2025", [
    ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian %", "Keterangan"],
    ...rows,
  ]);
}

describe("capaian-mismatch: answer keys", () => {
  test("LS25 F1: Tabel 3.9 capaian swapped — wirausaha row printed 100,12, expected 102,60", async () => {
    const found = findingsAt(await findingsOf("lkjip-semarang-2025"), "Tabel 3.9!F11");
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.rule).toBe("capaian-mismatch");
    expect(f.severity).toBe("error");
    expect(f.actual).toBe(100.12);
    expect(f.expected).toBeCloseTo(102.6, 10);
    expect(f.indicator).toBe("Persentase pertumbuhan wirausaha baru yang berskala mikro");
    expect(f.related.map((r) => [r.sheet, r.row + 1, r.col])).toEqual([
      ["Tabel 3.9", 11, 3],
      ["Tabel 3.9", 11, 4],
    ]);
    expect(renderMessage(f.message)).toBe(
      "Capaian tertulis 100,12 tetapi realisasi/target = 102,60",
    );
  });

  test("LS25 F1: Tabel 3.9 capaian swapped — Nilai AKIP printed 102,60, expected 100,12", async () => {
    const [f, ...rest] = findingsAt(await findingsOf("lkjip-semarang-2025"), "Tabel 3.9!F12");
    expect(rest).toHaveLength(0);
    expect(f.rule).toBe("capaian-mismatch");
    expect(f.severity).toBe("error");
    expect(f.actual).toBe(102.6);
    expect(f.expected).toBeCloseTo(100.1244555071, 8);
    expect(f.indicator).toBe("Nilai AKIP");
    expect(renderMessage(f.message)).toBe(
      "Capaian tertulis 102,60 tetapi realisasi/target = 100,12",
    );
  });

  test("LS25 F1 in the one-sheet rendering: the same two error cells; the rest are borrowed-target warnings", async () => {
    const found = await findingsOf("lkjip-semarang-2025-onesheet");
    expect(cells(found.filter((f) => f.severity === "error"))).toEqual([
      "LKjIP 2025!F262",
      "LKjIP 2025!F263",
    ]);
    expect(found.filter((f) => f.severity !== "error").every((f) => f.severity === "warning")).toBe(
      true,
    );
  });

  test("LS25 F28: Tabel 3.8 display issues only — no capaian, category or efficiency finding", async () => {
    const wb = await fixtureWorkbook("lkjip-semarang-2025");
    const found = check([wb], [capaianMismatch, categoryMismatch, efficiencyMismatch]);
    expect(show(onSheet(found, "Tabel 3.8"))).toBe("");
  });

  test("LT21 Tabel 6: '103%' is 22,73/22 = 103,32 printed without decimals, not a finding", async () => {
    const found = await findingsOf("lakip-tangsel-2021");
    expect(show(onSheet(found, "Tabel 6"))).toBe("");
  });

  test("RS21 U4 (Capaian Program 2): 155,72 for 54,5/35 = 155,714 is a rounding warning, not an error", async () => {
    const [f, ...rest] = findingsAt(
      await findingsOf("renja-semarang-2021"),
      "Capaian Program 2!E5",
    );
    expect(rest).toHaveLength(0);
    expect(f.severity).toBe("warning");
    expect(f.actual).toBe(155.72);
    expect(f.expected).toBeCloseTo(155.7142857143, 8);
    expect(renderMessage(f.message)).toMatch(/^Selisih pembulatan: capaian tertulis 155,72/);
  });

  test("RS21 U1–U7: every other capaian of the U-tables is correct", async () => {
    const found = await findingsOf("renja-semarang-2021");
    const uTables = found.filter((f) => /^Capaian (Sasaran|Program)/.test(f.at.sheet));
    expect(cells(uTables)).toEqual(["Capaian Program 2!E5"]);
  });

  test("no capaian-mismatch error on the four fixtures except LS25 F1", async () => {
    const errors: string[] = [];
    for (const name of [
      "lkjip-semarang-2025",
      "lkjip-semarang-2025-onesheet",
      "renja-semarang-2021",
      "lakip-tangsel-2021",
    ] as const) {
      const found = await findingsOf(name);
      errors.push(...found.filter((f) => f.severity === "error").map(where));
    }
    expect(errors).toEqual([
      "Tabel 3.9!F11",
      "Tabel 3.9!F12",
      "LKjIP 2025!F262",
      "LKjIP 2025!F263",
    ]);
  });
});

describe("capaian-mismatch: DOMAIN §6.1 not flag", () => {
  test("LS25 Tabel 3.1: 100,10; 100,63; 'Rata-rata capaian Tujuan' 100,37 (mean of rounded values)", async () => {
    expect(show(onSheet(await findingsOf("lkjip-semarang-2025"), "Tabel 3.1"))).toBe("");
  });

  test("LS25 Tabel 3.1: the average printed as the mean of unrounded values (100,36) also passes", async () => {
    const found = await findingsOf("lkjip-semarang-2025", [
      { sheet: "Tabel 3.1", cell: "G8", value: 100.36 },
    ]);
    expect(show(onSheet(found, "Tabel 3.1"))).toBe("");
  });

  test("LS25 Tabel 3.2 average 103,04", async () => {
    expect(show(onSheet(await findingsOf("lkjip-semarang-2025"), "Tabel 3.2"))).toBe("");
  });

  test("LS25 Tabel 3.9 1,14/3 = 38 (printed '38%' as a stored fraction)", async () => {
    expect(findingsAt(await findingsOf("lkjip-semarang-2025"), "Tabel 3.9!F17")).toEqual([]);
  });

  test("LS25 Tabel 3.3 (no target: only the borrowed-target warnings F8/F21), 3.4 and 3.7 stay silent", async () => {
    const found = await findingsOf("lkjip-semarang-2025");
    expect(onSheet(found, "Tabel 3.3").map((f) => `${where(f)} ${f.severity}`)).toEqual([
      "Tabel 3.3!J5 warning",
      "Tabel 3.3!H6 warning",
      "Tabel 3.3!J6 warning",
      "Tabel 3.3!J7 warning",
    ]);
    for (const sheet of ["Tabel 3.4", "Tabel 3.7", "Lembar Pengukuran"]) {
      expect(show(onSheet(found, sheet))).toBe("");
    }
  });
});

describe("capaian-mismatch: mutations", () => {
  test("a wrong average row is an error naming the mean of the rows above", async () => {
    const found = await findingsOf("lkjip-semarang-2025", [
      { sheet: "Tabel 3.2", cell: "F8", value: 104.04 },
    ]);
    const [f] = findingsAt(found, "Tabel 3.2!F8");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(103.04, 10);
    expect(f.related).toHaveLength(3);
    expect(renderMessage(f.message)).toBe(
      "Rata-rata capaian tertulis 104,04 tetapi rata-rata 3 capaian di atasnya = 103,04",
    );
  });

  test("the efisiensi table's own capaian column (7) is checked through its formula row", async () => {
    const found = await findingsOf("lkjip-semarang-2025", [
      { sheet: "Tabel 3.8", cell: "G7", value: 102.6 },
    ]);
    const [f] = findingsAt(found, "Tabel 3.8!G7");
    expect(f.severity).toBe("error");
    expect(f.expected).toBeCloseTo(100.1244555, 6);
  });

  test("a Tabel 3.3 capaian (no target in the table) stays silent even when wrong", async () => {
    const found = await findingsOf("lkjip-semarang-2025", [
      { sheet: "Tabel 3.3", cell: "H6", value: 135.27 },
    ]);
    expect(findingsAt(found, "Tabel 3.3!H6")).toEqual([]);
  });
});

describe("capaian-mismatch: hand-made edge cases", () => {
  test("zero target, text, '-', range targets, compound cells and blanks are skipped quietly", () => {
    const wb = pengukuran([
      ["1.", "Target nol", "0", "5", "100", null],
      ["2.", "Teks", "tinggi", "5", "100", null],
      ["3.", "Tanda strip", "-", "5", "100", null],
      ["4.", "Rentang", "80–90%", "85%", "100", null],
      ["5.", "Majemuk", "7 Galery + 1 Gedung", "8", "100", null],
      ["6.", "Kosong", null, null, null, null],
      ["7.", "Galat", "#DIV/0!", "5", "#DIV/0!", null],
    ]);
    expect(check([wb], RULES)).toEqual([]);
  });

  test("digits beyond the range of a number are text: no rule fails on them", () => {
    // Excel keeps 400 typed digits as text; so does the reader, instead of Infinity.
    const huge = "9".repeat(400);
    const wb = pengukuran([
      ["1.", "Realisasi terlalu panjang", "50", huge, "100", null],
      ["2.", "Target terlalu panjang", `${huge},5`, "50", "100", null],
      ["3.", "Capaian terlalu panjang", "50", "50", `${huge}%`, null],
      ["4.", "Baris biasa salah", "50", "40", "100", null],
    ]);
    const all = [capaianMismatch, categoryMismatch, efficiencyMismatch];
    expect(cells(check([wb], all))).toEqual(["Tabel!E7"]);
  });

  test("zero realisasi gives capaian 0; a printed 100 is an error", () => {
    const wb = pengukuran([
      ["1.", "Realisasi nol benar", "50", "0", "0", null],
      ["2.", "Realisasi nol salah", "50", "0", "100", null],
    ]);
    const found = check([wb], RULES);
    expect(cells(found)).toEqual(["Tabel!E5"]);
    expect(found[0].expected).toBe(0);
  });

  test("negative values do not throw; the sign is kept", () => {
    const wb = pengukuran([
      ["1.", "Pertumbuhan negatif", "10", "-2", "-20", null],
      ["2.", "Pertumbuhan negatif salah", "10", "-2", "20", null],
    ]);
    const found = check([wb], RULES);
    expect(cells(found)).toEqual(["Tabel!E5"]);
    expect(found[0].expected).toBe(-20);
  });

  test("units of target and realisasi must agree, else the row is skipped", () => {
    const wb = pengukuran([["1.", "Satuan beda", "800 Org", "3 Dokumen", "50", null]]);
    expect(check([wb], RULES)).toEqual([]);
  });

  test("'semakin kecil semakin baik' in the row selects the inverse formula (2T − R)/T", () => {
    const wb = pengukuran([
      ["1.", "Angka kemiskinan", "10", "8", "120", "semakin kecil nilainya semakin baik"],
      ["2.", "Angka pengangguran", "10", "8", "80", "semakin kecil nilainya semakin baik"],
    ]);
    const found = check([wb], RULES);
    expect(cells(found)).toEqual(["Tabel!E5"]);
    expect(found[0].expected).toBe(120);
    expect(renderMessage(found[0].message)).toMatch(/semakin kecil semakin baik/);
  });

  test("a polarity setting wins; the T/R inverse method comes from the settings", () => {
    const wb = pengukuran([["1.", "Angka kemiskinan", "10", "8", "125", null]]);
    const settings = settingsWith({
      polarity: { "Angka kemiskinan": "negatif" },
      inverseMethod: "t/r",
    });
    expect(check([wb], RULES, settings)).toEqual([]);
    const positive = settingsWith({ polarity: { "angka kemiskinan": "positif" } });
    expect(cells(check([wb], RULES, positive))).toEqual(["Tabel!E4"]);
  });

  test("unknown polarity: a capaian that only the inverse formula explains is accepted", () => {
    const wb = pengukuran([["1.", "Angka kemiskinan", "10", "8", "120", null]]);
    expect(check([wb], RULES)).toEqual([]);
  });

  test("a capaian cap from the settings applies", () => {
    const wb = pengukuran([["1.", "Koperasi sehat", "10", "30", "120", null]]);
    expect(cells(check([wb], RULES))).toEqual(["Tabel!E4"]);
    expect(check([wb], RULES, settingsWith({ capaianCap: 120 }))).toEqual([]);
  });

  test("percent cells typed as text and a capaian printed as a ratio", () => {
    const wb = pengukuran([
      ["1.", "Persen teks", "77,60%", "82,57 %", "106,40", null],
      ["2.", "Rasio", "45%", "46,17%", "1,026", null],
      ["3.", "Target tanpa persen", "45", "46,17%", "102,60", null],
    ]);
    expect(check([wb], RULES)).toEqual([]);
  });

  test("truncated capaian (99,8 for 99,887) is accepted; a near miss is a warning", () => {
    const wb = pengukuran([
      ["1.", "Terpotong", "88,6", "88,5", "99,8", null],
      ["2.", "Hampir", "35", "54,5", "155,72", null],
    ]);
    const found = check([wb], RULES);
    expect(found.map((f) => [where(f), f.severity])).toEqual([["Tabel!E5", "warning"]]);
  });

  test("an empty grid and a table without rows report nothing", () => {
    expect(check([handmade("", [])], RULES)).toEqual([]);
    expect(check([pengukuran([])], RULES)).toEqual([]);
  });
});
