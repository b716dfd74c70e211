import fs from "fs";
import path from "path";
import ts from "typescript";
import type { SheetSnapshot } from "../../src/core/snapshot";

/**
 * A fake Office.js for the browser tests: the script served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It defines Office, Excel and
 * CustomFunctions over test/helpers/fakeExcel.ts (transpiled here), holding the workbook
 * given as snapshots, so the built task pane runs its real Office.js gateway against it.
 * The page's `window.__sakipFake` is the FakeExcel, for the test to inspect; ribbon
 * actions and custom functions registered by the page are in `window.__sakipHost`.
 */

export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const FAKE_EXCEL_SOURCE = path.resolve(__dirname, "..", "helpers", "fakeExcel.ts");

function transpiledFakeExcel(): string {
  const source = fs.readFileSync(FAKE_EXCEL_SOURCE, "utf8");
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 },
    fileName: "fakeExcel.ts",
  }).outputText;
}

export interface FakeHostOptions {
  snapshots: SheetSnapshot[];
  /** Office's display language ("id-ID", "en-US"). */
  displayLanguage?: string;
  /** The highest ExcelApi set the fake supports. */
  excelApi?: string;
}

/** The script text for the page. */
export function fakeOfficeScript(options: FakeHostOptions): string {
  const config = JSON.stringify({
    snapshots: options.snapshots,
    displayLanguage: options.displayLanguage ?? "id-ID",
    excelApi: options.excelApi ?? "1.17",
  });
  return `(function () {
  var exports = {};
  var module = { exports: exports };
  ${transpiledFakeExcel()}
  var config = ${config};
  var fake = exports.FakeExcel.fromSnapshots(config.snapshots, { excelApi: config.excelApi });
  var host = { actions: {}, functions: {}, taskpaneShown: 0 };
  window.__sakipFake = fake;
  window.__sakipHost = host;
  function ErrorValue(code, message) { this.code = code; this.message = message; }
  window.CustomFunctions = {
    associate: function (id, fn) {
      if (typeof id === "string") host.functions[id] = fn;
      else Object.keys(id).forEach(function (k) { host.functions[k] = id[k]; });
    },
    Error: ErrorValue,
    ErrorCode: {
      invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?",
      invalidReference: "#REF!"
    }
  };
  window.Excel = { run: fake.run };
  var info = { host: "Excel", platform: "OfficeOnline" };
  window.Office = {
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: config.displayLanguage,
      requirements: { isSetSupported: fake.isSetSupported },
      document: { settings: fake.settings }
    },
    actions: { associate: function (name, fn) { host.actions[name] = fn; } },
    addin: { showAsTaskpane: function () { host.taskpaneShown++; return Promise.resolve(); } },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        setTimeout(function () { if (callback) callback(info); resolve(info); }, 0);
      });
    }
  };
})();`;
}
