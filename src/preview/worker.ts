// The web preview's workbook worker (dist/previewWorker.js): holds the dropped .xlsx and does
// the ExcelJS/JSZip work (parsing, writing the summary sheets and the configuration) off
// the page's thread, so a big workbook does not freeze the page. See workerGateway.ts for
// the page's side.

import { WorkbookHost } from "./host";
import { errorToData, type Ready, type Request, type Response } from "./protocol";

/** The dedicated worker's global scope, as far as used (the project compiles with DOM's lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: Response | Ready, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const host = new WorkbookHost();

scope.onmessage = (event) => {
  void host.handle(event.data).then(({ response, transfer }) => {
    try {
      scope.postMessage(response, transfer);
    } catch (error) {
      // Something in the result the structured clone refuses: the page gets the reason.
      scope.postMessage({ id: response.id, ok: false, error: errorToData(error) });
    }
  });
};

scope.postMessage({ ready: true });
