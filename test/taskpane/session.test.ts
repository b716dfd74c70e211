import { RULES } from "../../src/core/rules";
import { rangeA1 } from "../../src/core/snapshot";
import {
  progressOf,
  Session,
  STEP_PROGRESS,
  type CheckStep,
  type SessionState,
} from "../../src/taskpane/session";
import { FakeGateway, fixtureSubset, notesSheet } from "./fakeGateway";

/** Task pane session over the fake gateway with real fixture tables. */

const noPause = () => Promise.resolve();

async function tabel39() {
  return fixtureSubset("Tabel 3.9");
}

function record(session: Session): SessionState[] {
  const states: SessionState[] = [];
  session.subscribe(() => states.push(session.getState()));
  return states;
}

describe("Session: tables", () => {
  it("starts idle on the Tabel tab", () => {
    const state = new Session(new FakeGateway()).getState();
    expect(state.tab).toBe("tabel");
    expect(state.tables.status).toBe("idle");
    expect(state.check).toMatchObject({ status: "idle", result: null, progress: 0 });
    expect(state.summary.status).toBe("idle");
  });

  it("reads sheets and configuration once, recognises, and lists the indicators", async () => {
    const gateway = new FakeGateway(await tabel39());
    const session = new Session(gateway);
    const before = session.getState();
    const states = record(session);
    await session.loadTables();
    const state = session.getState();
    expect(state).not.toBe(before);
    expect(states.map((s) => s.tables.status)).toContain("running");
    expect(state.tables.status).toBe("done");
    const result = state.tables.result!;
    expect(result.sheets).toEqual([{ name: "Tabel 3.9", hasCells: true, summary: false }]);
    expect(result.regions.map((r) => [r.sheet, rangeA1(r.range), r.kind])).toEqual([
      ["Tabel 3.9", "B3:H23", "pengukuran"],
    ]);
    expect(state.indicators.map((i) => i.name)).toContain("Nilai AKIP");
    expect(gateway.calls.readSheets).toBe(1);
    expect(gateway.calls.readConfig).toBe(1);
  });

  it("joins a load already going", async () => {
    const gateway = new FakeGateway(await tabel39());
    const session = new Session(gateway);
    const release = gateway.hold();
    const first = session.loadTables();
    const second = session.loadTables();
    expect(second).toBe(first);
    release();
    await Promise.all([first, second]);
    expect(gateway.calls.readSheets).toBe(1);
  });

  it.each([
    ["a rejected Error", { error: new Error("Workbook is busy") }, "Workbook is busy"],
    ["a synchronous throw", { error: new Error("RichApi.Error"), sync: true }, "RichApi.Error"],
    ["a rejected text", { error: "GeneralException" }, "GeneralException"],
    ["an Office error object", { error: { code: "X", message: "Access denied" } }, "Access denied"],
  ])("turns %s into state", async (_, failure, text) => {
    const gateway = new FakeGateway(await tabel39());
    gateway.fail.readSheets = failure;
    const session = new Session(gateway);
    await expect(session.loadTables()).resolves.toBeUndefined();
    expect(session.getState().tables).toMatchObject({ status: "error", error: text });
  });

  it("reports a configuration it cannot parse and does not overwrite it", async () => {
    const saved = { overrides: "Tabel 3.9" };
    const gateway = new FakeGateway(await tabel39(), saved);
    const session = new Session(gateway, { pause: noPause });
    await session.loadTables();
    await session.runCheck();
    const state = session.getState();
    expect(state.configProblem).toEqual(
      expect.objectContaining({ id: "config.overridesNotArray" }),
    );
    expect(state.config).toEqual({ overrides: [], settings: {} });
    expect(gateway.calls.saveConfig).toEqual([]);
    expect(gateway.config).toBe(saved);
    // The planner changes something: now the configuration is replaced.
    await session.updateSettings({ clampE: false });
    expect(gateway.config).toEqual({ clampE: false, overrides: [] });
    expect(session.getState().configProblem).toBeNull();
  });
});

describe("Session: check", () => {
  it("goes reading → recognising → checking → done, pausing between steps", async () => {
    const gateway = new FakeGateway(await tabel39());
    let pauses = 0;
    const session = new Session(gateway, {
      pause: async () => {
        pauses++;
      },
      // Only the pauses between steps: none inside recognition and the check.
      yieldBudgetMs: Infinity,
    });
    const states = record(session);
    const analysis = await session.runCheck();
    const steps: (CheckStep | null)[] = [];
    const progress: number[] = [];
    for (const s of states) {
      if (steps[steps.length - 1] !== s.check.step) {
        steps.push(s.check.step);
        progress.push(s.check.progress);
      }
    }
    expect(steps).toEqual([null, "reading", "recognising", "checking", "done"]);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect(pauses).toBe(3);
    expect(states[0].check.status).toBe("running");
    expect(session.getState().check.status).toBe("done");
    expect(session.getState().check.result).toBe(analysis);
  });

  it("moves the progress bar sheet by sheet, then rule by rule, pausing between them", async () => {
    const sheets = await fixtureSubset("Tabel 3.9", "Tabel 3.2", "Tabel 3.8");
    let pauses = 0;
    const session = new Session(new FakeGateway(sheets), {
      pause: async () => {
        pauses++;
      },
      // Pause after every step, however fast.
      yieldBudgetMs: 0,
    });
    const states = record(session);
    await session.runCheck();
    // The check's state as it changed (other parts of the state change too).
    const checks = states.map((s) => s.check).filter((c, i, all) => i === 0 || c !== all[i - 1]);
    const shown = (step: CheckStep) => checks.filter((c) => c.step === step).map((c) => c.progress);
    const recognising = shown("recognising");
    const checking = shown("checking");
    // One value as the step starts, then one per sheet.
    expect(recognising).toEqual([
      STEP_PROGRESS.recognising,
      ...sheets.map((_, i) => progressOf("recognising", (i + 1) / sheets.length)),
    ]);
    // The model, then each rule.
    const total = RULES.length + 1;
    expect(checking).toEqual([
      STEP_PROGRESS.checking,
      ...Array.from({ length: total }, (_, i) => progressOf("checking", (i + 1) / total)),
    ]);
    const all = states.map((s) => s.check.progress);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    // The three steps, each sheet, the model and each rule, and once before the findings.
    expect(pauses).toBe(3 + sheets.length + total + 1);
  });

  it("pauses inside a step only when its time budget is spent", async () => {
    let pauses = 0;
    const session = new Session(new FakeGateway(await tabel39()), {
      pause: async () => {
        pauses++;
      },
      yieldBudgetMs: 60_000,
    });
    await session.runCheck();
    expect(pauses).toBe(3);
  });

  it("checks again when a setting changes during the check, and shows only that result", async () => {
    const gateway = new FakeGateway(await tabel39());
    let changed = false;
    const session: Session = new Session(gateway, {
      pause: async () => {
        // The planner switches a rule off while the check runs (the pane stays usable).
        if (!changed && session.getState().check.step === "checking") {
          changed = true;
          await session.updateSettings({ disabledRules: ["capaian-mismatch"] });
        }
      },
      yieldBudgetMs: 0,
    });
    const analysis = await session.runCheck();
    expect(changed).toBe(true);
    expect(analysis!.settings.disabledRules).toEqual(["capaian-mismatch"]);
    expect(analysis!.result.findings.filter((f) => f.rule === "capaian-mismatch")).toEqual([]);
    expect(session.getState().check).toMatchObject({ status: "done", result: analysis });
    expect(gateway.calls.readSheets).toBe(2);
  });

  it("finds the capaian errors of Tabel 3.9 with the workbook's name", async () => {
    const session = new Session(new FakeGateway(await tabel39()), {
      file: "lkjip.xlsx",
      pause: noPause,
    });
    const analysis = await session.runCheck();
    const errors = analysis!.result.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.at.file, f.at.sheet, f.at.row, f.at.col])).toEqual([
      ["capaian-mismatch", "lkjip.xlsx", "Tabel 3.9", 10, 5],
      ["capaian-mismatch", "lkjip.xlsx", "Tabel 3.9", 11, 5],
    ]);
    // The check's recognition also refreshes the Tabel panel.
    expect(session.getState().tables.result?.regions).toHaveLength(1);
  });

  it("never runs two checks at once", async () => {
    const gateway = new FakeGateway(await tabel39());
    const session = new Session(gateway, { pause: noPause });
    const release = gateway.hold();
    const first = session.runCheck();
    const second = session.runCheck();
    expect(second).toBe(first);
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(gateway.calls.readSheets).toBe(1);
    // Once finished, a new check reads the workbook again (it may have changed).
    gateway.sheets = [notesSheet()];
    const third = await session.runCheck();
    expect(gateway.calls.readSheets).toBe(2);
    expect(third!.workbook.regions).toEqual([]);
  });

  it("keeps a failure as state, resolves null, and succeeds on retry", async () => {
    const gateway = new FakeGateway(await tabel39());
    gateway.fail.readConfig = { error: new Error("Settings unavailable"), times: 1 };
    const session = new Session(gateway, { pause: noPause });
    await expect(session.runCheck()).resolves.toBeNull();
    expect(session.getState().check).toMatchObject({
      status: "error",
      error: "Settings unavailable",
    });
    await expect(session.runCheck()).resolves.not.toBeNull();
    expect(session.getState().check).toMatchObject({ status: "done", error: null });
  });
});

describe("Session: summary", () => {
  it("checks afresh, writes the plans, and names the sheets it replaced next time", async () => {
    const gateway = new FakeGateway(await tabel39());
    const session = new Session(gateway, { pause: noPause });
    const applied = await session.writeSummary();
    expect(gateway.calls.applyPlans).toHaveLength(1);
    expect(applied!.written.length).toBeGreaterThan(0);
    expect(applied!.removed).toEqual([]);
    expect(session.getState().summary).toMatchObject({
      status: "done",
      result: { kind: "written", applied },
    });
    expect(session.getState().check.status).toBe("done");
    const again = await session.writeSummary();
    expect(again!.removed).toEqual(applied!.written.map((w) => w.name));
    expect(gateway.calls.readSheets).toBe(2);
  });

  it("writes nothing when no table is recognised", async () => {
    const gateway = new FakeGateway([notesSheet()]);
    const session = new Session(gateway, { pause: noPause });
    await expect(session.writeSummary()).resolves.toBeNull();
    expect(gateway.calls.applyPlans).toEqual([]);
    expect(session.getState().summary).toMatchObject({
      status: "done",
      result: { kind: "no-tables" },
    });
  });

  it("keeps a write or read failure as state", async () => {
    const gateway = new FakeGateway(await tabel39());
    gateway.fail.applyPlans = { error: new Error("The sheet is protected"), times: 1 };
    const session = new Session(gateway, { pause: noPause });
    await expect(session.writeSummary()).resolves.toBeNull();
    expect(session.getState().summary).toMatchObject({
      status: "error",
      error: "The sheet is protected",
    });
    gateway.fail.readSheets = { error: new Error("Lost connection") };
    await expect(session.writeSummary()).resolves.toBeNull();
    expect(session.getState().summary.error).toBe("Lost connection");
  });
});

describe("Session: reveal, corrections, settings", () => {
  it("reveals through the gateway and keeps a failure as state", async () => {
    const gateway = new FakeGateway();
    const session = new Session(gateway);
    const target = { sheet: "Tabel 3.9", range: { top: 11, left: 5, bottom: 11, right: 5 } };
    await session.reveal(target);
    expect(gateway.calls.reveal).toEqual([target]);
    gateway.fail.reveal = { error: new Error("The sheet was deleted"), sync: true };
    await expect(session.reveal(target)).resolves.toBeUndefined();
    expect(session.getState().reveal).toMatchObject({
      status: "error",
      error: "The sheet was deleted",
    });
    session.dismissRevealError();
    expect(session.getState().reveal.status).toBe("idle");
  });

  it("saves a correction as an override, merges the next one, and re-recognises", async () => {
    const gateway = new FakeGateway(await tabel39());
    const session = new Session(gateway, { pause: noPause });
    await session.runCheck();
    const region = session.getState().tables.result!.regions[0];
    await session.correctRegion(region, { kind: "tren" });
    expect(gateway.calls.saveConfig).toEqual([
      { overrides: [{ sheet: "Tabel 3.9", header: rangeA1(region.header), kind: "tren" }] },
    ]);
    let state = session.getState();
    expect(state.correction.status).toBe("done");
    expect(state.tables.result!.regions[0]).toMatchObject({ kind: "tren", overridden: true });
    // The findings were made under the old kind.
    expect(state.check).toMatchObject({ status: "idle", result: null });

    await session.correctRegion(state.tables.result!.regions[0], {
      columns: { b: { role: null } },
    });
    expect(gateway.config).toEqual({
      overrides: [
        {
          sheet: "Tabel 3.9",
          header: rangeA1(region.header),
          kind: "tren",
          columns: { B: { role: null } },
        },
      ],
    });
    state = session.getState();
    const columnB = state.tables.result!.regions[0].columns.find((c) => c.col === 1);
    expect(columnB?.role).toBeNull();
    expect(state.tables.result!.unmatched).toEqual([]);
  });

  it("saves settings beside the overrides; undefined removes a key", async () => {
    const gateway = new FakeGateway(await tabel39(), {
      scales: { capaian: "capaian-permendagri86" },
    });
    const session = new Session(gateway, { pause: noPause });
    await session.runCheck();
    await session.updateSettings({ polarity: { "Nilai AKIP": "negatif" }, scales: undefined });
    expect(gateway.config).toEqual({ polarity: { "Nilai AKIP": "negatif" }, overrides: [] });
    expect(session.getState().settingsSave.status).toBe("done");
    expect(session.getState().check.status).toBe("idle");
    const analysis = await session.runCheck();
    expect(analysis!.settings.polarity).toEqual({ "Nilai AKIP": "negatif" });
  });

  it("applies a setting it could not save, says so, and keeps it on the next read", async () => {
    const gateway = new FakeGateway(await tabel39());
    gateway.fail.saveConfig = { error: new Error("Document is read-only") };
    const session = new Session(gateway, { pause: noPause });
    await session.loadTables();
    await session.updateSettings({ capCk: true });
    expect(session.getState().settingsSave).toMatchObject({
      status: "error",
      error: "Document is read-only",
    });
    const analysis = await session.runCheck();
    expect(analysis!.settings.capCk).toBe(true);
    expect(gateway.calls.readConfig).toBe(1);
  });

  it("saves changes in order, the last one carrying all", async () => {
    const gateway = new FakeGateway(await tabel39());
    const session = new Session(gateway);
    await Promise.all([
      session.updateSettings({ clampE: false }),
      session.updateSettings({ capCk: true }),
    ]);
    expect(gateway.calls.saveConfig).toEqual([
      { clampE: false, capCk: true, overrides: [] },
      { clampE: false, capCk: true, overrides: [] },
    ]);
  });
});

describe("Session: small cases", () => {
  it("records nothing for a correction that changes nothing", async () => {
    const gateway = new FakeGateway(await tabel39());
    const session = new Session(gateway);
    await session.loadTables();
    await session.correctRegion(session.getState().tables.result!.regions[0], { columns: {} });
    expect(gateway.calls.saveConfig).toEqual([]);
    expect(session.getState().correction.status).toBe("idle");
  });

  it("words an error object without a message as its JSON", async () => {
    const gateway = new FakeGateway();
    gateway.fail.readSheets = { error: { code: "ItemNotFound" } };
    const session = new Session(gateway);
    await session.loadTables();
    expect(session.getState().tables.error).toBe('{"code":"ItemNotFound"}');
  });
});
