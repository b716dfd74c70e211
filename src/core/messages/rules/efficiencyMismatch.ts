/** Messages of the `efficiency-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "efficiencyMismatch.product":
    "Pagu anggaran × capaian tertulis {actual} tetapi pagu × capaian (realisasi/target) = {expected}",
  "efficiencyMismatch.difference":
    "(Pagu anggaran × capaian) − realisasi anggaran tertulis {actual} tetapi hasil hitungnya = {expected}",
  "efficiencyMismatch.total":
    "Total tertulis {actual} tetapi jumlah {count} baris di atasnya = {expected}",
  "efficiencyMismatch.rounding": "Selisih pembulatan: tertulis {actual}, hasil hitung {expected}",
  "efficiencyMismatch.efisiensi":
    "Efisiensi (E) tertulis {actual} tetapi [Σ(pagu × capaian) − Σ realisasi anggaran] / Σ(pagu × capaian) × 100 = {expected}",
  "efficiencyMismatch.nilaiEfisiensi":
    "Nilai efisiensi tertulis {actual} tetapi 50 + (E/20) × 50 = {expected}",
  "efficiencyMismatch.nilaiAbove100":
    "Nilai efisiensi {actual} melebihi 100: E tidak dibatasi pada −20 s/d 20",
  "efficiencyMismatch.category":
    'Kategori efisiensi tertulis "{label}" tetapi nilai efisiensi {value} termasuk "{band}" menurut skala {scale}',
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "efficiencyMismatch.product":
    "Pagu × capaian printed {actual} but pagu × capaian (realisasi/target) = {expected}",
  "efficiencyMismatch.difference":
    "(Pagu × capaian) − realisasi anggaran printed {actual} but the recomputed value = {expected}",
  "efficiencyMismatch.total":
    "Total printed {actual} but the sum of the {count} rows above = {expected}",
  "efficiencyMismatch.rounding": "Rounding difference: printed {actual}, recomputed {expected}",
  "efficiencyMismatch.efisiensi":
    "Efficiency (E) printed {actual} but [Σ(pagu × capaian) − Σ realisasi anggaran] / Σ(pagu × capaian) × 100 = {expected}",
  "efficiencyMismatch.nilaiEfisiensi":
    "Nilai efisiensi printed {actual} but 50 + (E/20) × 50 = {expected}",
  "efficiencyMismatch.nilaiAbove100":
    "Nilai efisiensi {actual} is above 100: E is not limited to −20 … 20",
  "efficiencyMismatch.category":
    'Efficiency category printed "{label}" but nilai efisiensi {value} falls in "{band}" on the scale {scale}',
};
