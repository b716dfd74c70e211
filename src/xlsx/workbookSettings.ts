import JSZip from "jszip";
import { asciiBytes, containsBytes, ownBytes } from "./errors";
import { CONFIG_SETTING } from "../core/config";
import { attributesOf } from "./ooxml/xml";

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
