import fs from "fs";
import {
  analyseWorkbook,
  EMPTY_CONFIG,
  recogniseWorkbook,
  summaryPlans,
} from "../../src/core/analyse";
import { WorkerStoppedError } from "../../src/preview/channel";
import {
  openPreviewWorkbook,
  startWorkbookWorker,
  type PreviewGateway,
} from "../../src/preview/gateway";
import { WorkerGateway } from "../../src/preview/workerGateway";
import { WorkbookReadError } from "../../src/xlsx/errors";
import { XlsxFileGateway } from "../../src/xlsx/fileGateway";
import { readSheets } from "../../src/xlsx/readSheets";
import { readWorkbookConfig } from "../../src/xlsx/workbookSettings";
import { oleLike } from "../helpers/badFiles";
import { FIXTURE_NAMES, fixtureSheets } from "../helpers/check";
import { sharedPath } from "../helpers/shared";
import { InProcessWorker } from "./inProcessWorker";

/**
 * The web preview's workbook in its worker: the page's gateway against the worker's host,
 * through the structured clone (test/preview/inProcessWorker.ts). It must answer as the
 * in-page XlsxFileGateway does, wrong files included.
 */

jest.setTimeout(120_000);

const FIXTURE = "lkjip-semarang-2025-onesheet";
const fixtureBytes = (name: string = FIXTURE): Uint8Array =>
  new Uint8Array(fs.readFileSync(sharedPath("fixtures", "workbooks", `${name}.xlsx`)));

/** A fresh ArrayBuffer of the bytes, as File.arrayBuffer() gives one. */
const bufferOf = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

function openInWorker(
  name: string,
  bytes: Uint8Array,
  worker = new InProcessWorker(),
): Promise<PreviewGateway> {
  return openPreviewWorkbook(name, async () => bufferOf(bytes), {
    startWorker: () => startWorkbookWorker(() => worker),
  });
}

describe("the preview's worker gateway", () => {
  it("reads what the in-page gateway reads, after taking the file's buffer", async () => {
    const worker = new InProcessWorker();
    const buffer = bufferOf(fixtureBytes());
    const gateway = await openPreviewWorkbook(`${FIXTURE}.xlsx`, async () => buffer, {
      startWorker: () => startWorkbookWorker(() => worker),
    });
    expect(gateway).toBeInstanceOf(WorkerGateway);
    // Transferred, not copied: the page's buffer is detached.
    expect(buffer.byteLength).toBe(0);
    expect(gateway.fileName).toBe(`${FIXTURE}.xlsx`);
    expect(gateway.changed).toBe(false);
    expect(gateway.hasSummary).toBe(false);
    const sheets = await gateway.readSheets();
    expect(sheets).toEqual(await readSheets(fixtureBytes()));
    // A second read is served from the page: the workbook only changes through the gateway.
    expect(await gateway.readSheets()).toBe(sheets);
    expect(worker.received.filter((op) => op === "readSheets")).toHaveLength(1);
    expect(await gateway.readConfig()).toBeNull();
    expect(await gateway.bytes()).toEqual(fixtureBytes());
  });

  it.each([
    ["a truncated workbook", () => fixtureBytes().slice(0, 5000), "corrupt"],
    ["random bytes after a zip header", () => randomZipLike(4096), "corrupt"],
    ["a password-protected workbook", () => oleLike("EncryptionInfo"), "encrypted"],
    ["an old .xls", () => oleLike("Workbook"), "xls"],
    ["a CSV file", () => new TextEncoder().encode("No;Indikator\n1;Kemiskinan\n"), "not-xlsx"],
    ["an empty file", () => new Uint8Array(0), "empty"],
  ])("rejects %s with the in-page gateway's WorkbookReadError", async (_label, make, code) => {
    const bytes = make();
    const worker = new InProcessWorker();
    const inWorker = await openInWorker("x.xlsx", bytes, worker).catch((e: unknown) => e);
    const inPage = await XlsxFileGateway.open("x.xlsx", bytes).catch((e: unknown) => e);
    expect(inWorker).toBeInstanceOf(WorkbookReadError);
    expect(inPage).toBeInstanceOf(WorkbookReadError);
    const error = inWorker as WorkbookReadError;
    expect(error.code).toBe(code);
    expect(error.messageIn("id")).toBe((inPage as WorkbookReadError).messageIn("id"));
    expect(error.messageIn("en")).toBe((inPage as WorkbookReadError).messageIn("en"));
    expect(error.message).toBe((inPage as WorkbookReadError).message);
    // The worker of a file that did not open is ended.
    expect(worker.terminated).toBe(true);
  });

  it("writes the summary and the configuration in the worker; the download carries both", async () => {
    const gateway = await openInWorker(`${FIXTURE}.xlsx`, fixtureBytes());
    const { workbook } = recogniseWorkbook(FIXTURE, await gateway.readSheets(), []);
    const plans = summaryPlans(analyseWorkbook(workbook, EMPTY_CONFIG), "id");
    expect(plans.length).toBeGreaterThan(0);
    const applied = await gateway.applyPlans(plans);
    expect(applied.written.map((w) => w.key)).toEqual(plans.map((p) => p.key));
    expect(gateway.hasSummary).toBe(true);
    expect(gateway.changed).toBe(true);
    // The summary sheets are read back: the page's copy of the sheets was dropped.
    const after = await gateway.readSheets();
    expect(after.filter((s) => s.summary !== undefined).map((s) => s.name)).toEqual(
      applied.written.map((w) => w.name),
    );

    const config = { clampE: false, overrides: [] };
    await gateway.saveConfig(config);
    expect(await gateway.readConfig()).toEqual(config);
    const bytes = await gateway.bytes();
    expect(await readWorkbookConfig(bytes)).toEqual(config);
    const saved = await readSheets(bytes);
    expect(saved.map((s) => s.name)).toEqual(after.map((s) => s.name));
  });

  it("runs a summary and a settings save sent together one after the other", async () => {
    const gateway = await openInWorker(`${FIXTURE}.xlsx`, fixtureBytes());
    const { workbook } = recogniseWorkbook(FIXTURE, await gateway.readSheets(), []);
    const plans = summaryPlans(analyseWorkbook(workbook, EMPTY_CONFIG), "id");
    const config = { clampE: false, overrides: [] };
    await Promise.all([gateway.applyPlans(plans), gateway.saveConfig(config)]);
    const bytes = await gateway.bytes();
    expect(await readWorkbookConfig(bytes)).toEqual(config);
    expect((await readSheets(bytes)).some((s) => s.summary !== undefined)).toBe(true);
  });

  it("hands reveal to the page", async () => {
    const shown: unknown[] = [];
    const gateway = await openPreviewWorkbook("a.xlsx", async () => bufferOf(fixtureBytes()), {
      startWorker: () => startWorkbookWorker(() => new InProcessWorker()),
      onReveal: (target) => shown.push(target),
    });
    const target = { sheet: "X", range: { top: 1, left: 2, bottom: 1, right: 2 } };
    await gateway.reveal(target);
    expect(shown).toEqual([target]);
  });

  it("fails the calls waiting when the worker dies, and every call after", async () => {
    const worker = new InProcessWorker();
    const gateway = await openInWorker(`${FIXTURE}.xlsx`, fixtureBytes(), worker);
    const reading = gateway.readConfig();
    worker.crash("out of memory");
    await expect(reading).rejects.toBeInstanceOf(WorkerStoppedError);
    await expect(reading).rejects.toMatchObject({ started: true });
    await expect(gateway.readSheets()).rejects.toThrow(/out of memory/);
  });

  it("reads in the page when the worker cannot start", async () => {
    const worker = new InProcessWorker({ ready: false });
    let reads = 0;
    const opening = openPreviewWorkbook(
      "a.xlsx",
      async () => {
        reads++;
        return bufferOf(fixtureBytes());
      },
      { startWorker: () => startWorkbookWorker(() => worker) },
    );
    // The script did not load: an error before the worker said it was ready.
    worker.crash("");
    const gateway = await opening;
    expect(gateway).toBeInstanceOf(XlsxFileGateway);
    expect(reads).toBe(2);
    expect(worker.terminated).toBe(true);
    expect(await gateway.readSheets()).toEqual(await readSheets(fixtureBytes()));
  });

  it("reads in the page where there is no Worker (jsdom, Node)", async () => {
    expect(typeof Worker).toBe("undefined");
    const gateway = await openPreviewWorkbook("a.xlsx", async () => bufferOf(fixtureBytes()));
    expect(gateway).toBeInstanceOf(XlsxFileGateway);
  });

  it("ends its worker when disposed", async () => {
    const worker = new InProcessWorker();
    const gateway = await openInWorker(`${FIXTURE}.xlsx`, fixtureBytes(), worker);
    gateway.dispose?.();
    expect(worker.terminated).toBe(true);
    await expect(gateway.readConfig()).rejects.toBeInstanceOf(WorkerStoppedError);
  });
});

describe("what crosses to and from the worker", () => {
  // The structured clone turns a class instance into a plain object and refuses functions:
  // strict equality after a clone proves the data is plain.
  it.each(FIXTURE_NAMES)(
    "%s: snapshots, summary plans and their results are plain data",
    async (name) => {
      const sheets = await fixtureSheets(name);
      expect(structuredClone(sheets)).toStrictEqual(sheets);
      const { workbook } = recogniseWorkbook(name, sheets, []);
      const plans = summaryPlans(analyseWorkbook(workbook, EMPTY_CONFIG), "id");
      expect(structuredClone(plans)).toStrictEqual(plans);
      const gateway = await XlsxFileGateway.open(name, fixtureBytes(name));
      const applied = await gateway.applyPlans(plans);
      expect(structuredClone(applied)).toStrictEqual(applied);
    },
  );
});

/** A zip's first bytes, then noise: what a download cut short or a damaged disk leaves. */
function randomZipLike(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let seed = 7;
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  bytes.set([0x50, 0x4b, 0x03, 0x04], 0);
  return bytes;
}
