// Task pane entry and the shared runtime's start: inside Excel it creates the one session
// the pane and the ribbon buttons share, over the Office.js gateway. Opened outside Excel
// (a plain browser) it is the web preview on an .xlsx the planner picks or drops.

import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, makeStaticStyles, webLightTheme } from "@fluentui/react-components";
import { officeRibbonHost, registerRibbonCommands } from "../commands/ribbon";
import { ExcelGateway } from "../excel";
import { App } from "./App";
import { Preview } from "./Preview";
import { Session } from "./session";
import { languageFrom, type Language, type LanguageChoice } from "./texts";

const useStaticStyles = makeStaticStyles({
  body: { margin: 0 },
});

/** The planner's language choice is hers, not the workbook's: kept in this browser only. */
const LANGUAGE_KEY = "sakip.language";

function storedChoice(): LanguageChoice {
  try {
    const value = window.localStorage.getItem(LANGUAGE_KEY);
    return value === "id" || value === "en" ? value : "auto";
  } catch {
    // Storage can be disabled (private mode, policies): follow Office then.
    return "auto";
  }
}

function storeChoice(choice: LanguageChoice): void {
  try {
    if (choice === "auto") window.localStorage.removeItem(LANGUAGE_KEY);
    else window.localStorage.setItem(LANGUAGE_KEY, choice);
  } catch {
    // Not kept across sessions; the choice still holds until the pane closes.
  }
}

function resolve(choice: LanguageChoice, office: Language): Language {
  return choice === "auto" ? office : choice;
}

/** The planner's language choice, kept in this browser, resolved against `fallback`. */
function useLanguage(fallback: Language) {
  const [choice, setChoice] = useState<LanguageChoice>(storedChoice);
  const language = resolve(choice, fallback);
  document.documentElement.lang = language;
  const onLanguageChange = (next: LanguageChoice) => {
    storeChoice(next);
    setChoice(next);
  };
  return { language, languageChoice: choice, onLanguageChange };
}

function ExcelRoot({ session, officeLanguage }: { session: Session; officeLanguage: Language }) {
  useStaticStyles();
  const language = useLanguage(officeLanguage);
  return (
    <FluentProvider theme={webLightTheme}>
      <App session={session} {...language} />
    </FluentProvider>
  );
}

function OutsideRoot({ browserLanguage }: { browserLanguage: Language }) {
  useStaticStyles();
  // "Automatic" follows the browser's language here: there is no Office to ask.
  const language = useLanguage(browserLanguage);
  return (
    <FluentProvider theme={webLightTheme}>
      <Preview {...language} />
    </FluentProvider>
  );
}

function mount(node: React.ReactNode): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(<StrictMode>{node}</StrictMode>);
}

function officeDisplayLanguage(): string | undefined {
  try {
    return Office.context?.displayLanguage;
  } catch {
    // Outside an Office host Office.context may be incomplete.
    return undefined;
  }
}

function startInExcel(): void {
  const officeLanguage = languageFrom(officeDisplayLanguage());
  const session = new Session(new ExcelGateway(), {
    language: resolve(storedChoice(), officeLanguage),
  });
  // Before the first paint: a ribbon click may be what started this runtime.
  registerRibbonCommands(session, officeRibbonHost());
  mount(<ExcelRoot session={session} officeLanguage={officeLanguage} />);
}

function startOutside(): void {
  mount(<OutsideRoot browserLanguage={languageFrom(navigator.language)} />);
}

if (typeof Office !== "undefined") {
  Office.onReady()
    .then((info) => (info.host === Office.HostType.Excel ? startInExcel() : startOutside()))
    .catch(startOutside);
} else {
  startOutside();
}
