import fs from "fs";
import { recognise, Region } from "../../../src/core/recognize";
import { columnLetters, rangeA1, SheetSnapshot } from "../../../src/core/snapshot";
import { sharedPath } from "../../helpers/shared";
import { readSheetsFromFile } from "../../../src/xlsx/readFile";

/**
 * Every table listed in the shared fixtures' index is found with its kind, header range,
 * column roles and years; no region appears where the index lists no table.
 */

interface ExpectedColumn {
  col: string;
  role: string;
  year?: number;
  variant?: string;
}
interface IndexTable {
  id: string;
  sheet: string;
  kind: string;
  acceptKinds?: string[];
  headerRange: string;
  dataRange: string;
  expectedColumns: ExpectedColumn[];
}

const WORKBOOKS = [
  "lkjip-semarang-2025",
  "lkjip-semarang-2025-onesheet",
  "renja-semarang-2021",
  "lakip-tangsel-2021",
];

describe.each(WORKBOOKS)("%s", (name) => {
  const index = JSON.parse(
    fs.readFileSync(sharedPath("fixtures", "workbooks", `${name}.index.json`), "utf8"),
  ) as {
    tables: IndexTable[];
  };
  let sheets: SheetSnapshot[];
  let regions: Region[];

  beforeAll(async () => {
    sheets = await readSheetsFromFile(sharedPath("fixtures", "workbooks", `${name}.xlsx`));
    regions = recognise(sheets);
  });

  const find = (t: IndexTable) =>
    regions.find(
      (r) => r.sheet === t.sheet && rangeA1(r.header).split(":")[0] === t.headerRange.split(":")[0],
    );

  test.each(index.tables.map((t) => [`${t.id} (${t.sheet} ${t.headerRange})`, t] as const))(
    "%s",
    (_label, table) => {
      const region = find(table);
      if (!region) {
        const onSheet = regions
          .filter((r) => r.sheet === table.sheet)
          .map((r) => `${rangeA1(r.header)} ${r.kind}`);
        throw new Error(
          `no region with header at ${table.headerRange}; found on the sheet: ${onSheet.join(", ") || "none"}`,
        );
      }
      const got = {
        kind: (table.acceptKinds ?? [table.kind]).includes(region.kind) ? table.kind : region.kind,
        header: rangeA1(region.header),
        columns: table.expectedColumns.map((e) => {
          const c = region.columns.find((x) => columnLetters(x.col) === e.col);
          return {
            col: e.col,
            role: c?.role ?? null,
            ...(e.year !== undefined ? { year: c?.year } : {}),
            ...(e.variant !== undefined ? { variant: c?.variant } : {}),
          };
        }),
      };
      const unlisted = region.columns
        .filter(
          (c) =>
            c.role !== null && !table.expectedColumns.some((e) => e.col === columnLetters(c.col)),
        )
        .map((c) => `${columnLetters(c.col)}:${c.role}`);
      expect(unlisted).toEqual([]);
      expect(got).toEqual({
        kind: table.kind,
        header: table.headerRange,
        columns: table.expectedColumns.map((e) => ({ ...e })),
      });
    },
  );

  test("no region beyond the indexed tables (titles, notes, empty areas)", () => {
    const expected = new Set(index.tables.map((t) => `${t.sheet}!${t.headerRange.split(":")[0]}`));
    const extra = regions.filter(
      (r) => !expected.has(`${r.sheet}!${rangeA1(r.header).split(":")[0]}`),
    );
    expect(extra.map((r) => `${r.sheet}!${rangeA1(r.header)} ${r.kind}`)).toEqual([]);
  });
});
