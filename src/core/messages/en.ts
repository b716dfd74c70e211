import type { ID } from "./id";
import { RULES_EN } from "./rules";

/** English texts, used where Office reports an English display language. */
export const EN: Record<keyof typeof ID, string> = {
  ...RULES_EN,
  "cli.checkUsage":
    "Usage: sakip check FILE.xlsx [FILE2.xlsx ...] [--json] [--config CONFIG.json] [--no-progress]. Name at least one .xlsx file; several files are checked together.",
  "check.severity.error": "ERROR",
  "check.severity.warning": "WARNING",
  "check.severity.info": "INFO",
  "check.fileHeading":
    "{file}: {tables} tables recognised, {count} findings ({errors} errors, {warnings} warnings, {infos} info)",
  "check.fileClean": "{file}: {tables} tables recognised, no findings.",
  "check.sheetHeading": '  Sheet "{sheet}"',
  "check.related": "see {cells}",
  "check.total":
    "Total: {count} findings in {files} files: {errors} errors, {warnings} warnings, {infos} info.",
  "check.totalClean": "Total: no findings in {files} files.",
  "check.workbookConfigIgnored": "Warning: the settings saved in {file} are ignored: {detail}",
  "check.ruleFailed":
    "Rule {rule} failed on this file ({detail}); the other rules' findings are still reported.",
  "settings.badValue":
    "Setting {key} = {value} cannot be used; the default stays. Choices: {choices}.",
  "settings.notObject": "Settings must be a JSON object, not {value}.",
  "settings.unknownKey": 'Unknown setting "{key}" ignored. Known settings: {choices}.',
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
  "cli.summaryUsage":
    "Usage: sakip summary FILE.xlsx [-o OUTPUT.xlsx] [--config CONFIG.json]. Name exactly one .xlsx file; the summary is written into a copy (default FILE.ringkasan.xlsx).",
  "summary.sameFile":
    "The output file is the input file: sakip summary never changes {file}. Choose another name with -o.",
  "summary.noTables": "{file}: no SAKIP table recognised, so no summary was written.",
  "summary.writeFailed": "Cannot write {file}: {detail}",
  "summary.written": "Summary written to {file} ({count} sheets): {sheets}.",
  "summary.findings":
    "Check result: {errors} errors, {warnings} warnings, {infos} info (details in the Temuan sheet).",
  "workbook.notXlsx":
    "This file is not an Excel .xlsx workbook (it may be CSV or text): open it in Excel and save it as an Excel Workbook (.xlsx).",
  "workbook.corrupt":
    "This .xlsx file is damaged or incomplete and cannot be read: try opening it in Excel and saving it again.",
  "workbook.encrypted":
    "This file is password-protected (encrypted): open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password), then save it again.",
  "workbook.xls":
    "This file is in the old Excel 97-2003 format (.xls): open it in Excel and save it as an Excel Workbook (.xlsx).",
  "workbook.tooLarge":
    'Sheet "{sheet}" uses the range {range} ({cells} cells), too large to read: delete the contents of cells far from the tables (Ctrl+End finds them) and save again.',
  "workbook.empty": "This file is empty (0 bytes): there is no workbook to read.",
  "config.invalidJson": "The configuration is not valid JSON: {detail}.",
  "config.notObject":
    'The configuration must be a JSON object such as { "overrides": [ ... ] }, not {type}.',
  "config.overridesNotArray":
    '"overrides" must be a list (array) of table corrections, not {type}.',
  "config.overrideNotObject": '{path} must be an object with "sheet" and "header", not {type}.',
  "config.unknownKey": '{path}: unknown key "{key}". Known keys: {choices}.',
  "config.sheetMissing": "{path}.sheet must hold a worksheet name (text).",
  "config.headerInvalid":
    '{path}.header {value} is not a valid A1 range (example: "A3:I4", without the sheet name).',
  "config.kindUnknown": "{path}.kind {value} is unknown. Available table kinds: {choices}.",
  "config.columnsNotObject":
    '{path}.columns must be an object of column letter → role, such as { "C": { "role": "pagu" } }, not {type}.',
  "config.columnLetterInvalid":
    '{path}.columns: "{value}" is not a column letter (example: C, AB).',
  "config.columnNotObject":
    '{path}.columns.{col} must be an object with "role" (or just a role name), not {type}.',
  "config.roleMissing": '{path}.columns.{col} must give a "role" (a role name or null).',
  "config.roleUnknown":
    "{path}.columns.{col}.role {value} is unknown. Available column roles: {choices} (or null to remove the role).",
  "config.yearInvalid":
    "{path}.columns.{col}.year must be a whole-number year (example: 2025), not {value}.",
  "config.variantUnknown":
    "{path}.columns.{col}.variant {value} is unknown. Choices: murni, perubahan.",
  "override.kind": "user correction: table kind {kind}",
  "override.column": "user correction: column role {role}",
  "override.columnCleared": "user correction: column without a role",
  "cli.regionsUsage":
    "Usage: sakip regions FILE.xlsx [FILE2.xlsx ...] [--json] [--config CONFIG.json] [--no-progress]. Give at least one .xlsx file.",
  "cli.unknownOption": 'Unknown option "{option}" for the {command} command. Options: {choices}.',
  "cli.optionNeedsValue": 'The option "{option}" needs a value (example: {example}).',
  "cli.fileMissing": "File not found: {file}",
  "cli.fileIsDirectory": "{file} is a folder, not an .xlsx file.",
  "cli.fileUnreadable": "The file {file} cannot be read: {detail}",
  "cli.fileError": "{file}: {detail}",
  "cli.configError": "Configuration {file}: {detail}",
  "cli.overrideUnmatched":
    'Warning: the correction for sheet "{sheet}" with header {header} matches no table.',
  "regions.fileHeading": "{file}: {count} tables recognised",
  "regions.none": "{file}: no recognised table was found.",
  "regions.region": "{sheet}  {range}  {kind}{year} (confidence {confidence}%){overridden}",
  "regions.year": " year {year}",
  "regions.overridden": ", corrected by the user",
  "regions.column": "  {col}  {role}",
  "progress.count": "{done}/{total} files",
  "progress.reading": "reading {file}",
  "progress.read": "read: {file}",
  "progress.checking": "checking …",
  "progress.elapsed": "Done in {seconds} seconds.",
  "cli.help":
    "sakip: checks SAKIP tables and evaluates the worksheet functions.\n\nCommands:\n  sakip fn NAME ARG...       evaluate one SAKIP function as Excel does\n  sakip check FILE.xlsx... [--json] [--config CONFIG.json]\n                             check the tables' consistency (several files together)\n  sakip regions FILE.xlsx... [--json] [--config CONFIG.json]\n                             list the recognised tables and their column roles\n  sakip summary FILE.xlsx [-o OUTPUT.xlsx] [--config CONFIG.json]\n                             write the summary sheets into a copy\n\n--no-progress: no progress line on stderr (it appears only in a terminal,\n  not with --json and not when the environment variable CI is set).\n\nRanges are JSON: '[1,2,3]' or '[[1],[2]]'; a skipped argument: null.",
};
