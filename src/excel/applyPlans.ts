import {
  assignSheetNames,
  PRODUCT_MARK_NAME,
  productMarkFormula,
  SheetPlan,
  SummaryKey,
} from "../core/summary/plan";
import { ExcelGatewayError } from "./errors";
import { keyOfMark, loadMark } from "./marks";
import { operationBytes, PayloadBudget } from "./payload";
import { isValidSheetName, planMerges } from "../core/summary/planChecks";
import { planCells, PreparedPlan } from "./planInput";
import { writeSheet, WriteSupport } from "./writeSheet";

/**
 * The writing half of the Office.js gateway: SheetPlans → summary sheets, with the same
 * result as the xlsx gateway (src/xlsx/applyPlans.ts) and the same rule: only sheets whose
 * mark was confirmed in this batch are removed, and no other sheet is written to.
 *
 * Syncs: (1) the worksheet list and the marks of the sheets known to be ours (from the
 * gateway's last read or write); (2) everything else, split into more syncs only when the
 * queued request would pass the payload limit. Without such knowledge (a cold call), or
 * when a known sheet's probe fails, the marks of all sheets are read in a sync of their
 * own first: three syncs.
 */

export interface ApplyOptions {
  /** Names of the sheets last seen carrying the mark; null when the gateway knows nothing. */
  candidates: string[] | null;
  payloadLimit: number;
  support: WriteSupport;
}

export interface ApplyOutcome {
  written: { key: SummaryKey; name: string }[];
  removed: string[];
}

interface SheetInfo {
  name: string;
  visible: boolean;
}

// ---------------------------------------------------------------------------------------
// Which sheets are ours.

function infoOf(items: Excel.Worksheet[]): SheetInfo[] {
  return items.map((ws) => ({ name: ws.name, visible: ws.visibility === "Visible" }));
}

/** The worksheets and the names of those whose mark is confirmed now (in workbook order). */
async function findOwnSheets(
  context: Excel.RequestContext,
  candidates: string[] | null,
  nameFormula: boolean,
): Promise<{ sheets: SheetInfo[]; ours: Set<string> }> {
  const worksheets = context.workbook.worksheets;
  if (candidates !== null) {
    try {
      worksheets.load("items/name,items/visibility");
      const marks = candidates.map((name) =>
        loadMark(worksheets.getItemOrNullObject(name), nameFormula),
      );
      await context.sync();
      const sheets = infoOf(worksheets.items);
      const present = new Map(sheets.map((s) => [s.name.toLowerCase(), s.name]));
      const ours = new Set<string>();
      marks.forEach((mark, i) => {
        const name = present.get(candidates[i].toLowerCase());
        if (name !== undefined && keyOfMark(mark, nameFormula) !== null) ours.add(name);
      });
      return { sheets, ours };
    } catch {
      // A sheet renamed or deleted since: how a host treats a name looked up on a missing
      // sheet is not documented, so every sheet is asked below instead.
    }
  }
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const items = worksheets.items;
  const marks = items.map((ws) => loadMark(ws, nameFormula));
  await context.sync();
  const sheets = infoOf(items);
  const ours = new Set<string>();
  marks.forEach((mark, i) => {
    if (keyOfMark(mark, nameFormula) !== null) ours.add(sheets[i].name);
  });
  return { sheets, ours };
}

// ---------------------------------------------------------------------------------------
// Writing.

export async function applySummaryPlans(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  options: ApplyOptions,
): Promise<ApplyOutcome> {
  const { support } = options;
  // Every plan is checked before the first write, so a bad plan writes nothing.
  const prepared: PreparedPlan[] = plans.map((plan) => ({
    plan,
    cells: planCells(plan),
    merges: planMerges(plan),
  }));

  const found = await findOwnSheets(context, options.candidates, support.nameFormula);
  const ourSheets = found.sheets.filter((s) => found.ours.has(s.name));
  const foreign = found.sheets.filter((s) => !found.ours.has(s.name));
  const names = assignSheetNames(
    plans,
    foreign.map((s) => s.name),
  );
  for (const name of names) {
    if (!isValidSheetName(name)) {
      throw new ExcelGatewayError(`applyPlans: "${name}" is not a valid sheet name`);
    }
  }
  if (plans.length === 0 && !foreign.some((s) => s.visible)) {
    throw new ExcelGatewayError(
      "applyPlans: removing the summary sheets would leave no visible sheet",
    );
  }

  const worksheets = context.workbook.worksheets;
  const budget = new PayloadBudget(context, options.payloadLimit);

  // Our old sheets go last, once the new ones exist (a workbook must keep a visible
  // sheet); meanwhile those whose name a new sheet takes are parked under a free name.
  const newNames = new Set(names.map((n) => n.toLowerCase()));
  const taken = new Set([...found.sheets.map((s) => s.name.toLowerCase()), ...newNames]);
  const old: Excel.Worksheet[] = [];
  let parking = 0;
  for (const sheet of ourSheets) {
    await budget.reserve(operationBytes(sheet.name));
    const ws = worksheets.getItem(sheet.name);
    if (newNames.has(sheet.name.toLowerCase())) {
      let parked: string;
      do parked = `_sakip_old_${++parking}`;
      while (taken.has(parked.toLowerCase()));
      taken.add(parked.toLowerCase());
      await budget.reserve(operationBytes(parked));
      ws.name = parked;
    }
    old.push(ws);
  }

  const added: Excel.Worksheet[] = [];
  for (let i = 0; i < prepared.length; i++) {
    const { plan } = prepared[i];
    await budget.reserve(operationBytes(names[i]));
    const ws = worksheets.add(names[i]);
    added.push(ws);
    const markFormula = "=" + productMarkFormula(plan.key);
    await budget.reserve(operationBytes(PRODUCT_MARK_NAME, markFormula) + operationBytes(false));
    const mark = ws.names.add(PRODUCT_MARK_NAME, markFormula);
    mark.visible = false;
    await writeSheet(ws, prepared[i], budget, support);
  }

  if (added.length > 0) {
    await budget.reserve(operationBytes());
    added[0].activate();
  }
  for (const ws of old) {
    await budget.reserve(operationBytes());
    ws.delete();
  }
  await budget.flush();

  return {
    written: plans.map((plan, i) => ({ key: plan.key, name: names[i] })),
    removed: ourSheets.map((s) => s.name),
  };
}
