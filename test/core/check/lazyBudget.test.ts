import * as budgetModule from "../../../src/core/extract/budget";
import { runChecks } from "../../../src/core/check";
import type { BudgetLine } from "../../../src/core/extract/types";
import { fixtureWorkbook } from "../../helpers/check";

/**
 * No rule reads the budget lines; only the summary sheets do. A check must not pay for them
 * (a provincial APBD sheet has tens of thousands of lines), and reading them twice must not
 * build them twice.
 */

jest.setTimeout(60_000);

afterEach(() => jest.restoreAllMocks());

test("a check builds no budget lines; the first read builds them, once", async () => {
  const workbook = await fixtureWorkbook("lkjip-semarang-2025");
  const spy = jest.spyOn(budgetModule, "budgetLinesOf");
  const result = runChecks([workbook]);
  expect(result.findings.length).toBeGreaterThan(0);
  const model = result.model();
  expect(model.indicators.length).toBeGreaterThan(0);
  expect(spy).not.toHaveBeenCalled();

  const budget = model.budget;
  expect(spy).toHaveBeenCalled();
  expect(budget.length).toBeGreaterThan(0);
  const calls = spy.mock.calls.length;
  expect(model.budget).toBe(budget);
  expect(spy.mock.calls.length).toBe(calls);
});

test("the lazy lines are the lines budgetLinesOf gives, table by table, each parent an earlier line of its own table", async () => {
  const workbook = await fixtureWorkbook("lkjip-semarang-2025");
  const model = runChecks([workbook]).model();
  const spy = jest.spyOn(budgetModule, "budgetLinesOf");
  const budget = model.budget;
  const expected = spy.mock.results.flatMap((r) => r.value as BudgetLine[]);
  expect(budget).toStrictEqual(expected);
  expect(new Set(budget.map((l) => l.table)).size).toBeGreaterThan(1);
  expect(budget.some((l) => l.parent !== null)).toBe(true);
  for (const line of budget) {
    if (line.parent === null) continue;
    expect(budget[line.parent].table).toBe(line.table);
    expect(budget[line.parent].row).toBeLessThan(line.row);
  }
});
