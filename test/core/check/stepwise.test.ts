import { recogniseWorkbook, recognitionSteps } from "../../../src/core/analyse";
import { runChecks, DEFAULT_SETTINGS } from "../../../src/core/check";
import type { Rule } from "../../../src/core/check/context";
import { runChecksStepwise } from "../../../src/core/check/stepwise";
import { RULES } from "../../../src/core/rules";
import { runStepwise, type Progress } from "../../../src/core/steps";
import { FIXTURE_NAMES, fixtureSheets, fixtureWorkbook, settingsWith } from "../../helpers/check";

/**
 * The task pane checks step by step, pausing between the steps so the page keeps painting;
 * the CLI checks at once. Both must give the same findings in the same order.
 */

jest.setTimeout(120_000);

function counting() {
  const progress: Progress[] = [];
  let pauses = 0;
  return {
    progress,
    pauses: () => pauses,
    options: {
      pause: async () => {
        pauses++;
      },
      onProgress: (p: Progress) => progress.push(p),
    },
  };
}

describe("runChecksStepwise", () => {
  it.each(FIXTURE_NAMES)("%s: the same findings and problems as runChecks", async (name) => {
    const workbook = await fixtureWorkbook(name);
    const atOnce = runChecks([workbook]);
    const steps = counting();
    const stepwise = await runChecksStepwise([workbook], steps.options);
    expect(atOnce.findings.length).toBeGreaterThan(0);
    expect(stepwise.findings).toStrictEqual(atOnce.findings);
    expect(stepwise.problems).toStrictEqual(atOnce.problems);
    expect(stepwise.model()).toStrictEqual(atOnce.model());
    // One step for the model, one per rule, a pause after each.
    const total = RULES.length + 1;
    expect(steps.progress).toEqual(
      Array.from({ length: total }, (_, i) => ({ done: i + 1, total })),
    );
    expect(steps.pauses()).toBe(total);
  });

  it("all shared workbooks checked together: the same cross-file findings", async () => {
    const workbooks = await Promise.all(FIXTURE_NAMES.map((name) => fixtureWorkbook(name)));
    const settings = settingsWith({ disabledRules: ["number-as-text"] });
    const atOnce = runChecks(workbooks, settings);
    const stepwise = await runChecksStepwise(workbooks, { settings, ...counting().options });
    expect(stepwise.findings).toStrictEqual(atOnce.findings);
    expect(stepwise.problems).toStrictEqual(atOnce.problems);
    expect(stepwise.findings.some((f) => f.rule === "number-as-text")).toBe(false);
  });

  it("a rule that throws is the same problem, at the same place", async () => {
    const workbook = await fixtureWorkbook("lkjip-semarang-2025-onesheet");
    const broken: Rule = {
      id: "year-shift",
      run: () => {
        throw new Error("kaput");
      },
    };
    const rules = [...RULES.filter((r) => r.id !== "year-shift"), broken];
    const atOnce = runChecks([workbook], DEFAULT_SETTINGS, rules);
    const stepwise = await runChecksStepwise([workbook], { rules, ...counting().options });
    expect(atOnce.problems).toEqual([
      { id: "check.ruleFailed", params: { rule: "year-shift", detail: "kaput" } },
    ]);
    expect(stepwise.problems).toStrictEqual(atOnce.problems);
    expect(stepwise.findings).toStrictEqual(atOnce.findings);
  });

  it("no rule: only the model, built on demand", async () => {
    const workbook = await fixtureWorkbook("lkjip-semarang-2025-onesheet");
    const steps = counting();
    const result = await runChecksStepwise([workbook], { rules: [], ...steps.options });
    expect(result.findings).toEqual([]);
    expect(steps.progress).toEqual([{ done: 1, total: 1 }]);
    expect(result.model().indicators.length).toBeGreaterThan(0);
  });
});

describe("recognitionSteps", () => {
  it.each(FIXTURE_NAMES)(
    "%s: the same regions as recogniseWorkbook, a step per sheet",
    async (name) => {
      const sheets = await fixtureSheets(name);
      const steps = counting();
      const stepwise = await runStepwise(recognitionSteps(name, sheets, []), steps.options);
      expect(stepwise).toStrictEqual(recogniseWorkbook(name, sheets, []));
      expect(steps.progress.map((p) => p.done)).toEqual(sheets.map((_, i) => i + 1));
    },
  );
});
