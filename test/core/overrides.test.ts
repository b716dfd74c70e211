import { applyOverrides, overrideMatches } from "../../src/core/overrides";
import type { RegionOverride } from "../../src/core/recognize/types";
import { columnIndex } from "../../src/core/snapshot";
import { column, efisiensiRegion } from "../helpers/regions";

describe("applyOverrides", () => {
  test("no overrides: the regions come back unchanged", () => {
    const regions = [efisiensiRegion()];
    const { regions: out, unmatched } = applyOverrides(regions, []);
    expect(out).toEqual(regions);
    expect(unmatched).toEqual([]);
  });

  test("kind: replaced, certain, noted as a user correction", () => {
    const region = efisiensiRegion();
    const { regions, unmatched } = applyOverrides(
      [region],
      [{ sheet: "Tabel 3.8", header: "A3:I4", kind: "anggaran" }],
    );
    expect(unmatched).toEqual([]);
    expect(regions[0]).toMatchObject({ kind: "anggaran", confidence: 1, overridden: true });
    expect(regions[0].evidence.at(-1)).toEqual({
      reason: "koreksi pengguna: jenis tabel anggaran",
      weight: 1,
    });
    // Pure: the input is untouched.
    expect(region.kind).toBe("efisiensi");
    expect(region.overridden).toBeUndefined();
    expect(region.evidence).toHaveLength(1);
  });

  test("columns: role, year and variant replaced; other columns as they were", () => {
    const before = efisiensiRegion();
    const { regions } = applyOverrides(
      [before],
      [
        {
          sheet: "Tabel 3.8",
          header: "A3:I4",
          columns: {
            E: { role: "target", year: 2024, variant: "perubahan" },
            F: { role: "realisasi" },
            H: { role: "pagu" },
          },
        },
      ],
    );
    const r = regions[0];
    const byLetter = (l: string) => r.columns.find((c) => c.col === columnIndex(l))!;
    expect(byLetter("E")).toMatchObject({
      role: "target",
      year: 2024,
      variant: "perubahan",
      confidence: 1,
      header: "Target",
    });
    // The override gives no year for F: the column's year goes with its old role.
    expect(byLetter("F").year).toBeUndefined();
    expect(byLetter("F").role).toBe("realisasi");
    expect(byLetter("H")).toMatchObject({ role: "pagu", confidence: 1 });
    expect(byLetter("H").evidence.at(-1)?.reason).toBe("koreksi pengguna: peran kolom pagu");
    expect(byLetter("C")).toEqual(before.columns[2]);
    // The kind was not overridden: the region keeps its confidence but is marked.
    expect(r.kind).toBe("efisiensi");
    expect(r.confidence).toBe(0.923);
    expect(r.overridden).toBe(true);
    expect(before.columns[4].year).toBe(2025);
  });

  test("null removes a column's role; a letter the region lacks is added, in column order", () => {
    const region = efisiensiRegion({
      columns: [column("A", "sasaran"), column("C", "pagu"), column("E", "target")],
    });
    const { regions } = applyOverrides(
      [region],
      [
        {
          sheet: "Tabel 3.8",
          header: "A3:I4",
          columns: { c: { role: null }, D: { role: "realisasi-anggaran" } },
        },
      ],
    );
    expect(regions[0].columns.map((c) => [c.col, c.role])).toEqual([
      [0, "sasaran"],
      [2, null],
      [3, "realisasi-anggaran"],
      [4, "target"],
    ]);
    expect(regions[0].columns[1].evidence.at(-1)?.reason).toBe(
      "koreksi pengguna: kolom tanpa peran",
    );
    expect(regions[0].columns[2]).toMatchObject({ header: "", confidence: 1 });
  });

  test("matching: sheet name case-insensitively, header as an A1 range ($ and case ignored)", () => {
    const region = efisiensiRegion();
    const o = (sheet: string, header: string): RegionOverride => ({ sheet, header });
    expect(overrideMatches(region, o("Tabel 3.8", "A3:I4"))).toBe(true);
    expect(overrideMatches(region, o("tabel 3.8", "$a$3:$i$4"))).toBe(true);
    expect(overrideMatches(region, o("Tabel 3.8", "A3:I5"))).toBe(false);
    expect(overrideMatches(region, o("Tabel 3.9", "A3:I4"))).toBe(false);
    expect(overrideMatches(region, o("Tabel 3.8", "bukan rentang"))).toBe(false);
  });

  test("unmatched overrides are returned; several overrides of one region apply in order", () => {
    const other = { sheet: "Tabel 9", header: "A1:B2", kind: "iku" as const };
    const { regions, unmatched } = applyOverrides(
      [efisiensiRegion(), efisiensiRegion({ sheet: "Tabel 3.10" })],
      [
        { sheet: "Tabel 3.8", header: "A3:I4", kind: "anggaran" },
        other,
        { sheet: "Tabel 3.8", header: "A3:I4", kind: "pengukuran" },
      ],
    );
    expect(unmatched).toEqual([other]);
    expect(regions.map((r) => r.kind)).toEqual(["pengukuran", "efisiensi"]);
    expect(regions[1].overridden).toBeUndefined();
  });
});
