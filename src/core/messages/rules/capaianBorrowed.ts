/** Messages of the borrowed-target part of `capaian-mismatch`: Indonesian (ID) and English (EN). */
export const ID = {
  "capaianBorrowed.mismatch":
    'Capaian "{indicator}" tahun {year} tertulis {actual}, tetapi tabel ini tidak memuat target tahun itu. Dengan target {source} {target} dari {table}, realisasi/target = {expected}.',
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "capaianBorrowed.mismatch":
    'The capaian of "{indicator}" for {year} is printed {actual}, but this table has no target for that year. With the {source} target {target} from {table}, realisation/target = {expected}.',
};
