import { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";

/** Run `sakip ARGS…` in-process and collect what it printed. */
export async function runCli(
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIO = { out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
  const code = await main(args, io);
  return { code, out: stdout.join("\n"), err: stderr.join("\n") };
}
