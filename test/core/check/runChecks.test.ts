import { runChecks, DEFAULT_SETTINGS, parseSettings } from "../../../src/core/check";
import type { Rule } from "../../../src/core/check/context";
import type { CheckWorkbook, RuleId } from "../../../src/core/check/types";
import { snapshotFromValues } from "../../../src/core/snapshot";

function workbook(file: string, sheets: string[]): CheckWorkbook {
  return { file, sheets: sheets.map((s) => snapshotFromValues(s, [["x"]])), regions: [] };
}

/** A rule that reports at the given cells, in the given order. */
function reporting(id: RuleId, cells: [string, string, number, number][]): Rule {
  return {
    id,
    run: (ctx) =>
      cells.map(([file, sheet, row, col]) =>
        ctx.finding(id, {
          at: { file, sheet, row, col },
          message: { id: "check.related", params: { cells: "" } },
        }),
      ),
  };
}

const books = [workbook("b.xlsx", ["S2", "S1"]), workbook("a.xlsx", ["T"])];

test("findings are sorted by file order, sheet order, row, column, then rule", () => {
  const rules = [
    reporting("total-mismatch", [
      ["a.xlsx", "T", 0, 0],
      ["b.xlsx", "S1", 0, 0],
      ["b.xlsx", "S2", 5, 1],
    ]),
    reporting("capaian-mismatch", [
      ["b.xlsx", "S2", 5, 1],
      ["b.xlsx", "S2", 2, 7],
    ]),
  ];
  const { findings, problems } = runChecks(books, DEFAULT_SETTINGS, rules);
  expect(problems).toEqual([]);
  expect(findings.map((f) => [f.at.file, f.at.sheet, f.at.row, f.at.col, f.rule])).toEqual([
    ["b.xlsx", "S2", 2, 7, "capaian-mismatch"],
    ["b.xlsx", "S2", 5, 1, "capaian-mismatch"],
    ["b.xlsx", "S2", 5, 1, "total-mismatch"],
    ["b.xlsx", "S1", 0, 0, "total-mismatch"],
    ["a.xlsx", "T", 0, 0, "total-mismatch"],
  ]);
});

test("disabled rules do not run; severities follow the settings", () => {
  const rules = [
    reporting("total-mismatch", [["a.xlsx", "T", 0, 0]]),
    reporting("year-shift", [["a.xlsx", "T", 1, 0]]),
  ];
  const settings = parseSettings({
    disabledRules: ["year-shift"],
    severity: { "total-mismatch": "warning" },
  }).settings;
  const { findings } = runChecks(books, settings, rules);
  expect(findings.map((f) => [f.rule, f.severity])).toEqual([["total-mismatch", "warning"]]);
});

test("a rule's own lowered severity is not raised by a setting", () => {
  const rule: Rule = {
    id: "target-mismatch",
    run: (ctx) => [
      ctx.finding("target-mismatch", {
        at: { file: "a.xlsx", sheet: "T", row: 0, col: 0 },
        message: { id: "check.related", params: { cells: "" } },
        severity: "warning",
      }),
    ],
  };
  const settings = parseSettings({ severity: { "target-mismatch": "error" } }).settings;
  expect(runChecks(books, settings, [rule]).findings[0].severity).toBe("warning");
  const quieter = parseSettings({ severity: { "target-mismatch": "info" } }).settings;
  expect(runChecks(books, quieter, [rule]).findings[0].severity).toBe("info");
});

test("a rule that throws is reported as a problem; the others' findings stay", () => {
  const broken: Rule = {
    id: "year-shift",
    run: () => {
      throw new Error("kaput");
    },
  };
  const { findings, problems } = runChecks(books, DEFAULT_SETTINGS, [
    broken,
    reporting("total-mismatch", [["a.xlsx", "T", 0, 0]]),
  ]);
  expect(findings).toHaveLength(1);
  expect(problems).toEqual([
    { id: "check.ruleFailed", params: { rule: "year-shift", detail: "kaput" } },
  ]);
});

test("no workbook, no table: no finding and no problem with the real rules", () => {
  expect(runChecks([])).toMatchObject({ findings: [], problems: [] });
  expect(runChecks([workbook("leer.xlsx", ["Sheet1"])])).toMatchObject({
    findings: [],
    problems: [],
  });
});
