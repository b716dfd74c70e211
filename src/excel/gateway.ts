import type { AppliedPlans, RevealTarget, WorkbookGateway } from "../core/gateway";
import { rangeA1, SheetSnapshot } from "../core/snapshot";
import type { SheetPlan } from "../core/summary/plan";
import { applySummaryPlans } from "./applyPlans";
import { MAX_COLUMNS, MAX_ROWS } from "../core/summary/planChecks";
import type { WriteSupport } from "./writeSheet";
import { ExcelGatewayError, gatewayError } from "./errors";
import { DEFAULT_PAYLOAD_LIMIT } from "./payload";
import { ReadSupport, readWorkbook } from "./readSheets";
import { readSettingsConfig, saveSettingsConfig, SettingsLike } from "./settings";

/**
 * The Office.js workbook gateway: the only code of the add-in that calls `Excel.run`.
 * The Office globals are looked up when first needed, so the module loads anywhere (the
 * web preview, Node tests) and tests inject fakes instead.
 */

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelGatewayOptions {
  /** Default: Excel.run. */
  run?: ExcelRun;
  /** Default: Office.context.requirements.isSetSupported. */
  isSetSupported?: (set: string, version: string) => boolean;
  /** Default: Office.context.document.settings. */
  settings?: SettingsLike;
  /** The largest request sent in one sync; default DEFAULT_PAYLOAD_LIMIT (4 MiB). */
  payloadLimitBytes?: number;
}

export class ExcelGateway implements WorkbookGateway {
  private readonly options: ExcelGatewayOptions;
  /**
   * The sheets last seen carrying the product's mark (by readSheets or applyPlans); null
   * before the first call or after a failed write. applyPlans confirms these in its first
   * sync; without them it reads every sheet's mark in a sync of its own.
   */
  private knownMarks: string[] | null = null;

  constructor(options: ExcelGatewayOptions = {}) {
    this.options = options;
  }

  private excelRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const run: ExcelRun = this.options.run ?? ((b) => Excel.run(b));
    return run(batch);
  }

  private supports(version: string): boolean {
    const check =
      this.options.isSetSupported ??
      ((set: string, v: string) => Office.context.requirements.isSetSupported(set, v));
    try {
      return check("ExcelApi", version);
    } catch {
      // No Office context to ask (or a host that cannot answer): assume the older API.
      return false;
    }
  }

  private settings(): SettingsLike {
    // Office.Settings' saveAsync has an overload taking the callback alone.
    return this.options.settings ?? (Office.context.document.settings as unknown as SettingsLike);
  }

  private readSupport(): ReadSupport {
    return {
      mergedAreas: this.supports("1.13"),
      cellProperties: this.supports("1.9"),
      sheetNames: this.supports("1.4"),
      nameFormula: this.supports("1.7"),
    };
  }

  private writeSupport(): WriteSupport {
    const v19 = this.supports("1.9");
    const v17 = this.supports("1.7");
    return {
      nameFormula: v17,
      rangeAreas: v19,
      indent: v19,
      pageLayout: v19,
      freezePanes: v17,
      chartSeries: v17,
      conditionalFormats: this.supports("1.6"),
    };
  }

  async readSheets(): Promise<SheetSnapshot[]> {
    try {
      const support = this.readSupport();
      const snapshots = await this.excelRun((context) => readWorkbook(context, support));
      this.knownMarks = support.sheetNames
        ? snapshots.filter((s) => s.summary !== undefined).map((s) => s.name)
        : null;
      return snapshots;
    } catch (error) {
      throw gatewayError(error, "Excel could not read the workbook");
    }
  }

  async applyPlans(plans: SheetPlan[]): Promise<AppliedPlans> {
    try {
      // The mark lives in a sheet-scoped name (Worksheet.names, ExcelApi 1.4): without it
      // the product could not tell its sheets from the user's later.
      if (!this.supports("1.4")) {
        throw new ExcelGatewayError(
          "applyPlans: this version of Excel cannot mark the summary sheets (ExcelApi 1.4 is needed)",
          "ApiNotSupported",
        );
      }
      const support = this.writeSupport();
      const payloadLimit = this.options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
      const candidates = this.knownMarks;
      // Until this write succeeds, what the workbook holds is not known.
      this.knownMarks = null;
      const outcome = await this.excelRun((context) =>
        applySummaryPlans(context, plans, { candidates, payloadLimit, support }),
      );
      this.knownMarks = outcome.written.map((w) => w.name);
      return { written: outcome.written, removed: outcome.removed };
    } catch (error) {
      throw gatewayError(error, "Excel could not write the summary sheets");
    }
  }

  async reveal(target: RevealTarget): Promise<void> {
    try {
      const r = target.range;
      const valid =
        [r.top, r.left, r.bottom, r.right].every((n) => Number.isInteger(n) && n >= 0) &&
        r.bottom < MAX_ROWS &&
        r.right < MAX_COLUMNS;
      if (!valid) throw new ExcelGatewayError(`reveal: no range ${JSON.stringify(r)}`);
      const address = rangeA1({
        top: Math.min(r.top, r.bottom),
        left: Math.min(r.left, r.right),
        bottom: Math.max(r.top, r.bottom),
        right: Math.max(r.left, r.right),
      });
      await this.excelRun(async (context) => {
        const ws = context.workbook.worksheets.getItem(target.sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      });
    } catch (error) {
      throw gatewayError(error, `Excel could not show ${target.sheet}`);
    }
  }

  async readConfig(): Promise<unknown | null> {
    try {
      return readSettingsConfig(this.settings());
    } catch (error) {
      throw gatewayError(error, "The settings could not be read from the workbook");
    }
  }

  async saveConfig(config: object): Promise<void> {
    try {
      await saveSettingsConfig(this.settings(), config);
    } catch (error) {
      throw gatewayError(error, "The settings could not be saved in the workbook");
    }
  }
}
