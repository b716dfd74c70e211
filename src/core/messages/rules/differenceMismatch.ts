/** Messages of the `difference-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "differenceMismatch.mismatch":
    'Selisih tertulis {actual} tetapi "{aName}" − "{bName}" = {a} − {b} = {expected}',
  "differenceMismatch.sign":
    'Arah perubahan hilang: tertulis {actual} tetapi "{aName}" − "{bName}" = {a} − {b} = {expected} (tanda naik/turun salah atau tidak ada)',
  "differenceMismatch.rounding":
    'Selisih pembulatan: tertulis {actual} tetapi "{aName}" − "{bName}" = {a} − {b} = {expected}',
  "differenceMismatch.shiftedRight":
    'Kolom bergeser: angka pada baris ini tercatat satu kolom ke kanan dari judulnya (kolom "{column}" berisi {value}). Setelah digeser, selisihnya cocok; perbaiki letak angkanya.',
  "differenceMismatch.shiftedLeft":
    'Kolom bergeser: angka pada baris ini tercatat satu kolom ke kiri dari judulnya (kolom "{column}" berisi {value}). Setelah digeser, selisihnya cocok; perbaiki letak angkanya.',
  "differenceMismatch.unitsDiffer":
    'Tahun-tahun yang dibandingkan tidak sejenis: "{aName}" = {a} adalah persentase, tetapi "{bName}" = {b} bukan persentase. Naik/turun tidak dapat dihitung; samakan satuan indikator ini di semua tahun.',
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "differenceMismatch.mismatch":
    'Difference printed {actual} but "{aName}" − "{bName}" = {a} − {b} = {expected}',
  "differenceMismatch.sign":
    'Direction of change lost: printed {actual} but "{aName}" − "{bName}" = {a} − {b} = {expected} (the up/down sign is wrong or missing)',
  "differenceMismatch.rounding":
    'Rounding difference: printed {actual} but "{aName}" − "{bName}" = {a} − {b} = {expected}',
  "differenceMismatch.shiftedRight":
    'Columns shifted: the numbers of this row sit one column right of their headers (column "{column}" holds {value}). Shifted back, the difference agrees; move the numbers.',
  "differenceMismatch.shiftedLeft":
    'Columns shifted: the numbers of this row sit one column left of their headers (column "{column}" holds {value}). Shifted back, the difference agrees; move the numbers.',
  "differenceMismatch.unitsDiffer":
    'The years compared are not alike: "{aName}" = {a} is a percentage but "{bName}" = {b} is not. The rise/fall cannot be computed; use one unit for this indicator in every year.',
};
