import { DOMParser, type Element } from "@xmldom/xmldom";
import { spawn } from "child_process";
import { ensureTools, findExecutable, tail } from "./debian";
import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";

/**
 * A real spreadsheet engine for tests: headless LibreOffice Calc recalculates the workbooks we
 * write, so a test can compare what it computes with what our engine computed. Also turns a
 * workbook into PDF and PNG pages, to look at it as a person would.
 *
 * CI starts from a clean Debian machine where we are root, so the Debian packages are
 * installed on first use. --no-install-recommends keeps that to ~60 packages instead of ~120
 * (perl, apparmor, X11 tools...), but it also drops the only recommended text font: on a
 * machine without fonts, the PDF would show every letter as a box (OpenSymbol has digits,
 * no letters). So the font LibreOffice recommends, Liberation (metric-compatible with Arial,
 * Times New Roman and Courier New), is named explicitly.
 */

export const LIBREOFFICE_PACKAGES = [
  "libreoffice-calc-nogui",
  "poppler-utils",
  "fonts-liberation2",
] as const;

export interface LibreOfficeTools {
  soffice: string;
  pdftoppm: string;
}

/** One conversion takes ~1-2 s; a hung soffice (e.g. a modal dialog in headless mode) is killed. */
const DEFAULT_CONVERSION_TIMEOUT_MS = 120 * 1000;

/** Besides PATH: where LibreOffice's own (non-Debian) packages and builds put soffice. */
const EXTRA_SOFFICE_DIRS = [
  "/usr/lib/libreoffice/program",
  "/opt/libreoffice/program",
  "/usr/local/bin",
  "/usr/bin",
];

function findTools(): LibreOfficeTools | null {
  const soffice = findExecutable("soffice", EXTRA_SOFFICE_DIRS);
  const pdftoppm = findExecutable("pdftoppm", ["/usr/bin", "/usr/local/bin"]);
  return soffice && pdftoppm ? { soffice, pdftoppm } : null;
}

/** The outcome of the first call, so a process installs (or fails to) at most once. */
let ensured: LibreOfficeTools | Error | undefined;

/**
 * The paths of soffice and pdftoppm, installing the Debian packages when either is missing
 * (once per process; a failure is remembered and thrown again). May block for minutes on a
 * clean machine: call it from a beforeAll with a long timeout.
 */
export function ensureLibreOffice(): LibreOfficeTools {
  if (ensured === undefined) {
    try {
      ensured = ensureTools(findTools, {
        what: "LibreOffice (soffice) or poppler (pdftoppm)",
        packages: LIBREOFFICE_PACKAGES,
        commands: ["soffice", "pdftoppm"],
        lock: "sakip-libreoffice-install.lock",
      });
    } catch (error) {
      ensured = error instanceof Error ? error : new Error(String(error));
    }
  }
  if (ensured instanceof Error) throw ensured;
  return ensured;
}

/**
 * A user profile that recalculates every formula on load. By default LibreOffice keeps the
 * cached results of an .xlsx (OOXMLRecalcMode 1 = "never", for files not saved by itself),
 * so a wrong cached value would survive the round trip and a test would compare our numbers
 * with themselves. 0 = "always".
 */
const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The same profile left at LibreOffice's default, only to show what forcing changes. */
const DEFAULT_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
</oor:items>
`;

export interface ConversionOptions {
  /** Kill soffice (its whole process group) after this long; default 120 s. */
  timeoutMs?: number;
  /**
   * Default true. false keeps LibreOffice's default (cached numeric results are kept), only
   * for showing that a test would otherwise compare stale values.
   */
  forceRecalculation?: boolean;
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a command in its own process group, so a timeout can kill it and its children. */
function run(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      env: process.env,
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        // soffice is a script that starts oosplash and soffice.bin: kill the group, not the script.
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * One headless soffice conversion with a fresh, throw-away user profile: parallel jest workers
 * (and parallel calls in one worker) never share a profile, which soffice would otherwise lock,
 * or hand the job to the other instance.
 */
async function convert(
  inputPath: string,
  outDir: string,
  extension: "xlsx" | "pdf",
  filter: string,
  options: ConversionOptions,
): Promise<string> {
  const { soffice } = ensureLibreOffice();
  const input = path.resolve(inputPath);
  if (!fs.existsSync(input)) throw new Error(`No such file to convert: ${input}`);
  const name = `${path.basename(input, path.extname(input))}.${extension}`;
  const output = path.resolve(outDir, name);
  if (output === input) {
    throw new Error(`Converting ${input} to ${outDir} would overwrite it: choose another outDir.`);
  }
  fs.mkdirSync(outDir, { recursive: true });

  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), "sakip-lo-"));
  try {
    const profile = path.join(work, "profile");
    const converted = path.join(work, "out");
    await fs.promises.mkdir(path.join(profile, "user"), { recursive: true });
    await fs.promises.writeFile(
      path.join(profile, "user", "registrymodifications.xcu"),
      options.forceRecalculation === false ? DEFAULT_PROFILE : RECALC_PROFILE,
    );
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--nodefault",
      "--nologo",
      "--convert-to",
      `${extension}:${filter}`,
      "--outdir",
      converted,
      input,
    ];
    const timeoutMs = options.timeoutMs ?? DEFAULT_CONVERSION_TIMEOUT_MS;
    const result = await run(soffice, args, timeoutMs);
    const produced = path.join(converted, name);
    // soffice exits 0 even when it could not load the file ("Error: source file could not be
    // loaded"), so the output file is the only reliable sign of success.
    if (result.timedOut || result.code !== 0 || !fs.existsSync(produced)) {
      const why = result.timedOut
        ? `timed out after ${timeoutMs} ms and was killed`
        : `exit code ${result.code}${result.signal ? `, signal ${result.signal}` : ""}` +
          (result.code === 0 ? ", but wrote no output" : "");
      throw new Error(
        `soffice could not convert ${input} to ${extension} (${why}).\n` +
          `--- stderr ---\n${tail(result.stderr)}\n--- stdout ---\n${tail(result.stdout)}`,
      );
    }
    // A copy, not a rename: the temporary folder may be on another file system.
    await fs.promises.copyFile(produced, output);
    return output;
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}

/**
 * Opens the workbook in LibreOffice Calc with every formula recalculated on load and saves it
 * as `<outDir>/<name>.xlsx`; returns that path. Read its cached results with cachedValues.
 */
export function recalculate(
  xlsxPath: string,
  outDir: string,
  options: ConversionOptions = {},
): Promise<string> {
  return convert(xlsxPath, outDir, "xlsx", "Calc MS Excel 2007 XML", options);
}

/** The workbook, recalculated on load, printed to `<outDir>/<name>.pdf` (all sheets). */
export function toPdf(
  xlsxPath: string,
  outDir: string,
  options: ConversionOptions = {},
): Promise<string> {
  return convert(xlsxPath, outDir, "pdf", "calc_pdf_Export", options);
}

export interface PdfToPngOptions {
  /** 1-based; default 1. */
  firstPage?: number;
  /** Default: the last page. */
  lastPage?: number;
  /** Default 96. */
  dpi?: number;
  timeoutMs?: number;
}

/**
 * Renders PDF pages with `pdftoppm -png` to `<outPrefix>-<page>.png` (pdftoppm pads the page
 * number to the width of the page count, e.g. "-01"); returns the files in page order. Use a
 * fresh prefix: files of an earlier run with the same prefix are returned too when lastPage
 * is not given.
 */
export async function pdfToPng(
  pdfPath: string,
  outPrefix: string,
  options: PdfToPngOptions = {},
): Promise<string[]> {
  const { pdftoppm } = ensureLibreOffice();
  const firstPage = options.firstPage ?? 1;
  const args = ["-png", "-r", String(options.dpi ?? 96), "-f", String(firstPage)];
  if (options.lastPage !== undefined) args.push("-l", String(options.lastPage));
  const prefix = path.resolve(outPrefix);
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONVERSION_TIMEOUT_MS;
  const result = await run(pdftoppm, [...args, path.resolve(pdfPath), prefix], timeoutMs);
  if (result.timedOut || result.code !== 0) {
    const why = result.timedOut ? `timed out after ${timeoutMs} ms` : `exit code ${result.code}`;
    throw new Error(`pdftoppm failed on ${pdfPath} (${why}).\n${tail(result.stderr)}`);
  }
  const base = path.basename(prefix);
  const pages: { page: number; file: string }[] = [];
  for (const entry of fs.readdirSync(path.dirname(prefix))) {
    if (!entry.startsWith(`${base}-`) || !entry.endsWith(".png")) continue;
    const number = entry.slice(base.length + 1, -".png".length);
    if (!/^\d+$/.test(number)) continue;
    const page = Number(number);
    if (page < firstPage || (options.lastPage !== undefined && page > options.lastPage)) continue;
    pages.push({ page, file: path.join(path.dirname(prefix), entry) });
  }
  if (pages.length === 0) throw new Error(`pdftoppm wrote no page for ${pdfPath} at ${prefix}`);
  return pages.sort((a, b) => a.page - b.page).map((p) => p.file);
}

/** What a cell shows, for comparing: a formula cell's cached result, an error as its text. */
export type CachedValue = number | string | boolean | null;

/** Excel's serial day 0 (1899-12-30), as ExcelJS converts date-formatted numbers to Date. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function plainValue(value: unknown): CachedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return value;
  }
  // A date-formatted number: back to the serial number the engine computes with.
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (isObject(value)) {
    if ("formula" in value || "sharedFormula" in value) return plainValue(value.result);
    if ("error" in value) return String(value.error);
    if (Array.isArray(value.richText)) {
      return value.richText.map((run) => (isObject(run) ? String(run.text ?? "") : "")).join("");
    }
    if ("text" in value) return plainValue(value.text);
  }
  throw new Error(`Unexpected ExcelJS cell value: ${JSON.stringify(value)}`);
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function parseXml(text: string): Element {
  const root = new DOMParser().parseFromString(text, "text/xml").documentElement;
  if (!root) throw new Error("not XML");
  return root;
}

/**
 * The formula cells of a sheet whose cached result is the empty text: `<c t="str"><f>…</f>
 * <v></v></c>`, as LibreOffice writes IF(…,"",…). ExcelJS reads these as having no result at
 * all, the same as a formula never calculated, so they are found in the sheet's XML.
 */
async function emptyTextResults(xlsxPath: string, sheetName: string): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(await fs.promises.readFile(xlsxPath));
  const read = async (part: string): Promise<Element> => {
    const file = zip.file(part);
    if (!file) throw new Error(`${xlsxPath} has no part ${part}`);
    return parseXml(await file.async("string"));
  };
  const workbook = await read("xl/workbook.xml");
  const sheet = Array.from(workbook.getElementsByTagNameNS(MAIN_NS, "sheet")).find(
    (s) => s.getAttribute("name") === sheetName,
  );
  const id = sheet?.getAttributeNS(REL_NS, "id");
  if (!id) throw new Error(`${xlsxPath}: no relationship for sheet "${sheetName}"`);
  const rels = await read("xl/_rels/workbook.xml.rels");
  const target = Array.from(rels.getElementsByTagName("Relationship"))
    .find((r) => r.getAttribute("Id") === id)
    ?.getAttribute("Target");
  if (!target) throw new Error(`${xlsxPath}: relationship ${id} has no target`);
  // Targets are relative to xl/, or absolute from the package root.
  const part = target.startsWith("/") ? target.slice(1) : path.posix.join("xl", target);
  const cells = new Set<string>();
  for (const c of Array.from((await read(part)).getElementsByTagNameNS(MAIN_NS, "c"))) {
    if (c.getAttribute("t") !== "str") continue;
    if (c.getElementsByTagNameNS(MAIN_NS, "f").length === 0) continue;
    const v = c.getElementsByTagNameNS(MAIN_NS, "v")[0];
    if (v === undefined || (v.textContent ?? "") === "") cells.add(c.getAttribute("r") ?? "");
  }
  return cells;
}

/**
 * The cells of one sheet as ExcelJS reads them, "A1" → value, formula cells → their cached
 * result (null when the file has none). Empty cells and the covered cells of a merge are left
 * out. Errors are their text ("#DIV/0!"), dates their Excel serial number.
 */
export async function cachedValues(
  xlsxPath: string,
  sheetName: string,
): Promise<Map<string, CachedValue>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) {
    const names = workbook.worksheets.map((w) => w.name).join(", ");
    throw new Error(`${xlsxPath} has no sheet "${sheetName}" (it has: ${names})`);
  }
  const emptyText = await emptyTextResults(xlsxPath, sheetName);
  const values = new Map<string, CachedValue>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      if (cell.type === ExcelJS.ValueType.Formula) {
        // cell.value drops falsy results (0, false): ExcelJS copies only truthy fields of a
        // formula value. cell.result keeps them.
        const result: unknown = cell.result;
        values.set(
          cell.address,
          result === undefined && emptyText.has(cell.address) ? "" : plainValue(result),
        );
      } else {
        values.set(cell.address, plainValue(cell.value));
      }
    });
  });
  return values;
}
