import path from "path";
import { Lang, Message, renderMessage } from "../core/messages";
import type { CliIO, ProgressTerminal } from "./io";

/**
 * The progress bar of `sakip check` and `sakip regions` on long runs: one line on stderr,
 * redrawn with "\r", that says how many files are read and which one is being read (reading a
 * workbook with ExcelJS is the slow part). It is drawn only where a person watches: when
 * stderr is a terminal (CliIO.terminal), not with --json or --no-progress, and not when the
 * environment variable CI is set (CI logs keep every "\r" frame as a line of noise).
 */

/** Erase from the cursor to the end of the line (ANSI EL). A shorter frame then leaves no tail. */
const ERASE_TO_END = "\x1b[K";
const DEFAULT_COLUMNS = 80;

export interface ProgressOptions {
  json: boolean;
  noProgress: boolean;
}

/** CI=true, CI=1 and CI=anything count as set; CI="", "0" and "false" as the user unsetting it. */
export function ciIsSet(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CI;
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

/** The terminal to draw on, or null when the progress bar is off for this run. */
export function progressTerminal(io: CliIO, options: ProgressOptions): ProgressTerminal | null {
  if (options.json || options.noProgress || !io.terminal) return null;
  if (ciIsSet(io.env ?? process.env)) return null;
  return io.terminal;
}

/** Cut text to at most max characters (code points, so that no surrogate pair is split). */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 0) return "";
  return chars.slice(0, max - 1).join("") + "…";
}

function bar(done: number, total: number, width: number): string {
  if (width <= 0) return "";
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] `;
}

/**
 * One frame: "[####------] 3/12 berkas  membaca renstra-2025.xlsx", never wider than the
 * terminal less one column (writing into the last column makes some terminals wrap, and "\r"
 * would then return to the wrong line). The file name gives way first, then the whole line.
 */
export function progressLine(
  done: number,
  total: number,
  message: Message,
  columns: number,
  lang: Lang,
): string {
  const max = Math.max(1, columns - 1);
  const barWidth = columns >= 80 ? 20 : columns >= 50 ? 10 : 0;
  const prefix =
    bar(done, total, barWidth) +
    renderMessage(
      { id: "progress.count", params: { done: String(done), total: String(total) } },
      lang,
    );
  const withFile = (file: string) =>
    `${prefix}  ${renderMessage({ ...message, params: { ...message.params, file } }, lang)}`;
  const file = message.params?.file;
  if (typeof file !== "string") return cut(withFile(""), max);
  // Measure the line without the name, then give the name what room is left (at least a
  // recognisable start of it; a terminal narrower than that cuts the whole line instead).
  const room = max - Array.from(withFile("")).length;
  return cut(withFile(cut(file, Math.max(room, 8))), max);
}

export interface Progress {
  /** Before reading files[index]: "index/N berkas  membaca NAME". */
  reading(index: number, file: string): void;
  /** After files[index] is read: "(index+1)/N berkas  terbaca: NAME". */
  read(index: number, file: string): void;
  /** All files are read; the tables are recognised and the rules run. */
  checking(): void;
  /** Erase the bar so that the next line starts clean; the next update draws it again. */
  clear(): void;
  /**
   * After the report: clear the bar for good and, when it was shown, say on stderr how long
   * the run took (on stderr so that stdout is the same report with or without the bar).
   */
  finish(): void;
  /** Clear the bar for good without a word: the run stopped (a bad file) or threw. */
  stop(): void;
  /** The command's io, clearing the bar before every line it prints. */
  readonly io: CliIO;
}

export function startProgress(
  io: CliIO,
  options: ProgressOptions,
  total: number,
  lang: Lang,
  now: () => number = () => performance.now(),
): Progress {
  const terminal = progressTerminal(io, options);
  const started = now();
  let drawn = false;
  let finished = false;

  const draw = (done: number, message: Message) => {
    if (!terminal || finished) return;
    const columns = terminal.columns() || DEFAULT_COLUMNS;
    terminal.write(`\r${progressLine(done, total, message, columns, lang)}${ERASE_TO_END}`);
    drawn = true;
  };
  const clear = () => {
    if (!terminal || !drawn) return;
    terminal.write(`\r${ERASE_TO_END}`);
    drawn = false;
  };
  const base = (file: string) => path.basename(file);

  return {
    reading: (index, file) => draw(index, { id: "progress.reading", params: { file: base(file) } }),
    read: (index, file) => draw(index + 1, { id: "progress.read", params: { file: base(file) } }),
    checking: () => draw(total, { id: "progress.checking" }),
    clear,
    stop: () => {
      clear();
      finished = true;
    },
    finish: () => {
      if (finished) return;
      clear();
      finished = true;
      if (!terminal) return;
      const seconds = (now() - started) / 1000;
      io.err(
        renderMessage(
          { id: "progress.elapsed", params: { seconds: { number: seconds, decimals: 1 } } },
          lang,
        ),
      );
    },
    io: {
      ...io,
      out: (line) => {
        clear();
        io.out(line);
      },
      err: (line) => {
        clear();
        io.err(line);
      },
    },
  };
}
