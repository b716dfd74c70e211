import type ExcelJS from "exceljs";
import type { SheetSnapshot } from "../../src/core/snapshot";

/**
 * A small fake of Excel's JavaScript object model, for the Office.js gateway's tests.
 * office-addin-mock does not model collections, null objects or the request queue, so
 * this models what the gateway uses, the way Office does it:
 *
 * - calls on proxy objects are queued and run, in order, at `context.sync()`; a property
 *   read before it was loaded and synced throws PropertyNotLoaded; `*OrNullObject`
 *   lookups give objects whose `isNullObject` is known after the sync;
 * - each sync is counted (`syncCount`) with the size of its request (`payloads`: the JSON
 *   size of every value set and argument passed since the previous sync), and a request
 *   larger than `payloadLimit` is refused as Excel on the web refuses it;
 * - APIs of requirement sets above `excelApi` fail with ApiNotFound at the sync;
 * - every write is logged with the sheet it touched (`writes`).
 *
 * Self-contained on purpose: only type imports, so it can be transpiled and loaded into a
 * browser page as a fake Office.js host.
 */

// ---------------------------------------------------------------------------------------
// The workbook model.

export type FakeValue = number | string | boolean | null;

export interface FakeRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeBorder {
  style: string | null;
  weight: string | null;
  color: string | null;
}

export interface FakeStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  indent?: number;
  quotePrefix?: boolean;
  borders?: Partial<Record<"top" | "bottom" | "left" | "right", FakeBorder>>;
}

export interface FakeCell {
  value: FakeValue;
  formula: string | null;
  numberFormat: string;
  /** The displayed text when known (from a snapshot); derived from the value otherwise. */
  text: string | null;
  style: FakeStyle;
}

export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
  comment: string | null;
}

export interface FakeSeries {
  name: string;
  chartType: string;
  values: FakeRect | null;
  xValues: FakeRect | null;
  fillColor: string | null;
  lineColor: string | null;
  markerStyle: string | null;
}

export interface FakeChart {
  name: string;
  chartType: string;
  source: FakeRect;
  title: string | null;
  titleVisible: boolean;
  series: FakeSeries[];
  valueAxisTitle: string | null;
  valueAxisMinimum: number | null;
  legendPosition: string | null;
  position: { start: string; end: string | null } | null;
}

export interface FakeConditionalFormat {
  id: number;
  type: string;
  range: FakeRect;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
}

export interface FakePageLayout {
  printTitleRows: string | null;
  orientation: string;
  zoom: Record<string, unknown> | null;
}

export interface FakeWrite {
  /** The sheet's identity (stable across renames). */
  sheetId: number;
  /** Its name when the operation ran. */
  sheet: string;
  op: string;
  address: string | null;
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
/** Excel refuses more merged areas in one getMergedAreas call (Office.js reference). */
const MAX_MERGED_AREAS = 512;
/** A response larger than this many cells is refused here (the fake keeps memory sane). */
const MAX_LOADED_CELLS = 5_000_000;
const MARK_NAME = "_SAKIP_SUMMARY";

function key(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export class FakeSheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly cells = new Map<number, FakeCell>();
  merges: FakeRect[] = [];
  names: FakeName[] = [];
  charts: FakeChart[] = [];
  /** In priority order: index 0 is applied first. */
  conditionalFormats: FakeConditionalFormat[] = [];
  /** Points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  /** Points, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  freeze: { rows: number; columns: number } | null = null;
  pageLayout: FakePageLayout = { printTitleRows: null, orientation: "Portrait", zoom: null };
  /** The workbook, for references to other sheets. */
  workbook: FakeExcel | null = null;

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  cellOrNew(row: number, col: number): FakeCell {
    let c = this.cells.get(key(row, col));
    if (!c) {
      c = { value: null, formula: null, numberFormat: "General", text: null, style: {} };
      this.cells.set(key(row, col), c);
    }
    return c;
  }

  /** Set a cell (for building workbooks in tests). */
  setCell(row: number, col: number, cell: Partial<FakeCell>): FakeCell {
    const c = this.cellOrNew(row, col);
    Object.assign(c, cell);
    return c;
  }

  /** The used range: cells with a value or formula (and, unless valuesOnly, any format). */
  usedRect(valuesOnly: boolean): FakeRect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      const used =
        c.value !== null ||
        c.formula !== null ||
        (!valuesOnly && (c.numberFormat !== "General" || Object.keys(c.style).length > 0));
      if (!used) continue;
      const row = Math.floor(k / MAX_COLUMNS);
      const col = k % MAX_COLUMNS;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** A plain copy of everything, for before/after comparisons. */
  toJSON(): unknown {
    return {
      id: this.id,
      name: this.name,
      visibility: this.visibility,
      cells: [...this.cells.entries()].sort((a, b) => a[0] - b[0]),
      merges: this.merges,
      names: this.names,
      charts: this.charts,
      conditionalFormats: this.conditionalFormats,
      columnWidths: [...this.columnWidths.entries()],
      rowHeights: [...this.rowHeights.entries()],
      freeze: this.freeze,
      pageLayout: this.pageLayout,
    };
  }
}

// ---------------------------------------------------------------------------------------
// Addresses.

function letters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnOf(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function fakeA1(rect: FakeRect): string {
  const start = `${letters(rect.left)}${rect.top + 1}`;
  const end = `${letters(rect.right)}${rect.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function qualified(sheet: FakeSheet, rect: FakeRect): string {
  return `${quoteSheet(sheet.name)}!${fakeA1(rect)}`;
}

/** "B2", "B2:D4", "B:D", "3:5" (with or without "$", without a sheet part) → rectangle. */
export function parseFakeAddress(address: string): FakeRect | null {
  const text = address.replace(/\$/g, "").trim();
  const parts = text.split(":");
  if (parts.length > 2) return null;
  const [a, b = a] = parts;
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const col = /^([A-Za-z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  let r: FakeRect;
  if (cell.test(a) && cell.test(b)) {
    const m = cell.exec(a)!;
    const n = cell.exec(b)!;
    r = {
      top: Number(m[2]) - 1,
      left: columnOf(m[1]),
      bottom: Number(n[2]) - 1,
      right: columnOf(n[1]),
    };
  } else if (col.test(a) && col.test(b)) {
    r = { top: 0, left: columnOf(a), bottom: MAX_ROWS - 1, right: columnOf(b) };
  } else if (row.test(a) && row.test(b)) {
    r = { top: Number(a) - 1, left: 0, bottom: Number(b) - 1, right: MAX_COLUMNS - 1 };
  } else {
    return null;
  }
  const out = {
    top: Math.min(r.top, r.bottom),
    left: Math.min(r.left, r.right),
    bottom: Math.max(r.top, r.bottom),
    right: Math.max(r.left, r.right),
  };
  if (out.top < 0 || out.left < 0 || out.bottom >= MAX_ROWS || out.right >= MAX_COLUMNS) {
    return null;
  }
  return out;
}

function overlaps(a: FakeRect, b: FakeRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

// ---------------------------------------------------------------------------------------
// Errors and sizes.

/** Shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation: string };

  constructor(code: string, message: string, location: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

function fail(code: string, message: string, location: string): never {
  throw new FakeOfficeError(code, message, location);
}

function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function jsonBytes(value: unknown): number {
  if (value instanceof FakeObject) return 0;
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Cell input, as Excel parses what it is given (en-US).

const ERROR_LITERALS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
]);

/** A constant typed into a cell: what Excel would store. */
function parseTyped(text: string): { value: FakeValue; error?: boolean } {
  const trimmed = text.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(trimmed))
    return { value: Number(trimmed.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  if (ERROR_LITERALS.has(trimmed.toUpperCase()))
    return { value: trimmed.toUpperCase(), error: true };
  // A date such as 1/2 or 1/2/2024 becomes a serial number; the serial itself does not matter here.
  if (/^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/.test(trimmed)) return { value: 45000 };
  return { value: text };
}

function enterInput(sheet: FakeSheet, row: number, col: number, input: unknown, where: string) {
  if (input === null || input === undefined) return;
  const cell = sheet.cellOrNew(row, col);
  cell.text = null;
  delete cell.style.quotePrefix;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail("InvalidArgument", "not a finite number", where);
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input !== "string") fail("InvalidArgument", `cannot enter ${typeof input}`, where);
  cell.formula = null;
  if (input === "") {
    cell.value = null;
  } else if (input.startsWith("'")) {
    cell.value = input.slice(1) === "" ? null : input.slice(1);
    cell.style.quotePrefix = true;
  } else if (input.startsWith("=") && input.length > 1) {
    cell.formula = input;
    cell.value = null;
    // Excel gives a General cell that refers to one cell that cell's number format.
    const ref = /^=(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(
      input,
    );
    if (ref && cell.numberFormat === "General") {
      const name = (ref[1] ?? ref[2])?.replace(/''/g, "'");
      const owner = name === undefined ? sheet : sheet.workbook?.findSheet(name);
      const source = owner?.cell(Number(ref[4]) - 1, columnOf(ref[3]));
      if (source) cell.numberFormat = source.numberFormat;
    }
  } else {
    cell.value = parseTyped(input).value;
  }
}

function displayText(cell: FakeCell | undefined): string {
  if (!cell) return "";
  if (cell.text !== null) return cell.text;
  if (cell.value === null) return "";
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

// ---------------------------------------------------------------------------------------
// The request context and proxy objects.

type Op = () => void;

class FakeContext {
  queue: Op[] = [];
  pendingBytes = 0;
  readonly workbook: FakeWorkbookProxy;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  count(value: unknown): void {
    this.pendingBytes += jsonBytes(value);
  }

  /** Queues a failure when the host lacks the requirement set of an API. */
  needs(version: string, api: string): void {
    if (!this.excel.isSetSupported("ExcelApi", version)) {
      this.enqueue(() => fail("ApiNotFound", `${api} needs ExcelApi ${version}`, api));
    }
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    excel.syncCount++;
    const bytes = this.pendingBytes;
    excel.payloads.push(bytes);
    const ops = this.queue;
    this.queue = [];
    this.pendingBytes = 0;
    await Promise.resolve();
    if (excel.failSync?.(excel.syncCount)) {
      fail("GeneralException", "An internal error has occurred.", "sync");
    }
    if (bytes > excel.payloadLimit) {
      fail(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
        "sync",
      );
    }
    // As in Office, what ran before a failing operation stays done.
    for (const op of ops) op();
  }
}

/** Where a write went, for the log. */
interface Where {
  sheet: FakeSheet | null;
  address: string | null;
}

abstract class FakeObject<T> {
  private bound = false;
  private target: T | null = null;
  private nullState: boolean | undefined;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
    protected readonly kind: string,
    /** Lookups run at their place in the queue (a later rename does not change them). */
    eager = false,
  ) {
    if (eager) ctx.enqueue(() => void this.bind());
  }

  /** The object this proxy stands for, looked up once. */
  bind(): T | null {
    if (!this.bound) {
      this.target = this.resolver();
      this.bound = true;
      this.nullState = this.target === null;
    }
    return this.target;
  }

  protected live(op: string): T {
    const t = this.bind();
    if (t === null) fail("InvalidOperation", `${this.kind} is a null object`, `${this.kind}.${op}`);
    return t;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      fail("PropertyNotLoaded", "isNullObject is known after context.sync()", this.kind);
    }
    return this.nullState;
  }

  /** Properties this object can load. */
  protected read(_target: T, name: string): unknown {
    fail("InvalidArgument", `${this.kind}.${name} cannot be loaded`, `${this.kind}.load`);
  }

  protected loadVersion(_name: string): string | null {
    return null;
  }

  load(spec?: string | string[]): this {
    const names = (Array.isArray(spec) ? spec : (spec ?? "").split(","))
      .map((n) => n.trim())
      .filter((n) => n !== "");
    for (const n of names) {
      const version = this.loadVersion(n);
      if (version) this.ctx.needs(version, `${this.kind}.${n}`);
    }
    this.ctx.enqueue(() => {
      const t = this.bind();
      for (const n of names) this.loaded.set(n, t === null ? null : this.read(t, n));
    });
    return this;
  }

  protected prop<V>(name: string): V {
    if (!this.loaded.has(name)) {
      fail("PropertyNotLoaded", `${this.kind}.${name} was not loaded`, `${this.kind}.${name}`);
    }
    return this.loaded.get(name) as V;
  }

  protected where(_target: T): Where {
    return { sheet: null, address: null };
  }

  /** Queues a write (a property set or a method call) counted into the request. */
  protected act(op: string, args: unknown[], apply: (target: T) => void): void {
    for (const a of args) this.ctx.count(a);
    this.ctx.enqueue(() => {
      const t = this.live(op);
      const w = this.where(t);
      if (w.sheet) {
        this.ctx.excel.writes.push({
          sheetId: w.sheet.id,
          sheet: w.sheet.name,
          op: `${this.kind}.${op}`,
          address: w.address,
        });
      }
      apply(t);
    });
  }

  /** A child object: null when this one is (or an error, as the fake's option says). */
  protected child<C>(f: (target: T) => C | null): () => C | null {
    return () => {
      const t = this.bind();
      if (t === null) {
        if (this.ctx.excel.nullNavigation === "error") {
          fail("ItemNotFound", `${this.kind} does not exist`, this.kind);
        }
        return null;
      }
      return f(t);
    };
  }

  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }
}

class FakeClientResult<V> {
  private ready = false;
  private result: V | undefined;

  constructor(ctx: FakeContext, compute: () => V) {
    ctx.enqueue(() => {
      this.result = compute();
      this.ready = true;
    });
  }

  get value(): V {
    if (!this.ready)
      fail("PropertyNotLoaded", "value is known after context.sync()", "ClientResult");
    return this.result as V;
  }
}

// Workbook and worksheets. ------------------------------------------------------------

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;

  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}

function validSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    // eslint-disable-next-line no-control-regex
    !/[:\\/?*[\]\u0000-\u001f]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

class FakeWorksheetCollection extends FakeObject<FakeExcel> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel, "WorksheetCollection");
  }

  protected override read(excel: FakeExcel, name: string): unknown {
    const m = /^items\/(\w+)$/.exec(name);
    if (!m) return super.read(excel, name);
    return excel.sheets;
  }

  override load(spec?: string | string[]): this {
    const names = (Array.isArray(spec) ? spec : (spec ?? "").split(","))
      .map((n) => n.trim())
      .filter((n) => n !== "");
    const props = names.map((n) => {
      const m = /^items\/(\w+)$/.exec(n);
      if (!m) fail("InvalidArgument", `cannot load ${n}`, "WorksheetCollection.load");
      return m[1];
    });
    this.ctx.enqueue(() => {
      const items = this.ctx.excel.sheets.map((sheet) => {
        const ws = new FakeWorksheet(this.ctx, () => sheet);
        ws.bind();
        ws.fill(props);
        return ws;
      });
      this.loaded.set("items", items);
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.prop<FakeWorksheet[]>("items");
  }

  getItem(name: string): FakeWorksheet {
    this.ctx.count(name);
    return new FakeWorksheet(
      this.ctx,
      () =>
        this.ctx.excel.findSheet(name) ??
        fail("ItemNotFound", `no worksheet ${name}`, "WorksheetCollection.getItem"),
      true,
    );
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.needs("1.4", "WorksheetCollection.getItemOrNullObject");
    this.ctx.count(name);
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.findSheet(name) ?? null, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.activeSheet(), true);
  }

  add(name: string): FakeWorksheet {
    this.ctx.count(name);
    return new FakeWorksheet(
      this.ctx,
      () => {
        const excel = this.ctx.excel;
        if (!validSheetName(name)) {
          fail("InvalidArgument", `bad sheet name ${name}`, "WorksheetCollection.add");
        }
        if (excel.findSheet(name)) {
          fail("ItemAlreadyExists", `a sheet is named ${name}`, "WorksheetCollection.add");
        }
        const sheet = excel.addSheet(name);
        excel.writes.push({
          sheetId: sheet.id,
          sheet: name,
          op: "WorksheetCollection.add",
          address: null,
        });
        return sheet;
      },
      true,
    );
  }
}

class FakeWorksheet extends FakeObject<FakeSheet> {
  constructor(ctx: FakeContext, resolver: () => FakeSheet | null, eager = false) {
    super(ctx, resolver, "Worksheet", eager);
  }

  /** Loads properties at once (for collection items, loaded when the collection is). */
  fill(props: string[]): void {
    const t = this.bind();
    for (const p of props) this.loaded.set(p, t === null ? null : this.read(t, p));
  }

  protected override read(sheet: FakeSheet, name: string): unknown {
    switch (name) {
      case "name":
        return sheet.name;
      case "visibility":
        return sheet.visibility;
      case "id":
        return `{fake-${sheet.id}}`;
      case "position":
        return this.ctx.excel.sheets.indexOf(sheet);
      default:
        return super.read(sheet, name);
    }
  }

  protected override where(sheet: FakeSheet): Where {
    return { sheet, address: null };
  }

  get name(): string {
    return this.prop("name");
  }

  set name(value: string) {
    this.act("name", [value], (sheet) => {
      if (!validSheetName(value))
        fail("InvalidArgument", `bad sheet name ${value}`, "Worksheet.name");
      const other = this.ctx.excel.findSheet(value);
      if (other && other !== sheet)
        fail("ItemAlreadyExists", `a sheet is named ${value}`, "Worksheet.name");
      sheet.name = value;
    });
  }

  get visibility(): string {
    return this.prop("visibility");
  }

  set visibility(value: string) {
    this.act("visibility", [value], (sheet) => {
      sheet.visibility = value as FakeSheet["visibility"];
    });
  }

  activate(): void {
    this.act("activate", [], (sheet) => this.ctx.excel.activate(sheet));
  }

  delete(): void {
    this.act("delete", [], (sheet) => this.ctx.excel.deleteSheet(sheet));
  }

  getRange(address?: string): FakeRange {
    this.ctx.count(address ?? null);
    return new FakeRange(
      this.ctx,
      this.child((sheet) => {
        const rect =
          address === undefined
            ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 }
            : parseFakeAddress(address);
        if (!rect) fail("InvalidArgument", `bad address ${address}`, "Worksheet.getRange");
        return { sheet, rect };
      }),
      true,
    );
  }

  getRanges(address: string): FakeRangeAreas {
    this.ctx.needs("1.9", "Worksheet.getRanges");
    this.ctx.count(address);
    return new FakeRangeAreas(
      this.ctx,
      this.child((sheet) => {
        const rects = address.split(/[,;]/).map((a) => {
          const r = parseFakeAddress(a);
          if (!r) fail("InvalidArgument", `bad address ${a}`, "Worksheet.getRanges");
          return r;
        });
        return { sheet, rects };
      }),
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.needs("1.2", "Worksheet.getUsedRange(valuesOnly)");
    this.ctx.count(valuesOnly ?? null);
    return new FakeRange(
      this.ctx,
      this.child((sheet) => ({
        sheet,
        rect: sheet.usedRect(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      })),
      true,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.needs("1.4", "Worksheet.getUsedRangeOrNullObject");
    this.ctx.count(valuesOnly ?? null);
    return new FakeRange(
      this.ctx,
      this.child((sheet) => {
        const rect = sheet.usedRect(valuesOnly === true);
        return rect ? { sheet, rect } : null;
      }),
      true,
    );
  }

  get names(): FakeNamedItemCollection {
    this.ctx.needs("1.4", "Worksheet.names");
    return new FakeNamedItemCollection(
      this.ctx,
      this.child((sheet) => sheet),
    );
  }

  get charts(): FakeChartCollection {
    return new FakeChartCollection(
      this.ctx,
      this.child((sheet) => sheet),
    );
  }

  get freezePanes(): FakeFreezePanes {
    this.ctx.needs("1.7", "Worksheet.freezePanes");
    return new FakeFreezePanes(
      this.ctx,
      this.child((sheet) => sheet),
    );
  }

  get pageLayout(): FakePageLayoutProxy {
    this.ctx.needs("1.9", "Worksheet.pageLayout");
    return new FakePageLayoutProxy(
      this.ctx,
      this.child((sheet) => sheet),
    );
  }
}

// Ranges. ------------------------------------------------------------------------------

interface RangeTarget {
  sheet: FakeSheet;
  rect: FakeRect;
}

interface AreasTarget {
  sheet: FakeSheet;
  rects: FakeRect[];
}

function grid<V>(rect: FakeRect, f: (row: number, col: number) => V): V[][] {
  const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
  if (cells > MAX_LOADED_CELLS) {
    fail("ResponsePayloadSizeLimitExceeded", `${cells} cells`, "Range.load");
  }
  const out: V[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: V[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

/** A 2-D input over a rectangle: the same shape, or one value for every cell. */
function eachInput(
  rect: FakeRect,
  input: unknown,
  where: string,
  f: (row: number, col: number, v: unknown) => void,
) {
  const height = rect.bottom - rect.top + 1;
  const width = rect.right - rect.left + 1;
  if (!Array.isArray(input)) {
    for (let r = 0; r < height; r++)
      for (let c = 0; c < width; c++) f(rect.top + r, rect.left + c, input);
    return;
  }
  if (input.length !== height || input.some((row) => !Array.isArray(row) || row.length !== width)) {
    fail("InvalidArgument", `the input is not ${height} × ${width}`, where);
  }
  for (let r = 0; r < height; r++) {
    const row = input[r] as unknown[];
    for (let c = 0; c < width; c++) f(rect.top + r, rect.left + c, row[c]);
  }
}

class FakeRange extends FakeObject<RangeTarget> {
  constructor(ctx: FakeContext, resolver: () => RangeTarget | null, eager = false) {
    super(ctx, resolver, "Range", eager);
  }

  protected override read({ sheet, rect }: RangeTarget, name: string): unknown {
    switch (name) {
      case "address":
        return qualified(sheet, rect);
      case "values":
        return grid(rect, (r, c) => {
          const cell = sheet.cell(r, c);
          return cell?.value ?? "";
        });
      case "text":
        return grid(rect, (r, c) => displayText(sheet.cell(r, c)));
      case "numberFormat":
        return grid(rect, (r, c) => sheet.cell(r, c)?.numberFormat ?? "General");
      case "formulas":
        return grid(rect, (r, c) => {
          const cell = sheet.cell(r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      default:
        return super.read({ sheet, rect }, name);
    }
  }

  protected override where({ sheet, rect }: RangeTarget): Where {
    return { sheet, address: fakeA1(rect) };
  }

  get address(): string {
    return this.prop("address");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  get text(): string[][] {
    return this.prop("text");
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }

  set formulas(input: unknown[][]) {
    this.act("formulas", [input], ({ sheet, rect }) =>
      eachInput(rect, input, "Range.formulas", (r, c, v) =>
        enterInput(sheet, r, c, v, "Range.formulas"),
      ),
    );
  }

  set values(input: unknown[][]) {
    this.act("values", [input], ({ sheet, rect }) =>
      eachInput(rect, input, "Range.values", (r, c, v) =>
        enterInput(sheet, r, c, v, "Range.values"),
      ),
    );
  }

  set numberFormat(input: unknown[][]) {
    this.act("numberFormat", [input], ({ sheet, rect }) =>
      eachInput(rect, input, "Range.numberFormat", (r, c, v) => {
        if (v === null || v === undefined) return;
        if (typeof v !== "string")
          fail("InvalidArgument", "a number format is text", "Range.numberFormat");
        sheet.cellOrNew(r, c).numberFormat = v;
      }),
    );
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(
      this.ctx,
      this.child(({ sheet, rect }) => ({ sheet, rects: [rect] })),
    );
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.ctx.needs("1.6", "Range.conditionalFormats");
    return new FakeConditionalFormatCollection(
      this.ctx,
      this.child((t) => t),
    );
  }

  /** As Excel does: the merged areas whose top-left cell lies in this range, whole. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.needs("1.13", "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(
      this.ctx,
      this.child(({ sheet, rect }) => {
        const areas = sheet.merges.filter(
          (m) =>
            m.top >= rect.top &&
            m.top <= rect.bottom &&
            m.left >= rect.left &&
            m.left <= rect.right,
        );
        if (areas.length > this.ctx.excel.mergedAreasLimit) {
          fail("GeneralException", "too many merged areas", "Range.getMergedAreasOrNullObject");
        }
        return areas.length > 0 ? { sheet, rects: areas } : null;
      }),
      true,
    );
  }

  getCellProperties(options: {
    format?: { indentLevel?: boolean };
  }): FakeClientResult<unknown[][]> {
    this.ctx.needs("1.9", "Range.getCellProperties");
    this.ctx.count(options);
    const target = this.child((t) => t);
    return new FakeClientResult(this.ctx, () => {
      const t = target();
      if (t === null) fail("InvalidOperation", "a null object", "Range.getCellProperties");
      return grid(t.rect, (r, c) => {
        const out: Record<string, unknown> = {};
        if (options.format?.indentLevel) {
          out.format = { indentLevel: t.sheet.cell(r, c)?.style.indent ?? 0 };
        }
        return out;
      });
    });
  }

  merge(across?: boolean): void {
    this.ctx.needs("1.2", "Range.merge");
    this.act("merge", [across ?? false], ({ sheet, rect }) => {
      const areas = across
        ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({
            ...rect,
            top: rect.top + i,
            bottom: rect.top + i,
          }))
        : [rect];
      for (const area of areas) {
        if (area.top === area.bottom && area.left === area.right) continue;
        if (sheet.merges.some((m) => overlaps(m, area))) {
          fail("InvalidOperation", `${fakeA1(area)} overlaps a merged area`, "Range.merge");
        }
        sheet.merges.push({ ...area });
        // Only the top-left value stays.
        for (let r = area.top; r <= area.bottom; r++) {
          for (let c = area.left; c <= area.right; c++) {
            if (r === area.top && c === area.left) continue;
            const cell = sheet.cell(r, c);
            if (cell) {
              cell.value = null;
              cell.formula = null;
              cell.text = null;
            }
          }
        }
      }
    });
  }

  select(): void {
    this.act("select", [], ({ sheet, rect }) => {
      this.ctx.excel.activate(sheet);
      this.ctx.excel.selection = { sheetId: sheet.id, address: fakeA1(rect) };
    });
  }
}

class FakeRangeAreas extends FakeObject<AreasTarget> {
  constructor(ctx: FakeContext, resolver: () => AreasTarget | null, eager = false) {
    super(ctx, resolver, "RangeAreas", eager);
  }

  protected override read({ sheet, rects }: AreasTarget, name: string): unknown {
    switch (name) {
      case "address":
        return rects.map((r) => qualified(sheet, r)).join(", ");
      case "areaCount":
        return rects.length;
      default:
        return super.read({ sheet, rects }, name);
    }
  }

  get address(): string {
    return this.prop("address");
  }

  get areaCount(): number {
    return this.prop("areaCount");
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(
      this.ctx,
      this.child((t) => t),
    );
  }
}

/** Formatting over one or more rectangles; writes apply to every cell in them. */
abstract class FakeFormatPart extends FakeObject<AreasTarget> {
  protected override where({ sheet, rects }: AreasTarget): Where {
    return { sheet, address: rects.map(fakeA1).join(",") };
  }

  protected eachCell(
    target: AreasTarget,
    f: (cell: FakeCell, row: number, col: number, rect: FakeRect) => void,
  ) {
    for (const rect of target.rects) {
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) f(target.sheet.cellOrNew(r, c), r, c, rect);
      }
    }
  }

  protected setStyle(op: string, value: unknown, f: (style: FakeStyle) => void): void {
    this.act(op, [value], (t) => this.eachCell(t, (cell) => f(cell.style)));
  }
}

function color(value: unknown, where: string): string {
  if (typeof value !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(value)) {
    fail("InvalidArgument", `bad colour ${String(value)}`, where);
  }
  return value.toUpperCase();
}

class FakeRangeFormat extends FakeFormatPart {
  constructor(ctx: FakeContext, resolver: () => AreasTarget | null) {
    super(ctx, resolver, "RangeFormat");
  }

  get font(): FakeFont {
    return new FakeFont(
      this.ctx,
      this.child((t) => t),
    );
  }

  get fill(): FakeFill {
    return new FakeFill(
      this.ctx,
      this.child((t) => t),
    );
  }

  get borders(): FakeBorders {
    return new FakeBorders(
      this.ctx,
      this.child((t) => t),
    );
  }

  set horizontalAlignment(value: string) {
    this.setStyle("horizontalAlignment", value, (s) => (s.horizontal = value));
  }

  set verticalAlignment(value: string) {
    this.setStyle("verticalAlignment", value, (s) => (s.vertical = value));
  }

  set wrapText(value: boolean) {
    this.setStyle("wrapText", value, (s) => (s.wrap = value));
  }

  set indentLevel(value: number) {
    this.ctx.needs("1.9", "RangeFormat.indentLevel");
    this.setStyle("indentLevel", value, (s) => {
      s.indent = value;
      // Excel left-aligns General text it indents.
      if (value > 0 && (s.horizontal === undefined || s.horizontal === "General"))
        s.horizontal = "Left";
    });
  }

  set columnWidth(points: number) {
    this.act("columnWidth", [points], ({ sheet, rects }) => {
      for (const r of rects)
        for (let c = r.left; c <= r.right; c++) sheet.columnWidths.set(c, points);
    });
  }

  set rowHeight(points: number) {
    this.act("rowHeight", [points], ({ sheet, rects }) => {
      for (const r of rects)
        for (let row = r.top; row <= r.bottom; row++) sheet.rowHeights.set(row, points);
    });
  }
}

class FakeFont extends FakeFormatPart {
  constructor(ctx: FakeContext, resolver: () => AreasTarget | null) {
    super(ctx, resolver, "RangeFont");
  }
  set bold(value: boolean) {
    this.setStyle("bold", value, (s) => (s.bold = value));
  }
  set italic(value: boolean) {
    this.setStyle("italic", value, (s) => (s.italic = value));
  }
  set size(value: number) {
    this.setStyle("size", value, (s) => (s.size = value));
  }
  set color(value: string) {
    this.setStyle("color", value, (s) => (s.fontColor = color(value, "RangeFont.color")));
  }
}

class FakeFill extends FakeFormatPart {
  constructor(ctx: FakeContext, resolver: () => AreasTarget | null) {
    super(ctx, resolver, "RangeFill");
  }
  set color(value: string) {
    this.setStyle("color", value, (s) => (s.fill = color(value, "RangeFill.color")));
  }
}

type BorderIndex =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

class FakeBorders extends FakeObject<AreasTarget> {
  constructor(ctx: FakeContext, resolver: () => AreasTarget | null) {
    super(ctx, resolver, "RangeBorderCollection");
  }
  getItem(index: BorderIndex): FakeBorderProxy {
    this.ctx.count(index);
    return new FakeBorderProxy(
      this.ctx,
      this.child((t) => t),
      index,
    );
  }
}

class FakeBorderProxy extends FakeFormatPart {
  constructor(
    ctx: FakeContext,
    resolver: () => AreasTarget | null,
    private readonly index: BorderIndex,
  ) {
    super(ctx, resolver, "RangeBorder");
  }

  /** The cell sides this border is, per cell of a rectangle. */
  private sides(row: number, col: number, rect: FakeRect): ("top" | "bottom" | "left" | "right")[] {
    switch (this.index) {
      case "EdgeTop":
        return row === rect.top ? ["top"] : [];
      case "EdgeBottom":
        return row === rect.bottom ? ["bottom"] : [];
      case "EdgeLeft":
        return col === rect.left ? ["left"] : [];
      case "EdgeRight":
        return col === rect.right ? ["right"] : [];
      case "InsideHorizontal":
        return [
          ...(row > rect.top ? ["top" as const] : []),
          ...(row < rect.bottom ? ["bottom" as const] : []),
        ];
      case "InsideVertical":
        return [
          ...(col > rect.left ? ["left" as const] : []),
          ...(col < rect.right ? ["right" as const] : []),
        ];
    }
  }

  private setSide(op: string, value: unknown, field: keyof FakeBorder) {
    this.act(`${this.index}.${op}`, [value], (t) => {
      const inner = this.index === "InsideHorizontal" || this.index === "InsideVertical";
      if (
        inner &&
        t.rects.some((r) =>
          this.index === "InsideHorizontal" ? r.top === r.bottom : r.left === r.right,
        )
      ) {
        // The fake is strict where Excel's behaviour is not documented.
        fail("InvalidArgument", `${this.index} on a range without inner lines`, "RangeBorder");
      }
      this.eachCell(t, (cell, row, col, rect) => {
        for (const side of this.sides(row, col, rect)) {
          const borders = (cell.style.borders ??= {});
          const b = (borders[side] ??= { style: null, weight: null, color: null });
          b[field] = value as never;
        }
      });
    });
  }

  set style(value: string) {
    this.setSide("style", value, "style");
  }
  set weight(value: string) {
    this.setSide("weight", value, "weight");
  }
  set color(value: string) {
    this.setSide("color", value, "color");
  }
}

// Names. -------------------------------------------------------------------------------

interface NameTarget {
  sheet: FakeSheet;
  item: FakeName;
}

class FakeNamedItemCollection extends FakeObject<FakeSheet> {
  constructor(ctx: FakeContext, resolver: () => FakeSheet | null) {
    super(ctx, resolver, "NamedItemCollection");
  }

  protected override where(sheet: FakeSheet): Where {
    return { sheet, address: null };
  }

  private find(sheet: FakeSheet, name: string): FakeName | undefined {
    return sheet.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  getItem(name: string): FakeNamedItem {
    this.ctx.count(name);
    return new FakeNamedItem(
      this.ctx,
      this.child((sheet) => {
        const item = this.find(sheet, name);
        return item
          ? { sheet, item }
          : fail("ItemNotFound", `no name ${name}`, "NamedItemCollection.getItem");
      }),
      true,
    );
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.ctx.count(name);
    return new FakeNamedItem(
      this.ctx,
      this.child((sheet) => {
        const item = this.find(sheet, name);
        return item ? { sheet, item } : null;
      }),
      true,
    );
  }

  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    this.ctx.count(name);
    this.ctx.count(reference);
    this.ctx.count(comment ?? null);
    let created: NameTarget | null = null;
    this.act("add", [], (sheet) => {
      if (this.find(sheet, name))
        fail("ItemAlreadyExists", `a name ${name} exists`, "NamedItemCollection.add");
      let formula: string;
      if (typeof reference === "string")
        formula = reference.startsWith("=") ? reference : "=" + reference;
      else {
        const r = reference.bind();
        if (!r) fail("InvalidArgument", "a null range", "NamedItemCollection.add");
        formula = "=" + qualified(r.sheet, r.rect);
      }
      const item = { name, formula, visible: true, comment: comment ?? null };
      sheet.names.push(item);
      created = { sheet, item };
    });
    return new FakeNamedItem(this.ctx, () => created);
  }
}

class FakeNamedItem extends FakeObject<NameTarget> {
  constructor(ctx: FakeContext, resolver: () => NameTarget | null, eager = false) {
    super(ctx, resolver, "NamedItem", eager);
  }

  protected override loadVersion(name: string): string | null {
    return name === "formula" ? "1.7" : null;
  }

  protected override read({ item }: NameTarget, name: string): unknown {
    switch (name) {
      case "name":
        return item.name;
      case "formula":
        return item.formula;
      case "visible":
        return item.visible;
      case "type":
        return /^="/.test(item.formula) ? "String" : "Range";
      case "value": {
        const m = /^="((?:[^"]|"")*)"$/.exec(item.formula);
        return m ? m[1].replace(/""/g, '"') : item.formula.replace(/^=/, "");
      }
      default:
        return super.read({ item } as NameTarget, name);
    }
  }

  protected override where({ sheet }: NameTarget): Where {
    return { sheet, address: null };
  }

  get name(): string {
    return this.prop("name");
  }
  get formula(): string {
    return this.prop("formula");
  }
  get value(): unknown {
    return this.prop("value");
  }
  get visible(): boolean {
    return this.prop("visible");
  }
  set visible(value: boolean) {
    this.act("visible", [value], ({ item }) => (item.visible = value));
  }

  delete(): void {
    this.act("delete", [], ({ sheet, item }) => {
      sheet.names = sheet.names.filter((n) => n !== item);
    });
  }
}

// Charts. ------------------------------------------------------------------------------

interface ChartTarget {
  sheet: FakeSheet;
  chart: FakeChart;
}

interface SeriesTarget {
  sheet: FakeSheet;
  series: FakeSeries;
}

class FakeChartCollection extends FakeObject<FakeSheet> {
  constructor(ctx: FakeContext, resolver: () => FakeSheet | null) {
    super(ctx, resolver, "ChartCollection");
  }

  protected override where(sheet: FakeSheet): Where {
    return { sheet, address: null };
  }

  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChartProxy {
    this.ctx.count(type);
    this.ctx.count(seriesBy ?? null);
    let created: ChartTarget | null = null;
    this.act("add", [], (sheet) => {
      const source = sourceData.bind();
      if (!source) fail("InvalidArgument", "a null range", "ChartCollection.add");
      const r = source.rect;
      const byRows = seriesBy === "Rows";
      const count = byRows ? r.bottom - r.top + 1 : r.right - r.left + 1;
      const series: FakeSeries[] = Array.from({ length: count }, (_, i) => ({
        name: `Series${i + 1}`,
        chartType: type,
        values: byRows
          ? { ...r, top: r.top + i, bottom: r.top + i }
          : { ...r, left: r.left + i, right: r.left + i },
        xValues: null,
        fillColor: null,
        lineColor: null,
        markerStyle: null,
      }));
      const chart: FakeChart = {
        name: `Chart ${sheet.charts.length + 1}`,
        chartType: type,
        source: { ...r },
        title: null,
        titleVisible: true,
        series,
        valueAxisTitle: null,
        valueAxisMinimum: null,
        legendPosition: null,
        position: null,
      };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return new FakeChartProxy(this.ctx, () => created);
  }
}

abstract class FakeChartPart extends FakeObject<ChartTarget> {
  protected override where({ sheet, chart }: ChartTarget): Where {
    return { sheet, address: chart.name };
  }
}

class FakeChartProxy extends FakeChartPart {
  constructor(ctx: FakeContext, resolver: () => ChartTarget | null) {
    super(ctx, resolver, "Chart");
  }

  get title(): FakeChartTitle {
    return new FakeChartTitle(
      this.ctx,
      this.child((t) => t),
    );
  }

  get legend(): FakeChartLegend {
    return new FakeChartLegend(
      this.ctx,
      this.child((t) => t),
    );
  }

  get axes(): { valueAxis: FakeValueAxis } {
    return {
      valueAxis: new FakeValueAxis(
        this.ctx,
        this.child((t) => t),
      ),
    };
  }

  get series(): FakeSeriesCollection {
    return new FakeSeriesCollection(
      this.ctx,
      this.child((t) => t),
    );
  }

  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const address = (cell: string | FakeRange | undefined): string | null => {
      if (cell === undefined) return null;
      if (typeof cell === "string") return cell;
      const r = cell.bind();
      return r ? fakeA1(r.rect) : null;
    };
    this.act("setPosition", [startCell, endCell ?? null], ({ chart }) => {
      const start = address(startCell);
      if (start === null || !parseFakeAddress(start))
        fail("InvalidArgument", "bad start cell", "Chart.setPosition");
      chart.position = { start, end: address(endCell) };
    });
  }
}

class FakeChartTitle extends FakeChartPart {
  constructor(ctx: FakeContext, resolver: () => ChartTarget | null) {
    super(ctx, resolver, "ChartTitle");
  }
  set text(value: string) {
    this.act("text", [value], ({ chart }) => (chart.title = value));
  }
  set visible(value: boolean) {
    this.act("visible", [value], ({ chart }) => (chart.titleVisible = value));
  }
}

class FakeChartLegend extends FakeChartPart {
  constructor(ctx: FakeContext, resolver: () => ChartTarget | null) {
    super(ctx, resolver, "ChartLegend");
  }
  set position(value: string) {
    this.act("position", [value], ({ chart }) => (chart.legendPosition = value));
  }
}

class FakeValueAxis extends FakeChartPart {
  constructor(ctx: FakeContext, resolver: () => ChartTarget | null) {
    super(ctx, resolver, "ChartAxis");
  }
  get title(): { text: string } {
    const act = (value: string) =>
      this.act("title.text", [value], ({ chart }) => (chart.valueAxisTitle = value));
    return {
      get text(): string {
        return fail(
          "PropertyNotLoaded",
          "ChartAxisTitle.text was not loaded",
          "ChartAxisTitle.text",
        );
      },
      set text(value: string) {
        act(value);
      },
    };
  }
  set minimum(value: number) {
    this.act("minimum", [value], ({ chart }) => (chart.valueAxisMinimum = value));
  }
}

class FakeSeriesCollection extends FakeChartPart {
  constructor(ctx: FakeContext, resolver: () => ChartTarget | null) {
    super(ctx, resolver, "ChartSeriesCollection");
  }

  getItemAt(index: number): FakeSeriesProxy {
    this.ctx.count(index);
    return new FakeSeriesProxy(
      this.ctx,
      this.child(({ sheet, chart }) => {
        const series = chart.series[index];
        return series
          ? { sheet, series }
          : fail("ItemNotFound", `no series ${index}`, "ChartSeriesCollection.getItemAt");
      }),
      true,
    );
  }

  add(name?: string): FakeSeriesProxy {
    this.ctx.needs("1.7", "ChartSeriesCollection.add");
    this.ctx.count(name ?? null);
    let created: SeriesTarget | null = null;
    this.act("add", [], ({ sheet, chart }) => {
      const series: FakeSeries = {
        name: name ?? `Series${chart.series.length + 1}`,
        chartType: chart.chartType,
        values: null,
        xValues: null,
        fillColor: null,
        lineColor: null,
        markerStyle: null,
      };
      chart.series.push(series);
      created = { sheet, series };
    });
    return new FakeSeriesProxy(this.ctx, () => created);
  }
}

class FakeSeriesProxy extends FakeObject<SeriesTarget> {
  constructor(ctx: FakeContext, resolver: () => SeriesTarget | null, eager = false) {
    super(ctx, resolver, "ChartSeries", eager);
  }

  protected override where({ sheet, series }: SeriesTarget): Where {
    return { sheet, address: series.name };
  }

  private rangeOf(range: FakeRange, where: string): FakeRect {
    const r = range.bind();
    if (!r) fail("InvalidArgument", "a null range", where);
    return { ...r.rect };
  }

  set name(value: string) {
    this.act("name", [value], ({ series }) => (series.name = value));
  }
  set chartType(value: string) {
    this.ctx.needs("1.7", "ChartSeries.chartType");
    this.act("chartType", [value], ({ series }) => (series.chartType = value));
  }
  set markerStyle(value: string) {
    this.ctx.needs("1.7", "ChartSeries.markerStyle");
    this.act("markerStyle", [value], ({ series }) => (series.markerStyle = value));
  }
  setValues(range: FakeRange): void {
    this.ctx.needs("1.7", "ChartSeries.setValues");
    this.act(
      "setValues",
      [],
      ({ series }) => (series.values = this.rangeOf(range, "ChartSeries.setValues")),
    );
  }
  setXAxisValues(range: FakeRange): void {
    this.ctx.needs("1.7", "ChartSeries.setXAxisValues");
    this.act(
      "setXAxisValues",
      [],
      ({ series }) => (series.xValues = this.rangeOf(range, "ChartSeries.setXAxisValues")),
    );
  }

  get format(): { fill: { setSolidColor(c: string): void }; line: { color: string } } {
    const act = (op: string, value: string, f: (s: FakeSeries) => void) =>
      this.act(op, [value], ({ series }) => f(series));
    return {
      fill: {
        setSolidColor: (c: string) =>
          act(
            "format.fill.setSolidColor",
            c,
            (s) => (s.fillColor = color(c, "ChartFill.setSolidColor")),
          ),
      },
      line: {
        get color(): string {
          return fail(
            "PropertyNotLoaded",
            "ChartLineFormat.color was not loaded",
            "ChartLineFormat.color",
          );
        },
        set color(c: string) {
          act("format.line.color", c, (s) => (s.lineColor = color(c, "ChartLineFormat.color")));
        },
      },
    };
  }
}

// Conditional formats. ----------------------------------------------------------------

interface CfTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

class FakeConditionalFormatCollection extends FakeObject<RangeTarget> {
  constructor(ctx: FakeContext, resolver: () => RangeTarget | null) {
    super(ctx, resolver, "ConditionalFormatCollection");
  }

  protected override where({ sheet, rect }: RangeTarget): Where {
    return { sheet, address: fakeA1(rect) };
  }

  add(type: string): FakeConditionalFormatProxy {
    this.ctx.count(type);
    let created: CfTarget | null = null;
    this.act("add", [], ({ sheet, rect }) => {
      const cf: FakeConditionalFormat = {
        id: ++this.ctx.excel.lastId,
        type,
        range: { ...rect },
        formula: null,
        fill: null,
        fontColor: null,
        stopIfTrue: false,
      };
      // As in Excel's rules manager, a new rule comes first.
      sheet.conditionalFormats.unshift(cf);
      created = { sheet, cf };
    });
    return new FakeConditionalFormatProxy(this.ctx, () => created);
  }
}

class FakeConditionalFormatProxy extends FakeObject<CfTarget> {
  constructor(ctx: FakeContext, resolver: () => CfTarget | null) {
    super(ctx, resolver, "ConditionalFormat");
  }

  protected override where({ sheet, cf }: CfTarget): Where {
    return { sheet, address: fakeA1(cf.range) };
  }

  get custom(): {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string } };
  } {
    const set = (op: string, value: string, f: (cf: FakeConditionalFormat) => void) =>
      this.act(op, [value], ({ cf }) => {
        if (cf.type !== "Custom")
          fail("InvalidOperation", "not a custom rule", `ConditionalFormat.${op}`);
        f(cf);
      });
    const unread = (name: string): never =>
      fail("PropertyNotLoaded", `${name} was not loaded`, name);
    return {
      rule: {
        get formula(): string {
          return unread("ConditionalRangeFormatRule.formula");
        },
        set formula(value: string) {
          set("custom.rule.formula", value, (cf) => (cf.formula = value));
        },
      },
      format: {
        fill: {
          get color(): string {
            return unread("ConditionalRangeFill.color");
          },
          set color(value: string) {
            set(
              "custom.format.fill.color",
              value,
              (cf) => (cf.fill = color(value, "ConditionalRangeFill.color")),
            );
          },
        },
        font: {
          get color(): string {
            return unread("ConditionalRangeFont.color");
          },
          set color(value: string) {
            set(
              "custom.format.font.color",
              value,
              (cf) => (cf.fontColor = color(value, "ConditionalRangeFont.color")),
            );
          },
        },
      },
    };
  }

  set stopIfTrue(value: boolean) {
    this.act("stopIfTrue", [value], ({ cf }) => (cf.stopIfTrue = value));
  }

  /** Moves the rule to this place in the sheet's order, the others keeping theirs. */
  set priority(value: number) {
    this.act("priority", [value], ({ sheet, cf }) => {
      const list = sheet.conditionalFormats.filter((c) => c !== cf);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, cf);
      sheet.conditionalFormats = list;
    });
  }
}

// Panes and page layout. ----------------------------------------------------------------

class FakeFreezePanes extends FakeObject<FakeSheet> {
  constructor(ctx: FakeContext, resolver: () => FakeSheet | null) {
    super(ctx, resolver, "WorksheetFreezePanes");
  }

  protected override where(sheet: FakeSheet): Where {
    return { sheet, address: null };
  }

  freezeAt(range: string | FakeRange): void {
    this.act("freezeAt", [range], (sheet) => {
      const rect =
        typeof range === "string" ? parseFakeAddress(range) : (range.bind()?.rect ?? null);
      if (!rect) fail("InvalidArgument", "bad range", "WorksheetFreezePanes.freezeAt");
      sheet.freeze = { rows: rect.bottom + 1, columns: rect.right + 1 };
    });
  }

  freezeRows(count?: number): void {
    this.act(
      "freezeRows",
      [count ?? 1],
      (sheet) => (sheet.freeze = { rows: count ?? 1, columns: 0 }),
    );
  }

  freezeColumns(count?: number): void {
    this.act(
      "freezeColumns",
      [count ?? 1],
      (sheet) => (sheet.freeze = { rows: 0, columns: count ?? 1 }),
    );
  }

  unfreeze(): void {
    this.act("unfreeze", [], (sheet) => (sheet.freeze = null));
  }
}

class FakePageLayoutProxy extends FakeObject<FakeSheet> {
  constructor(ctx: FakeContext, resolver: () => FakeSheet | null) {
    super(ctx, resolver, "PageLayout");
  }

  protected override where(sheet: FakeSheet): Where {
    return { sheet, address: null };
  }

  setPrintTitleRows(rows: string | FakeRange): void {
    this.act("setPrintTitleRows", [rows], (sheet) => {
      const text = typeof rows === "string" ? rows : fakeA1(rows.bind()!.rect);
      if (!parseFakeAddress(text))
        fail("InvalidArgument", `bad rows ${text}`, "PageLayout.setPrintTitleRows");
      sheet.pageLayout.printTitleRows = text;
    });
  }

  set orientation(value: string) {
    this.act("orientation", [value], (sheet) => (sheet.pageLayout.orientation = value));
  }

  set zoom(value: Record<string, unknown>) {
    this.act("zoom", [value], (sheet) => (sheet.pageLayout.zoom = { ...value }));
  }
}

// ---------------------------------------------------------------------------------------
// Document settings.

/** Office.context.document.settings: values kept as JSON, as Office keeps them. */
export class FakeSettings {
  private values = new Map<string, string>();
  /** What the last successful saveAsync stored. */
  saved = new Map<string, string>();
  saveCount = 0;
  /** When set, saveAsync fails with this error. */
  failSave: { message: string; code?: number } | null = null;

  get(name: string): unknown {
    const raw = this.values.get(name);
    return raw === undefined ? null : (JSON.parse(raw) as unknown);
  }

  set(name: string, value: unknown): void {
    this.values.set(name, JSON.stringify(value));
  }

  remove(name: string): void {
    this.values.delete(name);
  }

  /** The JSON text of a setting, as Office writes it into the file. */
  raw(name: string): string | undefined {
    return this.values.get(name);
  }

  saveAsync(
    optionsOrCallback?: unknown,
    callback?: (result: { status: string; error?: { message: string; code?: number } }) => void,
  ): void {
    const cb =
      typeof optionsOrCallback === "function" ? (optionsOrCallback as typeof callback) : callback;
    setTimeout(() => {
      if (this.failSave) {
        cb?.({ status: "failed", error: this.failSave });
        return;
      }
      this.saveCount++;
      this.saved = new Map(this.values);
      cb?.({ status: "succeeded" });
    }, 0);
  }
}

// ---------------------------------------------------------------------------------------
// The fake host.

export interface FakeExcelOptions {
  /** The highest ExcelApi requirement set the host supports (default "1.17"). */
  excelApi?: string;
  /** Requests larger than this are refused (default 5 MB, Excel on the web's limit). */
  payloadLimit?: number;
  /** What navigating from a null object gives: a null object (default) or an error. */
  nullNavigation?: "null" | "error";
  /** More merged areas than this in one call fail (default 512, as documented). */
  mergedAreasLimit?: number;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  activeSheetId: number | null = null;
  selection: { sheetId: number; address: string } | null = null;
  syncCount = 0;
  /** The request size of each sync, in order. */
  payloads: number[] = [];
  writes: FakeWrite[] = [];
  readonly settings = new FakeSettings();
  excelApi: string;
  payloadLimit: number;
  nullNavigation: "null" | "error";
  mergedAreasLimit: number;
  /** Makes a sync fail (given its number since the start): for error tests. */
  failSync: ((syncNumber: number) => boolean) | null = null;
  lastId = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.excelApi = options.excelApi ?? "1.17";
    this.payloadLimit = options.payloadLimit ?? 5_000_000;
    this.nullNavigation = options.nullNavigation ?? "null";
    this.mergedAreasLimit = options.mergedAreasLimit ?? MAX_MERGED_AREAS;
  }

  isSetSupported = (set: string, version: string): boolean =>
    set === "ExcelApi" && versionAtLeast(this.excelApi, version);

  /** Excel.run: a fresh context; what is still queued at the end is synced, as Office does. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    // The fake stands in for the typed context; only what the gateway uses is modelled.
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length > 0) await ctx.sync();
    return result;
  };

  /** The options an ExcelGateway takes to run against this fake. */
  gatewayOptions(): {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
    isSetSupported: (set: string, version: string) => boolean;
    settings: FakeSettings;
  } {
    return { run: this.run, isSetSupported: this.isSetSupported, settings: this.settings };
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.payloads = [];
    this.writes = [];
  }

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(++this.lastId, name);
    sheet.workbook = this;
    this.sheets.push(sheet);
    if (this.activeSheetId === null) this.activeSheetId = sheet.id;
    return sheet;
  }

  findSheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`the fake workbook has no sheet ${name}`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  activeSheet(): FakeSheet | null {
    return this.sheets.find((s) => s.id === this.activeSheetId) ?? null;
  }

  activate(sheet: FakeSheet): void {
    if (sheet.visibility !== "Visible")
      fail("InvalidOperation", "a hidden sheet cannot be activated", "Worksheet.activate");
    this.activeSheetId = sheet.id;
  }

  deleteSheet(sheet: FakeSheet): void {
    const visibleLeft = this.sheets.some((s) => s !== sheet && s.visibility === "Visible");
    if (!visibleLeft)
      fail("InvalidOperation", "a workbook must keep a visible sheet", "Worksheet.delete");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheetId === sheet.id) {
      this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")!.id;
    }
    if (this.selection?.sheetId === sheet.id) this.selection = null;
  }

  /** A workbook from snapshots: cells, merges, hidden sheets, the product's marks, indents. */
  static fromSnapshots(snapshots: SheetSnapshot[], options: FakeExcelOptions = {}): FakeExcel {
    const excel = new FakeExcel(options);
    for (const s of snapshots) {
      const sheet = excel.addSheet(s.name);
      if (s.hidden) sheet.visibility = "Hidden";
      s.values.forEach((row, i) =>
        row.forEach((value, j) => {
          const formula = s.formulas[i]?.[j] ?? null;
          const numberFormat = s.numberFormats[i]?.[j] ?? "General";
          const indent = s.indents?.[i]?.[j] ?? 0;
          if (value === null && formula === null && numberFormat === "General" && !indent) return;
          sheet.setCell(s.origin.row + i, s.origin.col + j, {
            value,
            formula,
            numberFormat,
            text: s.text[i]?.[j] ?? null,
            style: indent ? { indent } : {},
          });
        }),
      );
      sheet.merges = s.merges.map((m) => ({ ...m }));
      if (s.summary !== undefined) {
        sheet.names.push({
          name: MARK_NAME,
          formula: `="${s.summary}"`,
          visible: false,
          comment: null,
        });
      }
    }
    if (excel.sheets[0] && excel.sheets[0].visibility !== "Visible") {
      excel.activeSheetId = excel.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
    }
    return excel;
  }

  /**
   * A workbook from an ExcelJS workbook as Excel would hold it: values (dates as serial
   * numbers, errors as their text), formulas (without the file's "_xlfn." prefixes),
   * number formats, indents, format-only cells, merges, sheet states. `text` gives each
   * cell's displayed text (e.g. from the xlsx gateway's snapshot); by default the value.
   */
  static fromExcelJS(
    workbook: ExcelJS.Workbook,
    options: FakeExcelOptions & {
      text?: (sheet: string, row: number, col: number) => string | undefined;
    } = {},
  ): FakeExcel {
    const excel = new FakeExcel(options);
    const date1904 = Boolean(workbook.properties?.date1904);
    for (const ws of workbook.worksheets) {
      const sheet = excel.addSheet(ws.name);
      if (ws.state === "hidden") sheet.visibility = "Hidden";
      else if (ws.state === "veryHidden") sheet.visibility = "VeryHidden";
      // ExcelJS keeps merges in a private map of ranges (1-based).
      const merges =
        (ws as unknown as { _merges?: Record<string, FakeRect | undefined> })._merges ?? {};
      sheet.merges = Object.values(merges)
        .filter((m): m is FakeRect => !!m)
        .map((m) => ({
          top: m.top - 1,
          left: m.left - 1,
          bottom: m.bottom - 1,
          right: m.right - 1,
        }));
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const numberFormat = cell.numFmt || "General";
          const indent = cell.alignment?.indent ?? 0;
          let value: FakeValue = null;
          let formula: string | null = null;
          // ExcelJS ValueType: 0 Null, 1 Merge, 6 Formula.
          const type = cell.type as unknown as number;
          if (type === 6) {
            const raw = (cell.value as { formula?: string } | null)?.formula ?? cell.formula;
            if (raw) formula = "=" + raw.replace(/^=/, "").replace(/_xlfn\.(_xlws\.)?/g, "");
            value = plainValue(cell.result, date1904);
          } else if (type !== 0 && type !== 1) {
            value = plainValue(cell.value, date1904);
          }
          if (value === null && formula === null && numberFormat === "General" && !indent) return;
          const text = options.text?.(ws.name, r - 1, c - 1);
          sheet.setCell(r - 1, c - 1, {
            value,
            formula,
            numberFormat,
            text: text ?? null,
            style: indent ? { indent } : {},
          });
        });
      });
    }
    const firstVisible = excel.sheets.find((s) => s.visibility === "Visible");
    excel.activeSheetId = firstVisible?.id ?? null;
    return excel;
  }
}

/** An ExcelJS value (or formula result) as Excel reports it. */
function plainValue(v: unknown, date1904: boolean): FakeValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date || Object.prototype.toString.call(v) === "[object Date]") {
    const time = (v as Date).getTime();
    if (Number.isNaN(time)) return null;
    return 25569 + time / 86400000 - (date1904 ? 1462 : 0);
  }
  if (typeof v === "object") {
    const o = v as {
      error?: string;
      richText?: { text?: string }[];
      text?: unknown;
      formula?: string;
      sharedFormula?: string;
      result?: unknown;
    };
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText)) return o.richText.map((run) => run.text ?? "").join("");
    if (o.text !== undefined) return plainValue(o.text, date1904);
    if (o.formula !== undefined || o.sharedFormula !== undefined)
      return plainValue(o.result, date1904);
  }
  return null;
}
