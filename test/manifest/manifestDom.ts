// Helpers to read an add-in manifest (XML) in tests, offline, with @xmldom/xmldom.

import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export interface ParsedXml {
  doc: Document;
  /** Every warning, error and fatal error the parser reported. */
  problems: string[];
}

/** Parses XML, collecting parser warnings and errors instead of printing them. */
export function parseXml(xml: string): ParsedXml {
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (level, msg) => {
      problems.push(`${level}: ${msg}`);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(xml, "text/xml");
  } catch (err) {
    problems.push(`fatalError: ${(err as Error).message}`);
    doc = parser.parseFromString("<invalid/>", "text/xml");
  }
  return { doc, problems };
}

/** Local name of an element (without namespace prefix). */
export function nameOf(el: Element): string {
  return el.localName ?? el.nodeName;
}

/** All elements of the document, in document order. */
export function allElements(doc: Document): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): void => {
    out.push(el);
    for (let i = 0; i < el.children.length; i++) visit(el.children[i]);
  };
  if (doc.documentElement) visit(doc.documentElement);
  return out;
}

/** Element children of `el` with the given local name. */
export function childrenNamed(el: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < el.children.length; i++) {
    if (nameOf(el.children[i]) === localName) out.push(el.children[i]);
  }
  return out;
}

/** Elements with the given local name anywhere below the root. */
export function elementsNamed(doc: Document, localName: string): Element[] {
  return allElements(doc).filter((el) => nameOf(el) === localName);
}

/** Follows a path of local names from `from` (each step takes the single matching child). */
export function only(from: Element, ...path: string[]): Element {
  let current = from;
  for (const name of path) {
    const found = childrenNamed(current, name);
    if (found.length !== 1) {
      throw new Error(
        `expected exactly one <${name}> under <${nameOf(current)}>, got ${found.length}`,
      );
    }
    current = found[0];
  }
  return current;
}

/** Every URL-like string in attributes and text of the manifest (http://, https://, //). */
export function allUrls(doc: Document): string[] {
  const urls: string[] = [];
  const looksLikeUrl = (s: string) => /^(https?:)?\/\//i.test(s.trim());
  for (const el of allElements(doc)) {
    for (let i = 0; i < el.attributes.length; i++) {
      const attr = el.attributes[i];
      // Namespace declarations are identifiers, not locations.
      if (attr.name === "xmlns" || attr.name.startsWith("xmlns:")) continue;
      if (looksLikeUrl(attr.value)) urls.push(attr.value.trim());
    }
    if (el.children.length === 0 && el.textContent && looksLikeUrl(el.textContent)) {
      urls.push(el.textContent.trim());
    }
  }
  return urls;
}

/** Number of non-overlapping occurrences of `needle` in `text`. */
export function countOccurrences(text: string, needle: string): number {
  return needle ? text.split(needle).length - 1 : 0;
}
