import type { Message } from "./messages";
import {
  COLUMN_ROLES,
  ColumnRole,
  PkVariant,
  REGION_KINDS,
  RegionKind,
  RegionOverride,
} from "./recognize/types";
import { parseRangeA1 } from "./snapshot";

/**
 * The configuration a reviewer passes with `--config FILE.json`:
 *
 * ```json
 * {
 *   "overrides": [
 *     { "sheet": "Tabel 3.8", "header": "A3:I4", "kind": "efisiensi",
 *       "columns": { "C": { "role": "pagu" }, "E": { "role": "target", "year": 2025 } } }
 *   ]
 * }
 * ```
 *
 * Other top-level keys (settings of later features) are kept as they are in `settings`.
 */
/**
 * The key under which the add-in keeps its configuration in the workbook's document settings
 * (Office.context.document.settings); Office writes it into the .xlsx's web extension part,
 * where the CLI reads it.
 */
export const CONFIG_SETTING = "sakip.config";

export interface SakipConfig {
  overrides: RegionOverride[];
  settings: Record<string, unknown>;
}

export type ConfigResult = { ok: true; config: SakipConfig } | { ok: false; message: Message };

const OVERRIDE_KEYS = ["sheet", "header", "kind", "columns"];
const COLUMN_KEYS = ["role", "year", "variant"];
const VARIANTS: readonly PkVariant[] = ["murni", "perubahan"];

class ConfigError extends Error {
  constructor(readonly detail: Message) {
    super(detail.id);
  }
}

function fail(id: Message["id"], params: Message["params"] = {}): never {
  throw new ConfigError({ id, params });
}

/** A value as the message shows it: "tabel" (quoted) for text, JSON otherwise. */
function show(value: unknown): string {
  if (value === undefined) return "undefined";
  return JSON.stringify(value);
}

/** What kind of JSON value this is, in the words of the message. */
function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkKeys(obj: Record<string, unknown>, allowed: string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key))
      fail("config.unknownKey", { path, key, choices: allowed.join(", ") });
  }
}

function parseColumn(
  raw: unknown,
  path: string,
  col: string,
): { role: ColumnRole | null; year?: number; variant?: PkVariant } {
  // Shorthand: "C": "pagu" or "C": null.
  const setting = typeof raw === "string" || raw === null ? { role: raw } : raw;
  if (!isPlainObject(setting)) fail("config.columnNotObject", { path, col, type: typeOf(raw) });
  checkKeys(setting, COLUMN_KEYS, `${path}.columns.${col}`);
  if (!("role" in setting)) fail("config.roleMissing", { path, col });
  const role = setting.role;
  if (role !== null && !(COLUMN_ROLES as readonly unknown[]).includes(role)) {
    fail("config.roleUnknown", { path, col, value: show(role), choices: COLUMN_ROLES.join(", ") });
  }
  const out: { role: ColumnRole | null; year?: number; variant?: PkVariant } = {
    role: role as ColumnRole | null,
  };
  if (setting.year !== undefined && setting.year !== null) {
    const year = setting.year;
    if (typeof year !== "number" || !Number.isInteger(year) || year < 1900 || year > 2200) {
      fail("config.yearInvalid", { path, col, value: show(year) });
    }
    out.year = year;
  }
  if (setting.variant !== undefined && setting.variant !== null) {
    if (!(VARIANTS as readonly unknown[]).includes(setting.variant)) {
      fail("config.variantUnknown", { path, col, value: show(setting.variant) });
    }
    out.variant = setting.variant as PkVariant;
  }
  return out;
}

function parseOverride(raw: unknown, path: string): RegionOverride {
  if (!isPlainObject(raw)) fail("config.overrideNotObject", { path, type: typeOf(raw) });
  checkKeys(raw, OVERRIDE_KEYS, path);
  if (typeof raw.sheet !== "string" || raw.sheet.trim() === "")
    fail("config.sheetMissing", { path });
  const header = raw.header;
  if (typeof header !== "string" || parseRangeA1(header.trim().replace(/\$/g, "")) === null) {
    fail("config.headerInvalid", { path, value: show(header) });
  }
  const override: RegionOverride = { sheet: raw.sheet, header: header.trim() };
  if (raw.kind !== undefined) {
    if (!(REGION_KINDS as readonly unknown[]).includes(raw.kind)) {
      fail("config.kindUnknown", { path, value: show(raw.kind), choices: REGION_KINDS.join(", ") });
    }
    override.kind = raw.kind as RegionKind;
  }
  if (raw.columns !== undefined) {
    if (!isPlainObject(raw.columns)) {
      fail("config.columnsNotObject", { path, type: typeOf(raw.columns) });
    }
    const columns: NonNullable<RegionOverride["columns"]> = {};
    for (const [letters, setting] of Object.entries(raw.columns)) {
      if (!/^[A-Za-z]{1,3}$/.test(letters)) {
        fail("config.columnLetterInvalid", { path, value: letters });
      }
      const col = letters.toUpperCase();
      columns[col] = parseColumn(setting, path, col);
    }
    override.columns = columns;
  }
  return override;
}

/** Parse and check a configuration file's text; errors name the bad value and the choices. */
export function parseConfig(text: string): ConfigResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: { id: "config.invalidJson", params: { detail } } };
  }
  try {
    if (!isPlainObject(data)) fail("config.notObject", { type: typeOf(data) });
    const { overrides: rawOverrides, ...settings } = data;
    let overrides: RegionOverride[] = [];
    if (rawOverrides !== undefined) {
      if (!Array.isArray(rawOverrides)) {
        fail("config.overridesNotArray", { type: typeOf(rawOverrides) });
      }
      overrides = rawOverrides.map((raw, i) => parseOverride(raw, `overrides[${i}]`));
    }
    return { ok: true, config: { overrides, settings } };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, message: error.detail };
    throw error;
  }
}
