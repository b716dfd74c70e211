import fs from "fs";
import JSZip from "jszip";
import type { RevealTarget } from "../../src/core/gateway";
import { WorkbookReadError, type WorkbookReadErrorCode } from "../../src/xlsx/errors";
import { XlsxFileGateway } from "../../src/xlsx/fileGateway";
import { writeWorkbookConfig } from "../../src/xlsx/workbookSettings";
import { readSheets } from "../../src/xlsx/readSheets";
import { readWorkbookConfig } from "../../src/xlsx/workbookSettings";
import { oleLike, storedZip } from "../helpers/badFiles";
import { emptySheetWorkbook } from "../helpers/badWorkbooks";
import { capaianPlan, temuanPlan } from "../helpers/plans";
import { sharedPath } from "../helpers/shared";
import { withDocumentSettings } from "../helpers/webExtension";

/** The web preview's gateway over one .xlsx in memory, on the shared fixture workbooks. */

jest.setTimeout(60_000);

const FIXTURE = "lkjip-semarang-2025-onesheet";
let fixture: Uint8Array;
beforeAll(() => {
  fixture = new Uint8Array(fs.readFileSync(sharedPath("fixtures", "workbooks", `${FIXTURE}.xlsx`)));
});

const noPause = { pause: () => Promise.resolve() };

async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out.set(name, await file.async("string"));
  return out;
}

async function codeOf(promise: Promise<unknown>): Promise<WorkbookReadErrorCode | "resolved"> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    return (error as WorkbookReadError).code;
  }
}

describe("XlsxFileGateway", () => {
  it("reads what the xlsx reader reads, and keeps the file name and bytes", async () => {
    const gateway = await XlsxFileGateway.open(`${FIXTURE}.xlsx`, fixture, noPause);
    expect(gateway.fileName).toBe(`${FIXTURE}.xlsx`);
    expect(await gateway.readSheets()).toEqual(await readSheets(fixture));
    expect(gateway.bytes()).toEqual(fixture);
    expect(gateway.changed).toBe(false);
    expect(gateway.hasSummary).toBe(false);
    expect(await gateway.readConfig()).toBeNull();
  });

  it("writes summary sheets into its bytes; a second run replaces only its own sheets", async () => {
    const gateway = await XlsxFileGateway.open("a.xlsx", fixture, noPause);
    const userSheets = (await gateway.readSheets()).map((s) => s.name);
    const before = await partsOf(fixture);

    const first = await gateway.applyPlans([capaianPlan(userSheets[0]), temuanPlan()]);
    expect(first.removed).toEqual([]);
    expect(first.written.map((w) => w.name)).toEqual(["Ringkasan Capaian", "Temuan"]);
    expect(gateway.hasSummary).toBe(true);
    const afterFirst = await gateway.readSheets();
    expect(afterFirst.map((s) => s.name)).toEqual([...userSheets, "Ringkasan Capaian", "Temuan"]);
    expect(afterFirst.filter((s) => s.summary !== undefined)).toHaveLength(2);

    const second = await gateway.applyPlans([capaianPlan(userSheets[0])]);
    expect(second.removed).toEqual(["Ringkasan Capaian", "Temuan"]);
    const afterSecond = await gateway.readSheets();
    expect(afterSecond.map((s) => s.name)).toEqual([...userSheets, "Ringkasan Capaian"]);
    // The user's sheets as read are unchanged.
    expect(afterSecond.slice(0, userSheets.length)).toEqual(
      (await readSheets(fixture)).map((s) => ({ ...s })),
    );
    // Their parts stay byte for byte.
    const after = await partsOf(gateway.bytes());
    const worksheets = [...before.keys()].filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(worksheets.length).toBeGreaterThan(0);
    for (const part of worksheets) expect(after.get(part)).toBe(before.get(part));
    expect(after.get("xl/sharedStrings.xml")).toBe(before.get("xl/sharedStrings.xml"));
  });

  it("hands reveal to the preview", async () => {
    const shown: RevealTarget[] = [];
    const gateway = await XlsxFileGateway.open("a.xlsx", fixture, {
      ...noPause,
      onReveal: (t) => shown.push(t),
    });
    const target = { sheet: "X", range: { top: 1, left: 2, bottom: 1, right: 2 } };
    await gateway.reveal(target);
    expect(shown).toEqual([target]);
  });

  it("saves the configuration into the workbook, read back by a new gateway and the CLI reader", async () => {
    const gateway = await XlsxFileGateway.open("a.xlsx", fixture, noPause);
    const config = {
      scale: "permenpan",
      overrides: [{ sheet: "S", header: "A1:C1", kind: "iku" }],
    };
    await gateway.saveConfig(config);
    expect(await gateway.readConfig()).toEqual(config);
    expect(gateway.changed).toBe(true);
    expect(gateway.hasSummary).toBe(false);
    expect(await readWorkbookConfig(gateway.bytes())).toEqual(config);
    const again = await XlsxFileGateway.open("a.xlsx", gateway.bytes(), noPause);
    expect(await again.readConfig()).toEqual(config);

    // A second save replaces the value in the same part, adding no second one.
    const next = { ...config, scale: "lan" };
    await gateway.saveConfig(next);
    expect(await readWorkbookConfig(gateway.bytes())).toEqual(next);
    const parts = [...(await partsOf(gateway.bytes())).keys()];
    expect(parts.filter((p) => p.startsWith("xl/webextensions/webextension"))).toEqual([
      "xl/webextensions/webextension1.xml",
    ]);

    // Every other part of the file keeps its content; the sheets read the same.
    const before = await partsOf(fixture);
    const after = await partsOf(gateway.bytes());
    for (const [part, text] of before) {
      if (part === "[Content_Types].xml" || part === "_rels/.rels") continue;
      expect(after.get(part)).toBe(text);
    }
    expect(await again.readSheets()).toEqual(await readSheets(fixture));
  });

  it("writes into the property Office saved, keeping the other properties", async () => {
    const saved = await withDocumentSettings(fixture, {
      other: JSON.stringify({ keep: true }),
      "sakip.config": JSON.stringify(JSON.stringify({ scale: "lan", overrides: [] })),
    });
    const gateway = await XlsxFileGateway.open("a.xlsx", saved, noPause);
    expect(await gateway.readConfig()).toEqual({ scale: "lan", overrides: [] });
    await gateway.saveConfig({ scale: "permenpan", overrides: [] });
    const parts = await partsOf(gateway.bytes());
    expect(parts.get("xl/webextensions/webextension1.xml")).toContain('name="other"');
    expect(parts.get("xl/webextensions/taskpanes.xml")).toBe(
      (await partsOf(saved)).get("xl/webextensions/taskpanes.xml"),
    );
    expect(await readWorkbookConfig(gateway.bytes())).toEqual({
      scale: "permenpan",
      overrides: [],
    });
    expect(await readWorkbookConfig(gateway.bytes(), "other")).toEqual({ keep: true });
  });

  it("adds its own part beside another add-in's", async () => {
    const other = await withDocumentSettings(await emptySheetWorkbook(), {
      theirs: JSON.stringify(1),
    });
    const bytes = await writeWorkbookConfig(other, { overrides: [] });
    const parts = await partsOf(bytes);
    expect(parts.has("xl/webextensions/webextension2.xml")).toBe(true);
    expect(parts.get("xl/webextensions/_rels/taskpanes.xml.rels")).toContain(
      'Target="webextension2.xml"',
    );
    expect(parts.get("[Content_Types].xml")).toContain("/xl/webextensions/webextension2.xml");
    expect(await readWorkbookConfig(bytes)).toEqual({ overrides: [] });
    expect(await readWorkbookConfig(bytes, "theirs")).toBe(1);
  });

  it("keeps summary sheets and configuration together in the download", async () => {
    const gateway = await XlsxFileGateway.open("a.xlsx", fixture, noPause);
    const [sheet] = await gateway.readSheets();
    await gateway.saveConfig({ overrides: [] });
    await gateway.applyPlans([capaianPlan(sheet.name)]);
    await gateway.saveConfig({ scale: "lan", overrides: [] });
    const again = await XlsxFileGateway.open("a.xlsx", gateway.bytes(), noPause);
    expect(await again.readConfig()).toEqual({ scale: "lan", overrides: [] });
    expect((await again.readSheets()).filter((s) => s.summary !== undefined)).toHaveLength(1);
  });

  it.each<[string, () => Uint8Array | Promise<Uint8Array>, WorkbookReadErrorCode]>([
    ["an empty file", () => new Uint8Array(0), "empty"],
    ["a text file", () => new TextEncoder().encode("No;Indikator\n1;Kemiskinan\n"), "not-xlsx"],
    ["a password-protected workbook", () => oleLike("EncryptionInfo"), "encrypted"],
    ["an old .xls", () => oleLike("Workbook"), "xls"],
    ["a .docx", () => storedZip({ "word/document.xml": "<w:document/>" }), "not-xlsx"],
    ["a cut-off .xlsx", () => fixture.slice(0, Math.floor(fixture.length / 2)), "corrupt"],
  ])("rejects %s when it is opened", async (_label, make, code) => {
    expect(await codeOf(XlsxFileGateway.open("x.xlsx", await make(), noPause))).toBe(code);
  });
});
