import { RIBBON_ACTIONS, registerRibbonCommands, RibbonHost } from "../../src/commands/ribbon";

type Handler = (event: Office.AddinCommands.Event) => void;

function setup(options: { showFails?: boolean; runFails?: boolean } = {}) {
  const log: string[] = [];
  const handlers = new Map<string, Handler>();
  const host: RibbonHost = {
    associate: (name, handler) => handlers.set(name, handler),
    showTaskpane: async () => {
      log.push("show");
      if (options.showFails) throw new Error("no pane");
    },
  };
  const session = {
    setTab: (tab: string) => log.push(`tab:${tab}`),
    runCheck: async () => {
      log.push("check");
      if (options.runFails) throw new Error("boom");
    },
    writeSummary: async () => {
      log.push("summary");
    },
  };
  registerRibbonCommands(session, host);
  /** Clicks a button and resolves when Office would stop showing it busy. */
  const click = (name: string) =>
    new Promise<void>((resolve) => {
      const event = { completed: () => resolve() } as unknown as Office.AddinCommands.Event;
      handlers.get(name)!(event);
    });
  return { log, handlers, click };
}

describe("ribbon commands", () => {
  it("registers both actions under the manifest's function names", () => {
    const { handlers } = setup();
    expect([...handlers.keys()]).toEqual([RIBBON_ACTIONS.check, RIBBON_ACTIONS.summary]);
  });

  it("Periksa opens the pane on its tab, then checks", async () => {
    const { log, click } = setup();
    await click(RIBBON_ACTIONS.check);
    expect(log).toEqual(["tab:periksa", "show", "check"]);
  });

  it("Ringkasan opens the pane on its tab, then writes the summary", async () => {
    const { log, click } = setup();
    await click(RIBBON_ACTIONS.summary);
    expect(log).toEqual(["tab:ringkasan", "show", "summary"]);
  });

  it("still runs when the pane cannot be shown, and always completes the event", async () => {
    const { log, click } = setup({ showFails: true, runFails: true });
    await click(RIBBON_ACTIONS.check);
    expect(log).toEqual(["tab:periksa", "show", "check"]);
  });
});
