// Texts of the placeholder task pane: Indonesian (default) and English.

export type Language = "id" | "en";

export interface LocalText {
  id: string;
  en: string;
}

export const TEXTS = {
  productName: { id: "SAKIP untuk Excel", en: "SAKIP for Excel" },
  intro: {
    id: "Add-in ini memeriksa dan merangkum tabel Renstra, Renja, PK, IKU dan LKjIP, serta menyediakan fungsi lembar kerja untuk menghitung capaian kinerja.",
    en: "This add-in checks and summarises Renstra, Renja, PK, IKU and LKjIP tables, and provides worksheet functions to calculate performance achievement.",
  },
  functionsHeading: { id: "Fungsi lembar kerja", en: "Worksheet functions" },
  functionsHint: {
    id: "Ketik =SAKIP. di sel untuk melihat daftar fungsi.",
    en: "Type =SAKIP. in a cell to see the list of functions.",
  },
} satisfies Record<string, LocalText>;

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

/** The text in the given language. */
export function tr(text: LocalText, language: Language): string {
  return text[language];
}
