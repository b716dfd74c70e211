import { normaliseHeader } from "./lexicon";
import type { Evidence, RegionColumn, RegionKind } from "./types";

/**
 * The kind of a table, from what its columns are (roles, years) and what its caption and
 * headers say. Rules go from the most specific layout to the most general; each returns
 * its evidence so the task pane can explain the decision.
 */

export interface KindDecision {
  kind: RegionKind;
  confidence: number;
  evidence: Evidence[];
}

function decision(kind: RegionKind, confidence: number, reason: string): KindDecision {
  return { kind, confidence, evidence: [{ reason, weight: confidence }] };
}

/**
 * normaliseHeader, remembered per text: a workbook repeats its tables' captions, sheet
 * names and header rows, and normalising runs ten regex passes.
 */
const NORMALISED = new Map<string, string>();
const MAX_REMEMBERED = 2000;

function normalised(text: string): string {
  let out = NORMALISED.get(text);
  if (out === undefined) {
    out = normaliseHeader(text);
    if (NORMALISED.size >= MAX_REMEMBERED) NORMALISED.clear();
    NORMALISED.set(text, out);
  }
  return out;
}

export function classify(
  columns: RegionColumn[],
  caption: string,
  sheetName: string,
): KindDecision {
  const cap = normalised(caption);
  const sheet = normalised(sheetName);
  const headers = normalised(columns.map((c) => c.header).join(" | "));
  const has = (role: RegionColumn["role"]) => columns.some((c) => c.role === role);
  const count = (role: RegionColumn["role"]) => columns.filter((c) => c.role === role).length;
  const years = (role: RegionColumn["role"]) =>
    new Set(columns.filter((c) => c.role === role && c.year !== undefined).map((c) => c.year)).size;
  const said = (pattern: RegExp) => pattern.test(cap) || pattern.test(headers);
  const anywhere = (pattern: RegExp) => said(pattern) || pattern.test(sheet);

  const budget = has("pagu") || has("realisasi-anggaran");
  const kinerja = has("target") || has("realisasi") || has("capaian");

  if (
    budget &&
    (said(/efisiensi/) || (has("capaian") && has("target") && has("realisasi-anggaran")))
  ) {
    return decision(
      "efisiensi",
      0.9,
      'pagu, realisasi anggaran dan capaian, atau kata "efisiensi"',
    );
  }
  if (
    (said(/evaluasi/) && anywhere(/\brenja\b/)) ||
    (said(/tingkat realisasi/) && said(/renstra/) && has("realisasi")) ||
    columns.some((c) => c.formula?.op === "add" && c.role === "realisasi")
  ) {
    return decision("renja-evaluasi", 0.9, "kolom evaluasi Renja terhadap Renstra (T-C.29)");
  }
  if (budget && !has("target") && !has("indikator")) {
    return decision("anggaran", 0.9, "kolom pagu/realisasi anggaran tanpa target kinerja");
  }
  if (
    said(
      /rencana aksi|prakiraan maju|rancangan awal|pagu indikatif|kebutuhan dana|mendukung sasaran|rencana program/,
    ) &&
    (has("target") || has("pagu")) &&
    !has("realisasi")
  ) {
    return decision(
      "renja-rencana",
      0.85,
      "rencana program/kegiatan dengan target atau pagu indikatif",
    );
  }
  if (said(/\bpk (?:murni|perubahan)\b/))
    return decision("pk", 0.9, "kolom target PK murni/perubahan");
  if (has("target") && has("realisasi")) {
    if (years("target") >= 2 && years("realisasi") >= 2) {
      if (said(/renstra/)) return decision("renstra-target", 0.8, "target Renstra beberapa tahun");
      return decision("tren", 0.75, "target dan realisasi beberapa tahun");
    }
    return decision("pengukuran", 0.85, "target, realisasi dan capaian");
  }
  if (has("realisasi") && !has("target")) {
    if (years("realisasi") >= 2 || has("selisih"))
      return decision("tren", 0.85, "realisasi beberapa tahun");
    if (has("capaian")) return decision("tren", 0.7, "realisasi dan capaian beberapa tahun");
  }
  if (has("capaian") && !has("target") && years("capaian") >= 2)
    return decision("tren", 0.8, "capaian beberapa tahun");
  if (
    has("uraian") &&
    has("indikator") &&
    has("target") &&
    !anywhere(/perjanjian kinerja|\bperkin\b/)
  ) {
    return decision("renja-rencana", 0.75, "program/kegiatan dengan indikator dan target");
  }
  if (has("indikator") || has("sasaran")) {
    if (
      said(/indikator kinerja utama|\biku\b/) ||
      has("formula") ||
      anywhere(/\biku\b|indikator kinerja utama/)
    ) {
      return decision("iku", 0.85, "Indikator Kinerja Utama");
    }
    if (has("target")) {
      if (anywhere(/perjanjian kinerja|\bperkin\b|\bpk\b/))
        return decision("pk", 0.85, "Perjanjian Kinerja");
      if (
        years("target") >= 3 ||
        anywhere(/renstra|rencana strategis|tujuan dan sasaran|target kinerja/)
      ) {
        return decision("renstra-target", 0.85, "target Renstra per tahun");
      }
      return decision("pk", 0.55, "sasaran, indikator dan satu target (bentuk PK)");
    }
  }
  if (kinerja && count("target") >= 3)
    return decision("renstra-target", 0.6, "target beberapa tahun");
  return decision("other", 0.6, "tabel tanpa kolom perencanaan yang dikenali");
}
