/** @jest-environment jsdom */
import { act, screen, within } from "@testing-library/react";
import { FakeGateway, fixtureSubset } from "./fakeGateway";
import { renderPane } from "./render";

describe("App", () => {
  it("shows the product, four tabs, and the Tabel panel first", async () => {
    const pane = renderPane(new FakeGateway(await fixtureSubset("Tabel 3.9")));
    expect(screen.getByRole("heading", { level: 1, name: "SAKIP untuk Excel" })).toBeVisible();
    const tabs = within(screen.getByRole("tablist")).getAllByRole("tab");
    expect(tabs).toEqual([
      screen.getByRole("tab", { name: /^Tabel/ }),
      screen.getByRole("tab", { name: "Periksa" }),
      screen.getByRole("tab", { name: "Ringkasan" }),
      screen.getByRole("tab", { name: "Pengaturan" }),
    ]);
    expect(tabs[0]).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByText("1 tabel di 1 lembar")).toBeInTheDocument();
    expect(screen.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", tabs[0].id);

    await pane.user.click(screen.getByRole("tab", { name: /Pengaturan/ }));
    expect(pane.session.getState().tab).toBe("pengaturan");
    expect(screen.getByRole("combobox", { name: "Skala kategori capaian" })).toBeVisible();
  });

  it("follows the session when a ribbon button drives it", async () => {
    const pane = renderPane(new FakeGateway(await fixtureSubset("Tabel 3.9")));
    await act(async () => {
      pane.session.setTab("periksa");
      await pane.session.runCheck();
    });
    expect(screen.getByRole("tab", { name: /Periksa/ })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tab", { name: /Periksa/ })).toHaveTextContent("6");
    expect(screen.getByRole("heading", { name: "Kesalahan (2)" })).toBeInTheDocument();
  });

  it("speaks English and passes the language to the session", async () => {
    const pane = renderPane(new FakeGateway([]), { language: "en" });
    expect(screen.getByRole("heading", { level: 1, name: "SAKIP for Excel" })).toBeVisible();
    expect(screen.getByRole("tab", { name: /Tables/ })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: /Settings/ })).toBeInTheDocument();
    expect(await screen.findByText("This workbook is empty")).toBeInTheDocument();
    expect(pane.session.getState().language).toBe("en");
  });
});
