import fs from "fs";
import path from "path";
import { runChecks } from "../../../src/core/check";
import type { Finding } from "../../../src/core/check/types";
import { recognise } from "../../../src/core/recognize";
import { CellValue, snapshotFromValues } from "../../../src/core/snapshot";
import { fixtureWorkbook, FixtureName } from "../../helpers/check";
import { sharedPath } from "../../helpers/shared";

/**
 * Generalisation of the checks: every fixture table again, rebuilt from its TSV exactly as
 * printed (all cells text, no merges, no number formats, one table per sheet under its
 * caption). The rules must find the same errors and warnings there as in the workbooks: they
 * may not depend on how a workbook happened to be typed.
 */

interface IndexTable {
  id: string;
  tsv: string;
  title: string | null;
}

function plainRendering(name: FixtureName) {
  const dir = sharedPath("fixtures", "workbooks");
  const index = JSON.parse(fs.readFileSync(path.join(dir, `${name}.index.json`), "utf8")) as {
    tables: IndexTable[];
  };
  const sheets = index.tables.map((t, i) => {
    const rows = fs
      .readFileSync(path.resolve(dir, t.tsv), "utf8")
      .split(/\r?\n/)
      .filter((line) => line.length > 0)
      .map((line) => line.split("\t").map((cell) => (cell === "" ? null : cell)));
    return snapshotFromValues(`${i} ${t.id}`.slice(0, 31), [
      [t.title ?? ""],
      [],
      ...rows,
    ] as CellValue[][]);
  });
  return { file: `${name}.tsv`, sheets, regions: recognise(sheets) };
}

/** "rule severity indicator" per finding, sorted: the cells differ between the renderings. */
function signature(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.severity} ${f.indicator ?? ""}`)
    .sort();
}

test.each(["lkjip-semarang-2025", "renja-semarang-2021", "lakip-tangsel-2021"] as FixtureName[])(
  "%s: the plain-text rendering gives the same errors and warnings as the workbook",
  async (name) => {
    const plain = runChecks([plainRendering(name)]);
    const workbook = runChecks([await fixtureWorkbook(name)]);
    expect(plain.problems).toEqual([]);
    expect(signature(plain.findings)).toEqual(signature(workbook.findings));
  },
);
