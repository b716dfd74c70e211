import fs from "fs";
import path from "path";
import { recognise } from "../../../src/core/recognize";
import { CellValue, snapshotFromValues } from "../../../src/core/snapshot";
import { sharedPath } from "../../helpers/shared";

/**
 * Generalisation: every fixture table again, rebuilt from its TSV exactly as printed: all
 * cells text, no merges, no number formats, group labels not repeated, the caption above.
 * The recogniser must not depend on how the workbook happened to be built.
 */

interface IndexTable {
  id: string;
  tsv: string;
  title: string | null;
  kind: string;
  acceptKinds?: string[];
  columnMap: Record<string, string | null>;
  expectedColumns: { col: string; role: string; year?: number; variant?: string }[];
}

const cases = ["renja-semarang-2021", "lkjip-semarang-2025", "lakip-tangsel-2021"].flatMap(
  (name) => {
    const dir = sharedPath("fixtures", "workbooks");
    const index = JSON.parse(fs.readFileSync(path.join(dir, `${name}.index.json`), "utf8")) as {
      tables: IndexTable[];
    };
    return index.tables.map((t) => [`${name} ${t.id}`, dir, t] as const);
  },
);

test.each(cases)("%s", (_label, dir, table) => {
  const tsv = fs
    .readFileSync(path.resolve(dir, table.tsv), "utf8")
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => line.split("\t").map((cell) => (cell === "" ? null : cell)));
  const rows: CellValue[][] = [[table.title ?? ""], [], ...tsv];
  const regions = recognise([snapshotFromValues("Tabel", rows)]);
  expect(regions).toHaveLength(1);
  const [region] = regions;
  expect(table.acceptKinds ?? [table.kind]).toContain(region.kind);
  const got = table.expectedColumns.map((e) => {
    const tsvColumn = Object.entries(table.columnMap).find(([, letter]) => letter === e.col)?.[0];
    const column = region.columns.find((c) => c.col === Number(tsvColumn) - 1);
    return {
      col: e.col,
      role: column?.role,
      ...(e.year !== undefined ? { year: column?.year } : {}),
    };
  });
  expect(got).toEqual(
    table.expectedColumns.map(({ col, role, year }) => ({
      col,
      role,
      ...(year !== undefined ? { year } : {}),
    })),
  );
});
