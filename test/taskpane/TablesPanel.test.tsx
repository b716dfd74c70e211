/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import { emptySheet } from "../../src/core/snapshot";
import { FakeGateway, fixtureSubset, notesSheet } from "./fakeGateway";
import { renderPane } from "./render";

describe("Tabel panel", () => {
  it("says when the workbook is empty", async () => {
    renderPane(new FakeGateway([emptySheet("Sheet1")]));
    expect(await screen.findByText("Buku kerja ini kosong")).toBeInTheDocument();
  });

  it("says when sheets hold no SAKIP table, with a hint", async () => {
    renderPane(new FakeGateway([notesSheet()]));
    expect(await screen.findByText("Tidak ada tabel SAKIP yang dikenali")).toBeInTheDocument();
    expect(screen.getByText(/judul kolom/)).toBeInTheDocument();
  });

  it("lists the regions per sheet and reveals one on click", async () => {
    const pane = renderPane(new FakeGateway(await fixtureSubset("Tabel 3.8", "Tabel 3.9")));
    expect(await screen.findByText("2 tabel di 2 lembar")).toBeInTheDocument();
    const sheet = screen.getByRole("region", { name: "Tabel 3.9" });
    expect(within(sheet).getByRole("heading", { name: "Tabel 3.9" })).toBeInTheDocument();
    expect(within(sheet).getByText("Keyakinan 85%")).toBeInTheDocument();
    expect(within(sheet).getByText(/Capaian indikator Kinerja Tujuan/)).toHaveAttribute(
      "title",
      expect.stringContaining("Tahun 2025"),
    );

    await pane.user.click(within(sheet).getByRole("button", { name: "Pengukuran kinerja B3:H23" }));
    expect(pane.gateway.calls.reveal).toEqual([
      { sheet: "Tabel 3.9", range: { top: 2, left: 1, bottom: 22, right: 7 } },
    ]);
    expect(screen.getByRole("button", { name: "Efisiensi A3:I8" })).toBeInTheDocument();
  });

  it("saves a corrected kind and column role as an override", async () => {
    const pane = renderPane(new FakeGateway(await fixtureSubset("Tabel 3.9")));
    await pane.user.click(await screen.findByRole("button", { name: "Koreksi" }));
    const form = screen.getByRole("form", { name: "Koreksi tabel B3:H23" });
    await pane.user.click(within(form).getByRole("combobox", { name: "Jenis tabel" }));
    await pane.user.click(screen.getByRole("option", { name: "Perbandingan antartahun" }));
    await pane.user.click(within(form).getByRole("combobox", { name: "Kolom B" }));
    await pane.user.click(screen.getByRole("option", { name: "Kode" }));
    await pane.user.click(within(form).getByRole("button", { name: "Simpan koreksi" }));

    expect(await screen.findByText("Koreksi tersimpan di buku kerja.")).toBeInTheDocument();
    expect(pane.gateway.calls.saveConfig).toEqual([
      {
        overrides: [
          {
            sheet: "Tabel 3.9",
            header: "B3:H5",
            kind: "tren",
            columns: { B: { role: "kode" } },
          },
        ],
      },
    ]);
    expect(screen.getByRole("button", { name: "Perbandingan antartahun B3:H23" })).toBeVisible();
    expect(screen.getByText("dikoreksi")).toBeInTheDocument();
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
  });

  it("warns about saved corrections that find no table", async () => {
    const config = { overrides: [{ sheet: "Tabel 9.9", header: "A3:D4", kind: "iku" }] };
    renderPane(new FakeGateway(await fixtureSubset("Tabel 3.9"), config));
    expect(await screen.findByText("1 koreksi tidak menemukan tabelnya lagi")).toBeInTheDocument();
    expect(screen.getByText(/Tabel 9\.9!A3:D4/)).toBeInTheDocument();
  });

  it("shows the gateway's error with a retry", async () => {
    const gateway = new FakeGateway(await fixtureSubset("Tabel 3.9"));
    gateway.fail.readSheets = { error: new Error("Excel sedang sibuk (kode 5001)"), times: 1 };
    const pane = renderPane(gateway);
    const alert = await screen.findByText("Buku kerja tidak dapat dibaca");
    expect(screen.getByText("Excel sedang sibuk (kode 5001)")).toBeInTheDocument();
    expect(alert).toBeInTheDocument();
    await pane.user.click(screen.getByRole("button", { name: "Coba lagi" }));
    expect(await screen.findByText("1 tabel di 1 lembar")).toBeInTheDocument();
    expect(screen.queryByText("Buku kerja tidak dapat dibaca")).not.toBeInTheDocument();
  });

  it("shows a reveal failure until dismissed", async () => {
    const gateway = new FakeGateway(await fixtureSubset("Tabel 3.9"));
    gateway.fail.reveal = { error: new Error("Lembar dilindungi") };
    const pane = renderPane(gateway);
    await pane.user.click(await screen.findByRole("button", { name: /B3:H23/ }));
    expect(await screen.findByText("Sel tidak dapat ditampilkan")).toBeInTheDocument();
    expect(screen.getByText("Lembar dilindungi")).toBeInTheDocument();
    await pane.user.click(screen.getByRole("button", { name: "Tutup" }));
    await waitFor(() => expect(screen.queryByText("Lembar dilindungi")).not.toBeInTheDocument());
  });

  it("speaks English", async () => {
    renderPane(new FakeGateway(await fixtureSubset("Tabel 3.9")), { language: "en" });
    expect(
      await screen.findByRole("button", { name: "Performance measurement B3:H23" }),
    ).toBeVisible();
    expect(screen.getByText("1 tables on 1 sheets")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reload" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Correct" })).toBeInTheDocument();
  });
});
