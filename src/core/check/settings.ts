import type { InverseMethod, Polarity } from "../formulas/capaian";
import type { Sifat } from "../formulas/kumulatif";
import { POLARITY_SPELLINGS, INVERSE_METHOD_SPELLINGS } from "../formulas/capaian";
import { SIFAT_SPELLINGS } from "../formulas/kumulatif";
import { DEFAULT_SCALE, findScale, scaleNames, ScaleMeasure } from "../formulas/scales";
import type { Message } from "../messages";
import { RULE_IDS, RuleId, Severity } from "./types";

/**
 * Everything a planner or reviewer may decide about the checks, as one data object with
 * documented defaults (DOMAIN.md marks these rules as unverified or as user choices). It is
 * read from `--config FILE.json` (top-level keys beside "overrides") and from the workbook
 * (the add-in's document setting "sakip.config"); the CLI file wins over the workbook.
 */
export interface CheckSettings {
  /** Active scale per measure (DOMAIN.md §5); default capaian-permendagri86 etc. */
  scales: Record<ScaleMeasure, string>;
  /** Polarity per indicator, keyed by the indicator's name (compared normalised). */
  polarity: Record<string, Polarity>;
  /** Sifat (how periods aggregate) per indicator, keyed by name. */
  sifat: Record<string, Sifat>;
  /** How a lower-is-better capaian is scored: "2t-r" (default) or "t/r". */
  inverseMethod: InverseMethod;
  /** Upper cap of capaian in percent points; none by default (documents print 395,60). */
  capaianCap: number | null;
  /** Lower bound of capaian (e.g. 0); none by default. */
  capaianFloor: number | null;
  /** Off by default [U]: target 0 and realisasi 0 count as capaian 100. */
  zeroTargetZeroRealisasiIs100: boolean;
  /** Clamp E to [−20, 20] inside Nilai Efisiensi (default on, DOMAIN.md §4.5 [U]). */
  clampE: boolean;
  /** Cap CK at 1 in the efficiency table (default off, as in the PMK example). */
  capCk: boolean;
  /**
   * Extra absolute tolerance for money printed without decimals, in Rupiah (LS25 F27
   * rounds "3.650.959.625,68" to "3.650.959.626"): 0 = only the printed precision.
   */
  rupiahTolerance: number;
  /** Name-similarity (Dice) from which two indicators match automatically (0.85). */
  matchThreshold: number;
  /** Similarity from which an unmatched indicator names a candidate (0.5). */
  candidateThreshold: number;
  /** Pairs of indicator names the user confirmed as the same indicator. */
  confirmedMatches: [string, string][];
  /** Severity per rule, replacing the CONTRACT default (e.g. "number-as-text": "warning"). */
  severity: Partial<Record<RuleId, Severity>>;
  /** Rules not to run. */
  disabledRules: RuleId[];
  /** The report year when no caption or header says it. */
  documentYear: number | null;
}

export const DEFAULT_SETTINGS: CheckSettings = Object.freeze({
  scales: { ...DEFAULT_SCALE },
  polarity: {},
  sifat: {},
  inverseMethod: "2t-r",
  capaianCap: null,
  capaianFloor: null,
  zeroTargetZeroRealisasiIs100: false,
  clampE: true,
  capCk: false,
  rupiahTolerance: 0,
  matchThreshold: 0.85,
  candidateThreshold: 0.5,
  confirmedMatches: [],
  severity: {},
  disabledRules: [],
  documentYear: null,
}) as CheckSettings;

export interface SettingsResult {
  settings: CheckSettings;
  /** One message per key that could not be used; the default is kept for it. */
  problems: Message[];
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * Read settings from a plain object (a config file's keys, or the workbook's setting),
 * on top of `base`. Unknown keys and bad values are reported, never thrown, so that one
 * typo does not stop a reviewer's batch; the base value stays for that key.
 */
export function parseSettings(
  raw: unknown,
  base: CheckSettings = DEFAULT_SETTINGS,
): SettingsResult {
  const settings: CheckSettings = {
    ...base,
    scales: { ...base.scales },
    polarity: { ...base.polarity },
    sifat: { ...base.sifat },
    severity: { ...base.severity },
    confirmedMatches: [...base.confirmedMatches],
    disabledRules: [...base.disabledRules],
  };
  const problems: Message[] = [];
  const bad = (key: string, value: unknown, choices: string): void => {
    problems.push({ id: "settings.badValue", params: { key, value: show(value), choices } });
  };
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isObject(raw)) {
    problems.push({ id: "settings.notObject", params: { value: show(raw) } });
    return { settings, problems };
  }
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case "scales":
        if (!isObject(value)) {
          bad(key, value, '{"capaian": "capaian-permendagri86", …}');
          break;
        }
        for (const [measure, name] of Object.entries(value)) {
          if (!(measure in settings.scales)) {
            bad(`scales.${measure}`, measure, Object.keys(settings.scales).join(", "));
          } else if (typeof name !== "string" || !findScale(name)) {
            bad(`scales.${measure}`, name, scaleNames().join(", "));
          } else {
            settings.scales[measure as ScaleMeasure] = findScale(name)!.name;
          }
        }
        break;
      case "polarity":
      case "sifat": {
        const spellings: Record<string, string> =
          key === "polarity" ? POLARITY_SPELLINGS : SIFAT_SPELLINGS;
        if (!isObject(value)) {
          bad(key, value, '{"Nama indikator": "…"}');
          break;
        }
        for (const [name, spelled] of Object.entries(value)) {
          const known =
            typeof spelled === "string" ? spellings[spelled.trim().toLowerCase()] : undefined;
          if (!known)
            bad(`${key}.${name}`, spelled, [...new Set(Object.values(spellings))].join(", "));
          else if (key === "polarity") settings.polarity[name] = known as Polarity;
          else settings.sifat[name] = known as Sifat;
        }
        break;
      }
      case "inverseMethod": {
        const known =
          typeof value === "string"
            ? INVERSE_METHOD_SPELLINGS[value.trim().toLowerCase()]
            : undefined;
        if (known) settings.inverseMethod = known;
        else bad(key, value, "2t-r, t/r");
        break;
      }
      case "capaianCap":
      case "capaianFloor":
        if (value === null || (typeof value === "number" && Number.isFinite(value)))
          settings[key] = value;
        else bad(key, value, "null, 100, 120, 150, 200");
        break;
      case "zeroTargetZeroRealisasiIs100":
      case "clampE":
      case "capCk":
        if (typeof value === "boolean") settings[key] = value;
        else bad(key, value, "true, false");
        break;
      case "rupiahTolerance":
        if (typeof value === "number" && value >= 0) settings.rupiahTolerance = value;
        else bad(key, value, "0, 1");
        break;
      case "matchThreshold":
      case "candidateThreshold":
        if (typeof value === "number" && value > 0 && value <= 1) settings[key] = value;
        else bad(key, value, "0–1");
        break;
      case "confirmedMatches":
        if (
          Array.isArray(value) &&
          value.every(
            (p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === "string"),
          )
        ) {
          settings.confirmedMatches = value.map((p) => [p[0], p[1]] as [string, string]);
        } else bad(key, value, '[["nama A", "nama B"]]');
        break;
      case "severity":
        if (!isObject(value)) {
          bad(key, value, '{"number-as-text": "warning"}');
          break;
        }
        for (const [rule, level] of Object.entries(value)) {
          if (!(RULE_IDS as readonly string[]).includes(rule))
            bad(`severity.${rule}`, rule, RULE_IDS.join(", "));
          else if (!SEVERITIES.includes(level as Severity))
            bad(`severity.${rule}`, level, SEVERITIES.join(", "));
          else settings.severity[rule as RuleId] = level as Severity;
        }
        break;
      case "disabledRules":
        if (
          Array.isArray(value) &&
          value.every((r) => (RULE_IDS as readonly string[]).includes(r as string))
        ) {
          settings.disabledRules = value as RuleId[];
        } else bad(key, value, RULE_IDS.join(", "));
        break;
      case "documentYear":
        if (
          value === null ||
          (Number.isInteger(value) && (value as number) > 1900 && (value as number) < 2200)
        ) {
          settings.documentYear = value as number | null;
        } else bad(key, value, "2025");
        break;
      default:
        problems.push({
          id: "settings.unknownKey",
          params: { key, choices: Object.keys(DEFAULT_SETTINGS).join(", ") },
        });
    }
  }
  return { settings, problems };
}

/** A name compared the way settings keys are: case, spaces and punctuation do not count. */
export function settingsKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The value a per-indicator setting (polarity, sifat) holds for this indicator name. */
/** True when a per-indicator table has an entry (without listing its keys). */
export function hasSettings(table: Record<string, unknown>): boolean {
  for (const key in table) if (Object.prototype.hasOwnProperty.call(table, key)) return true;
  return false;
}

export function settingFor<T>(table: Record<string, T>, name: string): T | undefined {
  // Usually nothing is set: then no name needs normalising (this runs for every row).
  if (!hasSettings(table)) return undefined;
  const key = settingsKey(name);
  for (const [k, v] of Object.entries(table)) if (settingsKey(k) === key) return v;
  return undefined;
}
