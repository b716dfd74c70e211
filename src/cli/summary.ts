import { promises as fs } from "fs";
import * as nodePath from "path";
import { runChecks } from "../core/check";
import type { CheckWorkbook } from "../core/check/types";
import { SakipConfig } from "../core/config";
import { Lang, Message, renderMessage } from "../core/messages";
import { recognise } from "../core/recognize";
import { summarise } from "../core/summary";
import { applyPlans } from "../xlsx/applyPlans";
import { combineSettings, loadFile } from "./check";
import { fileProblem, loadConfig } from "./files";
import { CliIO, EXIT } from "./io";

/**
 * `sakip summary FILE.xlsx [-o OUT.xlsx] [--config CONFIG.json]` (CONTRACT.md): check the
 * workbook, then write the summary sheets into a copy (default FILE.ringkasan.xlsx). FILE
 * itself is never written. Exit codes as `check`: 0 no error-severity finding, 1 some, 2
 * could not run.
 */

interface SummaryArgs {
  file: string;
  output?: string;
  config?: string;
}

function parseSummaryArgs(
  args: string[],
): { ok: true; args: SummaryArgs } | { ok: false; message: Message } {
  const files: string[] = [];
  let output: string | undefined;
  let config: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const takeValue = (option: string, example: string): string | Message => {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[++i];
      if (value === undefined || value === "") {
        return { id: "cli.optionNeedsValue", params: { option, example } };
      }
      return value;
    };
    if (arg === "-o" || arg === "--output" || arg.startsWith("--output=")) {
      const value = takeValue("-o", "-o ringkasan.xlsx");
      if (typeof value !== "string") return { ok: false, message: value };
      output = value;
    } else if (arg === "--config" || arg.startsWith("--config=")) {
      const value = takeValue("--config", "--config koreksi.json");
      if (typeof value !== "string") return { ok: false, message: value };
      config = value;
    } else if (arg === "--no-progress") {
      // Accepted for symmetry with check: summary prints no progress line.
    } else if (arg.startsWith("-") && arg !== "-") {
      const params = {
        option: arg,
        command: "summary",
        choices: "-o KELUARAN.xlsx, --config KONFIGURASI.json, --lang en",
      };
      return { ok: false, message: { id: "cli.unknownOption", params } };
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) return { ok: false, message: { id: "cli.summaryUsage" } };
  return { ok: true, args: { file: files[0], output, config } };
}

/** FILE.xlsx → FILE.ringkasan.xlsx beside it. */
export function defaultOutput(file: string): string {
  const ext = nodePath.extname(file);
  const base = ext ? file.slice(0, -ext.length) : file;
  return `${base}.ringkasan${ext || ".xlsx"}`;
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (nodePath.resolve(a) === nodePath.resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([fs.realpath(a), fs.realpath(b)]);
    return x === y;
  } catch {
    return false;
  }
}

export async function runSummary(argv: string[], io: CliIO, lang: Lang): Promise<number> {
  const render = (message: Message) => renderMessage(message, lang);
  const parsed = parseSummaryArgs(argv);
  if (!parsed.ok) {
    io.err(render(parsed.message));
    return EXIT.cannotRun;
  }
  const { file } = parsed.args;
  const output = parsed.args.output ?? defaultOutput(file);
  if (await samePath(file, output)) {
    io.err(render({ id: "summary.sameFile", params: { file } }));
    return EXIT.cannotRun;
  }
  let cliConfig: SakipConfig | null = null;
  if (parsed.args.config !== undefined) {
    const loaded = await loadConfig(parsed.args.config, lang);
    if (!loaded.ok) {
      io.err(loaded.line);
      return EXIT.cannotRun;
    }
    cliConfig = loaded.config;
  }
  let bytes: Uint8Array;
  let loaded: Awaited<ReturnType<typeof loadFile>>;
  try {
    bytes = await fs.readFile(file);
    loaded = await loadFile(file);
  } catch (error) {
    io.err(fileProblem(file, error, lang));
    return EXIT.cannotRun;
  }
  if (loaded.configProblem) {
    const detail = render(loaded.configProblem).split("\n")[0];
    io.err(render({ id: "check.workbookConfigIgnored", params: { file, detail } }));
  }
  const { settings, problems } = combineSettings([loaded.config], cliConfig);
  for (const problem of problems) io.err(render(problem));
  const overrides = [...(loaded.config?.overrides ?? []), ...(cliConfig?.overrides ?? [])];
  const workbook: CheckWorkbook = {
    file,
    sheets: loaded.sheets,
    regions: recognise(loaded.sheets, { overrides }),
  };
  if (workbook.regions.length === 0) {
    io.out(render({ id: "summary.noTables", params: { file } }));
    return EXIT.ok;
  }
  const result = runChecks([workbook], settings);
  for (const problem of result.problems) io.err(render(problem));
  const plans = summarise({
    workbook,
    model: result.model(),
    findings: result.findings,
    settings,
    lang,
  });
  let written: { name: string }[];
  try {
    const applied = await applyPlans(bytes, plans);
    await fs.writeFile(output, applied.bytes);
    written = applied.written;
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    io.err(render({ id: "summary.writeFailed", params: { file: output, detail } }));
    return EXIT.cannotRun;
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  io.out(
    render({
      id: "summary.written",
      params: {
        file: output,
        count: String(written.length),
        sheets: written.map((w) => w.name).join(", "),
      },
    }),
  );
  io.out(
    render({
      id: "summary.findings",
      params: {
        errors: String(counts.error),
        warnings: String(counts.warning),
        infos: String(counts.info),
      },
    }),
  );
  return counts.error > 0 ? EXIT.findings : EXIT.ok;
}
