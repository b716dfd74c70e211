import fs from "fs";
import os from "os";
import path from "path";
import { runChecks } from "../../src/core/check";
import { recognise } from "../../src/core/recognize";
import { readSheetsFromFile } from "../../src/xlsx/readFile";
import { DELIBERATE_ERRORS, writeBenchWorkbook } from "./generate";

/**
 * The benchmark's generator (npm run bench) must keep making what the bench claims to
 * measure: a workbook that loads, whose tables are recognised as anggaran, renja-evaluasi,
 * PK and pengukuran, and whose deliberate errors are found. No timing here.
 */
describe("benchmark workbook generator", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-bench-test-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the smallest workbook: recognised, with the deliberate errors as findings", async () => {
    const file = path.join(dir, "bench-10k.xlsx");
    const written = await writeBenchWorkbook(file, 10000);
    expect(written.cells).toBeGreaterThan(8000);
    expect(written.cells).toBeLessThan(12000);

    const sheets = await readSheetsFromFile(file);
    expect(sheets.map((s) => s.name)).toEqual(written.sheets);
    const regions = recognise(sheets);
    const kinds = (sheet: string) => regions.filter((r) => r.sheet === sheet).map((r) => r.kind);
    expect(kinds("Anggaran 1")).toEqual(["anggaran"]);
    expect(kinds("Evaluasi Renja 1")).toEqual(["renja-evaluasi"]);
    expect(kinds("PK dan Pengukuran 1")).toEqual([
      "pk",
      "pengukuran",
      "pk",
      "pengukuran",
      "pk",
      "pengukuran",
      "pk",
      "pengukuran",
    ]);

    const { findings, problems } = runChecks([{ file: "bench-10k.xlsx", sheets, regions }]);
    expect(problems).toEqual([]);
    for (const error of DELIBERATE_ERRORS) {
      const found = findings.filter((f) => f.rule === error.rule && f.at.sheet === error.sheet);
      expect({ ...error, found: found.length > 0 }).toEqual({ ...error, found: true });
    }
    // Nothing beyond the deliberate errors (and their consequences) is an error: the
    // generated tables are otherwise consistent.
    const errorRules = new Set(
      findings.filter((f) => f.severity === "error").map((f) => f.rule as string),
    );
    expect([...errorRules].sort()).toEqual(
      [...new Set(DELIBERATE_ERRORS.map((e) => e.rule))].sort(),
    );
  }, 30000);
});
