import type { SakipConfig } from "../core/config";
import { Lang, Message, renderMessage } from "../core/messages";
import { overrideMatches } from "../core/overrides";
import { recognise, Region } from "../core/recognize";
import { columnLetters, rangeA1 } from "../core/snapshot";
import { readSheetsFromFile } from "../xlsx/readFile";
import { fileProblem, loadConfig, parseFileArgs, ParsedFileArgs } from "./files";
import { CliIO, EXIT } from "./io";
import { Progress, startProgress } from "./progress";
import { contractJson, FileJson, regionsToJson } from "./json";

/**
 * `sakip regions FILE.xlsx [FILE2.xlsx ...] [--json] [--config CONFIG.json] [--no-progress]`:
 * recognise the tables of each workbook and print them with their column roles. Reads only; never writes
 * a file. Exit 0 when it ran (also when no table was found), 2 when it could not run.
 */

export function parseRegionsArgs(args: string[]): ParsedFileArgs {
  return parseFileArgs(args, "regions", { id: "cli.regionsUsage" });
}

function collapse(text: string, max = 60): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
}

/** The readable listing of one file's regions. */
export function describeRegions(file: string, regions: Region[], lang: Lang): string[] {
  const render = (message: Message) => renderMessage(message, lang);
  if (regions.length === 0) return [render({ id: "regions.none", params: { file } })];
  const lines = [
    render({ id: "regions.fileHeading", params: { file, count: String(regions.length) } }),
  ];
  for (const region of regions) {
    const year =
      region.year === undefined
        ? ""
        : render({ id: "regions.year", params: { year: String(region.year) } });
    const params = {
      sheet: region.sheet,
      range: rangeA1(region.range),
      kind: region.kind,
      year,
      confidence: String(Math.round(region.confidence * 100)),
      overridden: region.overridden ? render({ id: "regions.overridden" }) : "",
    };
    lines.push(render({ id: "regions.region", params }));
    for (const column of region.columns) {
      if (column.role === null) continue;
      const words: string[] = [column.role];
      if (column.year !== undefined) words.push(String(column.year));
      if (column.variant !== undefined) words.push(column.variant);
      if (column.period !== undefined) words.push(column.period);
      const header = collapse(column.header);
      const role = header ? words.join(" ").padEnd(22) + `"${header}"` : words.join(" ");
      lines.push(
        render({ id: "regions.column", params: { col: columnLetters(column.col), role } }),
      );
    }
  }
  return lines;
}

type FileRegions = { file: string; regions: Region[] };

export async function runRegions(args: string[], io: CliIO, lang: Lang): Promise<number> {
  const parsed = parseRegionsArgs(args);
  if (!parsed.ok) {
    io.err(renderMessage(parsed.message, lang));
    return EXIT.cannotRun;
  }
  const { files, json, config: configPath, noProgress } = parsed.options;

  let config: SakipConfig = { overrides: [], settings: {} };
  if (configPath !== undefined) {
    const loaded = await loadConfig(configPath, lang);
    if (!loaded.ok) {
      io.err(loaded.line);
      return EXIT.cannotRun;
    }
    config = loaded.config;
  }

  const progress = startProgress(io, { json, noProgress }, files.length, lang);
  try {
    const results = await recogniseFiles(files, config, progress, lang);
    if (results === null) return EXIT.cannotRun;
    printRegions(results, json, progress.io, lang);
    reportUnmatched(results, config, progress.io, lang);
    progress.finish();
    return EXIT.ok;
  } finally {
    // Also when a file stops the run or something throws: the next line starts clean.
    progress.stop();
  }
}

/** Read and recognise every file before printing anything: one bad file stops the run (null). */
async function recogniseFiles(
  files: string[],
  config: SakipConfig,
  progress: Progress,
  lang: Lang,
): Promise<FileRegions[] | null> {
  const results: FileRegions[] = [];
  for (const [index, file] of files.entries()) {
    progress.reading(index, file);
    let sheets;
    try {
      sheets = await readSheetsFromFile(file);
    } catch (error) {
      progress.io.err(fileProblem(file, error, lang));
      return null;
    }
    results.push({ file, regions: recognise(sheets, { overrides: config.overrides }) });
    progress.read(index, file);
  }
  return results;
}

function printRegions(results: FileRegions[], json: boolean, io: CliIO, lang: Lang): void {
  if (json) {
    const entries: FileJson[] = results.map((r) => regionsToJson(r.file, r.regions));
    io.out(JSON.stringify(contractJson(entries), null, 2));
  } else {
    results.forEach((r, i) => {
      if (i > 0) io.out("");
      for (const line of describeRegions(r.file, r.regions, lang)) io.out(line);
    });
  }
}

/** A correction that matches no table in any file is named on stderr. */
function reportUnmatched(results: FileRegions[], config: SakipConfig, io: CliIO, lang: Lang): void {
  const all = results.flatMap((r) => r.regions);
  for (const override of config.overrides) {
    if (all.some((region) => overrideMatches(region, override))) continue;
    const params = { sheet: override.sheet, header: override.header };
    io.err(renderMessage({ id: "cli.overrideUnmatched", params }, lang));
  }
}
