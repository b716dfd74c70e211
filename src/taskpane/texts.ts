// Every text of the task pane: Indonesian (default) and English. The engine's own texts
// (findings, settings problems) come from core/messages; these are the pane's words around them.

import type { ColumnRole, RegionKind } from "../core/recognize/types";
import type { Severity } from "../core/check/types";
import type { CheckStep } from "./session";

export type Language = "id" | "en";

/** What the planner chose in Pengaturan: follow Office's display language, or one language. */
export type LanguageChoice = "auto" | Language;

export interface LocalText {
  id: string;
  en: string;
}

export const TEXTS = {
  productName: { id: "SAKIP untuk Excel", en: "SAKIP for Excel" },
  intro: {
    id: "Memeriksa dan merangkum tabel Renstra, Renja, PK, IKU dan LKjIP di buku kerja ini.",
    en: "Checks and summarises the Renstra, Renja, PK, IKU and LKjIP tables of this workbook.",
  },
  tabsLabel: { id: "Bagian add-in", en: "Add-in sections" },
  tabTables: { id: "Tabel", en: "Tables" },
  tabCheck: { id: "Periksa", en: "Check" },
  tabSummary: { id: "Ringkasan", en: "Summary" },
  tabSettings: { id: "Pengaturan", en: "Settings" },
  findingsCount: { id: "{count} temuan", en: "{count} findings" },

  // Shared states.
  retry: { id: "Coba lagi", en: "Try again" },
  dismiss: { id: "Tutup", en: "Dismiss" },
  errorWorkbook: {
    id: "Buku kerja tidak dapat dibaca",
    en: "The workbook could not be read",
  },
  revealFailed: {
    id: "Sel tidak dapat ditampilkan",
    en: "The cell could not be shown",
  },
  emptyWorkbook: { id: "Buku kerja ini kosong", en: "This workbook is empty" },
  emptyWorkbookHint: {
    id: "Tidak ada lembar kerja yang berisi sel. Tempel atau ketik tabel Renstra, Renja, PK, IKU atau LKjIP lalu muat ulang.",
    en: "No worksheet holds any cell. Paste or type a Renstra, Renja, PK, IKU or LKjIP table, then reload.",
  },
  noTables: {
    id: "Tidak ada tabel SAKIP yang dikenali",
    en: "No SAKIP table was recognised",
  },
  noTablesHint: {
    id: "Tabel dikenali dari baris judul kolomnya (mis. Indikator, Target, Realisasi, Capaian, Pagu). Pastikan judul kolom ada tepat di atas data, tanpa baris kosong di antaranya.",
    en: "Tables are recognised by their column header row (e.g. Indikator, Target, Realisasi, Capaian, Pagu). Make sure the headers sit right above the data, with no blank row in between.",
  },
  configProblem: {
    id: "Pengaturan yang tersimpan di buku kerja tidak dapat dibaca dan diabaikan",
    en: "The settings saved in the workbook could not be read and are ignored",
  },
  configProblemHint: {
    id: "Pengaturan itu tetap disimpan sampai Anda mengubah sesuatu di add-in ini.",
    en: "They stay in the workbook until you change something in this add-in.",
  },

  // Tabel.
  reload: { id: "Muat ulang", en: "Reload" },
  loadingTables: { id: "Membaca tabel…", en: "Reading the tables…" },
  tablesHeading: {
    id: "{count} tabel di {sheets} lembar",
    en: "{count} tables on {sheets} sheets",
  },
  tablesHint: {
    id: "Klik tabel untuk memilihnya di Excel.",
    en: "Click a table to select it in Excel.",
  },
  sheetsWithoutTables: { id: "Lembar tanpa tabel: {names}", en: "Sheets without tables: {names}" },
  confidence: { id: "Keyakinan {percent}%", en: "Confidence {percent}%" },
  corrected: { id: "dikoreksi", en: "corrected" },
  showRegion: { id: "Pilih {range} di lembar {sheet}", en: "Select {range} on sheet {sheet}" },
  correct: { id: "Koreksi", en: "Correct" },
  correctTitle: { id: "Koreksi tabel {range}", en: "Correct table {range}" },
  kindLabel: { id: "Jenis tabel", en: "Table kind" },
  columnLabel: { id: "Kolom {col}", en: "Column {col}" },
  noHeader: { id: "(tanpa judul)", en: "(no header)" },
  saveCorrection: { id: "Simpan koreksi", en: "Save correction" },
  cancel: { id: "Batal", en: "Cancel" },
  correctionSaved: {
    id: "Koreksi tersimpan di buku kerja.",
    en: "Correction saved in the workbook.",
  },
  correctionFailed: {
    id: "Koreksi berlaku sekarang tetapi tidak tersimpan di buku kerja",
    en: "The correction applies now but was not saved in the workbook",
  },
  unmatchedOverrides: {
    id: "{count} koreksi tidak menemukan tabelnya lagi",
    en: "{count} corrections no longer find their table",
  },
  unmatchedOverridesHint: {
    id: "Tabel ini mungkin dipindah atau dihapus: {list}. Koreksi baru akan menggantikannya.",
    en: "These tables may have moved or been deleted: {list}. A new correction replaces them.",
  },

  // Periksa.
  runCheck: { id: "Periksa", en: "Check" },
  checkIntro: {
    id: "Memeriksa hitungan (capaian, persentase, jumlah, selisih, efisiensi) dan kesesuaian target antar dokumen.",
    en: "Checks the arithmetic (capaian, percentages, totals, differences, efficiency) and whether targets agree across documents.",
  },
  checkProgress: { id: "Kemajuan pemeriksaan", en: "Check progress" },
  checkFailed: { id: "Pemeriksaan gagal", en: "The check failed" },
  checkResult: {
    id: "{count} temuan di {tables} tabel: {errors} kesalahan, {warnings} peringatan, {infos} info",
    en: "{count} findings in {tables} tables: {errors} errors, {warnings} warnings, {infos} info",
  },
  noFindings: { id: "Tidak ada temuan", en: "No findings" },
  noFindingsHint: {
    id: "{tables} tabel diperiksa; semua hitungan dan target sesuai.",
    en: "{tables} tables checked; every calculation and target agrees.",
  },
  checkProblems: {
    id: "Sebagian pemeriksaan tidak berjalan seperti biasa",
    en: "Part of the check did not run as usual",
  },
  expected: { id: "Seharusnya {value}", en: "Expected {value}" },
  actual: { id: "tertulis {value}", en: "printed {value}" },
  showCell: { id: "Pilih sel {cell} di lembar {sheet}", en: "Select cell {cell} on sheet {sheet}" },
  sheetHeading: { id: "Lembar {sheet}", en: "Sheet {sheet}" },

  // Ringkasan.
  writeSummary: { id: "Tulis lembar ringkasan", en: "Write summary sheets" },
  summaryIntro: {
    id: "Menulis lembar ringkasan capaian, perbandingan tahun, anggaran, efisiensi dan temuan, dengan rumus Excel yang merujuk sel sumber sehingga tetap benar setelah data diubah.",
    en: "Writes summary sheets of achievement, year comparison, budget, efficiency and findings, with Excel formulas that reference the source cells so they stay right after edits.",
  },
  summaryNote: {
    id: "Lembar milik Anda tidak pernah diubah: hanya lembar ringkasan yang dibuat add-in ini yang diganti.",
    en: "Your own sheets are never changed: only summary sheets this add-in created are replaced.",
  },
  summaryChecking: { id: "Memeriksa tabel…", en: "Checking the tables…" },
  summaryWriting: { id: "Menulis lembar…", en: "Writing the sheets…" },
  summaryFailed: {
    id: "Lembar ringkasan tidak dapat ditulis",
    en: "The summary sheets could not be written",
  },
  summaryWritten: { id: "Lembar yang ditulis:", en: "Sheets written:" },
  summaryReplaced: {
    id: "Menggantikan lembar ringkasan sebelumnya: {names}",
    en: "Replacing the earlier summary sheets: {names}",
  },
  summaryNoTables: {
    id: "Tidak ada lembar yang ditulis: tidak ada tabel SAKIP yang dikenali.",
    en: "No sheet was written: no SAKIP table was recognised.",
  },
  summaryNothing: {
    id: "Tabel yang dikenali tidak memberi bahan ringkasan; tidak ada lembar yang ditulis.",
    en: "The recognised tables give nothing to summarise; no sheet was written.",
  },
  showSheet: { id: "Buka lembar {sheet}", en: "Open sheet {sheet}" },

  // Pengaturan.
  settingsIntro: {
    id: "Pengaturan disimpan di buku kerja, sehingga orang berikutnya mendapat hasil yang sama.",
    en: "Settings are saved in the workbook, so the next person gets the same results.",
  },
  scaleLabel: { id: "Skala kategori capaian", en: "Achievement category scale" },
  scaleBands: { id: "Kategori skala ini", en: "Categories of this scale" },
  bandAtLeast: { id: "≥ {value}", en: "≥ {value}" },
  bandAbove: { id: "> {value}", en: "> {value}" },
  bandAtMost: { id: "≤ {value}", en: "≤ {value}" },
  bandBelow: { id: "< {value}", en: "< {value}" },
  bandAnd: { id: " dan ", en: " and " },
  polarityHeading: { id: "Polaritas indikator", en: "Indicator polarity" },
  polarityHint: {
    id: "Negatif: makin rendah makin baik (mis. angka kemiskinan). Capaian dihitung terbalik.",
    en: "Negative: lower is better (e.g. a poverty rate). Achievement is computed inversely.",
  },
  polarityNone: {
    id: "Belum ada indikator yang dikenali. Buka tab Tabel atau jalankan Periksa.",
    en: "No indicator recognised yet. Open the Tables tab or run the check.",
  },
  polarityAuto: { id: "Otomatis ({polarity})", en: "Automatic ({polarity})" },
  polarityNormal: { id: "Normal", en: "Normal" },
  polarityNegative: { id: "Negatif", en: "Negative" },
  efficiencyHeading: { id: "Efisiensi", en: "Efficiency" },
  clampE: {
    id: "Batasi E pada −20 sampai 20 dalam Nilai Efisiensi",
    en: "Clamp E to −20 … 20 in the efficiency score",
  },
  capCk: {
    id: "Batasi CK paling tinggi 1 di tabel efisiensi",
    en: "Cap CK at 1 in the efficiency table",
  },
  languageLabel: { id: "Bahasa", en: "Language" },
  languageAuto: { id: "Otomatis (bahasa Office)", en: "Automatic (Office language)" },
  languageId: { id: "Indonesia", en: "Indonesian" },
  languageEn: { id: "English", en: "English" },
  saving: { id: "Menyimpan…", en: "Saving…" },
  saved: { id: "Tersimpan di buku kerja", en: "Saved in the workbook" },
  saveFailed: {
    id: "Pengaturan berlaku sekarang tetapi tidak tersimpan di buku kerja",
    en: "The settings apply now but were not saved in the workbook",
  },
  settingsProblems: {
    id: "Sebagian pengaturan tersimpan tidak dapat dipakai (nilai bawaan dipakai)",
    en: "Some saved settings cannot be used (the defaults apply)",
  },
  functionsHeading: { id: "Fungsi lembar kerja", en: "Worksheet functions" },
  functionsHint: {
    id: "Ketik =SAKIP. di sel untuk melihat daftar fungsi.",
    en: "Type =SAKIP. in a cell to see the list of functions.",
  },

  // The web preview (the pane opened in a browser, outside Excel).
  previewIntro: {
    id: "Pratinjau web: pilih atau seret berkas .xlsx ke sini untuk memeriksa dan merangkum tabelnya tanpa Excel.",
    en: "Web preview: pick or drop an .xlsx file here to check and summarise its tables without Excel.",
  },
  previewPrivacy: {
    id: "Berkas tidak diunggah ke mana pun: berkas tetap di peramban ini.",
    en: "Nothing is uploaded: the file stays in this browser.",
  },
  previewDropZone: { id: "Seret berkas .xlsx ke sini", en: "Drop an .xlsx file here" },
  previewPick: { id: "Pilih berkas .xlsx", en: "Choose an .xlsx file" },
  previewFileInput: { id: "Berkas buku kerja (.xlsx)", en: "Workbook file (.xlsx)" },
  previewOpening: { id: "Membuka {name}…", en: "Opening {name}…" },
  previewWrongFile: {
    id: "Berkas {name} tidak dapat dibuka",
    en: "The file {name} could not be opened",
  },
  previewWrongFileHint: {
    id: "Pilih berkas .xlsx lain.",
    en: "Choose another .xlsx file.",
  },
  previewFile: { id: "Berkas: {name}", en: "File: {name}" },
  previewDownload: { id: "Unduh buku kerja", en: "Download workbook" },
  previewDownloadHint: {
    id: "Unduh setelah menulis lembar ringkasan atau mengubah pengaturan.",
    en: "Download after writing the summary sheets or changing settings.",
  },
  previewOpenOther: { id: "Buka berkas lain", en: "Open another file" },
  previewWorkerStopped: {
    id: "Peramban berhenti membaca berkas ini (mungkin terlalu besar untuk memori peramban). Tutup tab lain lalu coba lagi.",
    en: "The browser stopped reading this file (it may be too large for the browser's memory). Close other tabs and try again.",
  },
  previewDownloadFailed: {
    id: "Buku kerja tidak dapat disiapkan untuk diunduh",
    en: "The workbook could not be prepared for download",
  },
  previewCell: { id: "Sel {cell}", en: "Cell {cell}" },
  previewCellHint: {
    id: "Pratinjau tidak menampilkan lembar kerja; buka berkas di Excel atau LibreOffice untuk melihat sel ini.",
    en: "The preview shows no grid; open the file in Excel or LibreOffice to see this cell.",
  },
} satisfies Record<string, LocalText>;

/** Readable names of the region kinds (CONTRACT.md), for the Tabel panel. */
export const KIND_LABELS: Record<RegionKind, LocalText> = {
  "renstra-target": { id: "Target Renstra", en: "Renstra targets" },
  iku: { id: "Indikator Kinerja Utama (IKU)", en: "Key performance indicators (IKU)" },
  pk: { id: "Perjanjian Kinerja (PK)", en: "Performance agreement (PK)" },
  pengukuran: { id: "Pengukuran kinerja", en: "Performance measurement" },
  tren: { id: "Perbandingan antartahun", en: "Comparison across years" },
  "renja-evaluasi": { id: "Evaluasi Renja", en: "Renja evaluation" },
  "renja-rencana": { id: "Rencana Renja", en: "Renja plan" },
  anggaran: { id: "Anggaran", en: "Budget" },
  efisiensi: { id: "Efisiensi", en: "Efficiency" },
  other: { id: "Tabel lain", en: "Other table" },
};

/** Readable names of the column roles (CONTRACT.md). */
export const ROLE_LABELS: Record<ColumnRole, LocalText> = {
  kode: { id: "Kode", en: "Code" },
  uraian: { id: "Uraian (program/kegiatan)", en: "Description (programme/activity)" },
  tujuan: { id: "Tujuan", en: "Goal" },
  sasaran: { id: "Sasaran", en: "Objective" },
  indikator: { id: "Indikator", en: "Indicator" },
  satuan: { id: "Satuan", en: "Unit" },
  target: { id: "Target", en: "Target" },
  realisasi: { id: "Realisasi", en: "Realisation" },
  capaian: { id: "Capaian (%)", en: "Achievement (%)" },
  kategori: { id: "Kategori", en: "Category" },
  pagu: { id: "Pagu anggaran", en: "Budget ceiling" },
  "realisasi-anggaran": { id: "Realisasi anggaran", en: "Budget spent" },
  "persen-anggaran": { id: "Serapan anggaran (%)", en: "Budget absorption (%)" },
  selisih: { id: "Selisih / sisa", en: "Difference / remainder" },
  formula: { id: "Formula", en: "Formula" },
  keterangan: { id: "Keterangan", en: "Remarks" },
  baseline: { id: "Kondisi awal (baseline)", en: "Baseline" },
};

/** The choice that removes a column's role. */
export const NO_ROLE: LocalText = { id: "Tidak ada", en: "None" };

export const SEVERITY_LABELS: Record<Severity, LocalText> = {
  error: { id: "Kesalahan", en: "Errors" },
  warning: { id: "Peringatan", en: "Warnings" },
  info: { id: "Info", en: "Info" },
};

export const STEP_LABELS: Record<CheckStep, LocalText> = {
  reading: { id: "Membaca buku kerja…", en: "Reading the workbook…" },
  recognising: { id: "Mengenali tabel…", en: "Recognising the tables…" },
  checking: { id: "Memeriksa hitungan dan target…", en: "Checking calculations and targets…" },
  done: { id: "Selesai", en: "Done" },
};

export interface FunctionInfo {
  /** Full name as typed in a cell, with the SAKIP namespace. */
  name: string;
  description: LocalText;
}

export const FUNCTIONS: readonly FunctionInfo[] = [
  {
    name: "SAKIP.CAPAIAN",
    description: {
      id: "Capaian kinerja (%) dari realisasi dan target, sesuai polaritas indikator.",
      en: "Performance achievement (%) from realisation and target, by indicator polarity.",
    },
  },
  {
    name: "SAKIP.EFISIENSI",
    description: {
      id: "Efisiensi penggunaan sumber daya E (%) menurut PMK 214/PMK.02/2017.",
      en: "Resource efficiency E (%) per PMK 214/PMK.02/2017.",
    },
  },
  {
    name: "SAKIP.NILAIEFISIENSI",
    description: {
      id: "Nilai Efisiensi NE dari pagu, realisasi anggaran dan capaian.",
      en: "Efficiency score NE from budget, spending and achievement.",
    },
  },
  {
    name: "SAKIP.KATEGORI",
    description: {
      id: "Kategori capaian kinerja (Sangat Tinggi sampai Sangat Rendah) menurut skala.",
      en: "Achievement category (Sangat Tinggi to Sangat Rendah) on a scale.",
    },
  },
  {
    name: "SAKIP.KATEGORIEFISIENSI",
    description: {
      id: "Kategori Nilai Efisiensi (Sangat Efisien sampai Tidak Efisien).",
      en: "Efficiency score category (Sangat Efisien to Tidak Efisien).",
    },
  },
  {
    name: "SAKIP.PREDIKATAKIP",
    description: {
      id: "Predikat Nilai AKIP (AA, A, BB, B, CC, C, D) menurut PermenPAN-RB 88/2021.",
      en: "AKIP grade (AA, A, BB, B, CC, C, D) per PermenPAN-RB 88/2021.",
    },
  },
  {
    name: "SAKIP.SERAPAN",
    description: {
      id: "Serapan anggaran (%): realisasi anggaran terhadap pagu.",
      en: "Budget absorption (%): spending against the budget ceiling.",
    },
  },
  {
    name: "SAKIP.CAPAIANRENSTRA",
    description: {
      id: "Capaian (%) realisasi sampai tahun ini terhadap target akhir Renstra.",
      en: "Achievement (%) of realisation to date against the Renstra end target.",
    },
  },
  {
    name: "SAKIP.KUMULATIF",
    description: {
      id: "Menggabungkan nilai beberapa periode menurut sifat indikator.",
      en: "Combines the values of several periods by the indicator's nature.",
    },
  },
  {
    name: "SAKIP.ANGKA",
    description: {
      id: 'Mengubah teks angka berformat Indonesia (mis. "77,60%") menjadi angka.',
      en: 'Turns Indonesian number text (e.g. "77,60%") into a number.',
    },
  },
];

/** English when Office's display language is English ("en-US", "en-GB", ...), else Indonesian. */
export function languageFrom(displayLanguage: string | undefined | null): Language {
  return typeof displayLanguage === "string" && displayLanguage.toLowerCase().startsWith("en")
    ? "en"
    : "id";
}

/** The text in the given language, "{name}" placeholders filled from params. */
export function tr(
  text: LocalText,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  return text[language].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
