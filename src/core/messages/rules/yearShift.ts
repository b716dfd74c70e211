/** Messages of the `year-shift` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "yearShift.series":
    'Target "{indicator}" di {table} tahun {from}–{to} sama dengan target di {other} tahun {otherFrom}–{otherTo}: label tahun bergeser {shift} tahun. Periksa judul kolom tahun.',
  "yearShift.column":
    'Kolom "{header}" di {table} berlabel tahun {year}, tetapi nilainya sama dengan target tahun {otherYear} di {other} untuk {count} indikator: label tahun kemungkinan salah.',
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "yearShift.series":
    'Targets of "{indicator}" in {table} for {from}–{to} equal the targets in {other} for {otherFrom}–{otherTo}: the year labels are shifted by {shift} year(s). Check the year headers.',
  "yearShift.column":
    'Column "{header}" in {table} is labelled {year}, but its values equal the {otherYear} targets in {other} for {count} indicators: the year label is probably wrong.',
};
