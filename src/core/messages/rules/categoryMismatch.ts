/** Messages of the `category-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "categoryMismatch.mismatch":
    'Kategori tertulis "{label}" tetapi {measure} {value} termasuk "{band}" menurut skala {scale}',
  "categoryMismatch.mismatchDerived":
    'Kategori tertulis "{label}" tetapi {measure} {value} (dihitung dari target dan realisasi tahun terakhir) termasuk "{band}" menurut skala {scale}',
  "categoryMismatch.unknownLabel":
    'Kategori "{label}" tidak dikenal pada skala yang aktif ({active}); label ini ada pada skala {scales}',
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "categoryMismatch.mismatch":
    'Category printed "{label}" but {measure} {value} falls in "{band}" on the scale {scale}',
  "categoryMismatch.mismatchDerived":
    'Category printed "{label}" but {measure} {value} (computed from the latest year\'s target and realisasi) falls in "{band}" on the scale {scale}',
  "categoryMismatch.unknownLabel":
    'Category "{label}" is not a label of the active scale ({active}); it belongs to the scale {scales}',
};
