import { parseConfig } from "../../src/core/config";
import { renderMessage } from "../../src/core/messages";

function error(text: string, lang: "id" | "en" = "id"): string {
  const result = parseConfig(text);
  if (result.ok) throw new Error("expected an error");
  return renderMessage(result.message, lang);
}

describe("parseConfig", () => {
  test("overrides and the other keys, kept as settings", () => {
    const result = parseConfig(
      JSON.stringify({
        overrides: [
          {
            sheet: "Tabel 3.8",
            header: "A3:I4",
            kind: "efisiensi",
            columns: {
              C: { role: "pagu" },
              e: { role: "target", year: 2025 },
              F: "realisasi",
              H: null,
            },
          },
          {
            sheet: "PK Kadis",
            header: "$A$4:$D$5",
            columns: { D: { role: "target", variant: "perubahan" } },
          },
        ],
        skala: "capaian-lkjip-semarang-2025",
        toleransi: { persen: 0.01 },
      }),
    );
    expect(result).toEqual({
      ok: true,
      config: {
        overrides: [
          {
            sheet: "Tabel 3.8",
            header: "A3:I4",
            kind: "efisiensi",
            columns: {
              C: { role: "pagu" },
              E: { role: "target", year: 2025 },
              F: { role: "realisasi" },
              H: { role: null },
            },
          },
          {
            sheet: "PK Kadis",
            header: "$A$4:$D$5",
            columns: { D: { role: "target", variant: "perubahan" } },
          },
        ],
        settings: { skala: "capaian-lkjip-semarang-2025", toleransi: { persen: 0.01 } },
      },
    });
  });

  test("an empty object is a valid configuration; a BOM is ignored", () => {
    expect(parseConfig("{}")).toEqual({ ok: true, config: { overrides: [], settings: {} } });
    expect(parseConfig('\uFEFF{"overrides": []}')).toEqual({
      ok: true,
      config: { overrides: [], settings: {} },
    });
  });

  test("malformed JSON and wrong shapes", () => {
    expect(error("{ overrides: ")).toMatch(/^Konfigurasi bukan JSON yang sah: /);
    expect(error("[]")).toMatch(/harus berupa objek JSON.*bukan array/);
    expect(error('{"overrides": {}}')).toMatch(/"overrides" harus berupa daftar/);
    expect(error('{"overrides": [3]}')).toMatch(/^overrides\[0\] harus berupa objek/);
    expect(error('{"overrides": [{"header": "A3:I4"}]}')).toMatch(/overrides\[0\]\.sheet/);
    expect(error('{"overrides": [{"sheet": "T", "header": "Tabel!A3"}]}')).toMatch(
      /overrides\[0\]\.header "Tabel!A3" bukan rentang A1/,
    );
    expect(error('{"overrides": [{"sheet": "T", "header": "A3", "tipe": "iku"}]}')).toMatch(
      /kunci "tipe" tidak dikenal\. Kunci yang dikenal: sheet, header, kind, columns/,
    );
  });

  test("an unknown kind names the bad value and every allowed kind", () => {
    const text = '{"overrides": [{"sheet": "T", "header": "A3:I4", "kind": "tabel-anggaran"}]}';
    expect(error(text)).toBe(
      'overrides[0].kind "tabel-anggaran" tidak dikenal. Jenis tabel yang tersedia: renstra-target, iku, pk, pengukuran, tren, renja-evaluasi, renja-rencana, anggaran, efisiensi, other.',
    );
    expect(error(text, "en")).toMatch(/is unknown\. Available table kinds: renstra-target, iku/);
  });

  test("an unknown role names the column, the value and every allowed role", () => {
    const text = JSON.stringify({
      overrides: [{ sheet: "T", header: "A3:I4", columns: { C: { role: "anggaran" } } }],
    });
    expect(error(text)).toMatch(
      /^overrides\[0\]\.columns\.C\.role "anggaran" tidak dikenal\. Peran kolom yang tersedia: kode, uraian, .*baseline \(atau null untuk menghapus peran\)\.$/,
    );
  });

  test("column letters, years, variants and keys are checked", () => {
    const withColumns = (columns: unknown) =>
      JSON.stringify({ overrides: [{ sheet: "T", header: "A3:I4", columns }] });
    expect(error(withColumns({ C5: { role: "pagu" } }))).toMatch(/"C5" bukan huruf kolom/);
    expect(error(withColumns({ C: { role: "target", year: "2025" } }))).toMatch(
      /columns\.C\.year harus tahun.*bukan "2025"/,
    );
    expect(error(withColumns({ C: { role: "target", year: 25.5 } }))).toMatch(/bukan 25.5/);
    expect(error(withColumns({ C: { role: "target", variant: "awal" } }))).toMatch(
      /variant "awal" tidak dikenal\. Pilihan: murni, perubahan/,
    );
    expect(error(withColumns({ C: { year: 2025 } }))).toMatch(/columns\.C harus menyebut "role"/);
    expect(error(withColumns({ C: { role: "pagu", tahun: 2025 } }))).toMatch(
      /columns\.C: kunci "tahun" tidak dikenal/,
    );
    expect(error(withColumns({ C: 5 }))).toMatch(/columns\.C harus berupa objek/);
    expect(error(withColumns(["pagu"]))).toMatch(/columns harus berupa objek.*bukan array/);
  });

  test("every error is one line", () => {
    for (const text of ["{", "[]", '{"overrides": 1}', '{"overrides": [{"sheet": 1}]}']) {
      expect(error(text)).not.toMatch(/\n/);
      expect(error(text, "en")).not.toMatch(/\n/);
    }
  });
});
