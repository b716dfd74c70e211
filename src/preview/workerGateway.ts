import type { AppliedPlans, RevealTarget } from "../core/gateway";
import type { SheetSnapshot } from "../core/snapshot";
import type { SheetPlan } from "../core/summary/plan";
import type { WorkerChannel } from "./channel";
import type { PreviewGateway } from "./gateway";

/**
 * The page's side of a workbook held in the preview's worker: each gateway call is a
 * request to it (host.ts runs XlsxFileGateway there). Only reveal stays in the page.
 */
export class WorkerGateway implements PreviewGateway {
  /**
   * The snapshots of the last read, as XlsxFileGateway keeps them: only this gateway changes
   * the bytes, so checks after the first cost no copy from the worker until a summary adds
   * sheets.
   */
  private sheets: SheetSnapshot[] | null = null;
  /** Counts the summary runs sent, so a read sent before one is not kept as current. */
  private writes = 0;

  private constructor(
    readonly fileName: string,
    private readonly channel: WorkerChannel,
    private readonly onReveal?: (target: RevealTarget) => void,
  ) {}

  /** Hands the bytes to the worker (transferred, not copied) and waits until it read them. */
  static async open(
    fileName: string,
    bytes: ArrayBuffer,
    channel: WorkerChannel,
    onReveal?: (target: RevealTarget) => void,
  ): Promise<WorkerGateway> {
    await channel.call("open", { fileName, bytes }, [bytes]);
    return new WorkerGateway(fileName, channel, onReveal);
  }

  get changed(): boolean {
    return this.channel.state.changed;
  }

  get hasSummary(): boolean {
    return this.channel.state.hasSummary;
  }

  async readSheets(): Promise<SheetSnapshot[]> {
    if (this.sheets) return this.sheets;
    const writes = this.writes;
    const sheets = await this.channel.call("readSheets", {});
    if (writes === this.writes) this.sheets = sheets;
    return sheets;
  }

  applyPlans(plans: SheetPlan[]): Promise<AppliedPlans> {
    this.writes++;
    this.sheets = null;
    return this.channel.call("applyPlans", { plans });
  }

  async reveal(target: RevealTarget): Promise<void> {
    this.onReveal?.(target);
  }

  readConfig(): Promise<unknown | null> {
    return this.channel.call("readConfig", {});
  }

  async saveConfig(config: object): Promise<void> {
    await this.channel.call("saveConfig", { config });
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.channel.call("bytes", {}));
  }

  dispose(): void {
    this.channel.close();
  }
}
