import { useEffect, useRef } from "react";
import type { WorkerChannel, WorkerLike } from "../preview/channel";
import { defaultWorker, startWorkbookWorker } from "../preview/gateway";

/**
 * The web preview's workbook worker, started while the planner chooses a file (`ready`):
 * loading its script (ExcelJS, JSZip) takes 0.25–0.75 s that opening the file would
 * otherwise wait for. Returns the function that hands it over (or starts one when none
 * is ready); the one not taken is ended with the page.
 */
export function useSpareWorker(
  ready: boolean,
  createWorker: () => WorkerLike | null = defaultWorker,
): () => WorkerChannel | null {
  const spare = useRef<WorkerChannel | null>(null);
  // The latest factory, without restarting the worker when a parent passes a new function.
  const create = useRef(createWorker);
  create.current = createWorker;

  useEffect(() => {
    if (ready && !spare.current) spare.current = startWorkbookWorker(create.current);
  }, [ready]);

  useEffect(
    () => () => {
      spare.current?.close();
      spare.current = null;
    },
    [],
  );

  return () => {
    const channel = spare.current;
    spare.current = null;
    return channel ?? startWorkbookWorker(create.current);
  };
}
