import type { Rule } from "../../../src/core/check";
import { borrowedCapaianFindings } from "../../../src/core/rules/capaianBorrowed";
import { renderMessage } from "../../../src/core/messages";
import { check, findingsAt, fixtureWorkbook } from "../../helpers/check";
import { handmade } from "./handmade";

jest.setTimeout(60000);
const rules: Rule[] = [{ id: "capaian-mismatch", run: borrowedCapaianFindings }];

describe("LS25 Tabel 3.3 (tren without targets) against borrowed targets", () => {
  let findings: ReturnType<typeof check>;
  beforeAll(async () => {
    findings = check([await fixtureWorkbook("lkjip-semarang-2025")], rules);
  });

  test("LS25 F8: 2022 WUB 40,58/30 (Renstra Tabel 2.1) = 135,27 vs printed 96,20 — warning", () => {
    const [f] = findingsAt(findings, "Tabel 3.3!H6", "capaian-mismatch");
    expect(f.severity).toBe("warning");
    expect(f.expected).toBe(135.27);
    expect(f.actual).toBe(96.2);
    expect(renderMessage(f.message)).toContain("Renstra 30,00 dari Tabel 2.1");
  });

  test('LS25 F21: 2024 "Persentase koperasi Aktif" 77,58/77,00 = 100,75 vs printed 100,10 — warning', () => {
    const [f] = findingsAt(findings, "Tabel 3.3!J5", "capaian-mismatch");
    expect(f.severity).toBe("warning");
    expect([f.expected, f.actual]).toEqual([100.75, 100.1]);
  });

  test("LS25 F21: 2024 WUB (111,03 vs 100,93) and Nilai AKIP (103,22 vs 100) — warnings", () => {
    expect(findingsAt(findings, "Tabel 3.3!J6")[0].expected).toBe(111.03);
    expect(findingsAt(findings, "Tabel 3.3!J7")[0].expected).toBe(103.22);
  });

  test("the year-shifted Tabel 2.3 is never borrowed; correct 2022/2023/2025 cells pass; never an error", () => {
    expect(findings.map((f) => f.severity)).toEqual(["warning", "warning", "warning", "warning"]);
    expect(findings.every((f) => !renderMessage(f.message).includes("Tabel 2.3"))).toBe(true);
  });
});

test("RS21 and LT21: no borrowed-capaian findings", async () => {
  for (const name of ["renja-semarang-2021", "lakip-tangsel-2021"] as const) {
    expect(check([await fixtureWorkbook(name)], rules)).toEqual([]);
  }
});

test("zero target, zero or negative realisasi, text: never throws", () => {
  const target = (t: string) =>
    handmade(
      "Tabel 2.1 Renstra",
      [
        ["No", "Indikator Sasaran", "Target 2024"],
        ["1", "Nilai AKIP", t],
      ],
      "R",
    );
  const tren = (r: string, c: string) =>
    handmade(
      "Tabel 3.3 Kinerja beberapa tahun",
      [
        ["No", "Indikator Kinerja", "Realisasi Tahun 2024", "Capaian Tahun 2024"],
        ["1", "Nilai AKIP", r, c],
      ],
      "T",
    );
  for (const [t, r, c] of [
    ["0", "0", "0"],
    ["50", "-5", "-10"],
    ["teks", "1", "2"],
    ["50", "", "#DIV/0!"],
  ]) {
    const a = target(t);
    const b = tren(r, c);
    const wb = { ...a, sheets: [...a.sheets, ...b.sheets], regions: [...a.regions, ...b.regions] };
    expect(() => check([wb], rules)).not.toThrow();
  }
});
