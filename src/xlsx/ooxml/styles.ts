import type { PlanConditionalRule, PlanStyle } from "../../core/summary/plan";
import {
  escapeAttr,
  findElement,
  findElements,
  insertionPoint,
  rootElement,
  setAttribute,
  splice,
  XmlElement,
} from "./xml";

/**
 * Merging the planned sheets' formatting into xl/styles.xml. Entries are only appended, so
 * every index the user's sheets use keeps its meaning; what a run needs is looked up first
 * among the entries already there (exact text), so a run over its own output adds nothing.
 */

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The sections of a styleSheet, in schema order. */
const SECTION_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type SectionName = (typeof SECTION_ORDER)[number];

const CHILD: Partial<Record<SectionName, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
  cellStyles: "cellStyle",
  dxfs: "dxf",
};

/** Built-in number formats the gateway may use by id (ECMA-376 §18.8.30). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

/** The first id of custom number formats. */
const FIRST_CUSTOM_FORMAT = 164;

export const EMPTY_STYLESHEET =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0"/>` +
  `</styleSheet>`;

/** "RRGGBB" (or "#RRGGBB", or "AARRGGBB") → "FFRRGGBB"; null when it is not a colour. */
export function argb(color: string | undefined): string | null {
  if (color === undefined) return null;
  const hex = color.trim().replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return "FF" + hex;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  return null;
}

interface Section {
  /** Entries as written, existing first, then the ones this run appended. */
  entries: string[];
  /** How many entries the part held. */
  existing: number;
  /** Entry text → first index, for reuse. */
  index: Map<string, number>;
}

export class StyleSheet {
  private xml: string;
  private readonly prefix: string;
  private readonly sections = new Map<SectionName, Section>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = FIRST_CUSTOM_FORMAT;
  private readonly addedNumFmts: string[] = [];
  private baselineDone = false;
  /** The child elements of font 0 (the Normal style's font), by local name. */
  private readonly baseFont = new Map<string, string>();
  private readonly xfCache = new Map<string, number>();

  /** `xml` null: the workbook has no styles part; one is created. */
  constructor(xml: string | null) {
    this.xml = xml ?? EMPTY_STYLESHEET;
    this.prefix = rootElement(this.xml)?.prefix ?? "";
    for (const name of Object.keys(CHILD) as SectionName[]) {
      const entries = this.existingEntries(name);
      const index = new Map<string, number>();
      entries.forEach((text, i) => {
        if (!index.has(text)) index.set(text, i);
      });
      this.sections.set(name, { entries, existing: entries.length, index });
    }
    for (const e of this.children("numFmts")) {
      const id = Number(e.attributes.get("numFmtId"));
      const code = e.attributes.get("formatCode");
      if (!Number.isFinite(id) || code === undefined) continue;
      if (!this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
      this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
    }
  }

  /** Whether the part needs writing. */
  get changed(): boolean {
    if (this.addedNumFmts.length > 0) return true;
    for (const s of this.sections.values()) if (s.entries.length > s.existing) return true;
    return false;
  }

  /** The cellXfs index for a cell; 0 (the default) when it asks for nothing. */
  cellXf(numberFormat: string | undefined, style: PlanStyle | undefined): number {
    const cacheKey = JSON.stringify([numberFormat ?? "General", style ?? {}]);
    const cached = this.xfCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const result = this.buildXf(numberFormat, style ?? {});
    this.xfCache.set(cacheKey, result);
    return result;
  }

  private buildXf(numberFormat: string | undefined, style: PlanStyle): number {
    // First, so that the reserved entries (fill 0 and 1, the default font) come before ours.
    this.ensureBaseline();
    const p = this.prefix;
    const numFmtId = numberFormat === undefined ? 0 : this.numFmt(numberFormat);
    const fontId = this.font(style);
    const fill = argb(style.fill);
    const fillId = fill ? this.add("fills", this.solidFill(fill)) : 0;
    const borderId = style.border ? this.add("borders", this.thinBorder()) : 0;
    const alignment = this.alignment(style);
    if (numFmtId === 0 && fontId === 0 && fillId === 0 && borderId === 0 && alignment === "") {
      return 0;
    }
    let xf = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId !== 0) xf += ` applyNumberFormat="1"`;
    if (fontId !== 0) xf += ` applyFont="1"`;
    if (fillId !== 0) xf += ` applyFill="1"`;
    if (borderId !== 0) xf += ` applyBorder="1"`;
    xf += alignment === "" ? "/>" : ` applyAlignment="1">${alignment}</${p}xf>`;
    return this.add("cellXfs", xf);
  }

  /** The dxfs index of a conditional format rule's look. */
  dxf(rule: PlanConditionalRule): number {
    const p = this.prefix;
    const color = argb(rule.fontColor);
    const fill = argb(rule.fill);
    let dxf = `<${p}dxf>`;
    if (color) dxf += `<${p}font><${p}color rgb="${color}"/></${p}font>`;
    // A differential fill shows its bgColor (for solid fills Excel writes no patternType).
    if (fill)
      dxf += `<${p}fill><${p}patternFill><${p}bgColor rgb="${fill}"/></${p}patternFill></${p}fill>`;
    dxf += `</${p}dxf>`;
    return this.add("dxfs", dxf);
  }

  /** The number format id of a format code: built-in, already defined, or a new custom one. */
  numFmt(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.addedNumFmts.push(
      `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`,
    );
    return id;
  }

  private font(style: PlanStyle): number {
    const color = argb(style.fontColor);
    if (!style.bold && !style.italic && style.fontSize === undefined && !color) return 0;
    const p = this.prefix;
    const base = this.baseFont;
    let font = `<${p}font>`;
    if (style.bold) font += `<${p}b/>`;
    if (style.italic) font += `<${p}i/>`;
    if (style.fontSize !== undefined && Number.isFinite(style.fontSize) && style.fontSize > 0) {
      font += `<${p}sz val="${style.fontSize}"/>`;
    } else {
      font += base.get("sz") ?? `<${p}sz val="11"/>`;
    }
    if (color) font += `<${p}color rgb="${color}"/>`;
    else font += base.get("color") ?? "";
    font += base.get("name") ?? `<${p}name val="Calibri"/>`;
    for (const name of ["family", "charset", "scheme"]) font += base.get(name) ?? "";
    font += `</${p}font>`;
    return this.add("fonts", font);
  }

  private solidFill(rgb: string): string {
    const p = this.prefix;
    return (
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/>` +
      `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`
    );
  }

  private thinBorder(): string {
    const p = this.prefix;
    const side = (name: string) =>
      `<${p}${name} style="thin"><${p}color indexed="64"/></${p}${name}>`;
    return `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`;
  }

  private alignment(style: PlanStyle): string {
    const attrs: string[] = [];
    const indent = style.indent !== undefined && style.indent > 0 ? Math.round(style.indent) : 0;
    // Excel applies an indent only to left (or right) aligned text; Office.js sets left too.
    const horizontal = style.horizontal ?? (indent > 0 ? "left" : undefined);
    if (horizontal) attrs.push(`horizontal="${horizontal}"`);
    if (style.vertical)
      attrs.push(`vertical="${style.vertical === "middle" ? "center" : style.vertical}"`);
    if (style.wrap) attrs.push(`wrapText="1"`);
    if (indent > 0) attrs.push(`indent="${indent}"`);
    return attrs.length === 0 ? "" : `<${this.prefix}alignment ${attrs.join(" ")}/>`;
  }

  /** The index of an entry, appending it when no identical entry exists. */
  private add(name: SectionName, text: string): number {
    const section = this.sections.get(name)!;
    const known = section.index.get(text);
    if (known !== undefined) return known;
    section.entries.push(text);
    section.index.set(text, section.entries.length - 1);
    return section.entries.length - 1;
  }

  /** Pad the sections every cell format refers to, as Excel expects them. */
  private ensureBaseline(): void {
    if (this.baselineDone) return;
    this.baselineDone = true;
    const p = this.prefix;
    const push = (name: SectionName, text: string) => {
      const s = this.sections.get(name)!;
      s.entries.push(text);
      if (!s.index.has(text)) s.index.set(text, s.entries.length - 1);
    };
    const fonts = this.sections.get("fonts")!;
    if (fonts.entries.length === 0) {
      push(
        "fonts",
        `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`,
      );
    }
    // Fill 0 is "none" and fill 1 "gray125" whatever they say: Excel reserves both.
    const fills = this.sections.get("fills")!;
    if (fills.entries.length === 0)
      push("fills", `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`);
    if (fills.entries.length === 1)
      push("fills", `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`);
    if (this.sections.get("borders")!.entries.length === 0) {
      push(
        "borders",
        `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`,
      );
    }
    if (this.sections.get("cellStyleXfs")!.entries.length === 0) {
      push("cellStyleXfs", `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
      if (this.sections.get("cellStyles")!.entries.length === 0) {
        push("cellStyles", `<${p}cellStyle name="Normal" xfId="0" builtinId="0"/>`);
      }
    }
    if (this.sections.get("cellXfs")!.entries.length === 0) {
      push("cellXfs", `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    }
    const font0 = fonts.entries[0];
    const inner = /^<[^>]*>([\s\S]*)<\/[^>]*>$/.exec(font0)?.[1] ?? "";
    for (const name of ["sz", "color", "name", "family", "charset", "scheme"]) {
      const e = findElement(inner, `${p}${name}`);
      if (e) this.baseFont.set(name, e.text);
    }
  }

  private sectionElement(name: SectionName): XmlElement | null {
    return findElement(this.xml, `${this.prefix}${name}`);
  }

  private children(name: SectionName): XmlElement[] {
    const section = this.sectionElement(name);
    if (!section || section.inner === null) return [];
    const child = name === "numFmts" ? "numFmt" : CHILD[name]!;
    const innerStart = section.start + section.tag.length;
    return findElements(
      this.xml,
      `${this.prefix}${child}`,
      innerStart,
      innerStart + section.inner.length,
    );
  }

  private existingEntries(name: SectionName): string[] {
    return this.children(name).map((e) => e.text);
  }

  /** The styles part with this run's entries appended and the counts updated. */
  toXml(): string {
    if (!this.changed) return this.xml;
    for (const name of SECTION_ORDER) {
      let added: string[];
      let total: number;
      if (name === "numFmts") {
        added = this.addedNumFmts;
        total = this.children("numFmts").length + added.length;
      } else {
        const s = this.sections.get(name);
        if (!s) continue;
        added = s.entries.slice(s.existing);
        total = s.entries.length;
      }
      if (added.length === 0) continue;
      this.xml = this.appendToSection(name, added.join(""), total);
    }
    return this.xml;
  }

  private appendToSection(name: SectionName, content: string, count: number): string {
    const p = this.prefix;
    const qname = `${p}${name}`;
    const section = this.sectionElement(name);
    if (!section) {
      const position = SECTION_ORDER.indexOf(name);
      // Search the followers after the sections that come before (an xf or a dxf may hold
      // an extLst of its own).
      let from = 0;
      for (const earlier of SECTION_ORDER.slice(0, position)) {
        from = Math.max(from, this.sectionElement(earlier)?.end ?? 0);
      }
      const followers = SECTION_ORDER.slice(position + 1);
      const at = insertionPoint(this.xml, p, "styleSheet", followers, from);
      return splice(this.xml, at, at, `<${qname} count="${count}">${content}</${qname}>`);
    }
    if (section.inner === null) {
      const open = setAttribute(section.tag.replace(/\s*\/>$/, ">"), "count", String(count));
      return splice(this.xml, section.start, section.end, `${open}${content}</${qname}>`);
    }
    const open = setAttribute(section.tag, "count", String(count));
    return splice(
      this.xml,
      section.start,
      section.end,
      `${open}${section.inner}${content}</${qname}>`,
    );
  }
}
