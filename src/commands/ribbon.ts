/**
 * The ribbon's "Periksa" and "Ringkasan" buttons. They run in the shared runtime, in the
 * same page as the task pane, so they drive the very session the pane shows: the button
 * opens the pane on the right tab and the pane reports progress and the result.
 */

/** Function names the manifest's ExecuteFunction actions call (<FunctionName>). */
export const RIBBON_ACTIONS = {
  check: "sakipPeriksa",
  summary: "sakipRingkasan",
} as const;

/** What a ribbon command needs of the session (src/taskpane/session.ts). */
export interface RibbonSession {
  setTab(tab: "periksa" | "ringkasan"): void;
  runCheck(): Promise<unknown>;
  writeSummary(): Promise<unknown>;
}

/** The parts of Office.js the commands use, injectable for tests. */
export interface RibbonHost {
  associate(name: string, handler: (event: Office.AddinCommands.Event) => void): void;
  /** Office.addin.showAsTaskpane (SharedRuntime 1.1). */
  showTaskpane(): Promise<void>;
}

export function officeRibbonHost(): RibbonHost {
  return {
    associate: (name, handler) => Office.actions.associate(name, handler),
    showTaskpane: () => Office.addin.showAsTaskpane(),
  };
}

/**
 * Registers both commands. Each shows the pane first (so the planner sees the progress),
 * then runs; errors are already state in the session, and `completed()` is always called,
 * or Office shows the button as busy for good.
 */
export function registerRibbonCommands(session: RibbonSession, host: RibbonHost): void {
  const command =
    (tab: "periksa" | "ringkasan", run: () => Promise<unknown>) =>
    (event: Office.AddinCommands.Event): void => {
      session.setTab(tab);
      // The pane may fail to open (an old host): the work still runs and its result waits
      // in the pane for the next time it opens.
      const shown = host.showTaskpane().catch(() => undefined);
      void shown
        .then(run)
        .catch(() => undefined)
        .finally(() => event.completed());
    };
  host.associate(
    RIBBON_ACTIONS.check,
    command("periksa", () => session.runCheck()),
  );
  host.associate(
    RIBBON_ACTIONS.summary,
    command("ringkasan", () => session.writeSummary()),
  );
}
