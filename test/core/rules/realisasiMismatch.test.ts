import { realisasiMismatch } from "../../../src/core/rules/realisasiMismatch";
import { check, fixtureWorkbook, where } from "../../helpers/check";

jest.setTimeout(60000);
const rules = [realisasiMismatch];
const brief = (f: ReturnType<typeof check>[number]) =>
  `${where(f)} ${f.severity} ${f.actual}→${f.expected}`;

test("LS25 F9: the Lembar's realisasi 2023 Kop aktif 77,32 contradicts Tabel 3.3's 77,04, which its own capaian 100,71 confirms (and F8: WUB 2022 40,58 vs 28,86)", async () => {
  const findings = check([await fixtureWorkbook("lkjip-semarang-2025")], rules);
  expect(findings.map(brief)).toEqual([
    "Tabel 3.3!D6 error 40.58→28.86",
    "Lembar Pengukuran!H6 error 77.32→77.04",
  ]);
  expect(findings[1].related.map((r) => `${r.sheet}!${r.row + 1}`)).toEqual(["Tabel 3.3!5"]);
});

test("LT21 F12: Ikhtisar realisasi 2021 vs Tabel 11 (88 vs 87,3; 46,3 vs 42; 850 vs 825) and F8 Tabel 7 100 vs 77,64", async () => {
  const findings = check([await fixtureWorkbook("lakip-tangsel-2021")], rules);
  expect(findings.map(brief)).toEqual([
    "Ikhtisar 2016-2021!N3 error 88→87.3",
    "Ikhtisar 2016-2021!N4 error 46.3→42",
    "Ikhtisar 2016-2021!N7 error 850→825",
    "Tabel 7!G10 error 100→77.64",
  ]);
});

test("RS21 F19: Tabel 2.3 realisasi 2019 swapped against Tabel 2.1 (54,50 / 80,14)", async () => {
  const findings = check([await fixtureWorkbook("renja-semarang-2021")], rules);
  expect(findings.map(brief)).toEqual([
    "Tabel 2.3!K11 error 54.5→80.14",
    "Tabel 2.3!K12 error 80.14→54.5",
  ]);
});
