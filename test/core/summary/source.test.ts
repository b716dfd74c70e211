import { readValue } from "../../../src/core/cellNumber";
import type { CellNumber } from "../../../src/core/cellNumber";
import type { ModelValue } from "../../../src/core/extract/types";
import { emptySheet, SheetSnapshot } from "../../../src/core/snapshot";
import { numberValueOf, sourceOperand } from "../../../src/core/summary/source";

/** How a summary cell reads a source cell: a formula wherever one reads it exactly. */

function sheetWith(value: number | string, format = "General"): SheetSnapshot {
  const sheet = emptySheet("Tabel 3.1");
  return {
    ...sheet,
    origin: { row: 4, col: 4 },
    values: [[value]],
    text: [[String(value)]],
    numberFormats: [[format]],
    formulas: [[null]],
  };
}

function operand(value: number | string, format = "General") {
  const sheet = sheetWith(value, format);
  const number = readValue(value, format) as CellNumber;
  expect(number.kind).toBe("number");
  const model: ModelValue = {
    value: number.value,
    number,
    at: { file: "f", sheet: "Tabel 3.1", row: 4, col: 4 },
    col: 4,
  };
  return sourceOperand(model, sheet);
}

describe("numberValueOf (Excel's NUMBERVALUE after removing %)", () => {
  it("reads Indonesian and US separators", () => {
    expect(numberValueOf("77,60%", ",", ".")).toBe(77.6);
    expect(numberValueOf("2.222.600.041,00", ",", ".")).toBe(2222600041);
    expect(numberValueOf("20,614,676,801.00", ".", ",")).toBe(20614676801);
    expect(numberValueOf(" 85 ", ",", ".")).toBe(85);
  });

  it("rejects what Excel rejects", () => {
    expect(numberValueOf("1,2,3", ",", ".")).toBeNull();
    expect(numberValueOf("1,5.000", ",", ".")).toBeNull();
    expect(numberValueOf("800 Org", ",", ".")).toBeNull();
  });
});

describe("sourceOperand", () => {
  it("references a numeric cell, and a % formatted fraction ×100", () => {
    const plain = operand(80.35);
    expect(plain).toMatchObject({
      kind: "formula",
      value: 80.35,
      formula: `IF('Tabel 3.1'!E5="","",'Tabel 3.1'!E5)`,
    });
    const percent = operand(0.776, "0.00%");
    expect(percent).toMatchObject({ kind: "formula", value: 77.6 });
    expect(percent.kind === "formula" && percent.formula).toContain("'Tabel 3.1'!E5*100");
  });

  it("reads typed Indonesian numbers with NUMBERVALUE and the parser's separators", () => {
    const typed = operand("77,60%");
    expect(typed).toMatchObject({ kind: "formula", value: 77.6 });
    expect(typed.kind === "formula" && typed.formula).toBe(
      `IF('Tabel 3.1'!E5="","",NUMBERVALUE(SUBSTITUTE('Tabel 3.1'!E5,"%",""),",","."))`,
    );
    const us = operand("20,614,676,801.00");
    expect(us.kind === "formula" && us.formula).toContain(`".",","`);
    expect(us.value).toBe(20614676801);
  });

  it("keeps unit and compound cells as marked constants with their text", () => {
    expect(operand("800 Org")).toMatchObject({ kind: "static", value: 800, text: "800 Org" });
    expect(operand("100% (40%)")).toMatchObject({ kind: "static", text: "100% (40%)" });
  });
});
