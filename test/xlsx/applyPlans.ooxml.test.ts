import { fileFormula } from "../../src/xlsx/ooxml/formula";
import { relativeTarget, resolveTarget, sourceOfRels, relsPathOf } from "../../src/xlsx/ooxml/opc";
import { StyleSheet, argb } from "../../src/xlsx/ooxml/styles";
import { parseWorkbook, summaryMarksByName } from "../../src/xlsx/ooxml/workbook";
import { xstring } from "../../src/xlsx/ooxml/worksheet";
import {
  escapeAttr,
  escapeText,
  findElements,
  rootElement,
  setAttribute,
  stripInvalidXmlChars,
} from "../../src/xlsx/ooxml/xml";

/** The string-level OOXML helpers behind applyPlans. */

describe("xml", () => {
  test("characters XML 1.0 forbids are stripped; surrogate pairs are kept", () => {
    expect(stripInvalidXmlChars("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFF")).toBe("abcdef");
    expect(stripInvalidXmlChars("tab\tlf\ncr\r")).toBe("tab\tlf\ncr\r");
    expect(stripInvalidXmlChars("ok 😀 \uD83D lone \uDE00 end")).toBe("ok 😀  lone  end");
  });

  test("escaping for element text and attributes", () => {
    expect(escapeText(`a & b < c > d "e" 'f'\r`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'&#13;`);
    expect(escapeAttr(`"x"\n\ty`)).toBe("&quot;x&quot;&#10;&#9;y");
  });

  test("the root element and its prefix, after declarations and comments", () => {
    const xml = `\uFEFF<?xml version="1.0"?>\n<!-- c --><x:workbook xmlns:x="m" a=">"><x:sheets/></x:workbook>`;
    expect(rootElement(xml)).toMatchObject({
      prefix: "x:",
      local: "workbook",
      tag: `<x:workbook xmlns:x="m" a=">">`,
    });
  });

  test("elements with quoted '>' in attributes, self-closing or not", () => {
    const xml = `<r><numFmt numFmtId="164" formatCode="[&gt;=100]0;0"/><numFmt id='2' code='a>b'></numFmt></r>`;
    const found = findElements(xml, "numFmt");
    expect(
      found.map((e) => [e.attributes.get("formatCode") ?? e.attributes.get("code"), e.inner]),
    ).toEqual([
      ["[>=100]0;0", null],
      ["a>b", ""],
    ]);
  });

  test("setAttribute replaces or adds", () => {
    expect(setAttribute(`<calcPr calcId="1"/>`, "fullCalcOnLoad", "1")).toBe(
      `<calcPr calcId="1" fullCalcOnLoad="1"/>`,
    );
    expect(setAttribute(`<calcPr fullCalcOnLoad='0' calcId="1">`, "fullCalcOnLoad", "1")).toBe(
      `<calcPr fullCalcOnLoad="1" calcId="1">`,
    );
  });
});

describe("package paths", () => {
  test("relationship targets resolve against their source", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml",
    );
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe(
      "xl/drawings/drawing1.xml",
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet%201.xml")).toBe(
      "xl/worksheets/sheet 1.xml",
    );
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml")).toBe(
      "../drawings/drawing1.xml",
    );
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet1.xml")).toBe(
      "worksheets/sheet1.xml",
    );
    expect(relsPathOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(sourceOfRels("xl/worksheets/_rels/sheet1.xml.rels")).toBe("xl/worksheets/sheet1.xml");
    expect(sourceOfRels("_rels/.rels")).toBe("");
  });
});

describe("formulas and strings as stored", () => {
  test.each([
    ["=ROUND(D4/C4*100,2)", "ROUND(D4/C4*100,2)"],
    [
      `=NUMBERVALUE(SUBSTITUTE('T'!E7,"%",""),",",".")`,
      `_xlfn.NUMBERVALUE(SUBSTITUTE('T'!E7,"%",""),",",".")`,
    ],
    [`=IFERROR(numbervalue(A1),"NUMBERVALUE(")`, `IFERROR(_xlfn.numbervalue(A1),"NUMBERVALUE(")`],
    [`='IFS('!A1+IFS(A1,1)`, `'IFS('!A1+_xlfn.IFS(A1,1)`],
    [`=_xlfn.STDEV.S(A1:A3)+STDEV.S(A1:A3)`, `_xlfn.STDEV.S(A1:A3)+_xlfn.STDEV.S(A1:A3)`],
    [`=FILTER(A1:A3,B1:B3)`, `_xlfn._xlws.FILTER(A1:A3,B1:B3)`],
    [`=HYPERLINK("#'Tabel 3.9'!F12","F12")`, `HYPERLINK("#'Tabel 3.9'!F12","F12")`],
  ])("%s → %s", (formula, stored) => {
    expect(fileFormula(formula)).toBe(stored);
  });

  test("a literal _xHHHH_ escape sequence is itself escaped", () => {
    expect(xstring("a_x0041_b _x12_ c")).toBe("a_x005F_x0041_b _x12_ c");
  });
});

describe("styles", () => {
  test("colours", () => {
    expect([
      argb("d9e1f2"),
      argb("#FF0000"),
      argb("80FF0000"),
      argb("red"),
      argb(undefined),
    ]).toEqual(["FFD9E1F2", "FFFF0000", "80FF0000", null, null]);
  });

  test("identical formats share one xf; existing identical entries are reused", () => {
    const styles = new StyleSheet(null);
    const a = styles.cellXf("#,##0.00", { bold: true, border: true });
    expect(styles.cellXf("#,##0.00", { border: true, bold: true })).toBe(a);
    expect(styles.cellXf(undefined, undefined)).toBe(0);
    expect(styles.cellXf("General", {})).toBe(0);
    const xml = styles.toXml();
    const again = new StyleSheet(xml);
    expect(again.cellXf("#,##0.00", { bold: true, border: true })).toBe(a);
    expect(again.changed).toBe(false);
    expect(again.toXml()).toBe(xml);
  });

  test("number formats: built-in ids, existing custom ids, new ids above both", () => {
    const styles = new StyleSheet(
      `<styleSheet xmlns="m"><numFmts count="2"><numFmt numFmtId="170" formatCode="0.0%"/>` +
        `<numFmt numFmtId="165" formatCode="&quot;Rp&quot; #,##0"/></numFmts></styleSheet>`,
    );
    expect(
      ["General", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%"].map((f) => styles.numFmt(f)),
    ).toEqual([0, 1, 2, 3, 4, 9, 10]);
    expect(styles.numFmt("0.0%")).toBe(170);
    expect(styles.numFmt('"Rp" #,##0')).toBe(165);
    expect(styles.numFmt("0.000")).toBe(171);
    expect(styles.toXml()).toContain(`<numFmts count="3">`);
  });

  test("a styles part without fonts, fills or cell formats gets Excel's reserved entries first", () => {
    const styles = new StyleSheet(
      `<styleSheet xmlns="m"><fills count="1"><fill><patternFill patternType="none"/></fill></fills></styleSheet>`,
    );
    expect(styles.cellXf(undefined, { fill: "FF0000" })).toBe(1);
    const xml = styles.toXml();
    expect(xml).toMatch(
      /<fills count="3">.*patternType="none".*patternType="gray125".*patternType="solid"/,
    );
    expect(xml).toMatch(
      /<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/><xf [^>]*fillId="2"/,
    );
    expect(xml.indexOf("<fonts")).toBeLessThan(xml.indexOf("<fills"));
  });
});

describe("workbook part", () => {
  test("marks are read by sheet index, chart sheets counted; unknown keys and stray ids ignored", () => {
    const xml =
      `<workbook xmlns="m" xmlns:r="r"><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId1"/>` +
      `<sheet name="Grafik" sheetId="2" r:id="rId2"/><sheet name="Ringkasan" sheetId="3" r:id="rId3"/></sheets>` +
      `<definedNames><definedName name="_sakip_summary" localSheetId="2" hidden="1">"ringkasan-capaian"</definedName>` +
      `<definedName name="_SAKIP_SUMMARY" localSheetId="0" hidden="1">"lain"</definedName>` +
      `<definedName name="_SAKIP_SUMMARY" localSheetId="7" hidden="1">"temuan"</definedName>` +
      `<definedName name="_SAKIP_SUMMARY" hidden="1">"temuan"</definedName></definedNames></workbook>`;
    expect(summaryMarksByName(xml)).toEqual(new Map([["Ringkasan", "ringkasan-capaian"]]));
    expect(parseWorkbook(xml)!.sheets.map((s) => [s.name, s.relId])).toEqual([
      ["A & B", "rId1"],
      ["Grafik", "rId2"],
      ["Ringkasan", "rId3"],
    ]);
    expect(summaryMarksByName("<notAWorkbook/>")).toEqual(new Map());
  });
});
