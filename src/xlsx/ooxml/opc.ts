import JSZip from "jszip";
import {
  ATTRS,
  decodeXml,
  escapeAttr,
  escapeRegExp,
  findElements,
  rootElement,
  splice,
} from "./xml";

/**
 * The package layer (Open Packaging Conventions) of an .xlsx: parts in a zip, the
 * relationships between them (`_rels/*.rels`) and their content types
 * (`[Content_Types].xml`). Part names are kept without a leading "/" ("xl/workbook.xml")
 * and compared ignoring case, as OPC does.
 */

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";
export const REL_NAMESPACES = [REL_NS, REL_NS_STRICT];
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export const REL_TYPE = {
  officeDocument: `${REL_NS}/officeDocument`,
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  drawing: `${REL_NS}/drawing`,
  chart: `${REL_NS}/chart`,
  calcChain: `${REL_NS}/calcChain`,
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** Whether a relationship type is `kind` (ignoring which namespace, transitional or strict). */
export function isRelType(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export class Package {
  private readonly names = new Map<string, string>();

  private constructor(readonly zip: JSZip) {
    for (const [name, file] of Object.entries(zip.files)) {
      if (!file.dir) this.names.set(name.toLowerCase(), name);
    }
  }

  static async load(bytes: Uint8Array): Promise<Package> {
    return new Package(await JSZip.loadAsync(bytes));
  }

  /** The zip entry name of a part, found ignoring case; null when absent. */
  entryName(part: string): string | null {
    return this.names.get(part.toLowerCase()) ?? null;
  }

  has(part: string): boolean {
    return this.entryName(part) !== null;
  }

  /** Every part name (no folders). */
  parts(): string[] {
    return [...this.names.values()];
  }

  async readText(part: string): Promise<string | null> {
    const name = this.entryName(part);
    if (name === null) return null;
    return decodeXml(await this.zip.files[name].async("uint8array"));
  }

  /** Write a part, in place when it exists (the zip keeps its entry order). */
  writeText(part: string, text: string): void {
    const name = this.entryName(part) ?? part;
    this.zip.file(name, text, { createFolders: false });
    this.names.set(name.toLowerCase(), name);
  }

  remove(part: string): void {
    const name = this.entryName(part);
    if (name === null) return;
    this.zip.remove(name);
    this.names.delete(name.toLowerCase());
  }

  async bytes(): Promise<Uint8Array> {
    return this.zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 6 },
    });
  }
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The source part of a rels part ("_rels/.rels" → "", the package itself). */
export function sourceOfRels(relsPath: string): string | null {
  const m = /^((?:.*\/)?)_rels\/([^/]*)\.rels$/i.exec(relsPath);
  return m ? m[1] + m[2] : null;
}

function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** A relationship target as a part name ("../drawings/drawing1.xml" from a sheet). */
export function resolveTarget(source: string, target: string): string {
  let path = target;
  try {
    path = decodeURI(target);
  } catch {
    // A malformed escape: use the target as written.
  }
  const segments = path.startsWith("/") ? [] : dirOf(source).split("/").filter(Boolean);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** The relative target from one part to another ("xl/drawings/d1.xml" from "xl/worksheets/s1.xml" → "../drawings/d1.xml"). */
export function relativeTarget(source: string, part: string): string {
  const from = dirOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

// ---------------------------------------------------------------------------------------
// Relationships parts.

export function parseRels(xml: string): Relationship[] {
  const root = rootElement(xml);
  const prefix = root?.prefix ?? "";
  return findElements(xml, `${prefix}Relationship`).map((e) => ({
    id: e.attributes.get("Id") ?? "",
    type: e.attributes.get("Type") ?? "",
    target: e.attributes.get("Target") ?? "",
    external: (e.attributes.get("TargetMode") ?? "").toLowerCase() === "external",
  }));
}

export function emptyRels(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`
  );
}

export function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="${PACKAGE_RELS_NS}">` +
    rels
      .map(
        (r) =>
          `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`,
      )
      .join("") +
    `</Relationships>`
  );
}

/** A rels part without the relationships of these ids. */
export function removeRels(xml: string, ids: Set<string>): string {
  const prefix = rootElement(xml)?.prefix ?? "";
  let out = xml;
  for (const e of findElements(xml, `${prefix}Relationship`).reverse()) {
    if (ids.has(e.attributes.get("Id") ?? "")) out = splice(out, e.start, e.end, "");
  }
  return out;
}

/** A rels part with relationships appended. */
export function addRels(xml: string, rels: { id: string; type: string; target: string }[]): string {
  const root = rootElement(xml);
  const prefix = root?.prefix ?? "";
  const added = rels
    .map(
      (r) =>
        `<${prefix}Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`,
    )
    .join("");
  return appendToRoot(xml, prefix, "Relationships", added);
}

/** The next free "rIdN" (above every numbered id in use, so re-runs pick the same ids). */
export function nextRelId(used: Iterable<string>): () => string {
  let max = 0;
  const taken = new Set<string>();
  for (const id of used) {
    taken.add(id);
    const m = /^rId(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return () => {
    let id: string;
    do id = `rId${++max}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
}

/** Content appended as the root element's last children (an empty root is opened up). */
export function appendToRoot(xml: string, prefix: string, local: string, content: string): string {
  if (content === "") return xml;
  const close = new RegExp(`</${escapeRegExp(prefix + local)}\\s*>`).exec(xml);
  if (close) return splice(xml, close.index, close.index, content);
  const selfClosing = new RegExp(`<${escapeRegExp(prefix + local)}(?=[\\s/>])(${ATTRS})/>`).exec(
    xml,
  );
  if (selfClosing) {
    const open = `<${prefix}${local}${selfClosing[1]}>`;
    return splice(
      xml,
      selfClosing.index,
      selfClosing.index + selfClosing[0].length,
      `${open}${content}</${prefix}${local}>`,
    );
  }
  throw new Error(`no <${prefix}${local}> element`);
}

// ---------------------------------------------------------------------------------------
// [Content_Types].xml

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export function removeOverrides(xml: string, parts: Set<string>): string {
  const prefix = rootElement(xml)?.prefix ?? "";
  const lower = new Set([...parts].map((p) => "/" + p.toLowerCase()));
  let out = xml;
  for (const e of findElements(xml, `${prefix}Override`).reverse()) {
    if (lower.has((e.attributes.get("PartName") ?? "").toLowerCase())) {
      out = splice(out, e.start, e.end, "");
    }
  }
  return out;
}

export function addOverrides(xml: string, overrides: { part: string; type: string }[]): string {
  const prefix = rootElement(xml)?.prefix ?? "";
  const added = overrides
    .map(
      (o) =>
        `<${prefix}Override PartName="/${escapeAttr(o.part)}" ContentType="${escapeAttr(o.type)}"/>`,
    )
    .join("");
  return appendToRoot(xml, prefix, "Types", added);
}
