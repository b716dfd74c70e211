import type { Message } from "../messages";
import type { CheckSettings } from "./settings";
import { CellRef, DEFAULT_SEVERITY, Finding, RuleId, Severity } from "./types";

export interface FindingInput {
  at: CellRef;
  message: Message;
  indicator?: string;
  expected?: number;
  actual?: number;
  related?: CellRef[];
  /** The rule's own severity for this case (a near miss is a warning); CONTRACT default otherwise. */
  severity?: Severity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Build a finding. A user's severity setting for the rule replaces the CONTRACT default,
 * but never raises a case the rule itself lowered (a documented deviation stays a warning).
 */
export function makeFinding(rule: RuleId, input: FindingInput, settings: CheckSettings): Finding {
  const own = input.severity ?? DEFAULT_SEVERITY[rule];
  const configured = settings.severity[rule];
  const severity =
    configured !== undefined && (input.severity === undefined || RANK[configured] < RANK[own])
      ? configured
      : own;
  const finding: Finding = {
    rule,
    severity,
    at: input.at,
    message: input.message,
    related: input.related ?? [],
  };
  if (input.indicator !== undefined && input.indicator !== "") finding.indicator = input.indicator;
  // A recomputed value beyond the double range (a target of 5e-324) would be Infinity,
  // which JSON writes as null: such a finding keeps its message but no number.
  if (input.expected !== undefined && Number.isFinite(input.expected))
    finding.expected = input.expected;
  if (input.actual !== undefined && Number.isFinite(input.actual)) finding.actual = input.actual;
  return finding;
}

/** A number rounded for `expected`/`actual` in JSON: at most 10 decimals, no float noise. */
export function plainNumber(x: number): number {
  return Number(x.toPrecision(15));
}
