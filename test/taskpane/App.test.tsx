// Smoke test: the placeholder task pane renders (server-side, no DOM needed) in both languages.

import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { FUNCTIONS, TEXTS } from "../../src/taskpane/texts";
import type { Language } from "../../src/taskpane/texts";

/** Text as React writes it into HTML. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

function render(language: Language): string {
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      <App language={language} />
    </FluentProvider>,
  );
}

describe("App", () => {
  it.each(["id", "en"] as const)(
    "shows the product, its purpose and every function (%s)",
    (lang) => {
      const html = render(lang);
      expect(html).toContain(TEXTS.productName[lang]);
      expect(html).toContain(escapeHtml(TEXTS.intro[lang]));
      for (const fn of FUNCTIONS) {
        expect(html).toContain(fn.name);
        expect(html).toContain(escapeHtml(fn.description[lang]));
      }
    },
  );
});
