/** Where the CLI writes, so that tests can run it in-process and read what it printed. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /**
   * The terminal behind stderr, where a progress bar may redraw its line; absent when stderr
   * is not a terminal (a pipe, a file, a test), and then no progress bar is drawn.
   */
  terminal?: ProgressTerminal;
  /** The environment the progress bar consults (CI); process.env when absent. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface ProgressTerminal {
  /** Raw text, no newline added: the bar returns to its line's start with "\r". */
  write(text: string): void;
  /** The width in columns now (a terminal may be resized during a run); 0 or undefined: 80. */
  columns(): number | undefined;
}

/**
 * A terminal that does not understand "\r" and ANSI erasing (TERM=dumb, as in Emacs shells)
 * would show every frame: treat it as no terminal.
 */
function stderrTerminal(): ProgressTerminal | undefined {
  if (!process.stderr.isTTY || process.env.TERM === "dumb") return undefined;
  return {
    write: (text) => process.stderr.write(text),
    columns: () => process.stderr.columns,
  };
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
  terminal: stderrTerminal(),
};

/** The CONTRACT exit codes. */
export const EXIT = { ok: 0, findings: 1, cannotRun: 2 } as const;
