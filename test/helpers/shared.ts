import fs from "fs";
import path from "path";

/** ../shared beside the project (as on a developer's machine and in CI). */
export const SHARED_DIR = path.resolve(__dirname, "..", "..", "..", "shared");

export function sharedPath(...parts: string[]): string {
  const full = path.join(SHARED_DIR, ...parts);
  if (!fs.existsSync(full))
    throw new Error(`shared fixture missing: ${full} (is ../shared beside the project?)`);
  return full;
}

/** A report table exactly as printed: rows of cell texts. */
export function readTsv(report: string, table: string): string[][] {
  const text = fs.readFileSync(
    sharedPath("fixtures", "reports", report, "tables", `${table}.tsv`),
    "utf8",
  );
  return text
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => line.split("\t"));
}
