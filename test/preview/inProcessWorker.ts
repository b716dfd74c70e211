import { MessageChannel, receiveMessageOnPort } from "worker_threads";
import type { WorkerLike } from "../../src/preview/channel";
import { WorkbookHost } from "../../src/preview/host";
import type { Ready, Request, Response } from "../../src/preview/protocol";

/**
 * The preview's worker without a thread: the page's messages go through the structured
 * clone (with their transfers, so a transferred buffer is detached as in a browser) to a
 * WorkbookHost, and its answers come back the same way, each on a later macrotask.
 */
export class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<Response | Ready>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly host = new WorkbookHost();
  terminated = false;
  /** The operations received, in order. */
  readonly received: string[] = [];

  constructor(options: { ready?: boolean } = {}) {
    if (options.ready !== false) this.deliver({ ready: true }, []);
  }

  postMessage(message: Request, transfer: Transferable[]): void {
    // As a browser does: the clone (and the detaching) happens when the message is posted.
    const request = clone(message, transfer) as Request;
    this.received.push(request.op);
    void this.host.handle(request).then(({ response, transfer: back }) => {
      this.deliver(response, back);
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker dying: an unhandled error event. */
  crash(message = "out of memory"): void {
    this.onerror?.(Object.assign(new Event("error"), { message }));
  }

  private deliver(message: Response | Ready, transfer: Transferable[]): void {
    const data = clone(message, transfer);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data } as MessageEvent<Response | Ready>);
    }, 0);
  }
}

/**
 * The structured clone with transfers, through a Node message port: jest's jsdom
 * environment has no global structuredClone.
 */
function clone<T>(message: T, transfer: Transferable[]): T {
  const { port1, port2 } = new MessageChannel();
  // Node's typings name its own transferable types; the buffers here are ArrayBuffers.
  port1.postMessage(message, transfer as unknown as ArrayBuffer[]);
  const received = receiveMessageOnPort(port2);
  port1.close();
  if (!received) throw new Error("the message did not arrive");
  return received.message as T;
}
