import type { ColumnRole, PkVariant, RegionColumn } from "./types";

/**
 * The words planners put in column headers (DOMAIN.md §2), and what one header segment
 * says about its column. A column's full header is a chain of segments from the top
 * header row down ("CAPAIAN KINERJA TAHUN 2025" / "TARGET"); columns.ts resolves the chain.
 */

/** Lowercase, single spaces, common typos and spellings unified. */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\bdifinisi\b/g, "definisi")
    .replace(/\b(?:prosentase|presentase|persen tase|prosen tase)\b/g, "persentase")
    .replace(/\bthn\.?(?=\s|\d|$)/g, "tahun")
    .replace(/\bth\.?(?=\s|\d|$)/g, "tahun")
    .replace(/\bsampai dengan\b/g, "s/d")
    .replace(/\bs\.d\.?/g, "s/d")
    .trim();
}

/** What a role-bearing segment proposes before the table's context decides. */
export type Proposal =
  | ColumnRole
  /** "%", "Persentase (%)": serapan in a budget table, capaian elsewhere. */
  | "percent";

export interface SegmentInfo {
  text: string;
  /** A role the segment names, if it names one. */
  proposal?: Proposal;
  /** The segment says the column carries no role (No, Lokasi, Definisi, Proyeksi, …). */
  none?: boolean;
  /** The segment only qualifies its parent: "Uraian", "Rp", a year, "TW I", "PK Murni". */
  generic?: boolean;
  year?: number;
  endOfPeriod?: boolean;
  cumulative?: boolean;
  period?: string;
  variant?: PkVariant;
  source?: RegionColumn["source"];
  /** Rupiah or budget words: a realisasi here is money. */
  money?: boolean;
  /** The header refers to the Renstra end target ("akhir Renstra", "Target Renstra (%)"). */
  renstraEnd?: boolean;
}

interface Rule {
  pattern: RegExp;
  apply: Partial<SegmentInfo>;
}

/** Checked in order before the first-keyword scan: phrases that settle the role at once. */
const PHRASES: Rule[] = [
  { pattern: /^(?:no\.?|nomor|nomer|no urut|urut)$/, apply: { none: true } },
  { pattern: /definisi|penjelasan/, apply: { none: true } },
  // "Anggaran x Capaian", "(Pagu x Capaian) - Realisasi": a computed column, not an input.
  { pattern: /\s[x×]\s/, apply: { none: true } },
  {
    pattern: /formula|rumus|cara (?:pengukuran|perhitungan|penghitungan)/,
    apply: { proposal: "formula" },
  },
  {
    pattern:
      /penanggung ?jawab|sumber data|yang menangani|bidang ?\/ ?bagian|\blokasi\b|proyeksi|\bspm\b|standar nasional|\bikk\b|analisis keberhasilan|\bsolusi\b|kabupaten|\bunsur\b|besaran|volume|kendala|hambatan|upaya|permasalahan|\bpelaksana\b|\bnip\b|^jabatan$|^nama$/,
    apply: { none: true },
  },
  {
    pattern: /catatan analisis|\bkategori\b|\bpredikat\b|interpretasi|\bkriteria\b/,
    apply: { proposal: "kategori" },
  },
  { pattern: /\bkode\b|\bkd\.? rek|\brekening\b/, apply: { proposal: "kode" } },
  { pattern: /\bsatuan\b/, apply: { proposal: "satuan" } },
  {
    pattern: /data awal|kondisi awal|baseline|capaian awal|tahun dasar/,
    apply: { proposal: "baseline" },
  },
  { pattern: /kondisi akhir/, apply: { proposal: "target", endOfPeriod: true } },
  { pattern: /\bketerangan\b|\bcatatan\b|sumber dana|^ket\.?$/, apply: { proposal: "keterangan" } },
  {
    pattern:
      /selisih|\bsisa\b|\bsilpa\b|naik ?\/ ?turun|bertambah ?\/ ?berkurang|lebih ?\/ ?kurang|kenaikan|penurunan|deviasi/,
    apply: { proposal: "selisih", money: true },
  },
  // "Serapan (%)", "Realisasi Keuangan (%)": the budget percentage, not the Rupiah amount.
  {
    pattern:
      /(?:realisasi (?:anggaran|keuangan|belanja|dana)|penyerapan|\bserapan\b).*(?:%|\bpersen)/,
    apply: { proposal: "percent", money: true },
  },
  {
    pattern: /realisasi (?:anggaran|keuangan|belanja|dana)|penyerapan|\bserapan\b/,
    apply: { proposal: "realisasi-anggaran", money: true },
  },
  { pattern: /tingkat (?:capaian|realisasi).*%|tingkat realisasi/, apply: { proposal: "capaian" } },
  { pattern: /tingkat capaian/, apply: { proposal: "kategori" } },
];

/** The first of these words in a segment names its role ("Realisasi Target …" is a realisasi). */
const KEYWORDS: { pattern: RegExp; proposal: Proposal }[] = [
  { pattern: /\btarget\b/, proposal: "target" },
  { pattern: /\brencana\b(?! aksi)/, proposal: "target" },
  { pattern: /\brealisasi\b/, proposal: "realisasi" },
  { pattern: /\bcapaian\b/, proposal: "capaian" },
  { pattern: /\bindikator\b|\biku\b/, proposal: "indikator" },
  { pattern: /\bsasaran\b/, proposal: "sasaran" },
  { pattern: /\btujuan\b/, proposal: "tujuan" },
  { pattern: /\bpagu\b|\banggaran\b|kebutuhan dana|\balokasi\b|\bdana\b/, proposal: "pagu" },
  {
    pattern: /\burusan\b|\bprogram\b|\bkegiatan\b|\buraian\b|\brincian\b|nomenklatur|tolok ukur/,
    proposal: "uraian",
  },
];

// Digit boundaries, not word boundaries: "Target T2020" and "Th.2021" carry years too.
const YEAR = /(?<!\d)(19[5-9]\d|20\d\d|21\d\d)(?!\d)/g;
const PERCENT_ONLY = /^(?:\(?%\)?|persentase(?: \(%\))?|\(%\) ?persentase|persen)$/;
const GENERIC_ONLY = /^(?:uraian|nama|rp\.?|\(rp\)|rupiah|jumlah \(rp\))$/;
const QUARTER = /\btw\.? ?(iv|iii|ii|i|[1-4])\b|triwulan ?(iv|iii|ii|i|[1-4])\b/;

function quarterOf(text: string): string | undefined {
  const m = QUARTER.exec(text);
  if (!m) return undefined;
  const token = (m[1] ?? m[2]).toLowerCase();
  const n = { i: 1, ii: 2, iii: 3, iv: 4 }[token as "i" | "ii" | "iii" | "iv"] ?? Number(token);
  return `TW${n}`;
}

function yearsOf(text: string): { year?: number; endOfPeriod?: boolean } {
  // "2016-2021", "2021 - 2026": a period; its end is the year meant by an end target.
  const range = /(?<!\d)((?:19|20|21)\d\d) ?[-–/] ?((?:19|20|21)\d\d)(?!\d)/.exec(text);
  const all = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
  if (all.length === 0) return {};
  if (range) {
    const outside = all.filter((y) => y !== Number(range[1]) && y !== Number(range[2]));
    if (outside.length > 0) return { year: outside[0] };
    // "Data Awal (capaian 2019 / 2020)" is not a period but alternatives; a dash is.
    if (/[-–]/.test(range[0])) return { year: Number(range[2]), endOfPeriod: true };
    return { year: Number(range[2]) };
  }
  return { year: all[all.length - 1] };
}

/** What one header segment says. */
export function readSegment(raw: string): SegmentInfo {
  const text = normaliseHeader(raw);
  const info: SegmentInfo = { text };
  if (text === "") return { text, generic: true };

  const years = yearsOf(text);
  if (years.year !== undefined) info.year = years.year;
  if (years.endOfPeriod) info.endOfPeriod = true;
  if (/s\/d|kumulatif/.test(text)) info.cumulative = true;
  const period = quarterOf(text);
  if (period) info.period = period;
  if (/\bmurni\b/.test(text)) info.variant = "murni";
  else if (/\bperubahan\b/.test(text)) info.variant = "perubahan";
  if (/renstra/.test(text)) info.source = "renstra";
  else if (/\brenja\b/.test(text)) info.source = "renja";
  else if (/\brkpd\b/.test(text)) info.source = "rkpd";
  else if (/\bpk\b|perjanjian kinerja/.test(text)) info.source = "pk";
  if (/\brp\.?\b|rupiah|anggaran|pagu/.test(text)) info.money = true;
  if (/renstra|\bakhir\b/.test(text)) info.renstraEnd = true;

  for (const rule of PHRASES) {
    if (rule.pattern.test(text)) {
      Object.assign(info, rule.apply);
      return info;
    }
  }
  if (PERCENT_ONLY.test(text)) return { ...info, proposal: "percent" };
  if (GENERIC_ONLY.test(text)) return { ...info, generic: true };

  let best: { index: number; proposal: Proposal } | null = null;
  for (const k of KEYWORDS) {
    const m = k.pattern.exec(text);
    if (m && (best === null || m.index < best.index))
      best = { index: m.index, proposal: k.proposal };
  }
  if (best) {
    // "TUJUAN/SASARAN" columns hold sasaran rows as well: the finer level names them.
    if (best.proposal === "tujuan" && /\bsasaran\b/.test(text)) best.proposal = "sasaran";
    info.proposal = best.proposal;
    return info;
  }
  // Only a year, a quarter or a PK variant: the segment qualifies its parent.
  const residue = text
    .replace(YEAR, "")
    .replace(QUARTER, "")
    .replace(/\b(?:tahun|pk|murni|perubahan|ke|n|s\/d|tw)\b|[-–()./:,]/g, "")
    .trim();
  if (residue === "" || /^n ?- ?\d$/.test(residue)) info.generic = true;
  return info;
}

/**
 * readSegment, remembered per text: tables repeat the same header words, and every row that
 * could start a header is asked for its lexicon hits. Callers must not change the result.
 */
const SEGMENTS = new Map<string, Readonly<SegmentInfo>>();
const MAX_REMEMBERED_SEGMENTS = 5000;

export function segmentOf(raw: string): Readonly<SegmentInfo> {
  let info = SEGMENTS.get(raw);
  if (info === undefined) {
    info = Object.freeze(readSegment(raw));
    if (SEGMENTS.size >= MAX_REMEMBERED_SEGMENTS) SEGMENTS.clear();
    SEGMENTS.set(raw, info);
  }
  return info;
}
