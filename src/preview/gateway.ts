import type { RevealTarget, WorkbookGateway } from "../core/gateway";
import { XlsxFileGateway } from "../xlsx/fileGateway";
import { isWorkerStoppedError, WorkerChannel, type WorkerLike } from "./channel";
import { WorkerGateway } from "./workerGateway";

/**
 * The web preview's workbook: the dropped .xlsx, held in a worker where the browser has
 * workers (parsing and writing a 50-sheet workbook take seconds the page must not freeze
 * for), in the page otherwise (jsdom, a browser refusing the worker).
 */
export interface PreviewGateway extends WorkbookGateway {
  readonly fileName: string;
  /** Whether the bytes differ from the file as dropped (the download is worth offering). */
  readonly changed: boolean;
  /** Whether summary sheets were written in this session (the download gets a new name). */
  readonly hasSummary: boolean;
  /** The current workbook, for the download. */
  bytes(): Uint8Array | Promise<Uint8Array>;
  /** Frees what the workbook holds (its worker); the gateway is not used afterwards. */
  dispose?(): void;
}

export interface PreviewOpenOptions {
  /** There is no grid to select in: the preview shows or announces the cell instead. */
  onReveal?: (target: RevealTarget) => void;
  /** Lets the page paint before a long read in the page (default: a macrotask). */
  pause?: () => Promise<void>;
  /** The worker to read in, or null to read in the page; default: startWorkbookWorker(). */
  startWorker?: () => WorkerChannel | null;
}

/** The worker's script, emitted beside taskpane.html by webpack (entry "previewWorker"). */
export const WORKER_SCRIPT = "previewWorker.js";

/** A worker running previewWorker.js, or null where the browser has none or refuses it. */
export function defaultWorker(): WorkerLike | null {
  if (typeof Worker === "undefined") return null;
  try {
    return new Worker(WORKER_SCRIPT) as WorkerLike;
  } catch {
    // A page policy or browser that refuses workers: the page reads the file itself.
    return null;
  }
}

/**
 * A workbook worker and the page's end of it, or null where the page must read itself.
 * Started ahead of a file (the preview does while the planner chooses one): loading its
 * script takes a quarter of a second or more.
 */
export function startWorkbookWorker(
  createWorker: () => WorkerLike | null = defaultWorker,
): WorkerChannel | null {
  const worker = createWorker();
  // Listening at once: the worker says when it is ready, which tells a worker that never
  // started from one that died later.
  return worker ? new WorkerChannel(worker) : null;
}

/**
 * Opens a dropped file: a wrong file (not an .xlsx, corrupt, password-protected, .xls,
 * empty) rejects with a WorkbookReadError, wherever it was read. `read` gives the file's
 * bytes; it is called again when the worker could not start.
 */
export async function openPreviewWorkbook(
  fileName: string,
  read: () => Promise<ArrayBuffer>,
  options: PreviewOpenOptions = {},
): Promise<PreviewGateway> {
  const channel = (options.startWorker ?? startWorkbookWorker)();
  if (channel) {
    try {
      return await WorkerGateway.open(fileName, await read(), channel, options.onReveal);
    } catch (error) {
      channel.close();
      if (!isWorkerStoppedError(error) || error.started) throw error;
    }
  }
  return XlsxFileGateway.open(fileName, await read(), options);
}
