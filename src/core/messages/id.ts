import { RULES_ID } from "./rules";

/** Indonesian texts: the default language of the product. Keys are shared with en.ts. */
export const ID = {
  ...RULES_ID,
  "cli.checkUsage":
    "Penggunaan: sakip check FILE.xlsx [FILE2.xlsx ...] [--json] [--config KONFIGURASI.json] [--no-progress]. Sebutkan paling sedikit satu berkas .xlsx; beberapa berkas diperiksa bersama.",
  "check.severity.error": "GALAT",
  "check.severity.warning": "PERINGATAN",
  "check.severity.info": "INFO",
  "check.fileHeading":
    "{file}: {tables} tabel dikenali, {count} temuan ({errors} galat, {warnings} peringatan, {infos} info)",
  "check.fileClean": "{file}: {tables} tabel dikenali, tidak ada temuan.",
  "check.sheetHeading": '  Lembar "{sheet}"',
  "check.related": "lihat {cells}",
  "check.total":
    "Jumlah: {count} temuan pada {files} berkas: {errors} galat, {warnings} peringatan, {infos} info.",
  "check.totalClean": "Jumlah: tidak ada temuan pada {files} berkas.",
  "check.workbookConfigIgnored":
    "Peringatan: pengaturan yang tersimpan di {file} diabaikan: {detail}",
  "check.ruleFailed":
    "Aturan {rule} gagal dijalankan pada berkas ini ({detail}); temuan aturan lain tetap dilaporkan.",
  "settings.badValue":
    "Pengaturan {key} = {value} tidak dapat dipakai; nilai bawaan tetap berlaku. Pilihan: {choices}.",
  "settings.notObject": "Pengaturan harus berupa objek JSON, bukan {value}.",
  "settings.unknownKey":
    'Pengaturan "{key}" tidak dikenal dan diabaikan. Pengaturan yang ada: {choices}.',
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
  "cli.summaryUsage":
    "Penggunaan: sakip summary FILE.xlsx [-o KELUARAN.xlsx] [--config KONFIGURASI.json]. Sebutkan tepat satu berkas .xlsx; ringkasan ditulis ke salinannya (bawaan FILE.ringkasan.xlsx).",
  "summary.sameFile":
    "Berkas keluaran sama dengan berkas masukan: sakip summary tidak pernah mengubah {file}. Pilih nama lain dengan -o.",
  "summary.noTables":
    "{file}: tidak ada tabel SAKIP yang dikenali, jadi tidak ada ringkasan yang ditulis.",
  "summary.writeFailed": "Tidak dapat menulis {file}: {detail}",
  "summary.written": "Ringkasan ditulis ke {file} ({count} sheet): {sheets}.",
  "summary.findings":
    "Hasil pemeriksaan: {errors} kesalahan, {warnings} peringatan, {infos} info (rinciannya di sheet Temuan).",
  "workbook.notXlsx":
    "Berkas ini bukan buku kerja Excel .xlsx (misalnya CSV atau teks): buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx).",
  "workbook.corrupt":
    "Berkas .xlsx ini rusak atau tidak lengkap sehingga tidak dapat dibaca: coba buka di Excel lalu simpan ulang.",
  "workbook.encrypted":
    "Berkas ini dilindungi kata sandi (terenkripsi): buka di Excel, hapus kata sandinya (File › Info › Proteksi Buku Kerja › Enkripsi dengan Kata Sandi), lalu simpan ulang.",
  "workbook.xls":
    "Berkas ini berformat lama Excel 97-2003 (.xls): buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx).",
  "workbook.tooLarge":
    'Lembar "{sheet}" memakai rentang {range} ({cells} sel), terlalu besar untuk dibaca: hapus isi sel yang jauh dari tabel (Ctrl+End menemukannya) lalu simpan ulang.',
  "workbook.empty": "Berkas ini kosong (0 byte): tidak ada buku kerja untuk dibaca.",
  "config.invalidJson": "Konfigurasi bukan JSON yang sah: {detail}.",
  "config.notObject":
    'Konfigurasi harus berupa objek JSON, misalnya { "overrides": [ ... ] }, bukan {type}.',
  "config.overridesNotArray":
    '"overrides" harus berupa daftar (array) koreksi tabel, bukan {type}.',
  "config.overrideNotObject":
    '{path} harus berupa objek dengan "sheet" dan "header", bukan {type}.',
  "config.unknownKey": '{path}: kunci "{key}" tidak dikenal. Kunci yang dikenal: {choices}.',
  "config.sheetMissing": "{path}.sheet harus berisi nama lembar kerja (teks).",
  "config.headerInvalid":
    '{path}.header {value} bukan rentang A1 yang sah (contoh: "A3:I4", tanpa nama lembar).',
  "config.kindUnknown": "{path}.kind {value} tidak dikenal. Jenis tabel yang tersedia: {choices}.",
  "config.columnsNotObject":
    '{path}.columns harus berupa objek huruf kolom → peran, misalnya { "C": { "role": "pagu" } }, bukan {type}.',
  "config.columnLetterInvalid": '{path}.columns: "{value}" bukan huruf kolom (contoh: C, AB).',
  "config.columnNotObject":
    '{path}.columns.{col} harus berupa objek dengan "role" (atau langsung nama peran), bukan {type}.',
  "config.roleMissing": '{path}.columns.{col} harus menyebut "role" (nama peran atau null).',
  "config.roleUnknown":
    "{path}.columns.{col}.role {value} tidak dikenal. Peran kolom yang tersedia: {choices} (atau null untuk menghapus peran).",
  "config.yearInvalid":
    "{path}.columns.{col}.year harus tahun berupa bilangan bulat (contoh: 2025), bukan {value}.",
  "config.variantUnknown":
    "{path}.columns.{col}.variant {value} tidak dikenal. Pilihan: murni, perubahan.",
  "override.kind": "koreksi pengguna: jenis tabel {kind}",
  "override.column": "koreksi pengguna: peran kolom {role}",
  "override.columnCleared": "koreksi pengguna: kolom tanpa peran",
  "cli.regionsUsage":
    "Penggunaan: sakip regions FILE.xlsx [FILE2.xlsx ...] [--json] [--config KONFIGURASI.json] [--no-progress]. Sebutkan paling sedikit satu berkas .xlsx.",
  "cli.unknownOption":
    'Pilihan "{option}" tidak dikenal untuk perintah {command}. Pilihan: {choices}.',
  "cli.optionNeedsValue": 'Pilihan "{option}" memerlukan nilai (contoh: {example}).',
  "cli.fileMissing": "Berkas tidak ditemukan: {file}",
  "cli.fileIsDirectory": "{file} adalah folder, bukan berkas .xlsx.",
  "cli.fileUnreadable": "Berkas {file} tidak dapat dibaca: {detail}",
  "cli.fileError": "{file}: {detail}",
  "cli.configError": "Konfigurasi {file}: {detail}",
  "cli.overrideUnmatched":
    'Peringatan: koreksi untuk lembar "{sheet}" dengan header {header} tidak cocok dengan tabel mana pun.',
  "regions.fileHeading": "{file}: {count} tabel dikenali",
  "regions.none": "{file}: tidak ditemukan tabel yang dikenali.",
  "regions.region": "{sheet}  {range}  {kind}{year} (keyakinan {confidence}%){overridden}",
  "regions.year": " tahun {year}",
  "regions.overridden": ", dikoreksi pengguna",
  "regions.column": "  {col}  {role}",
  "progress.count": "{done}/{total} berkas",
  "progress.reading": "membaca {file}",
  "progress.read": "terbaca: {file}",
  "progress.checking": "memeriksa …",
  "progress.elapsed": "Selesai dalam {seconds} detik.",
  "cli.help":
    "sakip: memeriksa tabel SAKIP dan menghitung fungsi lembar kerja.\n\nPerintah:\n  sakip fn NAMA ARGUMEN...   hitung satu fungsi SAKIP seperti di Excel\n  sakip check FILE.xlsx... [--json] [--config KONFIGURASI.json]\n                             periksa konsistensi tabel (beberapa berkas bersama)\n  sakip regions FILE.xlsx... [--json] [--config KONFIGURASI.json]\n                             tampilkan tabel yang dikenali dan peran kolomnya\n  sakip summary FILE.xlsx [-o KELUARAN.xlsx] [--config KONFIGURASI.json]\n                             tulis sheet ringkasan ke salinan berkas\n\n--no-progress: tanpa baris kemajuan di stderr (baris itu hanya muncul di terminal,\n  tidak dengan --json dan tidak bila variabel lingkungan CI diisi).\n\nRentang ditulis sebagai JSON: '[1,2,3]' atau '[[1],[2]]'; argumen yang dilewati: null.",
} as const;
