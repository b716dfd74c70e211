import type { SheetSnapshot } from "../snapshot";

/**
 * The local government a workbook speaks for ("kota semarang", "kabupaten demak"), from the
 * names its cells mention most: captions and PK headings say "Dinas Koperasi … Kota
 * Semarang". A provincial reviewer checks many kota/kabupaten reports of one sector at once;
 * their indicator names are alike ("Persentase koperasi aktif") but their plans are not.
 */

// The kind word in any case ("Kota", "KOTA", "Kab."), then a capitalised name.
const MENTION =
  /(?<![\p{L}])((?:[Kk][Oo][Tt][Aa])|(?:[Kk][Aa][Bb][Uu][Pp][Aa][Tt][Ee][Nn])|(?:[Kk][Aa][Bb]\.?)|(?:[Pp][Rr][Oo][Vv][Ii][Nn][Ss][Ii])|(?:[Pp][Rr][Oo][Vv]\.?))\s+([A-Z][\p{L}'-]+(?:\s+(?!Tahun\b|TAHUN\b)[A-Z][\p{L}'-]+)?)/gu;

const KIND: Record<string, string> = {
  kota: "kota",
  kabupaten: "kabupaten",
  kab: "kabupaten",
  "kab.": "kabupaten",
  provinsi: "provinsi",
  prov: "provinsi",
  "prov.": "provinsi",
};

/** "Kota Semarang" → "kota semarang"; the first word of the name identifies the place. */
function key(kind: string, name: string): string {
  return `${KIND[kind.toLowerCase()] ?? kind.toLowerCase()} ${name.split(/\s+/)[0].toLowerCase()}`;
}

/**
 * The place a workbook names in at least half of its place mentions (a province named once
 * beside its kota is context, not the owner), or null when none dominates.
 */
export function dominantRegion(sheets: SheetSnapshot[]): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const sheet of sheets) {
    for (const row of sheet.values) {
      for (const value of row) {
        if (typeof value !== "string" || value.length < 8) continue;
        for (const m of value.matchAll(MENTION)) {
          const k = key(m[1], m[2]);
          counts.set(k, (counts.get(k) ?? 0) + 1);
          total++;
        }
      }
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [k, n] of counts) {
    if (n > bestCount) {
      best = k;
      bestCount = n;
    }
  }
  return best !== null && bestCount * 2 >= total ? best : null;
}
