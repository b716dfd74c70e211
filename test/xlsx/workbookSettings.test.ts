import ExcelJS from "exceljs";
import {
  decodeSettingValue,
  propertyValue,
  readWorkbookConfig,
} from "../../src/xlsx/workbookSettings";
import { readSheets } from "../../src/xlsx/readSheets";
import { withDocumentSettings } from "../helpers/webExtension";

/** A small workbook carrying the given document-setting properties. */
async function workbookWithProperties(properties: Record<string, string>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Tabel 3.1").getCell("A1").value = "Tabel 3.1";
  return withDocumentSettings(new Uint8Array(await workbook.xlsx.writeBuffer()), properties);
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
