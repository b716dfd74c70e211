import "@testing-library/jest-dom";
import { render, type RenderResult } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { Session, type SessionOptions, type TabId } from "../../src/taskpane/session";
import type { Language, LanguageChoice } from "../../src/taskpane/texts";
import { FakeGateway } from "./fakeGateway";

/**
 * Rendering the task pane in jsdom: the App over a Session over a FakeGateway, inside the
 * FluentProvider as index.tsx mounts it.
 */

// Clicking through Fluent's dropdowns in jsdom takes a second or two alone, and several
// times that while the heavy suites (LibreOffice, the browser, webpack) share the 2 cores:
// jest's 5 s default made CI fail where nothing was wrong.
jest.setTimeout(30_000);

// Fluent's MessageBar and positioning observe sizes; jsdom has no ResizeObserver.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof globalThis.ResizeObserver === "undefined") {
  globalThis.ResizeObserver = NoResizeObserver as unknown as typeof ResizeObserver;
}

export interface PaneOptions extends SessionOptions {
  tab?: TabId;
  language?: Language;
  languageChoice?: LanguageChoice;
  onLanguageChange?: (choice: LanguageChoice) => void;
}

export interface Pane extends RenderResult {
  session: Session;
  gateway: FakeGateway;
  user: ReturnType<typeof userEvent.setup>;
}

export function renderPane(gateway: FakeGateway, options: PaneOptions = {}): Pane {
  const { tab, language = "id", languageChoice, onLanguageChange, ...sessionOptions } = options;
  const session = new Session(gateway, { pause: () => Promise.resolve(), ...sessionOptions });
  if (tab) session.setTab(tab);
  const user = userEvent.setup();
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <App
        session={session}
        language={language}
        languageChoice={languageChoice}
        onLanguageChange={onLanguageChange}
      />
    </FluentProvider>,
  );
  return { ...result, session, gateway, user };
}
