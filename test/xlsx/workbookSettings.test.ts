import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  decodeSettingValue,
  propertyValue,
  readWorkbookConfig,
} from "../../src/xlsx/workbookSettings";
import { readSheets } from "../../src/xlsx/readSheets";

/**
 * Test fixture builder: an .xlsx as Excel saves it after the add-in called
 * `Office.context.document.settings.set(...)` and `saveAsync()`: the web extension parts
 * (xl/webextensions/webextension1.xml with the property bag, taskpanes.xml, their
 * relationships and content types) added to a workbook written by ExcelJS.
 */
const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** properties: name → the attribute text exactly as Office writes it (already JSON-encoded). */
async function workbookWithProperties(properties: Record<string, string>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Tabel 3.1").getCell("A1").value = "Tabel 3.1";
  const zip = await JSZip.loadAsync(new Uint8Array(await workbook.xlsx.writeBuffer()));

  const bag = Object.entries(properties)
    .map(([name, value]) => `<we:property name="${name}" value="${escapeAttribute(value)}"/>`)
    .join("");
  zip.file(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<we:webextension xmlns:we="${WE_NS}" id="{7C1B1E5A-1D1E-4C55-9C1B-2C6E8F3A4B10}">` +
      `<we:reference id="wa000000000" version="1.0.0.0" store="developer" storeType="Registry"/>` +
      `<we:alternateReferences/><we:properties>${bag}</we:properties><we:bindings/>` +
      `<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>` +
      `</we:webextension>`,
  );
  zip.file(
    "xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<wetp:taskpanes xmlns:wetp="${WETP_NS}"><wetp:taskpane dockstate="right" visibility="0" width="350" row="0">` +
      `<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>` +
      `</wetp:taskpane></wetp:taskpanes>`,
  );
  zip.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" ` +
      `Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>` +
      `</Relationships>`,
  );
  const rels = await zip.file("_rels/.rels")!.async("string");
  zip.file(
    "_rels/.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdWe1" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" ` +
        `Target="xl/webextensions/taskpanes.xml"/></Relationships>`,
    ),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>` +
        `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>` +
        `</Types>`,
    ),
  );
  return zip.generateAsync({ type: "uint8array" });
}

const CONFIG = {
  overrides: [{ sheet: "Tabel 3.1", header: "B3:I3", kind: "pengukuran" }],
  sifat: { "Persentase Koperasi Sehat": "akhir" },
  severity: { "number-as-text": "warning" },
};

describe("readWorkbookConfig", () => {
  test("reads sakip.config saved as an object (attribute = its JSON)", async () => {
    const bytes = await workbookWithProperties({ "sakip.config": JSON.stringify(CONFIG) });
    await expect(readWorkbookConfig(bytes)).resolves.toEqual(CONFIG);
    // The added parts leave the workbook readable by the xlsx gateway.
    expect((await readSheets(bytes)).map((s) => s.name)).toEqual(["Tabel 3.1"]);
  });

  test("reads sakip.config saved as a JSON string (attribute = JSON of a JSON string): both levels decoded", async () => {
    const bytes = await workbookWithProperties({
      "Office.AutoShowTaskpaneWithDocument": "true",
      "sakip.config": JSON.stringify(JSON.stringify(CONFIG)),
    });
    await expect(readWorkbookConfig(bytes)).resolves.toEqual(CONFIG);
  });

  test("accepts an ArrayBuffer and a Node Buffer", async () => {
    const bytes = await workbookWithProperties({ "sakip.config": JSON.stringify(CONFIG) });
    const copy = bytes.slice();
    await expect(readWorkbookConfig(copy.buffer)).resolves.toEqual(CONFIG);
    await expect(readWorkbookConfig(Buffer.from(bytes))).resolves.toEqual(CONFIG);
  });

  test("a workbook without web extension parts, or without the key, gives null", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("S");
    const plain = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(readWorkbookConfig(plain)).resolves.toBeNull();
    const other = await workbookWithProperties({ "Office.AutoShowTaskpaneWithDocument": "true" });
    await expect(readWorkbookConfig(other)).resolves.toBeNull();
  });

  test("a malformed value gives null and throws nothing", async () => {
    for (const value of ["{not json", JSON.stringify("{still not json"), ""]) {
      const bytes = await workbookWithProperties({ "sakip.config": value });
      await expect(readWorkbookConfig(bytes)).resolves.toBeNull();
    }
  });

  test("bytes that are not a zip give null", async () => {
    await expect(
      readWorkbookConfig(new TextEncoder().encode("not a workbook")),
    ).resolves.toBeNull();
    await expect(readWorkbookConfig(new Uint8Array(0))).resolves.toBeNull();
  });

  test("the fixture workbooks carry no saved configuration", async () => {
    const { readFile } = await import("fs/promises");
    const { sharedPath } = await import("../helpers/shared");
    const bytes = await readFile(sharedPath("fixtures", "workbooks", "lakip-tangsel-2021.xlsx"));
    await expect(readWorkbookConfig(bytes)).resolves.toBeNull();
  });
});

describe("web extension XML helpers", () => {
  test("propertyValue: attribute order, single quotes and entities", () => {
    const xml =
      `<we:properties><we:property value='{"a":"x &amp; y &lt;z&gt; &#233;"}' name='sakip.config'/>` +
      `<we:property name="other" value="1"/></we:properties>`;
    expect(propertyValue(xml, "sakip.config")).toBe('{"a":"x & y <z> é"}');
    expect(propertyValue(xml, "other")).toBe("1");
    expect(propertyValue(xml, "missing")).toBeNull();
  });

  test("decodeSettingValue: object, JSON string of JSON, plain JSON values, garbage", () => {
    expect(decodeSettingValue('{"a":1}')).toEqual({ a: 1 });
    expect(decodeSettingValue('"{\\"a\\":1}"')).toEqual({ a: 1 });
    expect(decodeSettingValue("true")).toBe(true);
    expect(decodeSettingValue('"plain text"')).toBeNull();
    expect(decodeSettingValue("{")).toBeNull();
  });
});
