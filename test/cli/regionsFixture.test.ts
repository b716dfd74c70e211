import fs from "fs";
import { COLUMN_ROLES, REGION_KINDS } from "../../src/core/recognize";
import { runCli } from "../helpers/cli";
import { sharedPath } from "../helpers/shared";

/** The real recogniser behind `sakip regions` (regions.test.ts mocks it). */

const LKJIP = sharedPath("fixtures", "workbooks", "lkjip-semarang-2025.xlsx");

const run = runCli;

describe("sakip regions on the shared LKjIP workbook (issue 3's example)", () => {
  test("--json prints CONTRACT JSON: every indexed table, known kinds and roles, A1 ranges", async () => {
    const r = await run("regions", LKJIP, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      files: {
        file: string;
        regions: {
          sheet: string;
          range: string;
          header: string;
          kind: string;
          year?: number;
          columns: { col: string; role: string; year?: number; variant?: string }[];
        }[];
      }[];
      findings: unknown[];
    };
    const index = JSON.parse(fs.readFileSync(LKJIP.replace(/\.xlsx$/, ".index.json"), "utf8")) as {
      tables: unknown[];
    };
    expect(json.findings).toEqual([]);
    expect(json.files).toHaveLength(1);
    expect(json.files[0].file).toBe(LKJIP);
    expect(json.files[0].regions).toHaveLength(index.tables.length);
    for (const region of json.files[0].regions) {
      expect(REGION_KINDS).toContain(region.kind);
      expect(region.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
      expect(region.header).toMatch(/^[A-Z]+\d+(?::[A-Z]+\d+)?$/);
      for (const column of region.columns) {
        expect(column.col).toMatch(/^[A-Z]+$/);
        expect(COLUMN_ROLES).toContain(column.role);
        if (column.year !== undefined) expect(Number.isInteger(column.year)).toBe(true);
        if (column.variant !== undefined) expect(["murni", "perubahan"]).toContain(column.variant);
      }
    }
    const t38 = json.files[0].regions.find((x) => x.sheet === "Tabel 3.8");
    expect(t38).toMatchObject({ range: "A3:I8", header: "A3:I4", kind: "efisiensi", year: 2025 });
  });
});
