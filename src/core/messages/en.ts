import type { ID } from "./id";

/** English texts, used where Office reports an English display language. */
export const EN: Record<keyof typeof ID, string> = {
  "arg.missing":
    '{arg} is empty or holds a no-value mark ("-", NA): there is no number to compute with.',
  "arg.compound": '{arg} holds more than one number ("{text}"): write a single number.',
  "arg.text": '{arg} is not a number: "{text}".',
  "arg.boolean": "{arg} holds TRUE/FALSE, not a number.",
  "arg.error": "{arg} holds an Excel error value; fix its source cell first.",
  "arg.range": "{arg} must be one cell or one number, not a range.",
  "arg.option": 'Unknown {arg}: "{value}". Choices: {choices}.',
  "arg.flag": '{arg} must be TRUE or FALSE, not "{value}".',
  "arg.notPositive": "{arg} must be a number above 0, not {value}.",
  "units.differ":
    "The realisation's unit ({a}) differs from the target's unit ({b}): both must use the same unit.",
  "capaian.targetZero": "Target is 0: achievement cannot be computed (division by zero).",
  "capaian.targetNegative":
    "Negative target ({value}): realisation/target is meaningless. State the target as a positive number and choose the matching polarity.",
  "capaian.realisasiZeroInverse":
    'Realisation 0 with the t/r method: division by zero. Use the "2t-r" method for lower-is-better indicators.',
  "ranges.unequal": "Ranges {a} ({na} cells) and {b} ({nb} cells) must have the same size.",
  "ranges.rowIncomplete":
    "Row {row}: {arg} is empty while other columns of that row are filled. Complete the row or clear it entirely.",
  "ranges.empty": "{arg} holds no number.",
  "efisiensi.sumZero": "The sum of budget × achievement is 0: efficiency cannot be computed.",
  "efisiensi.paguNegative":
    "Negative budget ({value}) in row {row}: a budget ceiling cannot be negative.",
  "serapan.paguZero": "Budget is 0: absorption cannot be computed (division by zero).",
  "serapan.paguNegative": "Negative budget ({value}): a budget ceiling cannot be negative.",
  "scale.unknown": 'Unknown scale "{name}". Available scales: {choices}.',
  "scale.outOfRange": "Value {value} is outside the range of scale {scale} ({min} to {max}).",
  "scale.noBand": "Value {value} falls in no band of scale {scale}.",
  "scale.badTable":
    "A scale table needs two columns: lower bound (a number) and label, one row per category. Row {row} does not fit.",
  "kumulatif.sifatUnknown":
    'Unknown aggregation "{value}". Choices: kumulatif, akhir, rata-rata, maks.',
  "internal.error": "An unexpected error occurred while computing: {detail}.",
  "cli.usage":
    "Usage: sakip fn NAME ARG...  (example: sakip fn CAPAIAN 82.57 77.6). Functions: {names}.",
  "cli.unknownFunction": 'Unknown function "{name}". Available functions: {names}.',
  "cli.tooManyArgs": "Function {name} takes at most {max} arguments, not {count}.",
  "cli.tooFewArgs": "Function {name} needs at least {min} arguments, not {count}.",
  "cli.unknownCommand": 'Unknown command "{command}". Commands: {commands}.',
  "cli.notYet": 'The command "{command}" is not available in this version yet.',
  "cli.help":
    "sakip: checks SAKIP tables and evaluates the worksheet functions.\n\nCommands:\n  sakip fn NAME ARG...       evaluate one SAKIP function as Excel does\n  sakip check FILE.xlsx...   check the tables' consistency (coming)\n  sakip regions FILE.xlsx    list the recognised tables (coming)\n  sakip summary FILE.xlsx    write summary sheets into a copy (coming)\n\nRanges are JSON: '[1,2,3]' or '[[1],[2]]'; a skipped argument: null.",
};
