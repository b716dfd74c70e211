import { promises as fs } from "fs";
import { runChecks } from "../core/check";
import { DEFAULT_SETTINGS, parseSettings, CheckSettings } from "../core/check/settings";
import type { CellRef, CheckWorkbook, Finding, Severity } from "../core/check/types";
import type { RegionOverride } from "../core/recognize/types";
import { parseConfig, SakipConfig } from "../core/config";
import { Lang, Message, renderMessage } from "../core/messages";
import { recognise } from "../core/recognize";
import { a1, SheetSnapshot } from "../core/snapshot";
import { readSheets } from "../xlsx/readSheets";
import { readWorkbookConfig } from "../xlsx/workbookSettings";
import { fileProblem, loadConfig, parseFileArgs } from "./files";
import { CliIO, EXIT } from "./io";
import { Progress, startProgress } from "./progress";
import { CellRefJson, contractJson, FindingJson, regionsToJson } from "./json";

/**
 * `sakip check FILE.xlsx [FILE2.xlsx ...] [--json] [--config CONFIG.json] [--no-progress]`
 * (CONTRACT.md):
 * recognise every file's tables, run every rule over all files together, print the findings
 * grouped by file and sheet (or the CONTRACT JSON). Reads only. Exit 0 = no error-severity
 * finding, 1 = at least one, 2 = could not run.
 */

export interface LoadedFile {
  file: string;
  sheets: SheetSnapshot[];
  /** The configuration saved in the workbook by the add-in, when there is one. */
  config: SakipConfig | null;
  configProblem: Message | null;
}

export async function loadFile(file: string): Promise<LoadedFile> {
  const bytes = await fs.readFile(file);
  const sheets = await readSheets(bytes);
  const raw = await readWorkbookConfig(bytes);
  if (raw === null) return { file, sheets, config: null, configProblem: null };
  const parsed = parseConfig(JSON.stringify(raw));
  return parsed.ok
    ? { file, sheets, config: parsed.config, configProblem: null }
    : { file, sheets, config: null, configProblem: parsed.message };
}

/**
 * Settings: defaults, then each workbook's saved settings in file order, then the --config
 * file, so that a reviewer's explicit choice wins over what a planner saved.
 */
export function combineSettings(
  workbookConfigs: (SakipConfig | null)[],
  cliConfig: SakipConfig | null,
): { settings: CheckSettings; problems: Message[] } {
  let settings = DEFAULT_SETTINGS;
  const problems: Message[] = [];
  for (const config of [...workbookConfigs, cliConfig]) {
    if (!config) continue;
    const result = parseSettings(config.settings, settings);
    settings = result.settings;
    problems.push(...result.problems);
  }
  return { settings, problems };
}

function cellJson(ref: CellRef): CellRefJson {
  return { file: ref.file, sheet: ref.sheet, cell: a1(ref.row, ref.col) };
}

export function findingToJson(finding: Finding, lang: Lang): FindingJson {
  // Key order as in CONTRACT.md's example.
  return {
    rule: finding.rule,
    severity: finding.severity,
    ...cellJson(finding.at),
    ...(finding.indicator !== undefined ? { indicator: finding.indicator } : {}),
    ...(finding.expected !== undefined ? { expected: finding.expected } : {}),
    ...(finding.actual !== undefined ? { actual: finding.actual } : {}),
    message: renderMessage(finding.message, lang),
    ...(finding.related.length > 0 ? { related: finding.related.map(cellJson) } : {}),
  };
}

/** "D12", "Tabel 2.1!J6" or "renstra.xlsx: Tabel 2.1!J6", as near as the reader is. */
function refText(ref: CellRef, from: CellRef): string {
  const cell = a1(ref.row, ref.col);
  if (ref.file !== from.file) return `${ref.file}: ${ref.sheet}!${cell}`;
  if (ref.sheet !== from.sheet) return `${ref.sheet}!${cell}`;
  return cell;
}

function collapse(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
}

function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The readable report: per file, per sheet, one finding per line with its cell first. */
export function describeFindings(
  workbooks: CheckWorkbook[],
  findings: Finding[],
  lang: Lang,
): string[] {
  const render = (message: Message) => renderMessage(message, lang);
  const lines: string[] = [];
  const label: Record<Severity, string> = {
    error: render({ id: "check.severity.error" }),
    warning: render({ id: "check.severity.warning" }),
    info: render({ id: "check.severity.info" }),
  };
  const width = Math.max(...Object.values(label).map((l) => l.length));
  for (const workbook of workbooks) {
    const own = findings.filter((f) => f.at.file === workbook.file);
    const counts = countBySeverity(own);
    if (lines.length > 0) lines.push("");
    lines.push(
      render({
        id: own.length === 0 ? "check.fileClean" : "check.fileHeading",
        params: {
          file: workbook.file,
          tables: String(workbook.regions.length),
          count: String(own.length),
          errors: String(counts.error),
          warnings: String(counts.warning),
          infos: String(counts.info),
        },
      }),
    );
    const sheets = [...new Set(own.map((f) => f.at.sheet))];
    for (const sheet of sheets) {
      lines.push(render({ id: "check.sheetHeading", params: { sheet } }));
      for (const f of own.filter((x) => x.at.sheet === sheet)) {
        const cell = a1(f.at.row, f.at.col);
        const indicator = f.indicator ? `${collapse(f.indicator, 60)}: ` : "";
        let text = `    ${label[f.severity].padEnd(width)}  ${cell.padEnd(6)} ${indicator}${render(f.message)}`;
        if (f.related.length > 0) {
          const shown = f.related.slice(0, 4).map((r) => refText(r, f.at));
          if (f.related.length > 4) shown.push("…");
          text += ` (${render({ id: "check.related", params: { cells: shown.join(", ") } })})`;
        }
        lines.push(`${text} [${f.rule}]`);
      }
    }
  }
  const counts = countBySeverity(findings);
  lines.push("");
  lines.push(
    render({
      id: findings.length === 0 ? "check.totalClean" : "check.total",
      params: {
        count: String(findings.length),
        files: String(workbooks.length),
        errors: String(counts.error),
        warnings: String(counts.warning),
        infos: String(counts.info),
      },
    }),
  );
  return lines;
}

export async function runCheck(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const parsed = parseFileArgs(args, "check", { id: "cli.checkUsage" });
  if (!parsed.ok) {
    io.err(renderMessage(parsed.message, lang));
    return EXIT.cannotRun;
  }
  const { files, json, config: configPath, noProgress } = parsed.options;

  let cliConfig: SakipConfig | null = null;
  if (configPath !== undefined) {
    const loaded = await loadConfig(configPath, lang);
    if (!loaded.ok) {
      io.err(loaded.line);
      return EXIT.cannotRun;
    }
    cliConfig = loaded.config;
  }

  const progress = startProgress(io, { json, noProgress }, files.length, lang);
  try {
    return await checkFiles(files, cliConfig, json, progress, lang);
  } finally {
    // Also when a file stops the run or something throws: the next line starts clean.
    progress.stop();
  }
}

async function checkFiles(
  files: string[],
  cliConfig: SakipConfig | null,
  json: boolean,
  progress: Progress,
  lang: Lang,
): Promise<number> {
  // Every line goes through the progress bar's io, which erases the bar before printing.
  const io = progress.io;
  // Read every file before checking: the files are checked together, one bad file stops all.
  const loaded: LoadedFile[] = [];
  for (const [index, file] of files.entries()) {
    progress.reading(index, file);
    try {
      loaded.push(await loadFile(file));
    } catch (error) {
      io.err(fileProblem(file, error, lang));
      return EXIT.cannotRun;
    }
    progress.read(index, file);
  }
  for (const l of loaded) {
    if (l.configProblem) {
      const detail = renderMessage(l.configProblem, lang).split("\n")[0];
      io.err(
        renderMessage(
          { id: "check.workbookConfigIgnored", params: { file: l.file, detail } },
          lang,
        ),
      );
    }
  }

  const { settings, problems } = combineSettings(
    loaded.map((l) => l.config),
    cliConfig,
  );
  for (const problem of problems) io.err(renderMessage(problem, lang));

  progress.checking();
  const workbooks: CheckWorkbook[] = loaded.map((l) => {
    const overrides: RegionOverride[] = [
      ...(l.config?.overrides ?? []),
      ...(cliConfig?.overrides ?? []),
    ];
    return { file: l.file, sheets: l.sheets, regions: recognise(l.sheets, { overrides }) };
  });
  const result = runChecks(workbooks, settings);
  progress.clear();
  for (const problem of result.problems) io.err(renderMessage(problem, lang));

  if (json) {
    const entries = workbooks.map((w) => regionsToJson(w.file, w.regions));
    const findings = result.findings.map((f) => findingToJson(f, lang));
    io.out(JSON.stringify(contractJson(entries, findings), null, 2));
  } else {
    for (const line of describeFindings(workbooks, result.findings, lang)) io.out(line);
  }
  progress.finish();
  const hasError = result.findings.some((f) => f.severity === "error");
  return hasError ? EXIT.findings : EXIT.ok;
}
