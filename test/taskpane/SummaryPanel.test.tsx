/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { FakeGateway, fixtureSubset, notesSheet } from "./fakeGateway";
import { renderPane } from "./render";

async function write(pane: ReturnType<typeof renderPane>, label = "Tulis lembar ringkasan") {
  await pane.user.click(screen.getByRole("button", { name: label }));
}

describe("Ringkasan panel", () => {
  it("promises that the planner's own sheets are never changed", () => {
    renderPane(new FakeGateway([]), { tab: "ringkasan" });
    expect(screen.getByText(/Lembar milik Anda tidak pernah diubah/)).toBeInTheDocument();
  });

  it.each([
    ["an empty workbook", () => []],
    ["sheets without tables", () => [notesSheet()]],
  ])("writes nothing for %s and says why", async (_, sheets) => {
    const gateway = new FakeGateway(sheets());
    const pane = renderPane(gateway, { tab: "ringkasan" });
    await write(pane);
    expect(
      await screen.findByText(
        "Tidak ada lembar yang ditulis: tidak ada tabel SAKIP yang dikenali.",
      ),
    ).toBeInTheDocument();
    expect(gateway.calls.applyPlans).toEqual([]);
  });

  it("lists the sheets written, then the earlier ones it replaced", async () => {
    const gateway = new FakeGateway(await fixtureSubset("Tabel 3.9"));
    const pane = renderPane(gateway, { tab: "ringkasan" });
    await write(pane);
    expect(await screen.findByText("Lembar yang ditulis:")).toBeInTheDocument();
    const written = gateway.calls.applyPlans[0].map((p) => p.name);
    expect(written.length).toBeGreaterThan(0);
    const list = screen.getByRole("list");
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(written);
    expect(screen.queryByText(/Menggantikan/)).not.toBeInTheDocument();

    await pane.user.click(within(list).getByRole("button", { name: written[0] }));
    expect(gateway.calls.reveal).toEqual([
      { sheet: written[0], range: { top: 0, left: 0, bottom: 0, right: 0 } },
    ]);

    await write(pane);
    expect(
      await screen.findByText(`Menggantikan lembar ringkasan sebelumnya: ${written.join(", ")}`),
    ).toBeInTheDocument();
  });

  it("shows the gateway's error", async () => {
    const gateway = new FakeGateway(await fixtureSubset("Tabel 3.9"));
    gateway.fail.applyPlans = { error: new Error("Buku kerja terkunci untuk diedit") };
    const pane = renderPane(gateway, { tab: "ringkasan" });
    await write(pane);
    expect(await screen.findByText("Lembar ringkasan tidak dapat ditulis")).toBeInTheDocument();
    expect(screen.getByText("Buku kerja terkunci untuk diedit")).toBeInTheDocument();
  });

  it("speaks English", async () => {
    const gateway = new FakeGateway(await fixtureSubset("Tabel 3.9"));
    const pane = renderPane(gateway, { tab: "ringkasan", language: "en" });
    expect(screen.getByText(/Your own sheets are never changed/)).toBeInTheDocument();
    await write(pane, "Write summary sheets");
    expect(await screen.findByText("Sheets written:")).toBeInTheDocument();
  });
});
