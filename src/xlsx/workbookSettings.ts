import JSZip from "jszip";
import { CONFIG_SETTING } from "../core/config";
import { asciiBytes, containsBytes, ownBytes, WorkbookReadError } from "./errors";
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

/**
 * The add-in's configuration as saved in a workbook. Inside Excel the add-in keeps it in the
 * document settings (`Office.context.document.settings`, key "sakip.config"); Office writes
 * those into the .xlsx as a web extension part:
 *
 *   xl/webextensions/webextension1.xml
 *     <we:webextension …><we:properties>
 *       <we:property name="sakip.config" value="{&quot;overrides&quot;:[…]}"/>
 *
 * so that the CLI reads the same corrections and settings a planner saved in Excel.
 */

export { CONFIG_SETTING };

const WEB_EXTENSION_NAME = asciiBytes("xl/webextensions/webextension");
const WEB_EXTENSION_PART = /^xl\/webextensions\/webextension(\d*)\.xml$/i;
const PROPERTY_ELEMENT = /<(?:[\w.-]+:)?property\b([^>]*?)\/?>/g;
/** The raw (attribute-decoded) value of a named property in one web extension part. */
export function propertyValue(xml: string, name: string): string | null {
  for (const m of xml.matchAll(PROPERTY_ELEMENT)) {
    const attributes = attributesOf(m[1]);
    if (attributes.get("name") === name) return attributes.get("value") ?? null;
  }
  return null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Office keeps each setting JSON-encoded: an object saved with `settings.set(key, obj)`
 * arrives as its JSON, and a string saved with `settings.set(key, JSON.stringify(obj))`
 * arrives as a JSON string whose content is JSON again. Both give the object; anything that
 * does not decode gives null.
 */
export function decodeSettingValue(raw: string): unknown | null {
  const outer = parseJson(raw);
  if (!outer.ok) return null;
  if (typeof outer.value !== "string") return outer.value;
  const inner = parseJson(outer.value);
  return inner.ok ? inner.value : null;
}

function partOrder(path: string): number {
  const digits = WEB_EXTENSION_PART.exec(path)?.[1] ?? "";
  return digits === "" ? 0 : Number(digits);
}

/**
 * The configuration the add-in saved in the workbook (the object a --config file holds), or
 * null when the workbook has none, when it cannot be decoded, or when the bytes are not a
 * zip. Never throws: a damaged setting must not stop a check.
 */
export async function readWorkbookConfig(
  data: Uint8Array | ArrayBuffer,
  name: string = CONFIG_SETTING,
): Promise<unknown | null> {
  const bytes = ownBytes(data);
  // Part names stand uncompressed in a zip: most workbooks carry no add-in part, and the
  // gateway has just unzipped the file once already.
  if (!containsBytes(bytes, WEB_EXTENSION_NAME)) return null;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  const parts = Object.keys(zip.files)
    .filter((path) => WEB_EXTENSION_PART.test(path))
    .sort((a, b) => partOrder(a) - partOrder(b));
  for (const path of parts) {
    let xml: string;
    try {
      xml = await zip.files[path].async("string");
    } catch {
      continue;
    }
    const raw = propertyValue(xml, name);
    if (raw !== null) return decodeSettingValue(raw);
  }
  return null;
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
const TASKPANES_PART = "xl/webextensions/taskpanes.xml";
/** manifest.xml's <Id>: Excel gives the settings to the add-in its reference names. */
const ADDIN_ID = "9d690109-82c4-4dee-b815-dd3ecb95d3f5";
const OUR_REFERENCE = new RegExp(
  `<(?:[\\w.-]+:)?reference\\b[^>]*\\bid="\\{?${ADDIN_ID}\\}?"`,
  "i",
);

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
    .sort((a, b) => partOrder(a) - partOrder(b));

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
  const number = parts.reduce((n, p) => Math.max(n, partOrder(p)), 0) + 1;
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

/** The part with the named property's value replaced, or null when it has none. */
function replaceProperty(xml: string, name: string, value: string): string | null {
  for (const m of xml.matchAll(PROPERTY_ELEMENT)) {
    if (attributesOf(m[1]).get("name") !== name) continue;
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
