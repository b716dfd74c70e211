// Offline structural test of manifest.xml (the online validator needs the network).

import fs from "fs";
import path from "path";
import { PNG } from "pngjs";
import type { Element } from "@xmldom/xmldom";
import {
  allElements,
  allUrls,
  childrenNamed,
  elementsNamed,
  nameOf,
  only,
  parseXml,
} from "./manifestDom";
import { RIBBON_ACTIONS } from "../../src/commands/ribbon";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST_XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const { doc, problems } = parseXml(MANIFEST_XML);

const xsiType = (el: Element) => el.getAttribute("xsi:type");
const defaultValue = (el: Element) => el.getAttribute("DefaultValue") ?? "";

let root: Element;
let elements: Element[];
let resourcesEl: Element;
let host: Element;
let customFunctions: Element;
/** Resource elements (bt:Image, bt:Url, bt:String) by id, with their kind. */
const resources = new Map<string, { kind: string; el: Element }>();

const resourceValue = (resid: string | null): string => {
  const found = resources.get(resid ?? "");
  if (!found) throw new Error(`unknown resid ${resid}`);
  return defaultValue(found.el);
};

beforeAll(() => {
  // Report parser problems in every test rather than a confusing lookup error.
  if (problems.length > 0)
    throw new Error(`manifest.xml is not well-formed:\n${problems.join("\n")}`);
  root = doc.documentElement as Element;
  elements = allElements(doc);
  resourcesEl = only(root, "VersionOverrides", "Resources");
  for (const group of Array.from(resourcesEl.children)) {
    for (const el of Array.from(group.children)) {
      resources.set(el.getAttribute("id") ?? "", { kind: nameOf(el), el });
    }
  }
  host = only(root, "VersionOverrides", "Hosts", "Host");
  const found = elementsNamed(doc, "ExtensionPoint").find(
    (el) => xsiType(el) === "CustomFunctions",
  );
  if (!found) throw new Error("no CustomFunctions extension point");
  customFunctions = found;
});

describe("manifest.xml", () => {
  it("is well-formed XML without parser warnings or errors", () => {
    expect(problems).toEqual([]);
    expect(nameOf(root)).toBe("OfficeApp");
    expect(xsiType(root)).toBe("TaskPaneApp");
  });

  it("has the identity of the product", () => {
    expect(only(root, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    );
    expect(only(root, "Version").textContent).toBe("0.1.0.0");
    expect(only(root, "ProviderName").textContent?.trim()).not.toBe("");
    expect(only(root, "DefaultLocale").textContent).toBe("id-ID");
    expect(only(root, "Permissions").textContent).toBe("ReadWriteDocument");
    expect(only(root, "Hosts", "Host").getAttribute("Name")).toBe("Workbook");
  });

  it("has an Indonesian display name and description with en-US overrides", () => {
    const displayName = only(root, "DisplayName");
    expect(defaultValue(displayName)).toBe("SAKIP untuk Excel");
    const override = only(displayName, "Override");
    expect(override.getAttribute("Locale")).toBe("en-US");
    expect(override.getAttribute("Value")).toBe("SAKIP for Excel");

    const description = only(root, "Description");
    expect(defaultValue(description)).toContain("SAKIP.CAPAIAN");
    expect(defaultValue(description)).toMatch(/Memeriksa dan merangkum/);
    expect(only(description, "Override").getAttribute("Locale")).toBe("en-US");
    expect(only(description, "Override").getAttribute("Value")).toMatch(/Checks and summarises/);
  });

  it("requires the shared runtime and the custom functions runtime", () => {
    const sets = childrenNamed(only(root, "Requirements", "Sets"), "Set").map(
      (s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`,
    );
    expect(sets).toEqual(
      expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.1"]),
    );
  });

  it("gives every element id a unique value", () => {
    const ids = elements.map((el) => el.getAttribute("id")).filter((id): id is string => !!id);
    expect(ids.length).toBeGreaterThan(10);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it("resolves every resid to a resource of the right kind, and uses every resource", () => {
    const expectedKind = (el: Element): string => {
      if (nameOf(el) === "Image") return "Image";
      if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(nameOf(el))) {
        return "Url";
      }
      return "String"; // Label, Title, Description, Namespace
    };
    const used = new Set<string>();
    const unresolved: string[] = [];
    for (const el of elements) {
      const resid = el.getAttribute("resid");
      if (resid === null) continue;
      used.add(resid);
      const found = resources.get(resid);
      if (!found || found.kind !== expectedKind(el)) {
        unresolved.push(`<${nameOf(el)} resid="${resid}"> (found ${found?.kind ?? "nothing"})`);
      }
    }
    expect(unresolved).toEqual([]);
    expect([...resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("keeps resource ids unique and at most 32 characters", () => {
    const ids: string[] = [];
    for (const group of Array.from(resourcesEl.children)) {
      for (const el of Array.from(group.children)) ids.push(el.getAttribute("id") ?? "");
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.length === 0 || id.length > 32)).toEqual([]);
  });

  it("uses only https URLs on the origin of the task pane", () => {
    const source = defaultValue(only(root, "DefaultSettings", "SourceLocation"));
    const origin = new URL(source).origin;
    const urls = allUrls(doc);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const parsed = new URL(url);
      expect(parsed.protocol).toBe("https:");
      expect(parsed.origin).toBe(origin);
    }
    // AppDomain takes an origin: no path, no trailing slash.
    for (const appDomain of elementsNamed(doc, "AppDomain")) {
      expect(appDomain.textContent).toBe(origin);
    }
  });

  it("names the function namespace SAKIP", () => {
    const namespace = only(customFunctions, "Namespace");
    expect(resourceValue(namespace.getAttribute("resid"))).toBe("SAKIP");
  });

  it("runs task pane, custom functions and commands in one long-lived shared runtime", () => {
    // Runtimes comes first inside Host.
    expect(nameOf(host.children[0])).toBe("Runtimes");
    const runtimes = childrenNamed(only(host, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    const runtimeResid = runtimes[0].getAttribute("resid");
    expect(runtimeResid).toBe("Taskpane.Url");

    const page = only(customFunctions, "Page", "SourceLocation").getAttribute("resid");
    const functionFiles = elementsNamed(doc, "FunctionFile").map((el) => el.getAttribute("resid"));
    const showTaskpane = elementsNamed(doc, "Action")
      .filter((el) => xsiType(el) === "ShowTaskpane")
      .map((el) => only(el, "SourceLocation").getAttribute("resid"));
    expect(page).toBe(runtimeResid);
    expect(functionFiles).toEqual([runtimeResid]);
    expect(showTaskpane.length).toBeGreaterThan(0);
    expect(new Set(showTaskpane)).toEqual(new Set([runtimeResid]));

    const pane = resourceValue(runtimeResid);
    expect(pane).toMatch(/\/taskpane\.html$/);
    expect(defaultValue(only(root, "DefaultSettings", "SourceLocation"))).toBe(pane);
  });

  it("points the custom functions at functions.js and functions.json", () => {
    const script = only(customFunctions, "Script", "SourceLocation").getAttribute("resid");
    const metadata = only(customFunctions, "Metadata", "SourceLocation").getAttribute("resid");
    expect(resourceValue(script)).toMatch(/\/functions\.js$/);
    expect(resourceValue(metadata)).toMatch(/\/functions\.json$/);
  });

  it("has an 'Open SAKIP' button in a SAKIP group on the Home tab", () => {
    const tab = elementsNamed(doc, "OfficeTab").find((el) => el.getAttribute("id") === "TabHome");
    expect(tab).toBeDefined();
    const group = only(tab as Element, "Group");
    expect(resourceValue(only(group, "Label").getAttribute("resid"))).toBe("SAKIP");
    const button = childrenNamed(group, "Control").find((el) => xsiType(el) === "Button");
    expect(button).toBeDefined();
    const label = resources.get(only(button as Element, "Label").getAttribute("resid") ?? "");
    expect(defaultValue(label!.el)).toBe("Buka SAKIP");
    expect(only(label!.el, "Override").getAttribute("Value")).toBe("Open SAKIP");
    const action = only(button as Element, "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(only(action, "TaskpaneId").textContent).toBe("SakipTaskpane");
    for (const icon of [only(group, "Icon"), only(button as Element, "Icon")]) {
      const sizes = childrenNamed(icon, "Image").map((img) => img.getAttribute("size"));
      expect(sizes).toEqual(["16", "32", "80"]);
    }
  });

  it("has Periksa and Ringkasan buttons that run the shared runtime's ribbon actions", () => {
    const tab = elementsNamed(doc, "OfficeTab").find((el) => el.getAttribute("id") === "TabHome");
    const group = only(tab as Element, "Group");
    const buttons = childrenNamed(group, "Control").filter((el) => xsiType(el) === "Button");
    const commands = buttons
      .map((button) => ({ button, action: only(button, "Action") }))
      .filter(({ action }) => xsiType(action) === "ExecuteFunction");
    const described = commands.map(({ button, action }) => {
      const label = resources.get(only(button, "Label").getAttribute("resid") ?? "")!.el;
      const tip = only(button, "Supertip", "Description").getAttribute("resid");
      return {
        functionName: only(action, "FunctionName").textContent,
        label: defaultValue(label),
        english: only(label, "Override").getAttribute("Value"),
        tooltip: resourceValue(tip) !== "",
        icons: childrenNamed(only(button, "Icon"), "Image").map((img) => img.getAttribute("size")),
      };
    });
    expect(described).toEqual([
      {
        functionName: RIBBON_ACTIONS.check,
        label: "Periksa",
        english: "Check",
        tooltip: true,
        icons: ["16", "32", "80"],
      },
      {
        functionName: RIBBON_ACTIONS.summary,
        label: "Ringkasan",
        english: "Summary",
        tooltip: true,
        icons: ["16", "32", "80"],
      },
    ]);
    // ExecuteFunction runs in the page named by FunctionFile: the shared runtime's page.
    const functionFile = only(host, "DesktopFormFactor", "FunctionFile").getAttribute("resid");
    const runtime = only(host, "Runtimes", "Runtime").getAttribute("resid");
    expect(functionFile).toBe(runtime);
    // Each button has its own glyph, so the three buttons can be told apart.
    const iconUrls = buttons.map((button) =>
      resourceValue(childrenNamed(only(button, "Icon"), "Image")[0].getAttribute("resid")),
    );
    expect(new Set(iconUrls).size).toBe(buttons.length);
  });

  it("has a GetStarted title, description and learn-more URL", () => {
    const getStarted = only(host, "DesktopFormFactor", "GetStarted");
    for (const name of ["Title", "Description", "LearnMoreUrl"]) {
      expect(resourceValue(only(getStarted, name).getAttribute("resid"))).not.toBe("");
    }
  });

  it("translates every UI string to en-US (except the function namespace)", () => {
    const strings = [...resources.values()].filter((r) => r.kind === "String");
    const namespaceResid = only(customFunctions, "Namespace").getAttribute("resid");
    const missing = strings
      .filter(({ el }) => el.getAttribute("id") !== namespaceResid)
      .filter(({ el }) => {
        const overrides = childrenNamed(el, "Override");
        return !overrides.some(
          (o) => o.getAttribute("Locale") === "en-US" && o.getAttribute("Value"),
        );
      })
      .map(({ el }) => el.getAttribute("id"));
    expect(missing).toEqual([]);
    // The namespace must stay the same in every language.
    const namespaceEl = resources.get(namespaceResid ?? "")!.el;
    expect(childrenNamed(namespaceEl, "Override")).toEqual([]);
  });

  it("serves icons that exist in assets/ with the declared pixel size", () => {
    const icons: { url: string; size: number }[] = [
      { url: defaultValue(only(root, "IconUrl")), size: 32 },
      { url: defaultValue(only(root, "HighResolutionIconUrl")), size: 64 },
    ];
    for (const image of elementsNamed(doc, "Image")) {
      const resid = image.getAttribute("resid");
      if (resid)
        icons.push({ url: resourceValue(resid), size: Number(image.getAttribute("size")) });
    }
    // Every bt:Image resource is checked at least through its uses.
    expect(icons.length).toBeGreaterThanOrEqual(2 + 6);
    const source = defaultValue(only(root, "DefaultSettings", "SourceLocation"));
    const base = new URL(".", source).href;
    for (const { url, size } of icons) {
      expect(url.startsWith(`${base}assets/`)).toBe(true);
      const file = path.join(ROOT, "assets", url.slice(`${base}assets/`.length));
      expect(fs.existsSync(file)).toBe(true);
      const png = PNG.sync.read(fs.readFileSync(file));
      expect([png.width, png.height]).toEqual([size, size]);
    }
  });
});
