import { XlsxFileGateway } from "../xlsx/fileGateway";
import {
  errorToData,
  type Operation,
  type Operations,
  type Request,
  type Response,
  type WorkbookState,
} from "./protocol";

/**
 * The worker's side: one workbook held by the in-thread xlsx gateway, driven by requests.
 * Kept apart from the worker's entry so tests drive it without a Worker.
 */

type Result = Operations[Operation]["result"];

export interface Reply {
  response: Response;
  /** Buffers to transfer with the response instead of copying them. */
  transfer: Transferable[];
}

const noPause = (): Promise<void> => Promise.resolve();

export class WorkbookHost {
  private gateway: XlsxFileGateway | null = null;
  /**
   * Requests run one after the other: a summary written and a setting saved each replace
   * the bytes, and run together the later would drop the earlier's change.
   */
  private queue: Promise<unknown> = Promise.resolve();

  handle(request: Request): Promise<Reply> {
    const reply = this.queue.then(() => this.handleNow(request));
    this.queue = reply;
    return reply;
  }

  private async handleNow(request: Request): Promise<Reply> {
    try {
      const [value, transfer] = await this.run(request);
      return { response: { id: request.id, ok: true, value, state: this.state() }, transfer };
    } catch (error) {
      return { response: { id: request.id, ok: false, error: errorToData(error) }, transfer: [] };
    }
  }

  private async run(request: Request): Promise<[Result, Transferable[]]> {
    if (request.op === "open") {
      // A worker has no page to let paint: no pause before parsing.
      this.gateway = await XlsxFileGateway.open(request.fileName, request.bytes, {
        pause: noPause,
      });
      return [null, []];
    }
    const gateway = this.opened();
    switch (request.op) {
      case "readSheets": {
        const sheets = await gateway.readSheets();
        // The page keeps its copy (WorkerGateway): the worker need not hold them too.
        gateway.releaseSheets();
        return [sheets, []];
      }
      case "readConfig":
        return [await gateway.readConfig(), []];
      case "applyPlans":
        return [await gateway.applyPlans(request.plans), []];
      case "saveConfig":
        await gateway.saveConfig(request.config);
        return [null, []];
      case "bytes": {
        // A copy: the gateway keeps its own bytes, the copy's memory moves to the page.
        const copy = gateway.bytes().slice();
        return [copy.buffer, [copy.buffer]];
      }
    }
  }

  private opened(): XlsxFileGateway {
    if (!this.gateway) throw new Error("no workbook is open in the preview worker");
    return this.gateway;
  }

  private state(): WorkbookState {
    return {
      changed: this.gateway?.changed ?? false,
      hasSummary: this.gateway?.hasSummary ?? false,
    };
  }
}
