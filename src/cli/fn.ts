import { Lang, renderMessage } from "../core/messages";
import { explain, setLanguage } from "../functions/excelResult";
import { callAsExcel, FUNCTIONS, findFunction } from "../functions/registry";
import { installCustomFunctionsShim, isExcelError } from "../functions/runtimeShim";
import { CliIO, EXIT } from "./io";

/**
 * `sakip fn NAME ARG...`: evaluate one worksheet function through the same wrapper Excel
 * calls. Arguments are read as JSON where they parse (numbers, null, true, arrays for
 * ranges) and as text otherwise ("77,60%", negatif).
 */

function parseArg(raw: string): unknown {
  try {
    const value: unknown = JSON.parse(raw);
    if (Array.isArray(value)) {
      // A flat JSON array is a column, the shape a planner selects: [1,2] → [[1],[2]].
      return value.map((item) => (Array.isArray(item) ? item : [item]));
    }
    return value;
  } catch {
    return raw;
  }
}

/** Numbers as Excel displays a full-precision value: 15 significant digits. */
export function formatResult(value: number): string {
  return String(Number(value.toPrecision(15)));
}

export function runFn(args: string[], io: CliIO, lang: Lang): number {
  const names = FUNCTIONS.map((f) => f.name).join(", ");
  if (args.length === 0) {
    io.err(renderMessage({ id: "cli.usage", params: { names } }, lang));
    return EXIT.cannotRun;
  }
  const [name, ...rawArgs] = args;
  const entry = findFunction(name);
  if (!entry) {
    io.err(renderMessage({ id: "cli.unknownFunction", params: { name, names } }, lang));
    return EXIT.cannotRun;
  }
  if (rawArgs.length > entry.params.length) {
    const params = { name: entry.name, max: entry.params.length, count: rawArgs.length };
    io.err(renderMessage({ id: "cli.tooManyArgs", params }, lang));
    return EXIT.cannotRun;
  }
  if (rawArgs.length < entry.required) {
    const params = { name: entry.name, min: entry.required, count: rawArgs.length };
    io.err(renderMessage({ id: "cli.tooFewArgs", params }, lang));
    return EXIT.cannotRun;
  }

  installCustomFunctionsShim();
  setLanguage(lang);
  const result = callAsExcel(entry, rawArgs.map(parseArg));
  if (isExcelError(result)) {
    io.out(`${result.code} ${explain(result)}`.trim());
    return EXIT.findings;
  }
  io.out(typeof result === "number" ? formatResult(result) : String(result));
  return EXIT.ok;
}
