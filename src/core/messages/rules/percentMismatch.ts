/** Messages of the `percent-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "percentMismatch.serapan":
    "Persentase realisasi anggaran tertulis {actual} tetapi realisasi/pagu = {numerator}/{denominator} × 100 = {expected}",
  "percentMismatch.sisa":
    "Persentase sisa anggaran (SILPA) tertulis {actual} tetapi sisa/pagu = {numerator}/{denominator} × 100 = {expected}",
  "percentMismatch.formula":
    "Kolom {column} tertulis {actual} tetapi menurut rumus {formula}: {numerator}/{denominator} × 100 = {expected}",
  "percentMismatch.formulaWeighted":
    "Kolom {column} tertulis {actual} tetapi menurut rumus {formula} dengan bobot dalam kurung: {numerator}/{denominator} × 100 = {expected}",
  "percentMismatch.renja":
    "Tingkat capaian tertulis {actual} tetapi realisasi/target = {numerator}/{denominator} × 100 = {expected}",
  "percentMismatch.rounding":
    "Selisih pembulatan: persentase tertulis {actual}, sedangkan {numerator}/{denominator} × 100 = {exact} (dibulatkan {expected})",
  "percentMismatch.shiftedRight":
    'Kolom bergeser: angka pada baris ini tercatat satu kolom ke kanan dari judulnya (kolom "{column}" berisi {value}). Setelah digeser, persentase dan selisih pada baris ini cocok; perbaiki letak angkanya.',
  "percentMismatch.shiftedLeft":
    'Kolom bergeser: angka pada baris ini tercatat satu kolom ke kiri dari judulnya (kolom "{column}" berisi {value}). Setelah digeser, persentase dan selisih pada baris ini cocok; perbaiki letak angkanya.',
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "percentMismatch.serapan":
    "Budget realisation percentage printed {actual} but realisation/ceiling = {numerator}/{denominator} × 100 = {expected}",
  "percentMismatch.sisa":
    "Unspent budget (SILPA) percentage printed {actual} but unspent/ceiling = {numerator}/{denominator} × 100 = {expected}",
  "percentMismatch.formula":
    "Column {column} printed {actual} but by formula {formula}: {numerator}/{denominator} × 100 = {expected}",
  "percentMismatch.formulaWeighted":
    "Column {column} printed {actual} but by formula {formula} with the bracketed weights: {numerator}/{denominator} × 100 = {expected}",
  "percentMismatch.renja":
    "Achievement printed {actual} but realisation/target = {numerator}/{denominator} × 100 = {expected}",
  "percentMismatch.rounding":
    "Rounding difference: percentage printed {actual}, while {numerator}/{denominator} × 100 = {exact} (rounded {expected})",
  "percentMismatch.shiftedRight":
    'Columns shifted: the numbers of this row sit one column right of their headers (column "{column}" holds {value}). Shifted back, the percentages and differences of this row agree; move the numbers.',
  "percentMismatch.shiftedLeft":
    'Columns shifted: the numbers of this row sit one column left of their headers (column "{column}" holds {value}). Shifted back, the percentages and differences of this row agree; move the numbers.',
};
