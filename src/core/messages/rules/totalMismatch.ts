/** Messages of the `total-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "totalMismatch.children":
    "Jumlah tertulis {actual} tetapi jumlah rincian di bawahnya = {expected} (selisih {difference})",
  "totalMismatch.closedRows":
    "Jumlah tertulis {actual} tetapi jumlah baris yang dijumlahkannya = {expected} (selisih {difference})",
  "totalMismatch.columnSum":
    "Nilai tertulis {actual} tetapi {formula} = {expected} (selisih {difference})",
  "totalMismatch.columnLast":
    "Nilai tertulis {actual} tetapi nilai terakhir ({source}) = {expected}; tabel ini menulis nilai akhir, bukan jumlah",
  "totalMismatch.columnSumNotLast":
    "Nilai tertulis {actual} sama dengan nilai terakhir ({source}), padahal baris lain di tabel ini menjumlahkan: {formula} = {expected}",
  "totalMismatch.quarterSum":
    "Target/nilai tahunan tertulis {actual} tetapi jumlah triwulan {formula} = {expected} (selisih {difference})",
  "totalMismatch.rounding":
    "Selisih pembulatan: jumlah tertulis {actual}, sedangkan jumlah rinciannya = {expected} (selisih {difference})",
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "totalMismatch.children":
    "Total printed {actual} but the lines below it add up to {expected} (difference {difference})",
  "totalMismatch.closedRows":
    "Total printed {actual} but the rows it closes add up to {expected} (difference {difference})",
  "totalMismatch.columnSum":
    "Value printed {actual} but {formula} = {expected} (difference {difference})",
  "totalMismatch.columnLast":
    "Value printed {actual} but the last value ({source}) = {expected}; this table prints the final value, not a sum",
  "totalMismatch.columnSumNotLast":
    "Value printed {actual} equals the last value ({source}), while the other rows of this table add up: {formula} = {expected}",
  "totalMismatch.quarterSum":
    "Annual value printed {actual} but the quarters {formula} add up to {expected} (difference {difference})",
  "totalMismatch.rounding":
    "Rounding difference: total printed {actual}, while its parts add up to {expected} (difference {difference})",
};
