import {
  errorFromData,
  type Operation,
  type Operations,
  type Ready,
  type Request,
  type Response,
  type WorkbookState,
} from "./protocol";

/**
 * The page's end of the workbook worker: requests with ids, each answered once. Kept to
 * what a Worker offers so tests can put the worker's host on the other end in-process.
 */
export interface WorkerLike {
  postMessage(message: Request, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<Response | Ready>) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  terminate(): void;
}

/** The worker stopped (crashed, out of memory, or closed): its workbook is gone. */
export class WorkerStoppedError extends Error {
  /** False when the worker never started (its script did not load): run in the page then. */
  readonly started: boolean;

  constructor(detail: string, started: boolean) {
    super(`The preview's workbook worker stopped: ${detail}`);
    this.name = "WorkerStoppedError";
    this.started = started;
  }
}

export function isWorkerStoppedError(error: unknown): error is WorkerStoppedError {
  return error instanceof WorkerStoppedError;
}

interface Pending {
  resolve(response: Response & { ok: true }): void;
  reject(error: Error): void;
}

export class WorkerChannel {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private started = false;
  private stopped: WorkerStoppedError | null = null;
  /** The workbook's state as of the worker's last answer. */
  state: WorkbookState = { changed: false, hasSummary: false };

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      // An error event the worker did not handle: its script failed to load or it crashed.
      event.preventDefault?.();
      const message = (event as ErrorEvent).message;
      this.stop(message || "the worker failed");
    };
    worker.onmessageerror = () => this.stop("an answer could not be read");
  }

  call<K extends Operation>(
    op: K,
    args: Operations[K]["args"],
    transfer: Transferable[] = [],
  ): Promise<Operations[K]["result"]> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<Response & { ok: true }>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ ...args, id, op } as Request, transfer);
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }).then((response) => {
      this.state = response.state;
      // The protocol pairs each operation with its result type.
      return response.value as Operations[K]["result"];
    });
  }

  /** Ends the worker; calls still waiting fail. */
  close(): void {
    this.stop("closed");
    this.worker.terminate();
  }

  private receive(message: Response | Ready): void {
    this.started = true;
    if ("ready" in message) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message);
    else pending.reject(errorFromData(message.error));
  }

  private stop(detail: string): void {
    if (this.stopped) return;
    this.stopped = new WorkerStoppedError(detail, this.started);
    for (const pending of this.pending.values()) pending.reject(this.stopped);
    this.pending.clear();
  }
}
