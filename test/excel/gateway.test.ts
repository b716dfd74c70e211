import { snapshotFromValues } from "../../src/core/snapshot";
import { ExcelGateway, ExcelGatewayError } from "../../src/excel";
import { gatewayError } from "../../src/excel/errors";
import { FakeExcel } from "../helpers/fakeExcel";
import { gatewayOf } from "./support";

/** reveal, the saved configuration, and how failures reach the task pane. */

function workbook(): FakeExcel {
  return FakeExcel.fromSnapshots([
    snapshotFromValues("Data", [[1, 2]]),
    snapshotFromValues("Tabel 3.9", [[1, 2, 3]]),
  ]);
}

describe("reveal", () => {
  test("activates the sheet and selects the range, in one sync", async () => {
    const fake = workbook();
    await gatewayOf(fake).reveal({
      sheet: "Tabel 3.9",
      range: { top: 11, left: 5, bottom: 11, right: 5 },
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.activeSheet()?.name).toBe("Tabel 3.9");
    expect(fake.selection).toEqual({ sheetId: fake.sheet("Tabel 3.9").id, address: "F12" });

    await gatewayOf(fake).reveal({
      sheet: "Data",
      range: { top: 2, left: 0, bottom: 7, right: 8 },
    });
    expect(fake.selection).toEqual({ sheetId: fake.sheet("Data").id, address: "A3:I8" });
  });

  test("a missing sheet or a bad range rejects with a message", async () => {
    const fake = workbook();
    await expect(
      gatewayOf(fake).reveal({ sheet: "Hilang", range: { top: 0, left: 0, bottom: 0, right: 0 } }),
    ).rejects.toThrow(
      /^Excel could not show Hilang: no worksheet Hilang \(ItemNotFound, at WorksheetCollection\.getItem\)$/,
    );
    await expect(
      gatewayOf(fake).reveal({ sheet: "Data", range: { top: -1, left: 0, bottom: 0, right: 0 } }),
    ).rejects.toBeInstanceOf(ExcelGatewayError);
  });
});

describe("configuration", () => {
  test("round trip through the document settings, saved as the object", async () => {
    const fake = workbook();
    const gateway = gatewayOf(fake);
    expect(await gateway.readConfig()).toBeNull();
    const config = { overrides: [{ sheet: "Data", header: "A1:B1" }], polarity: { x: "min" } };
    await gateway.saveConfig(config);
    expect(fake.settings.saveCount).toBe(1);
    // Office keeps the object as JSON: what the web extension part of the file then holds.
    expect(fake.settings.saved.get("sakip.config")).toBe(JSON.stringify(config));
    expect(await gateway.readConfig()).toEqual(config);
    expect(await gatewayOf(fake).readConfig()).toEqual(config);
  });

  test("a configuration saved as a JSON string is read too", async () => {
    const fake = workbook();
    fake.settings.set("sakip.config", JSON.stringify({ overrides: [] }));
    expect(await gatewayOf(fake).readConfig()).toEqual({ overrides: [] });
    fake.settings.set("sakip.config", "{not json");
    expect(await gatewayOf(fake).readConfig()).toBeNull();
  });

  test("a failing save rejects with Office's reason", async () => {
    const fake = workbook();
    fake.settings.failSave = { message: "The document is read-only.", code: 5009 };
    const promise = gatewayOf(fake).saveConfig({ overrides: [] });
    await expect(promise).rejects.toBeInstanceOf(ExcelGatewayError);
    await expect(promise).rejects.toThrow(
      "The settings could not be saved in the workbook: The document is read-only. (5009)",
    );
  });

  test("settings that throw reject, never throw", async () => {
    const settings = {
      get: () => {
        throw new Error("no settings here");
      },
      set: () => {
        throw new Error("no settings here");
      },
      saveAsync: () => {},
    };
    const gateway = new ExcelGateway({ settings });
    await expect(gateway.readConfig()).rejects.toThrow(
      "The settings could not be read from the workbook: no settings here",
    );
    await expect(gateway.saveConfig({})).rejects.toThrow(/no settings here/);
  });
});

describe("errors", () => {
  test("without Office every call rejects instead of throwing", async () => {
    const gateway = new ExcelGateway();
    const calls = [
      () => gateway.readSheets(),
      () => gateway.applyPlans([]),
      () => gateway.reveal({ sheet: "A", range: { top: 0, left: 0, bottom: 0, right: 0 } }),
      () => gateway.readConfig(),
      () => gateway.saveConfig({}),
    ];
    for (const call of calls) {
      let promise: Promise<unknown> | undefined;
      expect(() => (promise = call())).not.toThrow();
      await expect(promise).rejects.toBeInstanceOf(ExcelGatewayError);
    }
  });

  test("OfficeExtension errors keep their code, message and location", () => {
    const officeError = Object.assign(new Error("The requested resource doesn't exist."), {
      name: "RichApi.Error",
      code: "ItemNotFound",
      debugInfo: {
        code: "ItemNotFound",
        message: "The requested resource doesn't exist.",
        errorLocation: "Worksheet.getItem",
      },
    });
    const e = gatewayError(officeError, "Excel could not read the workbook");
    expect(e.message).toBe(
      "Excel could not read the workbook: The requested resource doesn't exist. (ItemNotFound, at Worksheet.getItem)",
    );
    expect(e.code).toBe("ItemNotFound");
    expect((e as { cause?: unknown }).cause).toBe(officeError);
    expect(gatewayError("text", "Step").message).toBe("Step: text");
    expect(gatewayError(undefined, "Step").message).toBe("Step: unknown error");
    expect(gatewayError(e, "Other")).toBe(e);
  });

  test("a request refused for its size surfaces as such", async () => {
    const fake = FakeExcel.fromSnapshots([snapshotFromValues("Data", [[1]])], {
      payloadLimit: 100,
    });
    const gateway = gatewayOf(fake, { payloadLimitBytes: 10_000 });
    await expect(
      gateway.applyPlans([
        {
          key: "temuan",
          name: "Temuan",
          cells: [{ row: 0, col: 0, value: "x".repeat(500) }],
          columnWidths: [],
          merges: [],
          conditionalFormats: [],
          charts: [],
        },
      ]),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });
});
