/** Indonesian texts: the default language of the product. Keys are shared with en.ts. */
export const ID = {
  "arg.missing":
    '{arg} kosong atau berisi tanda tidak ada nilai ("-", NA): tidak ada angka untuk dihitung.',
  "arg.compound": '{arg} berisi lebih dari satu angka ("{text}"): tuliskan satu angka saja.',
  "arg.text": '{arg} bukan angka: "{text}".',
  "arg.boolean": "{arg} berisi TRUE/FALSE, bukan angka.",
  "arg.error": "{arg} berisi nilai galat Excel; perbaiki sel sumbernya dulu.",
  "arg.range": "{arg} harus satu sel atau satu angka, bukan rentang.",
  "arg.option": '{arg} tidak dikenal: "{value}". Pilihan: {choices}.',
  "arg.flag": '{arg} harus TRUE atau FALSE, bukan "{value}".',
  "arg.notPositive": "{arg} harus angka lebih dari 0, bukan {value}.",
  "units.differ":
    "Satuan realisasi ({a}) berbeda dengan satuan target ({b}): keduanya harus bersatuan sama.",
  "capaian.targetZero": "Target 0: capaian tidak dapat dihitung (pembagian dengan nol).",
  "capaian.targetNegative":
    "Target negatif ({value}): rumus realisasi/target tidak bermakna. Nyatakan target sebagai angka positif dan pilih polaritas yang sesuai.",
  "capaian.realisasiZeroInverse":
    'Realisasi 0 dengan metode t/r: pembagian dengan nol. Gunakan metode "2t-r" untuk indikator semakin kecil semakin baik.',
  "ranges.unequal": "Rentang {a} ({na} sel) dan {b} ({nb} sel) harus sama ukurannya.",
  "ranges.rowIncomplete":
    "Baris ke-{row}: {arg} kosong sedangkan kolom lain di baris itu terisi. Lengkapi baris atau kosongkan seluruhnya.",
  "ranges.empty": "{arg} tidak berisi angka.",
  "efisiensi.sumZero": "Jumlah pagu × capaian = 0: efisiensi tidak dapat dihitung.",
  "efisiensi.paguNegative":
    "Pagu negatif ({value}) pada baris ke-{row}: pagu anggaran tidak boleh negatif.",
  "serapan.paguZero": "Pagu 0: serapan anggaran tidak dapat dihitung (pembagian dengan nol).",
  "serapan.paguNegative": "Pagu negatif ({value}): pagu anggaran tidak boleh negatif.",
  "scale.unknown": 'Skala "{name}" tidak dikenal. Skala yang tersedia: {choices}.',
  "scale.outOfRange": "Nilai {value} di luar rentang skala {scale} ({min} sampai {max}).",
  "scale.noBand": "Nilai {value} tidak masuk pita mana pun pada skala {scale}.",
  "scale.badTable":
    "Tabel skala harus dua kolom: batas bawah (angka) dan label, satu baris per kategori. Baris ke-{row} tidak sesuai.",
  "kumulatif.sifatUnknown":
    'Sifat "{value}" tidak dikenal. Pilihan: kumulatif, akhir, rata-rata, maks.',
  "internal.error": "Terjadi kesalahan tak terduga saat menghitung: {detail}.",
  "cli.usage":
    "Penggunaan: sakip fn NAMA ARGUMEN...  (contoh: sakip fn CAPAIAN 82.57 77.6). Fungsi: {names}.",
  "cli.unknownFunction": 'Fungsi "{name}" tidak dikenal. Fungsi yang tersedia: {names}.',
  "cli.tooManyArgs": "Fungsi {name} menerima paling banyak {max} argumen, bukan {count}.",
  "cli.tooFewArgs": "Fungsi {name} memerlukan paling sedikit {min} argumen, bukan {count}.",
  "cli.unknownCommand": 'Perintah "{command}" tidak dikenal. Perintah: {commands}.',
  "cli.notYet": 'Perintah "{command}" belum tersedia di versi ini.',
  "cli.help":
    "sakip: memeriksa tabel SAKIP dan menghitung fungsi lembar kerja.\n\nPerintah:\n  sakip fn NAMA ARGUMEN...   hitung satu fungsi SAKIP seperti di Excel\n  sakip check FILE.xlsx...   periksa konsistensi tabel (segera)\n  sakip regions FILE.xlsx    tampilkan tabel yang dikenali (segera)\n  sakip summary FILE.xlsx    tulis lembar ringkasan ke salinan berkas (segera)\n\nRentang ditulis sebagai JSON: '[1,2,3]' atau '[[1],[2]]'; argumen yang dilewati: null.",
} as const;
