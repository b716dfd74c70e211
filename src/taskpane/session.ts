import {
  analyseWorkbookStepwise,
  configFromSaved,
  configToSave,
  EMPTY_CONFIG,
  recognitionSteps,
  settingsOf,
  summaryPlans,
  type Analysis,
  type Recognition,
} from "../core/analyse";
import { runChecks, settingsKey } from "../core/check";
import type { PlanningModel } from "../core/extract/types";
import type { CheckWorkbook } from "../core/check/types";
import type { SakipConfig } from "../core/config";
import type { Polarity } from "../core/formulas/capaian";
import type { AppliedPlans, RevealTarget, WorkbookGateway } from "../core/gateway";
import type { Lang, Message } from "../core/messages";
import { overrideMatches } from "../core/overrides";
import type {
  ColumnRole,
  PkVariant,
  Region,
  RegionKind,
  RegionOverride,
} from "../core/recognize/types";
import { rangeA1, type SheetSnapshot } from "../core/snapshot";
import { Pacer, runStepwise, type Progress } from "../core/steps";

/**
 * The task pane's state, outside React: the ribbon buttons (Periksa, Ringkasan) run in the
 * same shared runtime and drive this very store, and the pane shows it through
 * useSyncExternalStore. Every gateway call is caught here: a failure becomes state with a
 * readable text, so neither the pane nor a ribbon command ever sees a rejected promise.
 */

export type TabId = "tabel" | "periksa" | "ringkasan" | "pengaturan";

export type OperationStatus = "idle" | "running" | "done" | "error";

export interface Operation<R> {
  status: OperationStatus;
  /** The last successful result; kept while a new run is going, cleared when invalidated. */
  result: R | null;
  /** The failure as the gateway or engine worded it, when status is "error". */
  error: string | null;
}

/** The steps of a check, in order; `done` is the last. */
export type CheckStep = "reading" | "recognising" | "checking" | "done";

/**
 * Where each step starts on the progress bar (0..1). Recognising fills its share sheet by
 * sheet, checking (building the model, then each rule) up to `done`.
 */
export const STEP_PROGRESS: Record<CheckStep, number> = {
  reading: 0.05,
  recognising: 0.15,
  checking: 0.35,
  done: 1,
};

const NEXT_STEP: Record<CheckStep, CheckStep> = {
  reading: "recognising",
  recognising: "checking",
  checking: "done",
  done: "done",
};

/** The progress bar's value when `part` (0..1) of a step is done. */
export function progressOf(step: CheckStep, part = 0): number {
  const start = STEP_PROGRESS[step];
  return start + (STEP_PROGRESS[NEXT_STEP[step]] - start) * Math.min(1, Math.max(0, part));
}

/**
 * Inside a step, the session pauses only after this long: often enough for the page to
 * paint and take clicks, rarely enough not to slow a small workbook down.
 */
export const YIELD_BUDGET_MS = 40;

export interface SheetInfo {
  name: string;
  /** False for a sheet without any cell. */
  hasCells: boolean;
  /** The product's own summary sheet: never recognised. */
  summary: boolean;
}

export interface TablesResult {
  sheets: SheetInfo[];
  regions: Region[];
  /** Saved corrections whose table was not found any more. */
  unmatched: RegionOverride[];
}

export interface IndicatorInfo {
  /** The name as first printed. */
  name: string;
  /** What the document's text says (a "negatif" polarity column), before any setting. */
  detected: Polarity | null;
}

export interface CheckOperation extends Operation<Analysis> {
  step: CheckStep | null;
  /** 0..1 */
  progress: number;
}

export type SummaryOutcome =
  | { kind: "written"; applied: AppliedPlans }
  /** The workbook has no recognised table: nothing written. */
  | { kind: "no-tables" };

export interface SummaryOperation extends Operation<SummaryOutcome> {
  /** Checking first (a fresh check), then writing. */
  step: "checking" | "writing" | null;
}

export interface SessionState {
  tab: TabId;
  /** The language summary sheets are written in (the pane's language). */
  language: Lang;
  /** The configuration in effect: what the workbook holds plus this session's changes. */
  config: SakipConfig;
  /** Why the saved configuration could not be used; it is left in the workbook as it is. */
  configProblem: Message | null;
  tables: Operation<TablesResult>;
  /** The indicators of the last recognition, for polarity settings. */
  indicators: IndicatorInfo[];
  check: CheckOperation;
  summary: SummaryOperation;
  /** Saving a table correction. */
  correction: Operation<null>;
  /** Saving a settings change. */
  settingsSave: Operation<null>;
  /** Showing a cell in Excel. */
  reveal: Operation<null>;
}

/** A change of one column in a correction (the Koreksi form). */
export interface ColumnChange {
  role: ColumnRole | null;
  year?: number;
  variant?: PkVariant;
}

export interface RegionChange {
  kind?: RegionKind;
  /** Column letter → its new role. */
  columns?: Record<string, ColumnChange>;
}

export interface SessionOptions {
  /** The workbook's name in findings; "Buku kerja" when Office does not tell it. */
  file?: string;
  /** Lets the UI paint between check steps (default: a macrotask). */
  pause?: () => Promise<void>;
  /**
   * Within recognition (between sheets) and the check (between rules), pause only when this
   * many milliseconds passed since the last pause (default YIELD_BUDGET_MS; 0: every time).
   */
  yieldBudgetMs?: number;
  language?: Lang;
}

const idle = <R>(): Operation<R> => ({ status: "idle", result: null, error: null });

function running<R>(op: Operation<R>): Operation<R> {
  return { ...op, status: "running", error: null };
}

/** Gateways reject with Error objects, Office.js with OfficeExtension.Error, tests with text. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== "") return error.message;
  if (typeof error === "string" && error.trim() !== "") return error;
  if (typeof error === "object" && error !== null && "message" in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === "string" && message.trim() !== "") return message;
  }
  if (typeof error === "object" && error !== null) {
    try {
      return JSON.stringify(error);
    } catch {
      // A cyclic object: its string form is all there is.
    }
  }
  return String(error);
}

function sheetInfo(sheet: SheetSnapshot): SheetInfo {
  return {
    name: sheet.name,
    hasCells: sheet.values.some((row) => row.some((v) => v !== null && v !== "")),
    summary: sheet.summary !== undefined,
  };
}

/** The indicators of a planning model, once per name as settings compare names. */
function indicatorsOfModel(model: PlanningModel): IndicatorInfo[] {
  const seen = new Map<string, IndicatorInfo>();
  for (const indicator of model.indicators) {
    const key = settingsKey(indicator.name);
    if (key === "" || seen.has(key)) continue;
    // What the document says, not the setting: the setting is what the dropdown shows.
    seen.set(key, { name: indicator.name, detected: indicator.polarityInText ?? null });
  }
  return [...seen.values()];
}

/** The indicators of a recognised workbook: only the planning model is built, no rule runs. */
function indicatorsOf(workbook: CheckWorkbook, config: SakipConfig): IndicatorInfo[] {
  if (workbook.regions.length === 0) return [];
  return indicatorsOfModel(runChecks([workbook], settingsOf(config).settings, []).model());
}

/** Several corrections of one table folded into one, later ones winning as they do when applied. */
function mergeOverride(base: RegionOverride, change: RegionOverride): RegionOverride {
  const merged: RegionOverride = { sheet: base.sheet, header: base.header };
  const kind = change.kind ?? base.kind;
  if (kind !== undefined) merged.kind = kind;
  if (base.columns !== undefined || change.columns !== undefined) {
    merged.columns = { ...base.columns, ...change.columns };
  }
  return merged;
}

const defaultPause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class Session {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private readonly file: string;
  private readonly pause: () => Promise<void>;
  private readonly yieldBudgetMs: number;
  /** The snapshots of the last read, to re-recognise after a correction without re-reading. */
  private sheets: SheetSnapshot[] | null = null;
  /**
   * Once the planner changed something, this session's configuration is the one that counts
   * (a save may have failed): later reads of the workbook keep it instead of the saved one.
   */
  private configChanged = false;
  /** Counts configuration changes, so a check that ran across one knows it is stale. */
  private configVersion = 0;
  /** Counts recognitions, so one overtaken by a later one does not overwrite its tables. */
  private recognitions = 0;
  private tablesRun: Promise<void> | null = null;
  private checkRun: Promise<Analysis | null> | null = null;
  private summaryRun: Promise<AppliedPlans | null> | null = null;
  /** Saves run one after the other, each writing the configuration current at its turn. */
  private saveQueue: Promise<void> = Promise.resolve();

  constructor(
    private readonly gateway: WorkbookGateway,
    options: SessionOptions = {},
  ) {
    this.file = options.file ?? "Buku kerja";
    this.pause = options.pause ?? defaultPause;
    this.yieldBudgetMs = options.yieldBudgetMs ?? YIELD_BUDGET_MS;
    this.state = {
      tab: "tabel",
      language: options.language ?? "id",
      config: EMPTY_CONFIG,
      configProblem: null,
      tables: idle(),
      indicators: [],
      check: { ...idle<Analysis>(), step: null, progress: 0 },
      summary: { ...idle<SummaryOutcome>(), step: null },
      correction: idle(),
      settingsSave: idle(),
      reveal: idle(),
    };
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  setTab(tab: TabId): void {
    if (tab !== this.state.tab) this.set({ tab });
  }

  setLanguage(language: Lang): void {
    if (language !== this.state.language) this.set({ language });
  }

  /** Pauses for one operation (a load, a check), on this session's budget. */
  private pacer(): Pacer {
    return new Pacer(this.pause, this.yieldBudgetMs);
  }

  /**
   * Reads the sheets and (until the planner changed something here) the saved configuration,
   * then recognises the tables with the corrections applied.
   */
  private async readAndRecognise(
    between: (step: CheckStep) => Promise<void>,
    pacer: Pacer,
    listIndicators = true,
    onProgress?: (progress: Progress) => void,
  ): Promise<Recognition> {
    await between("reading");
    const [sheets, raw] = await Promise.all([
      this.gateway.readSheets(),
      this.configChanged ? Promise.resolve(null) : this.gateway.readConfig(),
    ]);
    if (!this.configChanged) {
      const loaded = configFromSaved(raw);
      this.set({ config: loaded.config, configProblem: loaded.problem });
    }
    await between("recognising");
    this.sheets = sheets;
    return this.recognise(sheets, pacer, listIndicators, onProgress);
  }

  /**
   * Recognises held sheets with the current corrections, sheet by sheet with pauses, and
   * shows the result in Tabel (unless a later recognition overtook this one).
   */
  private async recognise(
    sheets: SheetSnapshot[],
    pacer: Pacer,
    listIndicators = true,
    onProgress?: (progress: Progress) => void,
  ): Promise<Recognition> {
    const mine = ++this.recognitions;
    const recognition = await runStepwise(
      recognitionSteps(this.file, sheets, this.state.config.overrides),
      { pause: pacer.maybePause, onProgress },
    );
    if (mine !== this.recognitions) return recognition;
    this.set({
      tables: {
        status: "done",
        error: null,
        result: {
          sheets: sheets.map(sheetInfo),
          regions: recognition.workbook.regions,
          unmatched: recognition.unmatched,
        },
      },
    });
    // A check lists them from the model it builds anyway (building it costs most of a check).
    if (listIndicators) {
      // The tables are painted first; building the model and painting the list are two long
      // tasks, not one.
      await pacer.pause();
      if (mine !== this.recognitions) return recognition;
      const indicators = indicatorsOf(recognition.workbook, this.state.config);
      await pacer.pause();
      if (mine !== this.recognitions) return recognition;
      this.set({ indicators });
    }
    return recognition;
  }

  /** The Tabel panel's load (and reload): joins a load already going. */
  loadTables(): Promise<void> {
    if (!this.tablesRun) {
      this.tablesRun = this.doLoadTables().finally(() => {
        this.tablesRun = null;
      });
    }
    return this.tablesRun;
  }

  private async doLoadTables(): Promise<void> {
    this.set({ tables: running(this.state.tables) });
    try {
      await this.readAndRecognise(async () => undefined, this.pacer());
    } catch (error) {
      this.set({ tables: { ...this.state.tables, status: "error", error: errorText(error) } });
    }
  }

  /**
   * Reads the workbook again (it may have changed), recognises and checks, pausing between
   * the steps so the pane paints the progress. A second call while one runs gets the same
   * run. Resolves null when it failed (the error is in the state).
   */
  runCheck(): Promise<Analysis | null> {
    if (!this.checkRun) {
      this.checkRun = this.doRunCheck().finally(() => {
        this.checkRun = null;
      });
    }
    return this.checkRun;
  }

  private async doRunCheck(): Promise<Analysis | null> {
    // Progress is shown when the page can paint it: publishing every step would render the
    // pane once per sheet and rule, between steps that run without a pause.
    let shown: { step: CheckStep; progress: number } | null = null;
    const pacer = new Pacer(async () => {
      if (shown) {
        // "running" again when a settings change marked the check idle meanwhile.
        this.set({ check: { ...this.state.check, status: "running", ...shown } });
        shown = null;
      }
      await this.pause();
    }, this.yieldBudgetMs);
    const show = (name: CheckStep, part = 0): void => {
      shown = { step: name, progress: progressOf(name, part) };
    };
    const step = async (name: CheckStep): Promise<void> => {
      show(name);
      await pacer.pause();
    };
    const partOf = (name: CheckStep) => (p: Progress) => show(name, p.done / p.total);
    this.set({ check: { ...running(this.state.check), step: null, progress: 0 } });
    try {
      for (;;) {
        const version = this.configVersion;
        const { workbook } = await this.readAndRecognise(step, pacer, false, partOf("recognising"));
        await step("checking");
        const analysis = await analyseWorkbookStepwise(workbook, this.state.config, {
          pause: pacer.maybePause,
          onProgress: partOf("checking"),
        });
        // Painting the findings is a task of its own, not the last rule's.
        await pacer.maybePause();
        // The planner changed a setting or a table meanwhile: this result contradicts it.
        if (version !== this.configVersion) continue;
        this.set({
          check: { status: "done", result: analysis, error: null, step: "done", progress: 1 },
          indicators:
            workbook.regions.length === 0 ? [] : indicatorsOfModel(analysis.result.model()),
        });
        return analysis;
      }
    } catch (error) {
      this.set({ check: { ...this.state.check, status: "error", error: errorText(error) } });
      return null;
    }
  }

  /**
   * A fresh check, then the summary sheets written through the gateway. No table: nothing
   * is written and the outcome says so. Resolves null when nothing was written.
   */
  writeSummary(): Promise<AppliedPlans | null> {
    if (!this.summaryRun) {
      this.summaryRun = this.doWriteSummary().finally(() => {
        this.summaryRun = null;
      });
    }
    return this.summaryRun;
  }

  private async doWriteSummary(): Promise<AppliedPlans | null> {
    this.set({ summary: { ...running(this.state.summary), step: "checking" } });
    const fail = (error: string): null => {
      this.set({ summary: { ...this.state.summary, status: "error", error, step: null } });
      return null;
    };
    const analysis = await this.runCheck();
    if (!analysis) return fail(this.state.check.error ?? "");
    if (analysis.workbook.regions.length === 0) {
      this.set({
        summary: { status: "done", result: { kind: "no-tables" }, error: null, step: null },
      });
      return null;
    }
    this.set({ summary: { ...this.state.summary, step: "writing" } });
    try {
      const plans = summaryPlans(analysis, this.state.language);
      const applied = await this.gateway.applyPlans(plans);
      this.set({
        summary: { status: "done", result: { kind: "written", applied }, error: null, step: null },
      });
      return applied;
    } catch (error) {
      return fail(errorText(error));
    }
  }

  /** Shows a cell or range in Excel; a failure is kept in `reveal.error`. */
  async reveal(target: RevealTarget): Promise<void> {
    this.set({ reveal: running(this.state.reveal) });
    try {
      await this.gateway.reveal(target);
      this.set({ reveal: { status: "done", result: null, error: null } });
    } catch (error) {
      this.set({ reveal: { status: "error", result: null, error: errorText(error) } });
    }
  }

  /** Forgets a reveal failure once the planner dismissed it. */
  dismissRevealError(): void {
    if (this.state.reveal.status === "error") this.set({ reveal: idle() });
  }

  /**
   * Records the planner's correction of a table as an override keyed by sheet and header
   * (merged with earlier corrections of the same table), applies it at once and saves it.
   */
  async correctRegion(region: Region, change: RegionChange): Promise<void> {
    const correction: RegionOverride = { sheet: region.sheet, header: rangeA1(region.header) };
    if (change.kind !== undefined) correction.kind = change.kind;
    if (change.columns !== undefined && Object.keys(change.columns).length > 0) {
      correction.columns = {};
      for (const [letters, column] of Object.entries(change.columns)) {
        correction.columns[letters.toUpperCase()] = { ...column };
      }
    }
    // Nothing changed in the form: nothing to record.
    if (correction.kind === undefined && correction.columns === undefined) return;
    const overrides = this.state.config.overrides;
    const matching = overrides.filter((o) => overrideMatches(region, o));
    const merged = [...matching, correction].reduce(mergeOverride);
    // The merged correction takes the place of the first one it replaces (or goes last).
    const at = matching.length > 0 ? overrides.indexOf(matching[0]) : overrides.length;
    const others = overrides.filter((o) => !matching.includes(o));
    others.splice(Math.min(at, others.length), 0, merged);
    this.changeConfig({ ...this.state.config, overrides: others });
    const saved = this.save("correction");
    // Only corrections change what is recognised; settings act on the check.
    if (this.sheets) await this.recognise(this.sheets, this.pacer());
    await saved;
  }

  /**
   * Changes top-level settings (a key set to undefined is removed), saves them, and forgets
   * the previous check result, which the new settings may contradict.
   */
  async updateSettings(patch: Record<string, unknown>): Promise<void> {
    const settings: Record<string, unknown> = { ...this.state.config.settings };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete settings[key];
      else settings[key] = value;
    }
    this.changeConfig({ ...this.state.config, settings });
    await this.save("settingsSave");
  }

  /** The new configuration applies at once; the check made under the old one is dropped. */
  private changeConfig(config: SakipConfig): void {
    this.configChanged = true;
    this.configVersion++;
    this.set({
      config,
      check: { status: "idle", result: null, error: null, step: null, progress: 0 },
    });
  }

  private save(which: "correction" | "settingsSave"): Promise<void> {
    const setOp = (op: Operation<null>, extra: Partial<SessionState> = {}): void =>
      this.set(
        which === "correction" ? { ...extra, correction: op } : { ...extra, settingsSave: op },
      );
    setOp(running(this.state[which]));
    const run = this.saveQueue.then(async () => {
      try {
        await this.gateway.saveConfig(configToSave(this.state.config));
        // The unreadable configuration is now replaced by the planner's.
        setOp({ status: "done", result: null, error: null }, { configProblem: null });
      } catch (error) {
        setOp({ status: "error", result: null, error: errorText(error) });
      }
    });
    this.saveQueue = run;
    return run;
  }
}
