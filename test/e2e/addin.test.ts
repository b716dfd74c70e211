// The add-in in a real browser: the production build's taskpane.html in headless Chromium,
// with office.js routed to a fake host over an in-memory workbook (a shared fixture). The
// task pane runs its real Office.js gateway; the test clicks through Tabel → Periksa →
// Ringkasan, checks what the workbook received (and the sync count), and saves a screenshot
// of each panel at 320 and 800 px (test-artifacts/screenshots, or SAKIP_SCREENSHOT_DIR).

import path from "path";
import type { Browser, Page } from "playwright-core";
import type { SheetSnapshot } from "../../src/core/snapshot";
import {
  buildDist,
  launchChromium,
  screenshotDir,
  serveDir,
  type StaticServer,
} from "../helpers/browser";
import { fixtureSheets } from "../helpers/check";
import { fakeOfficeScript, OFFICE_JS_URL } from "./fakeOfficeHost";

jest.setTimeout(300_000);

let dist: string;
let server: StaticServer;
let browser: Browser;
let snapshots: SheetSnapshot[];

beforeAll(async () => {
  [dist, snapshots] = await Promise.all([buildDist(), fixtureSheets("lkjip-semarang-2025")]);
  server = await serveDir(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface OpenedPane {
  page: Page;
  /** Requests that tried to leave 127.0.0.1 (other than office.js, which is routed). */
  external: string[];
  /** Uncaught errors and console errors of the page. */
  errors: string[];
}

async function openPane(
  width: number,
  options: { displayLanguage?: string; excelApi?: string } = {},
): Promise<OpenedPane> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const external: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Anything the Content-Security-Policy blocks is an error of the page.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const script = fakeOfficeScript({ snapshots, ...options });
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      await route.fulfill({ contentType: "text/javascript", body: script });
    } else if (url.startsWith(server.url)) {
      await route.continue();
    } else {
      external.push(url);
      await route.abort();
    }
  });
  await page.goto(`${server.url}taskpane.html`);
  return { page, external, errors };
}

async function shoot(page: Page, name: string): Promise<void> {
  // The pane as the planner sees it (one screen), not the whole scrolled page.
  // Finished transitions: a button just enabled again must not look half disabled.
  await page.screenshot({
    path: path.join(screenshotDir(), `${name}.png`),
    animations: "disabled",
  });
}

/** What the fake workbook holds and counted, read from the page. */
function fakeState(page: Page) {
  return page.evaluate(() => {
    // The fake host's globals (test/e2e/fakeOfficeHost.ts).
    const fake = (window as unknown as { __sakipFake: import("../helpers/fakeExcel").FakeExcel })
      .__sakipFake;
    return {
      sheets: fake.sheetNames(),
      syncCount: fake.syncCount,
      payloads: fake.payloads,
      payloadLimit: fake.payloadLimit,
      selection: fake.selection,
      activeSheet: fake.activeSheet()?.name ?? null,
      foreignWrites: fake.writes.filter(
        (w) =>
          !/Ringkasan|Perbandingan|Capaian Renstra|Realisasi Anggaran|Efisiensi|Skala|Temuan/.test(
            w.sheet,
          ),
      ).length,
      marked: fake.sheets
        .filter((s) => s.names.some((n) => n.name === "_SAKIP_SUMMARY"))
        .map((s) => s.name),
    };
  });
}

/** Polls until `condition` holds (a click's effect arrives after the gateway's sync). */
async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function resetCounters(page: Page) {
  return page.evaluate(() =>
    (window as unknown as { __sakipFake: { resetCounters(): void } }).__sakipFake.resetCounters(),
  );
}

describe("the add-in in Chromium, on a fake Excel", () => {
  it.each([320, 800])("goes Tabel → Periksa → Ringkasan → Pengaturan at %i px", async (width) => {
    const { page, external, errors } = await openPane(width);
    const tabs = page.getByRole("tab");
    await expect(tabs.allInnerTexts()).resolves.toEqual(
      expect.arrayContaining([
        expect.stringContaining("Tabel"),
        expect.stringContaining("Pengaturan"),
      ]),
    );

    // Tabel: the fixture's tables, per sheet; a click selects the table in Excel.
    await page.getByText("Tabel 3.8", { exact: false }).first().waitFor();
    await shoot(page, `tabel-${width}`);
    const before = await fakeState(page);
    expect(before.syncCount).toBeLessThanOrEqual(2);

    // Periksa.
    await page.getByRole("tab", { name: /Periksa/ }).click();
    await page.getByRole("button", { name: "Periksa", exact: true }).click();
    await page.getByText(/temuan di \d+ tabel/).waitFor();
    await shoot(page, `periksa-${width}`);
    const finding = page
      .getByRole("region", { name: "Tabel 3.9", exact: true })
      .getByRole("button", { name: /\bF12\b/ });
    await finding.first().click();
    await until(async () => (await fakeState(page)).selection?.address === "F12");
    expect((await fakeState(page)).activeSheet).toBe("Tabel 3.9");

    // Ringkasan: written in at most two syncs after the fresh check's two reads.
    await page.getByRole("tab", { name: /Ringkasan/ }).click();
    await resetCounters(page);
    await page.getByRole("button", { name: "Tulis lembar ringkasan" }).click();
    await page.getByText("Lembar yang ditulis:").waitFor();
    await shoot(page, `ringkasan-${width}`);
    const after = await fakeState(page);
    expect(after.sheets).toEqual([...before.sheets, ...after.marked]);
    expect(after.marked).toEqual(
      expect.arrayContaining(["Ringkasan Capaian", "Perbandingan Tahun", "Temuan"]),
    );
    expect(after.syncCount).toBeLessThanOrEqual(4);
    expect(Math.max(...after.payloads)).toBeLessThanOrEqual(after.payloadLimit);
    expect(after.foreignWrites).toBe(0);

    await page.getByRole("tab", { name: /Pengaturan/ }).click();
    await page.getByText("Skala kategori capaian").waitFor();
    await shoot(page, `pengaturan-${width}`);

    // Nothing is wider than the pane.
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(width);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("runs the ribbon's Periksa in the same runtime and shows the result in the pane", async () => {
    const { page, errors } = await openPane(320);
    await page.getByRole("tab", { name: /Tabel/ }).waitFor();
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const host = (
            window as unknown as {
              __sakipHost: { actions: Record<string, (event: { completed(): void }) => void> };
            }
          ).__sakipHost;
          host.actions.sakipPeriksa({ completed: resolve });
        }),
    );
    await expect(
      page.getByRole("tab", { name: /Periksa/ }).getAttribute("aria-selected"),
    ).resolves.toBe("true");
    await page.getByText(/temuan di \d+ tabel/).waitFor();
    const shown = await page.evaluate(
      () =>
        (window as unknown as { __sakipHost: { taskpaneShown: number } }).__sakipHost.taskpaneShown,
    );
    expect(shown).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("speaks English when Office does", async () => {
    const { page, errors } = await openPane(320, { displayLanguage: "en-US" });
    await page.getByRole("tab", { name: /Tables/ }).waitFor();
    await page.getByRole("tab", { name: /Settings/ }).click();
    await page.getByText("Achievement category scale").waitFor();
    await shoot(page, "settings-en-320");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("enforces its Content-Security-Policy: an injected inline script does not run", async () => {
    const { page, errors } = await openPane(320);
    await page.getByRole("tab", { name: /Tabel/ }).waitFor();
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true;";
      document.body.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    // Chromium logs the refusal itself, and the page's listener reports it.
    expect(errors).toEqual([
      expect.stringMatching(/violates the following Content Security Policy directive/),
      "CSP: script-src-elem inline",
    ]);
    await page.close();
  });

  it("registers the worksheet functions in the same runtime", async () => {
    const { page } = await openPane(320);
    await page.getByRole("tab", { name: /Tabel/ }).waitFor();
    const ids = await page.evaluate(() =>
      Object.keys(
        (window as unknown as { __sakipHost: { functions: object } }).__sakipHost.functions,
      ),
    );
    expect(ids).toEqual(expect.arrayContaining(["CAPAIAN", "EFISIENSI", "KATEGORI"]));
    await page.close();
  });
});
