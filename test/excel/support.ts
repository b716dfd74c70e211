import ExcelJS from "exceljs";
import fs from "fs";
import {
  EMPTY_CONFIG,
  analyseWorkbook,
  recogniseWorkbook,
  summaryPlans,
} from "../../src/core/analyse";
import { SheetSnapshot, textAt } from "../../src/core/snapshot";
import type { SheetPlan } from "../../src/core/summary/plan";
import { ExcelGateway, ExcelGatewayOptions } from "../../src/excel";
import { readSheets } from "../../src/xlsx/readSheets";
import { FakeExcel, FakeExcelOptions } from "../helpers/fakeExcel";
import { sharedPath } from "../helpers/shared";

/** Shared set-up of the Office.js gateway tests: fixtures in the fake, plans from the pipeline. */

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(sharedPath("fixtures", "workbooks", `${name}.xlsx`)));
}

export async function loadExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's typings ask for a Buffer; JSZip underneath takes any Uint8Array.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The displayed text of each cell, as the xlsx gateway formatted it. */
export function textFrom(snapshots: SheetSnapshot[]) {
  const byName = new Map(snapshots.map((s) => [s.name, s]));
  return (sheet: string, row: number, col: number): string | undefined => {
    const s = byName.get(sheet);
    return s ? textAt(s, row, col) : undefined;
  };
}

/** An .xlsx's bytes in the fake (as Excel would hold the workbook) and read by the xlsx gateway. */
export async function fakeOfBytes(
  bytes: Uint8Array,
  options: FakeExcelOptions = {},
): Promise<{ fake: FakeExcel; expected: SheetSnapshot[] }> {
  const expected = await readSheets(bytes);
  const fake = FakeExcel.fromExcelJS(await loadExcelJS(bytes), {
    ...options,
    text: textFrom(expected),
  });
  return { fake, expected };
}

export async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function gatewayOf(fake: FakeExcel, options: ExcelGatewayOptions = {}): ExcelGateway {
  return new ExcelGateway({ ...fake.gatewayOptions(), ...options });
}

/** The summary plans of a workbook, by the pipeline the task pane runs. */
export function plansOf(file: string, sheets: SheetSnapshot[]): SheetPlan[] {
  const { workbook } = recogniseWorkbook(file, sheets, []);
  return summaryPlans(analyseWorkbook(workbook, EMPTY_CONFIG), "id");
}
