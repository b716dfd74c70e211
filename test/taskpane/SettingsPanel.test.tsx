/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { FakeGateway, fixtureSubset, notesSheet } from "./fakeGateway";
import { renderPane } from "./render";

async function choose(pane: ReturnType<typeof renderPane>, field: string, option: string) {
  await pane.user.click(screen.getByRole("combobox", { name: field }));
  await pane.user.click(screen.getByRole("option", { name: option }));
}

/** The bands of the chosen scale as shown: "label range". */
function bands(): string[] {
  return screen
    .getAllByRole("definition")
    .map((d) => `${d.previousElementSibling?.textContent} ${d.textContent}`);
}

describe("Pengaturan panel", () => {
  it("works on an empty workbook: defaults shown, no indicator to set", async () => {
    renderPane(new FakeGateway([]), { tab: "pengaturan" });
    expect(await screen.findByText(/Belum ada indikator yang dikenali/)).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Skala kategori capaian" })).toHaveTextContent(
      "capaian-permendagri86",
    );
    expect(screen.getByRole("switch", { name: /Batasi E/ })).toBeChecked();
    expect(screen.getByRole("switch", { name: /Batasi CK/ })).not.toBeChecked();
  });

  it("works on sheets without tables: no indicator to set, the settings still saved", async () => {
    const gateway = new FakeGateway([notesSheet()]);
    const pane = renderPane(gateway, { tab: "pengaturan" });
    expect(await screen.findByText(/Belum ada indikator yang dikenali/)).toBeInTheDocument();
    await pane.user.click(screen.getByRole("switch", { name: /Batasi CK/ }));
    expect(await screen.findByText(/Tersimpan di buku kerja/)).toBeInTheDocument();
    expect(gateway.calls.saveConfig).toEqual([expect.objectContaining({ capCk: true })]);
  });

  it("saves the capaian scale and shows its bands", async () => {
    const pane = renderPane(new FakeGateway([]), { tab: "pengaturan" });
    expect(bands()[0]).toBe("Sangat Tinggi ≥ 91");
    await choose(pane, "Skala kategori capaian", "capaian-lkjip-semarang-2025");
    expect(await screen.findByText("Tersimpan di buku kerja")).toBeInTheDocument();
    expect(pane.gateway.calls.saveConfig).toEqual([
      { scales: { capaian: "capaian-lkjip-semarang-2025" }, overrides: [] },
    ]);
    expect(bands()).toEqual([
      "Sangat Tinggi > 90",
      "Tinggi > 75 dan ≤ 90",
      "Sedang > 65 dan ≤ 75",
      "Rendah > 50 dan ≤ 65",
      "Sangat Rendah ≤ 50",
    ]);
  });

  it("sets the polarity of a recognised indicator and the efficiency switches", async () => {
    const pane = renderPane(new FakeGateway(await fixtureSubset("Tabel 3.9")), {
      tab: "pengaturan",
    });
    const field = await screen.findByRole("combobox", { name: "Nilai AKIP" });
    expect(field).toHaveTextContent("Otomatis (normal)");
    await choose(pane, "Nilai AKIP", "Negatif");
    expect(pane.gateway.config).toEqual({ polarity: { "Nilai AKIP": "negatif" }, overrides: [] });
    expect(screen.getByRole("combobox", { name: "Nilai AKIP" })).toHaveTextContent("Negatif");

    await pane.user.click(screen.getByRole("switch", { name: /Batasi E/ }));
    await pane.user.click(screen.getByRole("switch", { name: /Batasi CK/ }));
    expect(pane.gateway.config).toEqual({
      polarity: { "Nilai AKIP": "negatif" },
      clampE: false,
      capCk: true,
      overrides: [],
    });

    // Back to automatic removes the entry.
    await choose(pane, "Nilai AKIP", "Otomatis (normal)");
    expect(pane.gateway.config).toEqual({ clampE: false, capCk: true, overrides: [] });
  });

  it("hands the language choice to the host", async () => {
    const onLanguageChange = jest.fn();
    const pane = renderPane(new FakeGateway([]), { tab: "pengaturan", onLanguageChange });
    expect(screen.getByRole("combobox", { name: "Bahasa" })).toHaveTextContent("Otomatis");
    await choose(pane, "Bahasa", "English");
    expect(onLanguageChange).toHaveBeenCalledWith("en");
  });

  it("shows a save error from the gateway", async () => {
    const gateway = new FakeGateway([]);
    gateway.fail.saveConfig = { error: new Error("Pengaturan dokumen tidak dapat disimpan") };
    const pane = renderPane(gateway, { tab: "pengaturan" });
    await pane.user.click(screen.getByRole("switch", { name: /Batasi CK/ }));
    expect(
      await screen.findByText("Pengaturan berlaku sekarang tetapi tidak tersimpan di buku kerja"),
    ).toBeInTheDocument();
    expect(screen.getByText("Pengaturan dokumen tidak dapat disimpan")).toBeInTheDocument();
    expect(screen.getByRole("switch", { name: /Batasi CK/ })).toBeChecked();
  });

  it("shows a saved configuration it cannot read, and settings it cannot use", async () => {
    renderPane(new FakeGateway([], { scales: { capaian: "skala-saya" } }), { tab: "pengaturan" });
    expect(
      await screen.findByText(
        "Sebagian pengaturan tersimpan tidak dapat dipakai (nilai bawaan dipakai)",
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/skala-saya/)).toBeInTheDocument();
  });

  it("speaks English", async () => {
    renderPane(new FakeGateway(await fixtureSubset("Tabel 3.9")), {
      tab: "pengaturan",
      language: "en",
      languageChoice: "en",
    });
    expect(await screen.findByRole("combobox", { name: "Nilai AKIP" })).toHaveTextContent(
      "Automatic (normal)",
    );
    expect(screen.getByRole("combobox", { name: "Language" })).toHaveTextContent("English");
    expect(screen.getByRole("switch", { name: /Cap CK at 1/ })).toBeInTheDocument();
    expect(bands()[1]).toBe("Tinggi ≥ 76 and < 91");
  });
});
