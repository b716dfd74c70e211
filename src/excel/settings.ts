import { CONFIG_SETTING } from "../core/config";
import { ExcelGatewayError } from "./errors";

/**
 * The configuration in the document settings (Office.context.document.settings). Office
 * writes them into the .xlsx as the web extension's property bag, where the CLI reads the
 * same value (src/xlsx/workbookSettings.ts).
 */

export { CONFIG_SETTING };

/** The part of Office.Settings the gateway uses. */
export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback: (result: SaveResult) => void): void;
}

/** The part of Office.AsyncResult that saveAsync reports. */
export interface SaveResult {
  status: string;
  error?: { message?: string; code?: number | string } | null;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The saved configuration, or null. `settings.get` gives the value Office decoded from the
 * stored JSON: the object as saved, or, when it was saved as `JSON.stringify(obj)`, a
 * string holding JSON, decoded once more; so the result is what decodeSettingValue reads
 * from the file.
 */
export function readSettingsConfig(settings: SettingsLike): unknown | null {
  const raw = settings.get(CONFIG_SETTING);
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== "string") return raw;
  const inner = parse(raw);
  return inner.ok ? inner.value : null;
}

/** Sets the configuration and saves the settings; a failed save rejects with Office's reason. */
export function saveSettingsConfig(settings: SettingsLike, config: object): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    try {
      settings.set(CONFIG_SETTING, config);
      settings.saveAsync((result) => {
        // Office.AsyncResultStatus.Succeeded is "succeeded"; the enum is not read at runtime.
        if (result?.status === "succeeded") {
          resolve();
          return;
        }
        const reason = result?.error?.message?.trim() || "no reason given";
        const code = result?.error?.code;
        reject(
          new ExcelGatewayError(
            `The settings could not be saved in the workbook: ${reason}` +
              (code !== undefined && code !== null ? ` (${code})` : ""),
            code !== undefined && code !== null ? String(code) : null,
            { cause: result?.error },
          ),
        );
      });
    } catch (error) {
      reject(error);
    }
  });
}
