import type { AppliedPlans, RevealTarget, WorkbookGateway } from "../../src/core/gateway";
import { emptySheet, type SheetSnapshot } from "../../src/core/snapshot";
import { assignSheetNames, type SheetPlan } from "../../src/core/summary";
import { fixtureSheets } from "../helpers/check";

/**
 * An in-memory workbook behind the WorkbookGateway interface, for the task pane's tests:
 * sheets and a saved configuration held as plain data, every call recorded, any call made
 * to fail (a rejected promise, or a synchronous throw as Office.js sometimes does), and
 * readSheets holdable so a test can look at a run in progress.
 */

export type GatewayMethod = "readSheets" | "readConfig" | "saveConfig" | "applyPlans" | "reveal";

export interface Failure {
  /** What the call rejects with (or throws). */
  error: unknown;
  /** Throw before returning a promise instead of rejecting. */
  sync?: boolean;
  /** Fail only this many times, then work (a retry succeeds). */
  times?: number;
}

export class FakeGateway implements WorkbookGateway {
  sheets: SheetSnapshot[];
  /** The raw saved configuration (what readConfig returns). */
  config: unknown | null;
  fail: Partial<Record<GatewayMethod, Failure>> = {};
  readonly calls = {
    readSheets: 0,
    readConfig: 0,
    saveConfig: [] as object[],
    applyPlans: [] as SheetPlan[][],
    reveal: [] as RevealTarget[],
  };
  private gate: { promise: Promise<void>; open: () => void } | null = null;

  constructor(sheets: SheetSnapshot[] = [], config: unknown | null = null) {
    this.sheets = sheets;
    this.config = config;
  }

  /** readSheets waits until the returned function is called. */
  hold(): () => void {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.gate = { promise, open };
    return () => {
      this.gate = null;
      open();
    };
  }

  private call<T>(method: GatewayMethod, work: () => Promise<T>): Promise<T> {
    const failure = this.fail[method];
    if (failure && (failure.times === undefined || failure.times > 0)) {
      if (failure.times !== undefined) failure.times--;
      if (failure.sync) throw failure.error;
      return Promise.reject(failure.error);
    }
    return work();
  }

  readSheets(): Promise<SheetSnapshot[]> {
    this.calls.readSheets++;
    return this.call("readSheets", async () => {
      if (this.gate) await this.gate.promise;
      return this.sheets;
    });
  }

  readConfig(): Promise<unknown | null> {
    this.calls.readConfig++;
    return this.call("readConfig", async () => this.config);
  }

  saveConfig(config: object): Promise<void> {
    this.calls.saveConfig.push(config);
    return this.call("saveConfig", async () => {
      this.config = JSON.parse(JSON.stringify(config));
    });
  }

  applyPlans(plans: SheetPlan[]): Promise<AppliedPlans> {
    this.calls.applyPlans.push(plans);
    return this.call("applyPlans", async () => {
      const removed = this.sheets.filter((s) => s.summary !== undefined).map((s) => s.name);
      const own = this.sheets.filter((s) => s.summary === undefined);
      const names = assignSheetNames(
        plans,
        own.map((s) => s.name),
      );
      this.sheets = [
        ...own,
        ...plans.map((plan, i) => ({ ...emptySheet(names[i]), summary: plan.key })),
      ];
      return { written: plans.map((plan, i) => ({ key: plan.key, name: names[i] })), removed };
    });
  }

  reveal(target: RevealTarget): Promise<void> {
    this.calls.reveal.push(target);
    return this.call("reveal", async () => undefined);
  }
}

/** Real tables: sheets of the LKjIP Semarang 2025 fixture (read once per test file). */
export async function fixtureSubset(...names: string[]): Promise<SheetSnapshot[]> {
  const all = await fixtureSheets("lkjip-semarang-2025");
  return names.map((name) => {
    const sheet = all.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name} in the fixture`);
    return sheet;
  });
}

/** A sheet with cells but nothing a table could be made of. */
export function notesSheet(name = "Catatan"): SheetSnapshot {
  return {
    name,
    origin: { row: 0, col: 0 },
    values: [["Catatan rapat"], ["dibahas minggu depan"]],
    text: [["Catatan rapat"], ["dibahas minggu depan"]],
    numberFormats: [["General"], ["General"]],
    formulas: [[null], [null]],
    merges: [],
  };
}
