import { PRODUCT_MARK_NAME, SummaryKey, summaryKeyOfMark } from "../../core/summary/plan";
import { isRelType, Package, parseRels, REL_NAMESPACES, resolveTarget } from "./opc";
import { findElement, findElements, prefixFor, rootElement, unescapeXml, XmlElement } from "./xml";

/**
 * The workbook part (xl/workbook.xml) as far as the gateway needs it: the sheet list, the
 * defined names, and where they stand in the text so they can be rewritten.
 */

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  state: string;
  /** The relationship id (r:id) of the sheet's part. */
  relId: string;
  /** The element as written, and where. */
  element: XmlElement;
}

export interface DefinedName {
  name: string;
  /** The sheet index it is scoped to (position in <sheets>, chart sheets included). */
  localSheetId: number | null;
  /** The formula text, decoded. */
  value: string;
  element: XmlElement;
}

export interface WorkbookXml {
  xml: string;
  /** The prefix of the SpreadsheetML namespace ("x:" or ""). */
  prefix: string;
  /** The prefix bound to the relationships namespace on the root, null when none. */
  relPrefix: string | null;
  sheets: WorkbookSheet[];
  sheetsElement: XmlElement;
  definedNames: DefinedName[];
  definedNamesElement: XmlElement | null;
}

export function parseWorkbook(xml: string): WorkbookXml | null {
  const root = rootElement(xml);
  if (!root || root.local !== "workbook") return null;
  const prefix = root.prefix;
  const relPrefix = prefixFor(root.tag, REL_NAMESPACES);
  const sheetsElement = findElement(xml, `${prefix}sheets`);
  if (!sheetsElement) return null;
  const sheets = findElements(xml, `${prefix}sheet`, sheetsElement.start, sheetsElement.end).map(
    (e): WorkbookSheet => ({
      name: e.attributes.get("name") ?? "",
      sheetId: Number(e.attributes.get("sheetId") ?? 0),
      state: e.attributes.get("state") ?? "visible",
      relId: relIdOf(e, relPrefix),
      element: e,
    }),
  );
  const definedNamesElement = findElement(xml, `${prefix}definedNames`);
  const definedNames = definedNamesElement
    ? findElements(
        xml,
        `${prefix}definedName`,
        definedNamesElement.start,
        definedNamesElement.end,
      ).map((e): DefinedName => {
        const local = e.attributes.get("localSheetId");
        return {
          name: e.attributes.get("name") ?? "",
          localSheetId: local !== undefined && /^\d+$/.test(local.trim()) ? Number(local) : null,
          value: unescapeXml(e.inner ?? ""),
          element: e,
        };
      })
    : [];
  return { xml, prefix, relPrefix, sheets, sheetsElement, definedNames, definedNamesElement };
}

/** The r:id of a sheet element, whatever prefix the relationships namespace has. */
function relIdOf(e: XmlElement, relPrefix: string | null): string {
  if (relPrefix !== null) {
    const id = e.attributes.get(`${relPrefix}id`);
    if (id !== undefined) return id;
  }
  // Declared on the element itself, or under another prefix.
  const local = prefixFor(e.tag, REL_NAMESPACES);
  if (local !== null && e.attributes.has(`${local}id`)) return e.attributes.get(`${local}id`)!;
  for (const [name, value] of e.attributes) if (/^[\w.-]+:id$/.test(name)) return value;
  return "";
}

/** Whether a defined name is the product's mark (names compare ignoring case, as in Excel). */
export function isMarkName(name: string): boolean {
  return name.toUpperCase() === PRODUCT_MARK_NAME.toUpperCase();
}

/** Sheet index → the SummaryKey of the product's mark on that sheet. */
export function summaryMarks(workbook: WorkbookXml): Map<number, SummaryKey> {
  const marks = new Map<number, SummaryKey>();
  for (const n of workbook.definedNames) {
    if (n.localSheetId === null || !isMarkName(n.name)) continue;
    if (n.localSheetId >= workbook.sheets.length) continue;
    const key = summaryKeyOfMark(n.value);
    if (key !== null) marks.set(n.localSheetId, key);
  }
  return marks;
}

/** Sheet name → SummaryKey for the sheets that carry the product's mark. */
export function summaryMarksByName(xml: string): Map<string, SummaryKey> {
  const workbook = parseWorkbook(xml);
  const out = new Map<string, SummaryKey>();
  if (!workbook) return out;
  for (const [index, key] of summaryMarks(workbook)) out.set(workbook.sheets[index].name, key);
  return out;
}

/**
 * Sheet name → SummaryKey of the marked sheets of an .xlsx's bytes; empty when the bytes
 * cannot be read (the caller has read them with ExcelJS already and reports its errors).
 */
export async function readSummaryMarks(bytes: Uint8Array): Promise<Map<string, SummaryKey>> {
  try {
    const pkg = await Package.load(bytes);
    const rootRels = parseRels((await pkg.readText("_rels/.rels")) ?? "");
    const office = rootRels.find((r) => isRelType(r.type, "officeDocument") && !r.external);
    const xml = await pkg.readText(office ? resolveTarget("", office.target) : "xl/workbook.xml");
    return xml === null ? new Map() : summaryMarksByName(xml);
  } catch {
    return new Map();
  }
}
