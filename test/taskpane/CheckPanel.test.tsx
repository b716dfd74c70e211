/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { emptySheet } from "../../src/core/snapshot";
import { FakeGateway, fixtureSubset, notesSheet } from "./fakeGateway";
import { renderPane } from "./render";

async function runCheck(pane: ReturnType<typeof renderPane>, label = "Periksa") {
  // The tab and the button share the word: the button is the one in the panel.
  const panel = screen.getByRole("tabpanel");
  await pane.user.click(within(panel).getByRole("button", { name: label }));
}

describe("Periksa panel", () => {
  it("says when the workbook is empty", async () => {
    const pane = renderPane(new FakeGateway([]), { tab: "periksa" });
    await runCheck(pane);
    expect(await screen.findByText("Buku kerja ini kosong")).toBeInTheDocument();
  });

  it("says when no table was recognised", async () => {
    const pane = renderPane(new FakeGateway([notesSheet(), emptySheet("Sheet2")]), {
      tab: "periksa",
    });
    await runCheck(pane);
    expect(await screen.findByText("Tidak ada tabel SAKIP yang dikenali")).toBeInTheDocument();
  });

  it("shows progress while checking, then the findings by severity and sheet", async () => {
    const gateway = new FakeGateway(await fixtureSubset("Tabel 3.9"));
    const release = gateway.hold();
    const pane = renderPane(gateway, { tab: "periksa" });
    await runCheck(pane);
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByText("Membaca buku kerja…")).toBeInTheDocument();
    expect(
      within(screen.getByRole("tabpanel")).getByRole("button", { name: "Periksa" }),
    ).toBeDisabled();
    release();

    expect(
      await screen.findByText("6 temuan di 1 tabel: 2 kesalahan, 0 peringatan, 4 info"),
    ).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByRole("tab", { name: /Periksa/ })).toHaveTextContent("6");

    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["Kesalahan (2)", "Info (4)"]);
    const f12 = screen.getByRole("button", { name: /^F12/ });
    expect(f12).toHaveTextContent("Nilai AKIP");
    expect(f12).toHaveTextContent("Capaian tertulis 102,60 tetapi realisasi/target = 100,12");
    expect(f12).toHaveTextContent("Seharusnya 100,12 · tertulis 102,6");
    await pane.user.click(f12);
    expect(gateway.calls.reveal).toEqual([
      { sheet: "Tabel 3.9", range: { top: 11, left: 5, bottom: 11, right: 5 } },
    ]);

    // The info findings are folded until opened.
    expect(screen.queryByRole("button", { name: /^D7/ })).not.toBeInTheDocument();
    await pane.user.click(screen.getByRole("button", { name: "Info (4)" }));
    expect(screen.getByRole("button", { name: /^D7/ })).toBeInTheDocument();
  });

  it("says so when there is no finding", async () => {
    const pane = renderPane(new FakeGateway(await fixtureSubset("Tabel 3.8")), {
      tab: "periksa",
    });
    await runCheck(pane);
    expect(await screen.findByText("Tidak ada temuan")).toBeInTheDocument();
    expect(screen.getByText(/1 tabel diperiksa/)).toBeInTheDocument();
  });

  it("shows settings that cannot be used as warnings", async () => {
    const gateway = new FakeGateway(await fixtureSubset("Tabel 3.8"), { clampE: "ya" });
    const pane = renderPane(gateway, { tab: "periksa" });
    await runCheck(pane);
    expect(
      await screen.findByText("Sebagian pemeriksaan tidak berjalan seperti biasa"),
    ).toBeInTheDocument();
    expect(screen.getByText(/clampE/)).toBeInTheDocument();
  });

  it("shows the gateway's error with a retry", async () => {
    const gateway = new FakeGateway(await fixtureSubset("Tabel 3.9"));
    gateway.fail.readSheets = { error: new Error("Koneksi ke Excel terputus"), times: 1 };
    const pane = renderPane(gateway, { tab: "periksa" });
    await runCheck(pane);
    expect(await screen.findByText("Pemeriksaan gagal")).toBeInTheDocument();
    expect(screen.getByText("Koneksi ke Excel terputus")).toBeInTheDocument();
    await pane.user.click(screen.getByRole("button", { name: "Coba lagi" }));
    expect(await screen.findByText(/^6 temuan/)).toBeInTheDocument();
  });

  it("speaks English, numbers included", async () => {
    const pane = renderPane(new FakeGateway(await fixtureSubset("Tabel 3.9")), {
      tab: "periksa",
      language: "en",
    });
    await runCheck(pane, "Check");
    expect(
      await screen.findByText("6 findings in 1 tables: 2 errors, 0 warnings, 4 info"),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Errors (2)" })).toBeInTheDocument();
    const f12 = screen.getByRole("button", { name: /^F12/ });
    expect(f12).toHaveTextContent("Expected 100.12 · printed 102.6");
    expect(f12).toHaveTextContent("Capaian printed 102.60 but realisasi/target = 100.12");
  });
});
