// The web preview in a real browser: the production build's taskpane.html opened without
// Office (office.js unreachable, as on a machine without Excel), a shared fixture chosen in
// the file input, regions, the check, the summary, and the downloaded workbook verified with
// the xlsx gateway. A wrong file gets its message and the page stays usable.

import fs from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { readSheets } from "../../src/xlsx/readSheets";
import {
  buildDist,
  launchChromium,
  screenshotDir,
  serveDir,
  type StaticServer,
} from "../helpers/browser";
import { sharedPath } from "../helpers/shared";
import { OFFICE_JS_URL } from "./fakeOfficeHost";

jest.setTimeout(300_000);

let dist: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dist = await buildDist();
  server = await serveDir(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPreview(width: number): Promise<{ page: Page; errors: string[] }> {
  // An Indonesian browser: outside Office the pane follows the browser's language.
  const page = await browser.newPage({
    viewport: { width, height: 900 },
    acceptDownloads: true,
    locale: "id-ID",
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    // No Office here: office.js does not load, as offline or outside Office.
    if (url.startsWith(server.url)) await route.continue();
    else await route.abort();
    if (!url.startsWith(server.url) && url !== OFFICE_JS_URL) errors.push(`external: ${url}`);
  });
  await page.goto(`${server.url}taskpane.html`);
  return { page, errors };
}

describe("the web preview in Chromium", () => {
  it("checks a dropped workbook, writes the summary and downloads it", async () => {
    const { page, errors } = await openPreview(800);
    await page.getByText("Pilih berkas .xlsx").waitFor();
    await page.screenshot({ path: path.join(screenshotDir(), "preview-start-800.png") });
    const fixture = sharedPath("fixtures", "workbooks", "lkjip-semarang-2025.xlsx");
    await page.getByLabel("Berkas buku kerja (.xlsx)").setInputFiles(fixture);
    await page.getByText("Berkas: lkjip-semarang-2025.xlsx").waitFor();
    await page.getByText(/50 tabel di 35 lembar/).waitFor();

    await page.getByRole("tab", { name: /Periksa/ }).click();
    await page.getByRole("button", { name: "Periksa", exact: true }).click();
    await page.getByText(/temuan di 50 tabel/).waitFor();

    await page.getByRole("tab", { name: /Ringkasan/ }).click();
    await page.getByRole("button", { name: "Tulis lembar ringkasan" }).click();
    await page.getByText("Lembar yang ditulis:").waitFor();
    await page.screenshot({ path: path.join(screenshotDir(), "preview-ringkasan-800.png") });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Unduh buku kerja" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("lkjip-semarang-2025.ringkasan.xlsx");
    const saved = await download.path();
    const sheets = await readSheets(fs.readFileSync(saved!));
    const original = await readSheets(fs.readFileSync(fixture));
    const summaries = sheets.filter((s) => s.summary !== undefined).map((s) => s.name);
    expect(summaries).toEqual(expect.arrayContaining(["Ringkasan Capaian", "Temuan"]));
    // The planner's own sheets come back as they went in.
    expect(sheets.filter((s) => s.summary === undefined)).toEqual(original);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says why a file that is not a workbook cannot be opened, and stays usable", async () => {
    const { page, errors } = await openPreview(320);
    await page.getByText("Pilih berkas .xlsx").waitFor();
    await page.getByLabel("Berkas buku kerja (.xlsx)").setInputFiles({
      name: "laporan.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("No;Indikator;Target\n1;Persentase;77,6\n"),
    });
    await page.getByText("Berkas laporan.csv tidak dapat dibuka").waitFor();
    await page.screenshot({ path: path.join(screenshotDir(), "preview-wrong-file-320.png") });
    // Another file still opens.
    const fixture = sharedPath("fixtures", "workbooks", "renja-semarang-2021.xlsx");
    await page.getByLabel("Berkas buku kerja (.xlsx)").setInputFiles(fixture);
    await page.getByText("Berkas: renja-semarang-2021.xlsx").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
