// Task pane entry: waits for Office.js when it is present (inside Excel, or the web preview
// with office.js loaded), otherwise renders at once (plain browser without office.js).

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, makeStaticStyles, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { languageFrom, type Language } from "./texts";

const useStaticStyles = makeStaticStyles({
  body: { margin: 0 },
});

function Root({ language }: { language: Language }) {
  useStaticStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <App language={language} />
    </FluentProvider>
  );
}

function render(language: Language): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  document.documentElement.lang = language;
  createRoot(container).render(
    <StrictMode>
      <Root language={language} />
    </StrictMode>,
  );
}

function officeDisplayLanguage(): string | undefined {
  try {
    return Office.context?.displayLanguage;
  } catch {
    // Outside an Office host Office.context may be incomplete.
    return undefined;
  }
}

if (typeof Office !== "undefined") {
  Office.onReady()
    .then(() => render(languageFrom(officeDisplayLanguage())))
    .catch(() => render("id"));
} else {
  render("id");
}
