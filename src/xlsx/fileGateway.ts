import type { AppliedPlans, RevealTarget, WorkbookGateway } from "../core/gateway";
import type { SheetSnapshot } from "../core/snapshot";
import type { SheetPlan } from "../core/summary/plan";
import { applyPlans } from "./applyPlans";
import { ownBytes, WorkbookReadError } from "./errors";
import {
  addOverrides,
  addRels,
  CONTENT_TYPES_PART,
  emptyRels,
  nextRelId,
  Package,
  parseRels,
  relsPathOf,
} from "./ooxml/opc";
import { attributesOf, escapeAttr, rootElement, setAttribute, splice } from "./ooxml/xml";
import { readSheets } from "./readSheets";
import { CONFIG_SETTING, readWorkbookConfig } from "./workbookSettings";

/**
 * The workbook gateway of the web preview: one .xlsx held in memory in the browser (nothing
 * is uploaded). Reads go through the xlsx reader; writes patch the bytes and keep the result
 * as the current workbook, so a second summary run replaces the product's sheets of the
 * first (never the user's) and the download carries everything done in this session.
 */

export interface XlsxFileGatewayOptions {
  /** There is no grid to select in: the preview shows or announces the cell instead. */
  onReveal?: (target: RevealTarget) => void;
  /** Lets the page paint before a long read (default: a macrotask). */
  pause?: () => Promise<void>;
}

const defaultPause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class XlsxFileGateway implements WorkbookGateway {
  private current: Uint8Array;
  /**
   * The snapshots of the current bytes. The bytes only change through this gateway, so the
   * read done at open serves the first check too (a 50-sheet workbook is parsed once, not
   * twice); a summary run drops them because it adds sheets.
   */
  private sheets: SheetSnapshot[] | null;
  private config: unknown | null;
  private summaryWritten = false;
  private configSaved = false;
  private readonly onReveal?: (target: RevealTarget) => void;
  private readonly pause: () => Promise<void>;

  private constructor(
    readonly fileName: string,
    bytes: Uint8Array,
    sheets: SheetSnapshot[],
    config: unknown | null,
    options: XlsxFileGatewayOptions,
  ) {
    this.current = bytes;
    this.sheets = sheets;
    this.config = config;
    this.onReveal = options.onReveal;
    this.pause = options.pause ?? defaultPause;
  }

  /**
   * Reads the file once, so a wrong file (not an .xlsx, corrupt, password-protected, .xls,
   * empty) fails here, when it is dropped, with a WorkbookReadError.
   */
  static async open(
    fileName: string,
    data: ArrayBuffer | Uint8Array,
    options: XlsxFileGatewayOptions = {},
  ): Promise<XlsxFileGateway> {
    // A copy: the caller's buffer may be reused or transferred.
    const bytes = ownBytes(data).slice();
    const sheets = await readSheets(bytes);
    const config = await readWorkbookConfig(bytes);
    return new XlsxFileGateway(fileName, bytes, sheets, config, options);
  }

  /** The current workbook: the file as dropped plus the summary sheets and settings written. */
  bytes(): Uint8Array {
    return this.current;
  }

  /** Whether summary sheets were written in this session (the download gets a new name). */
  get hasSummary(): boolean {
    return this.summaryWritten;
  }

  /** Whether the bytes differ from the file as dropped. */
  get changed(): boolean {
    return this.summaryWritten || this.configSaved;
  }

  async readSheets(): Promise<SheetSnapshot[]> {
    if (this.sheets) return this.sheets;
    // Parsing is one long task: let the page show the progress first.
    await this.pause();
    const sheets = await readSheets(this.current);
    this.sheets = sheets;
    return sheets;
  }

  async applyPlans(plans: SheetPlan[]): Promise<AppliedPlans> {
    const result = await applyPlans(this.current, plans);
    this.current = result.bytes;
    this.sheets = null;
    this.summaryWritten = true;
    return { written: result.written, removed: result.removed };
  }

  async reveal(target: RevealTarget): Promise<void> {
    this.onReveal?.(target);
  }

  async readConfig(): Promise<unknown | null> {
    return this.config;
  }

  async saveConfig(config: object): Promise<void> {
    // Kept in memory first: the session goes on with it even if the file cannot take it.
    this.config = JSON.parse(JSON.stringify(config)) as unknown;
    this.current = await writeWorkbookConfig(this.current, config);
    this.configSaved = true;
  }
}

// ---------------------------------------------------------------------------------------
// Writing the configuration into the package, as Office does for document settings.

const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WE_REL = "http://schemas.microsoft.com/office/2011/relationships/webextension";
const WETP_REL = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const WE_TYPE = "application/vnd.ms-office.webextension+xml";
const WETP_TYPE = "application/vnd.ms-office.webextensiontaskpanes+xml";
const WEB_EXTENSION_PART = /^xl\/webextensions\/webextension(\d*)\.xml$/i;
const TASKPANES_PART = "xl/webextensions/taskpanes.xml";
/** manifest.xml's <Id>: Excel gives the settings to the add-in its reference names. */
const ADDIN_ID = "9d690109-82c4-4dee-b815-dd3ecb95d3f5";
const OUR_REFERENCE = new RegExp(
  `<(?:[\\w.-]+:)?reference\\b[^>]*\\bid="\\{?${ADDIN_ID}\\}?"`,
  "i",
);
const PROPERTY = /<((?:[\w.-]+:)?)property\b([^>]*?)\/?>/g;

/**
 * The bytes with the configuration saved as the web extension property `name`, as Office
 * writes `settings.set(name, config)` (the value is the JSON of the object), so
 * readWorkbookConfig, the CLI and the add-in in Excel read it. Only the web extension
 * parts, their relationships and the content types change; every other part keeps its
 * content. Throws a WorkbookReadError when the bytes are not a readable package.
 */
export async function writeWorkbookConfig(
  data: Uint8Array | ArrayBuffer,
  config: object,
  name: string = CONFIG_SETTING,
): Promise<Uint8Array> {
  let pkg: Package;
  try {
    pkg = await Package.load(ownBytes(data));
  } catch (error) {
    throw new WorkbookReadError("corrupt", error instanceof Error ? error.message : String(error));
  }
  const value = JSON.stringify(config);
  const parts = pkg
    .parts()
    .filter((p) => WEB_EXTENSION_PART.test(p))
    .sort((a, b) => partNumber(a) - partNumber(b));

  // 1. A part that holds the property already (the add-in saved there in Excel): its value.
  for (const part of parts) {
    const xml = (await pkg.readText(part)) ?? "";
    const patched = replaceProperty(xml, name, value);
    if (patched !== null) {
      pkg.writeText(part, patched);
      return pkg.bytes();
    }
  }

  // 2. Our add-in's part without the property: one more property in its bag.
  for (const part of parts) {
    const xml = (await pkg.readText(part)) ?? "";
    if (!OUR_REFERENCE.test(xml)) continue;
    const patched = addProperty(xml, name, value);
    if (patched !== null) {
      pkg.writeText(part, patched);
      return pkg.bytes();
    }
  }

  // 3. No part of ours: a new web extension, linked through a hidden task pane entry as
  //    Excel links the add-in parts it saves.
  const number = parts.reduce((n, p) => Math.max(n, partNumber(p)), 0) + 1;
  const wePart = `xl/webextensions/webextension${number}.xml`;
  pkg.writeText(wePart, webExtensionXml(name, value));
  let types = (await pkg.readText(CONTENT_TYPES_PART)) ?? "";
  if (types === "") throw new WorkbookReadError("corrupt", "no [Content_Types].xml");
  types = addOverrides(types, [{ part: wePart, type: WE_TYPE }]);

  const paneRelsPath = relsPathOf(TASKPANES_PART);
  const paneRelsXml = (await pkg.readText(paneRelsPath)) ?? emptyRels();
  const relId = nextRelId(parseRels(paneRelsXml).map((r) => r.id))();
  pkg.writeText(
    paneRelsPath,
    addRels(paneRelsXml, [{ id: relId, type: WE_REL, target: `webextension${number}.xml` }]),
  );
  const paneEntry = (prefix: string) =>
    `<${prefix}taskpane dockstate="right" visibility="0" width="350" row="0">` +
    `<${prefix}webextensionref xmlns:r="${R_NS}" r:id="${relId}"/></${prefix}taskpane>`;
  const panes = await pkg.readText(TASKPANES_PART);
  if (panes !== null) {
    const root = rootElement(panes);
    const close = root ? panes.lastIndexOf(`</${root.prefix}${root.local}`) : -1;
    if (!root || close < 0) throw new WorkbookReadError("corrupt", `${TASKPANES_PART} is damaged`);
    pkg.writeText(TASKPANES_PART, splice(panes, close, close, paneEntry(root.prefix)));
  } else {
    pkg.writeText(
      TASKPANES_PART,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<wetp:taskpanes xmlns:wetp="${WETP_NS}">${paneEntry("wetp:")}</wetp:taskpanes>`,
    );
    types = addOverrides(types, [{ part: TASKPANES_PART, type: WETP_TYPE }]);
    const rootRels = (await pkg.readText("_rels/.rels")) ?? emptyRels();
    const rootId = nextRelId(parseRels(rootRels).map((r) => r.id))();
    pkg.writeText(
      "_rels/.rels",
      addRels(rootRels, [{ id: rootId, type: WETP_REL, target: TASKPANES_PART }]),
    );
  }
  pkg.writeText(CONTENT_TYPES_PART, types);
  return pkg.bytes();
}

function partNumber(path: string): number {
  const digits = WEB_EXTENSION_PART.exec(path)?.[1] ?? "";
  return digits === "" ? 0 : Number(digits);
}

/** The part with the named property's value replaced, or null when it has none. */
function replaceProperty(xml: string, name: string, value: string): string | null {
  for (const m of xml.matchAll(PROPERTY)) {
    if (attributesOf(m[2]).get("name") !== name) continue;
    return splice(xml, m.index, m.index + m[0].length, setAttribute(m[0], "value", value));
  }
  return null;
}

/** The part with the property added to its bag, or null when it has no bag. */
function addProperty(xml: string, name: string, value: string): string | null {
  const root = rootElement(xml);
  if (!root) return null;
  const p = root.prefix;
  const property = `<${p}property name="${escapeAttr(name)}" value="${escapeAttr(value)}"/>`;
  const close = xml.indexOf(`</${p}properties>`);
  if (close >= 0) return splice(xml, close, close, property);
  const empty = new RegExp(`<${p}properties\\s*/>`).exec(xml);
  if (empty) {
    return splice(
      xml,
      empty.index,
      empty.index + empty[0].length,
      `<${p}properties>${property}</${p}properties>`,
    );
  }
  return null;
}

function webExtensionXml(name: string, value: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<we:webextension xmlns:we="${WE_NS}" id="{${ADDIN_ID.toUpperCase()}}">` +
    `<we:reference id="${ADDIN_ID}" version="1.0.0.0" store="developer" storeType="Registry"/>` +
    `<we:alternateReferences/>` +
    `<we:properties><we:property name="${escapeAttr(name)}" value="${escapeAttr(value)}"/></we:properties>` +
    `<we:bindings/><we:snapshot xmlns:r="${R_NS}"/></we:webextension>`
  );
}
