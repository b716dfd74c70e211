import { promises as fs } from "fs";
import { parseConfig, SakipConfig } from "../core/config";
import { Lang, Message, renderMessage } from "../core/messages";
import { isWorkbookReadError } from "../xlsx/errors";

/** What every command that reads workbooks and a --config file prints when it cannot. */

/** A file-system or workbook error as the one line the CLI prints. */
export function fileProblem(file: string, error: unknown, lang: Lang): string {
  if (isWorkbookReadError(error)) {
    return renderMessage(
      { id: "cli.fileError", params: { file, detail: error.messageIn(lang) } },
      lang,
    );
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return renderMessage({ id: "cli.fileMissing", params: { file } }, lang);
  if (code === "EISDIR")
    return renderMessage({ id: "cli.fileIsDirectory", params: { file } }, lang);
  const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  return renderMessage({ id: "cli.fileUnreadable", params: { file, detail } }, lang);
}

export async function loadConfig(
  path: string,
  lang: Lang,
): Promise<{ ok: true; config: SakipConfig } | { ok: false; line: string }> {
  let text: string;
  try {
    text = await fs.readFile(path, "utf8");
  } catch (error) {
    return { ok: false, line: fileProblem(path, error, lang) };
  }
  const parsed = parseConfig(text);
  if (parsed.ok) return parsed;
  const detail = renderMessage(parsed.message, lang).split("\n")[0];
  return {
    ok: false,
    line: renderMessage({ id: "cli.configError", params: { file: path, detail } }, lang),
  };
}

/** The arguments of the commands that read workbooks: files, --json, --config FILE, --no-progress. */
export interface FileArgs {
  files: string[];
  json: boolean;
  config?: string;
  /** No progress bar on stderr, even in a terminal. */
  noProgress: boolean;
}

export type ParsedFileArgs = { ok: true; options: FileArgs } | { ok: false; message: Message };

const OPTION_CHOICES = "--json, --config KONFIGURASI.json, --no-progress, --lang en";

export function parseFileArgs(args: string[], command: string, usage: Message): ParsedFileArgs {
  const options: FileArgs = { files: [], json: false, noProgress: false };
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyFiles || !arg.startsWith("-") || arg === "-") {
      options.files.push(arg);
    } else if (arg === "--") {
      onlyFiles = true;
    } else if (arg === "--json") {
      options.json = true;
    } else if (arg === "--no-progress") {
      options.noProgress = true;
    } else if (arg === "--config" || arg.startsWith("--config=")) {
      const value = arg === "--config" ? args[++i] : arg.slice("--config=".length);
      if (value === undefined || value === "") {
        const params = { option: "--config", example: "--config koreksi.json" };
        return { ok: false, message: { id: "cli.optionNeedsValue", params } };
      }
      options.config = value;
    } else {
      const params = { option: arg, command, choices: OPTION_CHOICES };
      return { ok: false, message: { id: "cli.unknownOption", params } };
    }
  }
  if (options.files.length === 0) return { ok: false, message: usage };
  return { ok: true, options };
}
