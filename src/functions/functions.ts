import {
  evalAngka,
  evalCapaian,
  evalCapaianRenstra,
  evalEfisiensi,
  evalKategori,
  evalKategoriEfisiensi,
  evalKumulatif,
  evalNilaiEfisiensi,
  evalPredikatAkip,
  evalSerapan,
} from "../core/formulas";
import { toExcel } from "./excelResult";
import { installCustomFunctionsShim } from "./runtimeShim";

// Where Office.js is absent (the web preview offline) the appended CustomFunctions.associate
// calls would throw; inside Excel the real runtime is already there and left alone.
installCustomFunctionsShim();

/*
 * The SAKIP worksheet functions (=SAKIP.CAPAIAN(...) in a cell). Each is a thin wrapper over
 * core/formulas; the JSDoc is what Excel shows while the planner types, so it is Indonesian.
 * Rules of the metadata generator: top-level function declarations only, no type aliases in
 * signatures (unknown maps to "any", unknown[][] to a range), omitted optional arguments
 * arrive as null.
 */

/**
 * Menghitung capaian kinerja (%) dari realisasi dan target, sesuai polaritas indikator. Contoh: =SAKIP.CAPAIAN(82,57; 77,6) menghasilkan 106,40.
 * @customfunction CAPAIAN
 * @helpurl https://github.com/sakip-addin/sakip-excel-addin#sakipcapaian
 * @param realisasi Realisasi kinerja: angka atau teks seperti "82,57%".
 * @param target Target kinerja, dalam satuan yang sama dengan realisasi.
 * @param [polaritas] "positif" (semakin tinggi semakin baik, bawaan) atau "negatif" (semakin kecil semakin baik).
 * @param [metode] Rumus untuk polaritas negatif: "2t-r" (bawaan, (2×target−realisasi)/target) atau "t/r".
 * @param [batas_atas] Batas atas capaian, mis. 120. Kosongkan bila tanpa batas.
 * @param [batas_bawah] Batas bawah capaian, mis. 0. Kosongkan bila tanpa batas.
 * @returns Capaian dalam persen (106,40 berarti 106,40%).
 */
export function CAPAIAN(
  realisasi: unknown,
  target: unknown,
  polaritas?: unknown,
  metode?: unknown,
  batas_atas?: unknown,
  batas_bawah?: unknown,
): number | CustomFunctions.Error {
  return toExcel(() => evalCapaian(realisasi, target, polaritas, metode, batas_atas, batas_bawah));
}

/**
 * Menghitung efisiensi penggunaan sumber daya E (%) menurut PMK 214/PMK.02/2017: [Σ(pagu×capaian) − Σrealisasi anggaran] / Σ(pagu×capaian) × 100.
 * @customfunction EFISIENSI
 * @helpurl https://github.com/sakip-addin/sakip-excel-addin#sakipefisiensi
 * @param pagu Pagu anggaran per sasaran atau keluaran (rentang).
 * @param realisasi_anggaran Realisasi anggaran, sebaris dengan pagu (rentang berukuran sama).
 * @param capaian Capaian kinerja dalam persen (106,40), sebaris dengan pagu; sebaiknya nilai yang belum dibulatkan.
 * @param [batas_ck] TRUE untuk membatasi capaian paling tinggi 100% sebelum dikalikan. Bawaan FALSE.
 * @returns Efisiensi E dalam persen (9,89 berarti 9,89%).
 */
export function EFISIENSI(
  pagu: unknown[][],
  realisasi_anggaran: unknown[][],
  capaian: unknown[][],
  batas_ck?: unknown,
): number | CustomFunctions.Error {
  return toExcel(() => evalEfisiensi(pagu, realisasi_anggaran, capaian, batas_ck));
}

/**
 * Menghitung Nilai Efisiensi NE = 50 + (E/20)×50 dari pagu, realisasi anggaran dan capaian. Contoh Tabel 3.8 LKjIP: 74,73.
 * @customfunction NILAIEFISIENSI
 * @helpurl https://github.com/sakip-addin/sakip-excel-addin#sakipnilaiefisiensi
 * @param pagu Pagu anggaran per sasaran atau keluaran (rentang).
 * @param realisasi_anggaran Realisasi anggaran, sebaris dengan pagu (rentang berukuran sama).
 * @param capaian Capaian kinerja dalam persen, sebaris dengan pagu.
 * @param [batasi_e] TRUE (bawaan) membatasi E ke −20 s.d. 20 sehingga NE berada pada 0–100; FALSE tanpa batas.
 * @param [batas_ck] TRUE untuk membatasi capaian paling tinggi 100%. Bawaan FALSE.
 * @returns Nilai Efisiensi dalam persen.
 */
export function NILAIEFISIENSI(
  pagu: unknown[][],
  realisasi_anggaran: unknown[][],
  capaian: unknown[][],
  batasi_e?: unknown,
  batas_ck?: unknown,
): number | CustomFunctions.Error {
  return toExcel(() => evalNilaiEfisiensi(pagu, realisasi_anggaran, capaian, batasi_e, batas_ck));
}

/**
 * Memberi kategori capaian kinerja (Sangat Tinggi, Tinggi, Sedang, Rendah, Sangat Rendah) menurut skala.
 * @customfunction KATEGORI
 * @helpurl https://github.com/sakip-addin/sakip-excel-addin#sakipkategori
 * @param capaian Capaian kinerja dalam persen, mis. 106,40.
 * @param [skala] Nama skala ("capaian-permendagri86" bawaan, "capaian-lkjip-semarang-2025") atau rentang dua kolom: batas bawah dan label.
 * @returns Label kategori.
 */
export function KATEGORI(capaian: unknown, skala?: unknown[][]): string | CustomFunctions.Error {
  return toExcel(() => evalKategori(capaian, skala));
}

/**
 * Memberi kategori Nilai Efisiensi: Sangat Efisien (>90), Efisien (>80), Cukup Efisien (>60), Kurang Efisien (>50), Tidak Efisien.
 * @customfunction KATEGORIEFISIENSI
 * @helpurl https://github.com/sakip-addin/sakip-excel-addin#sakipkategoriefisiensi
 * @param nilai_efisiensi Nilai Efisiensi dalam persen, mis. 74,73.
 * @returns Label kategori efisiensi.
 */
export function KATEGORIEFISIENSI(nilai_efisiensi: unknown): string | CustomFunctions.Error {
  return toExcel(() => evalKategoriEfisiensi(nilai_efisiensi));
}

/**
 * Memberi predikat Nilai AKIP (AA, A, BB, B, CC, C, D) menurut PermenPAN-RB 88/2021.
 * @customfunction PREDIKATAKIP
 * @helpurl https://github.com/sakip-addin/sakip-excel-addin#sakippredikatakip
 * @param nilai Nilai AKIP 0–100.
 * @param [inklusif] FALSE (bawaan): batas bawah tidak termasuk (90 → A); TRUE: termasuk (90 → AA).
 * @returns Predikat AKIP.
 */
export function PREDIKATAKIP(nilai: unknown, inklusif?: unknown): string | CustomFunctions.Error {
  return toExcel(() => evalPredikatAkip(nilai, inklusif));
}

/**
 * Menghitung serapan anggaran (%) = realisasi / pagu × 100. Rentang dijumlahkan lebih dulu.
 * @customfunction SERAPAN
 * @helpurl https://github.com/sakip-addin/sakip-excel-addin#sakipserapan
 * @param realisasi Realisasi anggaran (sel atau rentang).
 * @param pagu Pagu anggaran (sel atau rentang).
 * @returns Serapan anggaran dalam persen.
 */
export function SERAPAN(realisasi: unknown[][], pagu: unknown[][]): number | CustomFunctions.Error {
  return toExcel(() => evalSerapan(realisasi, pagu));
}

/**
 * Menghitung capaian terhadap target akhir Renstra (%) = realisasi s.d. tahun ini / target akhir × 100.
 * @customfunction CAPAIANRENSTRA
 * @helpurl https://github.com/sakip-addin/sakip-excel-addin#sakipcapaianrenstra
 * @param realisasi_sd Realisasi sampai dengan tahun ini (untuk indikator persen: realisasi tahun ini; untuk jumlah: hasil SAKIP.KUMULATIF).
 * @param target_akhir Target akhir periode Renstra.
 * @param [polaritas] "positif" (bawaan) atau "negatif".
 * @returns Capaian terhadap target akhir Renstra dalam persen.
 */
export function CAPAIANRENSTRA(
  realisasi_sd: unknown,
  target_akhir: unknown,
  polaritas?: unknown,
): number | CustomFunctions.Error {
  return toExcel(() => evalCapaianRenstra(realisasi_sd, target_akhir, polaritas));
}

/**
 * Menggabungkan nilai beberapa periode menurut sifat indikator: dijumlah (kumulatif), nilai terakhir (akhir), rata-rata atau maksimum.
 * @customfunction KUMULATIF
 * @helpurl https://github.com/sakip-addin/sakip-excel-addin#sakipkumulatif
 * @param nilai Nilai per periode (rentang); sel kosong dan "-" dilewati.
 * @param [sifat] "kumulatif" (bawaan), "akhir" (untuk persen/indeks), "rata-rata" atau "maks".
 * @returns Nilai gabungan.
 */
export function KUMULATIF(nilai: unknown[][], sifat?: unknown): number | CustomFunctions.Error {
  return toExcel(() => evalKumulatif(nilai, sifat));
}

/**
 * Mengubah teks angka berformat Indonesia menjadi angka: "2.222.600.041,00" → 2222600041; "77,60%" → 0,776.
 * @customfunction ANGKA
 * @helpurl https://github.com/sakip-addin/sakip-excel-addin#sakipangka
 * @param teks Teks angka, mis. "Rp. 1.000,-", "(1.234)" atau "77,60%".
 * @returns Angka.
 */
export function ANGKA(teks: unknown): number | CustomFunctions.Error {
  return toExcel(() => evalAngka(teks));
}
