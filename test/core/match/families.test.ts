import { runChecks } from "../../../src/core/check";
import type { CheckWorkbook } from "../../../src/core/check/types";
import { dominantRegion } from "../../../src/core/match";
import { recognise } from "../../../src/core/recognize";
import { targetMismatch } from "../../../src/core/rules/targetMismatch";
import { CellValue, snapshotFromValues } from "../../../src/core/snapshot";

/**
 * Which files of a batch are one plan. A reviewer at the province checks every kota's
 * LKjIP of one sector at once: their indicators are named alike, but one kota's PK is never
 * compared with another kota's Renstra.
 */

const INDICATORS = [
  "Persentase koperasi aktif",
  "Persentase koperasi sehat",
  "Persentase usaha mikro yang naik kelas",
];

function book(file: string, place: string, renstra: number[], pk: number[]): CheckWorkbook {
  const renstraSheet: CellValue[][] = [
    [`Tabel 2.1 Target Renstra Dinas Koperasi ${place}`, null, null],
    [null, null, null],
    ["No", "Indikator Sasaran", "Target 2025"],
    ...INDICATORS.map((name, i) => [String(i + 1), name, renstra[i]] as CellValue[]),
  ];
  const pkSheet: CellValue[][] = [
    [`Perjanjian Kinerja Tahun 2025 Dinas Koperasi ${place}`, null, null],
    [null, null, null],
    ["No", "Indikator Kinerja", "Target"],
    ...INDICATORS.map((name, i) => [String(i + 1), name, pk[i]] as CellValue[]),
  ];
  const sheets = [snapshotFromValues("Renstra", renstraSheet), snapshotFromValues("PK", pkSheet)];
  return { file, sheets, regions: recognise(sheets) };
}

test("the place a workbook speaks for: the name most of its mentions give", () => {
  const sheet = (texts: string[]) =>
    snapshotFromValues(
      "S",
      texts.map((t) => [t]),
    );
  expect(
    dominantRegion([sheet(["Dinas Koperasi Kota Semarang", "Kota Semarang Tahun 2025"])]),
  ).toBe("kota semarang");
  expect(
    dominantRegion([sheet(["Pemerintah Kabupaten Demak", "Kab. Demak", "Provinsi Jawa Tengah"])]),
  ).toBe("kabupaten demak");
  expect(dominantRegion([sheet(["Kota Semarang", "Kab. Demak"])])).toBe("kota semarang");
  expect(dominantRegion([sheet(["Kota Semarang", "Kab. Demak", "Kab. Kendal"])])).toBeNull();
  expect(dominantRegion([sheet(["Tabel 2.1", "tanpa nama tempat"])])).toBeNull();
});

describe("a batch of two files", () => {
  test("one place: the PK in one file is checked against the Renstra in the other", () => {
    const renstra = book("renstra.xlsx", "Kota Semarang", [77.5, 50, 15], [0, 0, 0]);
    const pk = book("pk.xlsx", "Kota Semarang", [0, 0, 0], [70, 50, 15]);
    renstra.regions = renstra.regions.filter((r) => r.sheet === "Renstra");
    pk.regions = pk.regions.filter((r) => r.sheet === "PK");
    const { findings } = runChecks([renstra, pk], undefined, [targetMismatch]);
    expect(findings.map((f) => [f.at.file, f.at.sheet, f.severity])).toEqual([
      ["pk.xlsx", "PK", "error"],
    ]);
  });

  test("two places with alike indicators: never cross-checked", () => {
    const semarang = book("semarang.xlsx", "Kota Semarang", [77.5, 50, 15], [77.5, 50, 15]);
    const demak = book("demak.xlsx", "Kabupaten Demak", [60, 40, 10], [60, 40, 10]);
    const { findings } = runChecks([semarang, demak], undefined, [targetMismatch]);
    expect(findings).toEqual([]);
  });
});
