import {
  assignSheetNames,
  PlanCell,
  PRODUCT_MARK_NAME,
  productMarkFormula,
  quoteSheet,
  SheetPlan,
  SummaryKey,
} from "../core/summary/plan";
import { isValidSheetName } from "../core/summary/planChecks";
import {
  asciiBytes,
  checkWorkbookBytes,
  containsBytes,
  ownBytes,
  WorkbookReadError,
} from "./errors";
import { chartXml, drawingXml } from "./ooxml/chart";
import {
  addOverrides,
  addRels,
  CONTENT_TYPE,
  CONTENT_TYPES_PART,
  emptyRels,
  isRelType,
  nextRelId,
  Package,
  parseRels,
  REL_NS,
  REL_TYPE,
  Relationship,
  relativeTarget,
  relsPathOf,
  relsXml,
  removeOverrides,
  removeRels,
  resolveTarget,
  sourceOfRels,
} from "./ooxml/opc";
import { StyleSheet } from "./ooxml/styles";
import { DefinedName, parseWorkbook, summaryMarks, WorkbookXml } from "./ooxml/workbook";
import { worksheetXml } from "./ooxml/worksheet";
import {
  ATTRS,
  attributesOf,
  escapeAttr,
  escapeRegExp,
  escapeText,
  findElement,
  insertionPoint,
  rootElement,
  setAttribute,
  splice,
  XmlElement,
} from "./ooxml/xml";

/**
 * The writing half of the xlsx gateway: SheetPlans → summary sheets in an .xlsx. Runs in
 * Node and in a browser.
 *
 * The package is patched, not rewritten (an ExcelJS round trip would drop the charts, pivot
 * tables and add-in settings it does not model): the user's sheet parts stay byte for byte;
 * only the workbook part, its relationships, the content types and the styles change, plus
 * the parts of our own sheets. A run first removes every sheet carrying the product's mark
 * (and only those), then appends one marked sheet per plan. xl/calcChain.xml goes (Excel
 * rebuilds it) and the workbook asks for a full recalculation on load.
 */

export interface ApplyResult {
  bytes: Uint8Array;
  /** The sheets written, in plan order, with the names they got. */
  written: { key: SummaryKey; name: string }[];
  /** The names of the product's sheets removed before writing, in workbook order. */
  removed: string[];
}

/** CT_Workbook children that follow <definedNames> and <calcPr>, in schema order. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];
const AFTER_CALC_PR = AFTER_DEFINED_NAMES.slice(1);

export async function applyPlans(
  data: ArrayBuffer | Uint8Array,
  plans: SheetPlan[],
): Promise<ApplyResult> {
  const input = ownBytes(data);
  checkWorkbookBytes(input);
  let pkg: Package;
  try {
    pkg = await Package.load(input);
  } catch (error) {
    throw new WorkbookReadError("corrupt", error instanceof Error ? error.message : String(error));
  }

  // The workbook part, found through the package relationships.
  const rootRels = parseRels((await pkg.readText("_rels/.rels")) ?? "");
  const officeDocument = rootRels.find((r) => isRelType(r.type, "officeDocument") && !r.external);
  const bookPath = officeDocument ? resolveTarget("", officeDocument.target) : "xl/workbook.xml";
  const bookXml = await pkg.readText(bookPath);
  if (bookXml === null) {
    const hasWorkbookPart = containsBytes(input, asciiBytes("xl/workbook"));
    throw new WorkbookReadError(hasWorkbookPart ? "corrupt" : "not-xlsx", "no workbook part");
  }
  const book = parseWorkbook(bookXml);
  if (!book) throw new WorkbookReadError("corrupt", `${bookPath} lists no sheets`);
  const bookDir = bookPath.slice(0, bookPath.lastIndexOf("/") + 1);
  const bookRelsPath = relsPathOf(bookPath);
  const bookRels = parseRels((await pkg.readText(bookRelsPath)) ?? emptyRels());
  let types = await pkg.readText(CONTENT_TYPES_PART);
  if (types === null) throw new WorkbookReadError("corrupt", "no [Content_Types].xml");

  // 1. The product's sheets, and the calculation chain, go.
  const marks = summaryMarks(book);
  const removedRelIds = new Set<string>();
  const roots: string[] = [];
  for (const index of marks.keys()) {
    const sheet = book.sheets[index];
    removedRelIds.add(sheet.relId);
    const rel = bookRels.find((r) => r.id === sheet.relId);
    if (rel && !rel.external) roots.push(resolveTarget(bookPath, rel.target));
  }
  for (const rel of bookRels) {
    if (isRelType(rel.type, "calcChain")) {
      removedRelIds.add(rel.id);
      if (!rel.external) roots.push(resolveTarget(bookPath, rel.target));
    }
  }
  const keptBookRels = bookRels.filter((r) => !removedRelIds.has(r.id));
  const deleted = await partsToDelete(
    pkg,
    roots,
    new Map([[bookRelsPath.toLowerCase(), keptBookRels]]),
  );
  for (const part of deleted) {
    pkg.remove(part);
    pkg.remove(relsPathOf(part));
  }
  types = removeOverrides(types, new Set(deleted));

  const survivors = book.sheets
    .map((s, i) => ({ sheet: s, index: i }))
    .filter(({ index }) => !marks.has(index));
  const removed = [...marks.keys()].sort((a, b) => a - b).map((i) => book.sheets[i].name);

  // 2. Names for the new sheets; a workbook must keep a visible sheet.
  const names = assignSheetNames(
    plans,
    survivors.map(({ sheet }) => sheet.name),
  );
  for (const name of names) {
    if (!isValidSheetName(name)) throw new Error(`applyPlans: "${name}" is not a valid sheet name`);
  }
  const visibleLeft = survivors.some(({ sheet }) => sheet.state === "visible");
  if (!visibleLeft && plans.length === 0) {
    throw new Error("applyPlans: removing the summary sheets would leave no visible sheet");
  }

  // 3. Styles: the workbook's part, or a new one.
  let stylesRel = keptBookRels.find((r) => isRelType(r.type, "styles") && !r.external);
  let stylesPath = stylesRel ? resolveTarget(bookPath, stylesRel.target) : null;
  const stylesXml = stylesPath ? await pkg.readText(stylesPath) : null;
  const styles = new StyleSheet(stylesXml);
  const newRelId = nextRelId(keptBookRels.map((r) => r.id));
  const addedBookRels: { id: string; type: string; target: string }[] = [];
  const overrides: { part: string; type: string }[] = [];
  if (stylesXml === null) {
    stylesPath = stylesPath ?? `${bookDir}styles.xml`;
    if (!stylesRel) {
      stylesRel = {
        id: newRelId(),
        type: REL_TYPE.styles,
        target: relativeTarget(bookPath, stylesPath),
        external: false,
      };
      addedBookRels.push(stylesRel);
    }
    overrides.push({ part: stylesPath, type: CONTENT_TYPE.styles });
  }

  // 4. The new sheets and their drawings and charts.
  const nextPart = partNumbers(pkg);
  let sheetId = survivors.reduce((max, { sheet }) => Math.max(max, sheet.sheetId || 0), 0);
  const newSheets: { name: string; sheetId: number; relId: string }[] = [];
  const written: ApplyResult["written"] = [];
  plans.forEach((plan, i) => {
    const name = names[i];
    const sheetPath = nextPart(`${bookDir}worksheets/sheet`, ".xml");
    const relId = newRelId();
    // A relationships part left behind by another tool would attach itself to the new part.
    pkg.remove(relsPathOf(sheetPath));
    let drawingRelId: string | null = null;
    if (plan.charts.length > 0) {
      const drawingPath = nextPart(`${bookDir}drawings/drawing`, ".xml");
      drawingRelId = "rId1";
      pkg.writeText(
        relsPathOf(sheetPath),
        relsXml([
          {
            id: drawingRelId,
            type: REL_TYPE.drawing,
            target: relativeTarget(sheetPath, drawingPath),
          },
        ]),
      );
      const cells = new Map<string, PlanCell>();
      for (const c of plan.cells) cells.set(`${c.row},${c.col}`, c);
      const chartRels: { id: string; type: string; target: string }[] = [];
      const anchors = plan.charts.map((chart, k) => {
        const chartPath = nextPart(`${bookDir}charts/chart`, ".xml");
        pkg.remove(relsPathOf(chartPath));
        pkg.writeText(chartPath, chartXml(chart, name, cells));
        overrides.push({ part: chartPath, type: CONTENT_TYPE.chart });
        const id = `rId${k + 1}`;
        chartRels.push({
          id,
          type: REL_TYPE.chart,
          target: relativeTarget(drawingPath, chartPath),
        });
        return { chart, relId: id };
      });
      pkg.writeText(drawingPath, drawingXml(anchors));
      pkg.writeText(relsPathOf(drawingPath), relsXml(chartRels));
      overrides.push({ part: drawingPath, type: CONTENT_TYPE.drawing });
    }
    pkg.writeText(sheetPath, worksheetXml(plan, styles, drawingRelId));
    overrides.push({ part: sheetPath, type: CONTENT_TYPE.worksheet });
    addedBookRels.push({
      id: relId,
      type: REL_TYPE.worksheet,
      target: relativeTarget(bookPath, sheetPath),
    });
    newSheets.push({ name, sheetId: ++sheetId, relId });
    written.push({ key: plan.key, name });
  });
  if (stylesPath && (styles.changed || stylesXml === null))
    pkg.writeText(stylesPath, styles.toXml());

  // 5. The workbook part, its relationships, the content types.
  const newNames = plans.flatMap((plan, i) => {
    const localSheetId = survivors.length + i;
    const out = [
      { name: PRODUCT_MARK_NAME, localSheetId, hidden: true, value: productMarkFormula(plan.key) },
    ];
    const titles = plan.printTitleRows;
    if (
      titles &&
      Number.isInteger(titles.from) &&
      Number.isInteger(titles.to) &&
      titles.from >= 0 &&
      titles.to >= titles.from
    ) {
      out.push({
        name: "_xlnm.Print_Titles",
        localSheetId,
        hidden: false,
        value: `${quoteSheet(names[i])}!$${titles.from + 1}:$${titles.to + 1}`,
      });
    }
    return out;
  });
  const activeKey = activeRemovedKey(book, marks);
  const finalStates = [...survivors.map(({ sheet }) => sheet.state), ...plans.map(() => "visible")];
  const activeNew = activeKey === null ? -1 : plans.findIndex((p) => p.key === activeKey);
  const workbook = editWorkbook(book, {
    removed: new Set(marks.keys()),
    newSheets,
    newNames,
    finalStates,
    activeTab: activeNew >= 0 ? survivors.length + activeNew : null,
  });
  pkg.writeText(bookPath, workbook);

  let relsText = (await pkg.readText(bookRelsPath)) ?? emptyRels();
  relsText = addRels(removeRels(relsText, removedRelIds), addedBookRels);
  pkg.writeText(bookRelsPath, relsText);
  // Without a stale override for a reused part name: a part may have only one content type.
  types = removeOverrides(types, new Set(overrides.map((o) => o.part)));
  pkg.writeText(CONTENT_TYPES_PART, addOverrides(types, overrides));

  return { bytes: await pkg.bytes(), written, removed };
}

/**
 * The parts reachable from `roots` through relationships that no surviving part refers to:
 * what goes with a removed sheet (its drawings, charts, comments, printer settings), but not
 * a part the rest of the workbook still uses. `overrides` stands for rels parts as they will
 * be written (the workbook's, without the removed sheets).
 */
async function partsToDelete(
  pkg: Package,
  roots: string[],
  overrides: Map<string, Relationship[]>,
): Promise<string[]> {
  if (roots.length === 0) return [];
  const relsCache = new Map<string, Relationship[]>();
  const relsAt = async (relsPath: string): Promise<Relationship[]> => {
    const key = relsPath.toLowerCase();
    const override = overrides.get(key);
    if (override) return override;
    let rels = relsCache.get(key);
    if (!rels) {
      const text = await pkg.readText(relsPath);
      rels = text === null ? [] : parseRels(text);
      relsCache.set(key, rels);
    }
    return rels;
  };

  const candidates = new Map<string, string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const part = queue.pop()!;
    const name = pkg.entryName(part);
    if (name === null || candidates.has(name.toLowerCase())) continue;
    candidates.set(name.toLowerCase(), name);
    for (const r of await relsAt(relsPathOf(name))) {
      if (!r.external) queue.push(resolveTarget(name, r.target));
    }
  }

  // Keep whatever a surviving part still refers to (and so what that part refers to).
  const relsParts = pkg.parts().filter((p) => /(^|\/)_rels\/[^/]*\.rels$/i.test(p));
  let changed = true;
  while (changed) {
    changed = false;
    for (const relsPath of relsParts) {
      const source = sourceOfRels(relsPath);
      if (source === null) continue;
      if (source !== "" && (candidates.has(source.toLowerCase()) || !pkg.has(source))) continue;
      for (const r of await relsAt(relsPath)) {
        if (r.external) continue;
        const target = resolveTarget(source, r.target).toLowerCase();
        if (candidates.delete(target)) changed = true;
      }
    }
  }
  return [...candidates.values()];
}

/** A counter of part numbers above those in use: "xl/charts/chart" → chart3.xml, chart4.xml… */
function partNumbers(pkg: Package): (stem: string, extension: string) => string {
  const next = new Map<string, number>();
  return (stem, extension) => {
    const key = `${stem}|${extension}`.toLowerCase();
    let n = next.get(key);
    if (n === undefined) {
      const re = new RegExp(`^${escapeRegExp(stem)}(\\d+)${escapeRegExp(extension)}$`, "i");
      n = 0;
      for (const part of pkg.parts()) {
        const m = re.exec(part);
        if (m) n = Math.max(n, Number(m[1]));
      }
    }
    n += 1;
    next.set(key, n);
    return `${stem}${n}${extension}`;
  };
}

/** The key of the removed sheet that was the active tab, if the active tab was ours. */
function activeRemovedKey(book: WorkbookXml, marks: Map<number, SummaryKey>): SummaryKey | null {
  const view = findElement(book.xml, `${book.prefix}workbookView`);
  if (!view) return null;
  const active = Number(view.attributes.get("activeTab") ?? 0);
  return marks.get(active) ?? null;
}

interface WorkbookEdit {
  /** Indices (in the original <sheets>) of the sheets removed. */
  removed: Set<number>;
  newSheets: { name: string; sheetId: number; relId: string }[];
  newNames: { name: string; localSheetId: number; hidden: boolean; value: string }[];
  /** The state of every sheet after the edit, by its new index. */
  finalStates: string[];
  /** The new index of the active tab when it was one of ours written again. */
  activeTab: number | null;
}

/** The workbook part after removing and appending sheets (see applyPlans). */
function editWorkbook(book: WorkbookXml, edit: WorkbookEdit): string {
  const p = book.prefix;
  const count = edit.finalStates.length;

  // Old index → new index of that sheet, or of the sheet that now stands in its place.
  const newIndex = (old: number): number => {
    let n = 0;
    for (let i = 0; i < old && i < book.sheets.length; i++) if (!edit.removed.has(i)) n++;
    return n;
  };

  // Edits at positions of the part as read, applied from the end so that none moves another.
  const edits: { start: number; end: number; text: string }[] = [];

  // Defined names: drop the removed sheets' names, renumber the others, add ours.
  const names = book.definedNamesElement;
  const added = edit.newNames
    .map(
      (n) =>
        `<${p}definedName name="${escapeAttr(n.name)}" localSheetId="${n.localSheetId}"` +
        `${n.hidden ? ' hidden="1"' : ""}>${escapeText(n.value)}</${p}definedName>`,
    )
    .join("");
  if (names) {
    const gone = (n: DefinedName) => n.localSheetId !== null && edit.removed.has(n.localSheetId);
    const kept = book.definedNames.filter((n) => !gone(n)).length;
    if (kept + edit.newNames.length === 0) {
      edits.push({ start: names.start, end: names.end, text: "" });
    } else {
      for (const n of book.definedNames) {
        const e = n.element;
        if (gone(n)) {
          edits.push({ start: e.start, end: e.end, text: "" });
        } else if (n.localSheetId !== null && n.localSheetId < book.sheets.length) {
          const shifted = newIndex(n.localSheetId);
          if (shifted !== n.localSheetId) {
            const tag = setAttribute(e.tag, "localSheetId", String(shifted));
            edits.push({ start: e.start, end: e.start + e.tag.length, text: tag });
          }
        }
      }
      if (added !== "") edits.push(appendToElement(book.xml, names, `${p}definedNames`, added));
    }
  }

  // Sheets: drop ours, append the new ones.
  const relPrefix = book.relPrefix ?? "r:";
  book.sheets.forEach((s, i) => {
    if (edit.removed.has(i)) edits.push({ start: s.element.start, end: s.element.end, text: "" });
  });
  const addedSheets = edit.newSheets
    .map(
      (s) =>
        `<${p}sheet name="${escapeAttr(s.name)}" sheetId="${s.sheetId}" ${relPrefix}id="${escapeAttr(s.relId)}"/>`,
    )
    .join("");
  if (addedSheets !== "") {
    edits.push(appendToElement(book.xml, book.sheetsElement, `${p}sheets`, addedSheets));
  }

  // calcPr: recalculate everything on load (Excel rebuilds the dropped calcChain too).
  const calcPr = findElement(book.xml, `${p}calcPr`, book.sheetsElement.end);
  if (calcPr) {
    const tag = setAttribute(calcPr.tag, "fullCalcOnLoad", "1");
    edits.push({ start: calcPr.start, end: calcPr.start + calcPr.tag.length, text: tag });
  }

  // The relationships namespace, when the root did not declare it (a workbook without r:id).
  if (book.relPrefix === null && edit.newSheets.length > 0) {
    const root = rootElement(book.xml)!;
    const tag = setAttribute(root.tag, "xmlns:r", REL_NS);
    edits.push({ start: root.start, end: root.start + root.tag.length, text: tag });
  }

  let xml = book.xml;
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  for (const e of edits) xml = splice(xml, e.start, e.end, e.text);

  // Defined names and calcPr where the workbook had none (after <sheets>, in schema order).
  const sheetsEnd = findElement(xml, `${p}sheets`)?.end ?? 0;
  if (!names && added !== "") {
    const at = insertionPoint(xml, p, "workbook", AFTER_DEFINED_NAMES, sheetsEnd);
    xml = splice(xml, at, at, `<${p}definedNames>${added}</${p}definedNames>`);
  }
  if (!calcPr) {
    const at = insertionPoint(xml, p, "workbook", AFTER_CALC_PR, sheetsEnd);
    xml = splice(xml, at, at, `<${p}calcPr fullCalcOnLoad="1"/>`);
  }

  // Book views: the active and first tabs follow their sheets.
  const viewPattern = new RegExp(`<${escapeRegExp(p)}workbookView(?=[\\s/>])${ATTRS}/?>`, "g");
  return xml.replace(viewPattern, (tag) => {
    const attributes = attributesOf(tag.slice(`<${p}workbookView`.length));
    let out = tag;
    const oldActive = Number(attributes.get("activeTab") ?? 0);
    let active =
      edit.removed.has(oldActive) && edit.activeTab !== null ? edit.activeTab : newIndex(oldActive);
    if (active >= count) active = count - 1;
    if (edit.removed.has(oldActive) && edit.finalStates[active] !== "visible") {
      active = edit.finalStates.indexOf("visible");
    }
    active = Math.max(0, active);
    if (active !== oldActive) out = setAttribute(out, "activeTab", String(active));
    if (attributes.has("firstSheet")) {
      const oldFirst = Number(attributes.get("firstSheet"));
      const first = Math.max(0, Math.min(newIndex(oldFirst), count - 1));
      if (first !== oldFirst) out = setAttribute(out, "firstSheet", String(first));
    }
    return out;
  });
}

/** An edit that appends content to an element (opening it up when it is self-closing). */
function appendToElement(
  xml: string,
  element: XmlElement,
  qname: string,
  content: string,
): { start: number; end: number; text: string } {
  if (element.inner === null) {
    const open = element.tag.replace(/\s*\/>$/, ">");
    return { start: element.start, end: element.end, text: `${open}${content}</${qname}>` };
  }
  const close = xml.lastIndexOf(`</${qname}`, element.end);
  return { start: close, end: close, text: content };
}
