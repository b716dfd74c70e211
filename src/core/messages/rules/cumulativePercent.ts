/** Messages of the `cumulative-percent` rule: Indonesian (ID) and English (EN), same keys. */
export const ID = {
  "cumulativePercent.summed":
    'Realisasi s/d di {cell} tertulis {actual}{unit}, yaitu jumlah {count} nilai periode ({periods}). Untuk indikator persentase/indeks (sifat "akhir") realisasi s/d adalah nilai periode terakhir ({last}{unit}), bukan jumlahnya: menjumlah persentase antarperiode menghasilkan angka keliru, misalnya 100% + 100% = 200%. Jika nilai tiap periode memang tambahan (kenaikan dari periode sebelumnya), atur sifat indikator ini menjadi "kumulatif".',
} as const;

export const EN: Record<keyof typeof ID, string> = {
  "cumulativePercent.summed":
    'The cumulative (s/d) realisasi in {cell} is {actual}{unit}, the sum of {count} period values ({periods}). For a percentage or index indicator (sifat "akhir") the cumulative value is the last period\'s value ({last}{unit}), not the sum: adding percentages across periods gives wrong figures such as 100% + 100% = 200%. If each period\'s value is an increment over the previous one, set this indicator\'s sifat to "kumulatif".',
};
