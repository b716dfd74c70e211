import { Lang, langFromLocale, renderMessage } from "../core/messages";
import { runCheck } from "./check";
import { runFn } from "./fn";
import { CliIO, EXIT, processIO } from "./io";
import { runRegions } from "./regions";
import { runSummary } from "./summary";

/** The `sakip` command: dispatches to its subcommands (CONTRACT.md). */

const COMMANDS = ["fn", "check", "regions", "summary"];

/** `--lang en` (or SAKIP_LANG=en) switches messages to English; Indonesian otherwise. */
function takeLanguage(args: string[]): { lang: Lang; rest: string[] } {
  const rest: string[] = [];
  let lang: Lang = langFromLocale(process.env.SAKIP_LANG);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--lang" && i + 1 < args.length) {
      lang = langFromLocale(args[++i]);
    } else if (args[i].startsWith("--lang=")) {
      lang = langFromLocale(args[i].slice("--lang=".length));
    } else {
      rest.push(args[i]);
    }
  }
  return { lang, rest };
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const { lang, rest } = takeLanguage(argv);
  const [command, ...args] = rest;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.out(renderMessage({ id: "cli.help" }, lang));
    return command === undefined ? EXIT.cannotRun : EXIT.ok;
  }
  switch (command) {
    case "fn":
      return runFn(args, io, lang);
    case "regions":
      return runRegions(args, io, lang);
    case "check":
      return runCheck(args, io, lang);
    case "summary":
      return runSummary(args, io, lang);
    default:
      io.err(
        renderMessage(
          { id: "cli.unknownCommand", params: { command, commands: COMMANDS.join(", ") } },
          lang,
        ),
      );
      return EXIT.cannotRun;
  }
}
