/** Messages of the `capaian-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "capaianMismatch.mismatch": "Capaian tertulis {actual} tetapi realisasi/target = {expected}",
  "capaianMismatch.mismatchInverse":
    "Capaian tertulis {actual} tetapi untuk indikator yang semakin kecil semakin baik capaiannya = {expected}",
  "capaianMismatch.rounding":
    "Selisih pembulatan: capaian tertulis {actual}, sedangkan realisasi/target = {expected} (dibulatkan {rounded})",
  "capaianMismatch.averageMismatch":
    "Rata-rata capaian tertulis {actual} tetapi rata-rata {count} capaian di atasnya = {expected}",
  "capaianMismatch.averageRounding":
    "Selisih pembulatan: rata-rata capaian tertulis {actual}, sedangkan rata-rata {count} capaian di atasnya = {expected}",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "capaianMismatch.mismatch": "Capaian printed {actual} but realisasi/target = {expected}",
  "capaianMismatch.mismatchInverse":
    "Capaian printed {actual} but for a lower-is-better indicator the capaian = {expected}",
  "capaianMismatch.rounding":
    "Rounding difference: capaian printed {actual}, while realisasi/target = {expected} (rounded {rounded})",
  "capaianMismatch.averageMismatch":
    "Average capaian printed {actual} but the average of the {count} capaian above = {expected}",
  "capaianMismatch.averageRounding":
    "Rounding difference: average capaian printed {actual}, while the average of the {count} capaian above = {expected}",
};
