import type { AppliedPlans, RevealTarget, WorkbookGateway } from "../core/gateway";
import type { SheetSnapshot } from "../core/snapshot";
import type { SheetPlan } from "../core/summary/plan";
import { applyPlans } from "./applyPlans";
import { ownBytes } from "./errors";
import { readSheets } from "./readSheets";
import { readWorkbookConfig, writeWorkbookConfig } from "./workbookSettings";

/**
 * The workbook gateway of the web preview: one .xlsx held in memory in the browser (nothing
 * is uploaded). Reads go through the xlsx reader; writes patch the bytes and keep the result
 * as the current workbook, so a second summary run replaces the product's sheets of the
 * first (never the user's) and the download carries everything done in this session.
 */

export interface XlsxFileGatewayOptions {
  /** There is no grid to select in: the preview shows or announces the cell instead. */
  onReveal?: (target: RevealTarget) => void;
  /** Lets the page paint before a long read (default: a macrotask). */
  pause?: () => Promise<void>;
}

const defaultPause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class XlsxFileGateway implements WorkbookGateway {
  private current: Uint8Array;
  /**
   * The snapshots of the current bytes. The bytes only change through this gateway, so the
   * read done at open serves the first check too (a 50-sheet workbook is parsed once, not
   * twice); a summary run drops them because it adds sheets.
   */
  private sheets: SheetSnapshot[] | null;
  private config: unknown | null;
  private summaryWritten = false;
  private configSaved = false;
  private readonly onReveal?: (target: RevealTarget) => void;
  private readonly pause: () => Promise<void>;

  private constructor(
    readonly fileName: string,
    bytes: Uint8Array,
    sheets: SheetSnapshot[],
    config: unknown | null,
    options: XlsxFileGatewayOptions,
  ) {
    this.current = bytes;
    this.sheets = sheets;
    this.config = config;
    this.onReveal = options.onReveal;
    this.pause = options.pause ?? defaultPause;
  }

  /**
   * Reads the file once, so a wrong file (not an .xlsx, corrupt, password-protected, .xls,
   * empty) fails here, when it is dropped, with a WorkbookReadError.
   */
  static async open(
    fileName: string,
    data: ArrayBuffer | Uint8Array,
    options: XlsxFileGatewayOptions = {},
  ): Promise<XlsxFileGateway> {
    // A copy: the caller's buffer may be reused or transferred.
    const bytes = ownBytes(data).slice();
    const sheets = await readSheets(bytes);
    const config = await readWorkbookConfig(bytes);
    return new XlsxFileGateway(fileName, bytes, sheets, config, options);
  }

  /** The current workbook: the file as dropped plus the summary sheets and settings written. */
  bytes(): Uint8Array {
    return this.current;
  }

  /** Whether summary sheets were written in this session (the download gets a new name). */
  get hasSummary(): boolean {
    return this.summaryWritten;
  }

  /** Whether the bytes differ from the file as dropped. */
  get changed(): boolean {
    return this.summaryWritten || this.configSaved;
  }

  async readSheets(): Promise<SheetSnapshot[]> {
    if (this.sheets) return this.sheets;
    // Parsing is one long task: let the page show the progress first.
    await this.pause();
    const sheets = await readSheets(this.current);
    this.sheets = sheets;
    return sheets;
  }

  /**
   * Forgets the snapshots held from the last read (the next read parses again): the preview's
   * worker hands them to the page, which keeps them, so holding them twice only costs memory.
   */
  releaseSheets(): void {
    this.sheets = null;
  }

  async applyPlans(plans: SheetPlan[]): Promise<AppliedPlans> {
    const result = await applyPlans(this.current, plans);
    this.current = result.bytes;
    this.sheets = null;
    this.summaryWritten = true;
    return { written: result.written, removed: result.removed };
  }

  async reveal(target: RevealTarget): Promise<void> {
    this.onReveal?.(target);
  }

  async readConfig(): Promise<unknown | null> {
    return this.config;
  }

  async saveConfig(config: object): Promise<void> {
    // Kept in memory first: the session goes on with it even if the file cannot take it.
    this.config = JSON.parse(JSON.stringify(config)) as unknown;
    this.current = await writeWorkbookConfig(this.current, config);
    this.configSaved = true;
  }
}
