/**
 * String-level XML helpers for patching OOXML parts. The gateway runs in Node and in a
 * browser without DOMParser (and must leave every byte it does not mean to change in
 * place), so parts are edited as text: elements are located with regular expressions that
 * know about quoted attribute values and namespace prefixes, and new markup is spliced in.
 */

/** The attributes of a start tag: anything but ">" outside quotes (values may hold ">"). */
export const ATTRS = `(?:[^>"']|"[^"]*"|'[^']*')*?`;

/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE/F; lone surrogates).
 * Surrogate pairs are matched first so that they are kept; no lookbehind, which older
 * Safari (Excel on Mac) cannot parse.
 */
const INVALID_XML_CHARS =
  // Matching control characters is the point here.
  // eslint-disable-next-line no-control-regex
  /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, (ch) => (ch.length === 2 ? ch : ""));
}

/** Element text: & < > escaped; CR as a character reference, since parsers fold a raw CR. */
export function escapeText(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;");
}

/** Attribute value (double-quoted): whitespace other than spaces as references, so it survives. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|apos|lt|gt|amp);/gi, (whole, entity: string) => {
    const e = entity.toLowerCase();
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag (or of the text between its name and ">"), decoded. */
export function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) {
    attributes.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  }
  return attributes;
}

/**
 * A start tag with one attribute set (added before the end of the tag when absent). The
 * value is escaped here.
 */
export function setAttribute(tag: string, name: string, value: string): string {
  const escaped = escapeAttr(value);
  const existing = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (existing.test(tag))
    return tag.replace(existing, (_whole, head: string) => `${head}"${escaped}"`);
  return tag.replace(/\s*(\/?>)$/, (_whole, end: string) => ` ${name}="${escaped}"${end}`);
}

/** A start tag without one attribute. */
export function removeAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s+${escapeRegExp(name)}\\s*=\\s*(?:"[^"]*"|'[^']*')`), "");
}

/** The root element of a part: its qualified name's prefix ("x:" or "") and its start tag. */
export function rootElement(
  xml: string,
): { prefix: string; local: string; tag: string; start: number } | null {
  // The first start tag after the declaration, processing instructions, comments, DOCTYPE.
  const re = new RegExp(
    `<(?:\\?[\\s\\S]*?\\?>|!--[\\s\\S]*?-->|![^>]*>|([\\w.-]+:)?([\\w.-]+)${ATTRS}>)`,
    "g",
  );
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[2] !== undefined) return { prefix: m[1] ?? "", local: m[2], tag: m[0], start: m.index };
  }
  return null;
}

/** The prefix ("r:") a start tag binds to a namespace URI, or null. */
export function prefixFor(tag: string, namespaceUris: string[]): string | null {
  for (const [name, value] of attributesOf(tag)) {
    if (name.startsWith("xmlns:") && namespaceUris.includes(value)) return name.slice(6) + ":";
  }
  return null;
}

/** One element found in a part: where it stands and what it holds. */
export interface XmlElement {
  start: number;
  end: number;
  /** The whole element, start tag to end tag. */
  text: string;
  /** The start tag ("<x:sheet …>" or "<x:sheet …/>"). */
  tag: string;
  attributes: Map<string, string>;
  /** The raw content between the tags; null for an empty-element tag. */
  inner: string | null;
}

function elementPattern(qname: string): RegExp {
  const q = escapeRegExp(qname);
  return new RegExp(`<${q}(?=[\\s/>])${ATTRS}(?:/>|>([\\s\\S]*?)</${q}\\s*>)`, "g");
}

/**
 * Every element with this qualified name, in document order. Only for elements that never
 * contain an element of their own name (true of every element this module looks for).
 */
export function findElements(xml: string, qname: string, from = 0, to = xml.length): XmlElement[] {
  const re = elementPattern(qname);
  re.lastIndex = from;
  const out: XmlElement[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null && m.index < to) {
    const text = m[0];
    const tagEnd = tagLength(text);
    const tag = text.slice(0, tagEnd);
    out.push({
      start: m.index,
      end: m.index + text.length,
      text,
      tag,
      attributes: attributesOf(tag.slice(qname.length + 1)),
      inner: m[1] ?? (tag.endsWith("/>") ? null : ""),
    });
  }
  return out;
}

export function findElement(
  xml: string,
  qname: string,
  from = 0,
  to = xml.length,
): XmlElement | null {
  return findElements(xml, qname, from, to)[0] ?? null;
}

/** The length of the start tag at the beginning of `text` (quotes may hold ">"). */
function tagLength(text: string): number {
  let quote = "";
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ">") {
      return i + 1;
    }
  }
  return text.length;
}

/** Replace text[start, end) with `insert`. */
export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * Where to insert an element that the schema orders before `followers`: before the first
 * follower found at or after `from` (where the preceding siblings end, so that an element
 * of the same name nested in an earlier sibling is not taken), else before the root's end
 * tag.
 */
export function insertionPoint(
  xml: string,
  prefix: string,
  rootLocal: string,
  followers: readonly string[],
  from = 0,
): number {
  let best = -1;
  for (const name of followers) {
    const re = new RegExp(`<${escapeRegExp(prefix + name)}(?=[\\s/>])`, "g");
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  if (best >= 0) return best;
  const close = xml.lastIndexOf(`</${prefix}${rootLocal}`);
  return close >= 0 ? close : xml.length;
}

/** Decode a part's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
export function decodeXml(bytes: Uint8Array): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    const text = new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(
      bytes.subarray(2),
    );
    // Written back as UTF-8, so the declaration must say so.
    return text.replace(/^(<\?xml[^>]*encoding\s*=\s*["'])utf-16(["'])/i, "$1UTF-8$2");
  }
  return new TextDecoder("utf-8").decode(bytes);
}
