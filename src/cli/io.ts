/** Where the CLI writes, so that tests can run it in-process and read what it printed. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
};

/** The CONTRACT exit codes. */
export const EXIT = { ok: 0, findings: 1, cannotRun: 2 } as const;
