import type { Region, RegionColumn } from "../../src/core/recognize/types";
import { columnIndex, parseRangeA1 } from "../../src/core/snapshot";

function range(a1: string) {
  const r = parseRangeA1(a1);
  if (!r) throw new Error(`bad range ${a1}`);
  return r;
}

/** A column by letter, with the recogniser's bookkeeping filled in. */
export function column(
  letter: string,
  role: RegionColumn["role"],
  extra: Partial<RegionColumn> = {},
): RegionColumn {
  return {
    col: columnIndex(letter),
    header: "",
    role,
    confidence: 0.8,
    evidence: [{ reason: "judul kolom", weight: 0.8 }],
    ...extra,
  };
}

/** LKjIP Semarang 2025 Tabel 3.8 as the recogniser would describe it. */
export function efisiensiRegion(extra: Partial<Region> = {}): Region {
  return {
    sheet: "Tabel 3.8",
    range: range("A3:I8"),
    header: range("A3:I4"),
    numberRow: 3,
    dataTop: 4,
    kind: "efisiensi",
    year: 2025,
    caption: "Tabel 3.8 Tingkat Efisiensi Penggunaan Anggaran",
    columns: [
      column("A", "sasaran", { header: "Sasaran" }),
      column("B", "indikator", { header: "Indikator Kinerja" }),
      column("C", "pagu", { header: "Pagu Anggaran (Rp)" }),
      column("D", "realisasi-anggaran", { header: "Realisasi Anggaran (Rp)" }),
      column("E", "target", { header: "Target", year: 2025 }),
      column("F", "realisasi", { header: "Realisasi", year: 2025 }),
      column("G", "capaian", { header: "Capaian (%)" }),
      column("H", null, { header: "Anggaran x Capaian" }),
      column("I", null, { header: "(Pagu Anggaran x Capaian)- Realisasi Anggaran" }),
    ],
    rows: [],
    confidence: 0.923,
    evidence: [{ reason: 'judul kolom "Pagu Anggaran"', weight: 0.5 }],
    ...extra,
  };
}
