/** @jest-environment jsdom */
import fs from "fs";
import { TextDecoder, TextEncoder } from "util";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { WorkerLike } from "../../src/preview/channel";
import { downloadName, Preview } from "../../src/taskpane/Preview";
import { readSheets } from "../../src/xlsx/readSheets";
import { sharedPath } from "../helpers/shared";
import { InProcessWorker } from "../preview/inProcessWorker";
import "./render"; // jest-dom matchers and the ResizeObserver stand-in

jest.setTimeout(60_000);

// Browsers have these; jest's jsdom environment does not (the xlsx writer decodes parts).
Object.assign(globalThis, { TextDecoder, TextEncoder });

const FIXTURE = "lkjip-semarang-2025-onesheet.xlsx";
const fixture = (): Uint8Array<ArrayBuffer> =>
  new Uint8Array(fs.readFileSync(sharedPath("fixtures", "workbooks", FIXTURE)));

function renderPreview(language: "id" | "en" = "id", createWorker?: () => WorkerLike | null) {
  // A planner can still pick "All files" or drop anything: the accept filter is a hint only.
  const user = userEvent.setup({ applyAccept: false });
  render(
    <FluentProvider theme={webLightTheme}>
      <Preview language={language} pause={() => Promise.resolve()} createWorker={createWorker} />
    </FluentProvider>,
  );
  const input = () => screen.getByLabelText<HTMLInputElement>(/Berkas buku kerja|Workbook file/);
  return { user, input };
}

describe("web preview", () => {
  afterEach(() => jest.restoreAllMocks());

  it("says nothing is uploaded and opens a picked workbook into the four panels", async () => {
    const { user, input } = renderPreview();
    expect(screen.getByText(/tidak diunggah/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Pilih berkas .xlsx" })).toBeEnabled();
    await user.upload(input(), new File([fixture()], FIXTURE));
    expect(await screen.findByText(`Berkas: ${FIXTURE}`)).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: /^Tabel/ })).toBeInTheDocument();
    expect(await screen.findByText(/\d+ tabel di 1 lembar/)).toBeInTheDocument();
    // Nothing new yet: nothing to download.
    expect(screen.getByRole("button", { name: "Unduh buku kerja" })).toBeDisabled();
  });

  it.each([
    ["a text file", () => new File(["No;Indikator\n1;Kemiskinan\n"], "data.csv"), /bukan/i],
    ["a corrupt workbook", () => new File([fixture().slice(0, 5000)], "rusak.xlsx"), /rusak/i],
    ["an empty file", () => new File([], "kosong.xlsx"), /kosong/i],
  ])("explains %s in Indonesian and stays usable", async (_label, make, words) => {
    const { user, input } = renderPreview();
    const file = make();
    await user.upload(input(), file);
    const title = await screen.findByText(`Berkas ${file.name} tidak dapat dibuka`);
    expect(title.closest("[role=group]") ?? title.parentElement).toHaveTextContent(words);
    expect(screen.getByText(/Pilih berkas .xlsx lain/)).toBeInTheDocument();
    // The picker still works: a good file opens.
    await user.upload(input(), new File([fixture()], FIXTURE));
    expect(await screen.findByText(`Berkas: ${FIXTURE}`)).toBeInTheDocument();
    expect(screen.queryByText(`Berkas ${file.name} tidak dapat dibuka`)).not.toBeInTheDocument();
  });

  it.each([
    ["in the page (no Worker in jsdom)", false],
    ["in the workbook's worker", true],
  ])("downloads the workbook with the summary sheets, and starts over: %s", async (_, inWorker) => {
    const workers: InProcessWorker[] = [];
    const createWorker = inWorker
      ? () => {
          workers.push(new InProcessWorker());
          return workers[workers.length - 1];
        }
      : undefined;
    const blobs: Blob[] = [];
    const created = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:preview";
    });
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    const names: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });

    const { user, input } = renderPreview("id", createWorker);
    // Started while the planner chooses: the open does not wait for its script.
    expect(workers).toHaveLength(inWorker ? 1 : 0);
    await user.upload(input(), new File([fixture()], FIXTURE));
    await user.click(await screen.findByRole("tab", { name: "Ringkasan" }));
    await user.click(screen.getByRole("button", { name: "Tulis lembar ringkasan" }));
    const download = screen.getByRole("button", { name: "Unduh buku kerja" });
    await waitFor(() => expect(download).toBeEnabled(), { timeout: 30_000 });
    await user.click(download);

    await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
    expect(names).toEqual(["lkjip-semarang-2025-onesheet.ringkasan.xlsx"]);
    const bytes = new Uint8Array(await blobBytes(blobs[0]));
    const sheets = await readSheets(bytes);
    expect(sheets.some((s) => s.summary !== undefined)).toBe(true);
    expect(sheets.filter((s) => s.summary === undefined)).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Buka berkas lain" }));
    expect(screen.getByRole("button", { name: "Pilih berkas .xlsx" })).toBeInTheDocument();
    // The workbook's worker is ended with it; a fresh one waits for the next file.
    expect(workers.map((w) => w.terminated)).toEqual(inWorker ? [true, false] : []);
  });

  it("says so when the browser stops reading a file, and stays usable", async () => {
    let crash = true;
    const { user, input } = renderPreview("id", () => {
      const worker = new InProcessWorker();
      if (crash) {
        // Out of memory while parsing: the worker dies before it answers.
        worker.postMessage = () => setTimeout(() => worker.crash("out of memory"), 0);
        crash = false;
      }
      return worker;
    });
    await user.upload(input(), new File([fixture()], "besar.xlsx"));
    const title = await screen.findByText("Berkas besar.xlsx tidak dapat dibuka");
    expect(title.closest("[role=group]") ?? title.parentElement).toHaveTextContent(
      /berhenti membaca berkas/,
    );
    await user.upload(input(), new File([fixture()], FIXTURE));
    expect(await screen.findByText(`Berkas: ${FIXTURE}`)).toBeInTheDocument();
  });

  it("shows the cell a table points to, as there is no grid", async () => {
    const { user, input } = renderPreview();
    await user.upload(input(), new File([fixture()], FIXTURE));
    const select = await screen.findAllByTitle(/^Pilih .* di lembar/);
    await user.click(select[0]);
    expect(await screen.findByText(/^Sel .+![A-Z]+\d+/)).toBeVisible();
  });

  it("speaks English when asked", async () => {
    const { user, input } = renderPreview("en");
    expect(screen.getByText(/Nothing is uploaded/)).toBeInTheDocument();
    await user.upload(input(), new File(["hello"], "notes.txt"));
    expect(await screen.findByText("The file notes.txt could not be opened")).toBeInTheDocument();
  });
});

describe("downloadName", () => {
  it("marks a workbook with summary sheets", () => {
    expect(downloadName("laporan.xlsx", true)).toBe("laporan.ringkasan.xlsx");
    expect(downloadName("laporan.XLSM", true)).toBe("laporan.ringkasan.XLSM");
    expect(downloadName("laporan", true)).toBe("laporan.ringkasan.xlsx");
    expect(downloadName("laporan.xlsx", false)).toBe("laporan.xlsx");
  });
});

/** jsdom's Blob may lack arrayBuffer(): FileReader reads it everywhere. */
function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
