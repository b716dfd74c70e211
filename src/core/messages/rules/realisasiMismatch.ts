/** Messages of the `realisasi-mismatch` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "realisasiMismatch.differs":
    'Realisasi "{indicator}" tahun {year} di {table} = {actual}, tetapi di {other} = {expected}. Indikator dan tahun yang sama harus memiliki satu nilai realisasi.',
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "realisasiMismatch.differs":
    'The realisation of "{indicator}" for {year} in {table} is {actual}, but {expected} in {other}. One indicator and year must have one realisation value.',
};
