import { FakeExcel, FakeOfficeError } from "../helpers/fakeExcel";

/**
 * The fake behaves as Office does where the gateway depends on it: proxies before sync,
 * null objects, the used range, parsing of entered text, request sizes, requirement sets.
 */

function workbook(options = {}): FakeExcel {
  const fake = new FakeExcel(options);
  const sheet = fake.addSheet("Data");
  sheet.setCell(1, 1, { value: 0.776, numberFormat: "0.00%", text: "77,60%" });
  sheet.setCell(2, 3, { value: null, formula: "=B2*2" });
  sheet.setCell(40, 10, { numberFormat: "0.00", style: { fill: "#FF0000" } });
  fake.addSheet("Kosong");
  return fake;
}

test("properties can be read only after load and sync", async () => {
  const fake = workbook();
  await fake.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    expect(() => sheets.items).toThrow(FakeOfficeError);
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["Data", "Kosong"]);
    expect(() => sheets.items[0].visibility).toThrow(/was not loaded/);

    const range = sheets.items[0].getRange("B2:D3");
    range.load("values,formulas");
    await context.sync();
    expect(range.values).toEqual([
      [0.776, "", ""],
      ["", "", ""],
    ]);
    expect(range.formulas).toEqual([
      [0.776, "", ""],
      ["", "", "=B2*2"],
    ]);
    expect(() => range.address).toThrow(/PropertyNotLoaded|was not loaded/);
  });
});

test("null objects are known after the sync; lookups that must find something fail the sync", async () => {
  const fake = workbook();
  await fake.run(async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject("Hilang");
    const found = context.workbook.worksheets.getItemOrNullObject("data");
    expect(() => missing.isNullObject).toThrow(FakeOfficeError);
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(found.isNullObject).toBe(false);
    // Navigating from a null object gives null objects (by default).
    const mark = missing.names.getItemOrNullObject("_SAKIP_SUMMARY");
    await context.sync();
    expect(mark.isNullObject).toBe(true);

    context.workbook.worksheets.getItem("Hilang");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

test("the used range: values only, or with formatting; a blank sheet gives A1", async () => {
  const fake = workbook();
  await fake.run(async (context) => {
    const data = context.workbook.worksheets.getItem("Data");
    const valuesOnly = data.getUsedRange(true).load("address");
    const all = data.getUsedRange().load("address");
    const blank = context.workbook.worksheets
      .getItem("Kosong")
      .getUsedRange(true)
      .load("address,values");
    const none = context.workbook.worksheets.getItem("Kosong").getUsedRangeOrNullObject(true);
    const text = data.getRange("B2").load("text,numberFormat,formulas");
    await context.sync();
    expect(valuesOnly.address).toBe("Data!B2:D3");
    expect(all.address).toBe("Data!B2:K41");
    expect(blank.address).toBe("Kosong!A1");
    expect(blank.values).toEqual([[""]]);
    expect(none.isNullObject).toBe(true);
    expect(text.text).toEqual([["77,60%"]]);
    expect(text.numberFormat).toEqual([["0.00%"]]);
  });
});

test("entered text is parsed as Excel parses it; an apostrophe keeps it text", async () => {
  const fake = workbook();
  await fake.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Kosong").getRange("A1:A7");
    range.formulas = [["12"], ["50%"], ["TRUE"], ["=A1*2"], ["'12"], ["#N/A"], ["teks"]];
    await context.sync();
  });
  const sheet = fake.sheet("Kosong");
  expect([0, 1, 2, 3, 4, 5, 6].map((r) => sheet.cell(r, 0)?.value)).toEqual([
    12,
    0.5,
    true,
    null,
    "12",
    "#N/A",
    "teks",
  ]);
  expect(sheet.cell(3, 0)?.formula).toBe("=A1*2");
  expect(sheet.cell(4, 0)?.style.quotePrefix).toBe(true);
});

test("request sizes are counted per sync; too large a request is refused", async () => {
  const fake = workbook({ payloadLimit: 50 });
  await fake.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Kosong").getRange("A1:B1");
    range.values = [["ab", 12]];
    await context.sync();
    expect(fake.payloads).toEqual([
      JSON.stringify("Kosong").length +
        JSON.stringify("A1:B1").length +
        JSON.stringify([["ab", 12]]).length,
    ]);
    range.values = [["x".repeat(60), 1]];
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });
  expect(fake.sheet("Kosong").cell(0, 0)?.value).toBe("ab");
});

test("APIs above the host's requirement sets fail at the sync", async () => {
  const fake = workbook({ excelApi: "1.12" });
  expect(fake.isSetSupported("ExcelApi", "1.12")).toBe(true);
  expect(fake.isSetSupported("ExcelApi", "1.13")).toBe(false);
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem("Data").getRange().getMergedAreasOrNullObject();
    await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

test("writes are logged with the sheet they touched", async () => {
  const fake = workbook();
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.add("Baru");
    ws.getRange("A1:B2").format.font.bold = true;
    ws.names.add("_SAKIP_SUMMARY", '="temuan"').visible = false;
    await context.sync();
  });
  const id = fake.sheet("Baru").id;
  expect(fake.writes.map((w) => [w.sheetId, w.op, w.address])).toEqual([
    [id, "WorksheetCollection.add", null],
    [id, "RangeFont.bold", "A1:B2"],
    [id, "NamedItemCollection.add", null],
    [id, "NamedItem.visible", null],
  ]);
  expect(fake.sheet("Baru").names).toEqual([
    { name: "_SAKIP_SUMMARY", formula: '="temuan"', visible: false, comment: null },
  ]);
});

test("what is still queued when the batch ends is synced, as Excel.run does", async () => {
  const fake = workbook();
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem("Data").getRange("A1").values = [[5]];
  });
  expect(fake.syncCount).toBe(1);
  expect(fake.sheet("Data").cell(0, 0)?.value).toBe(5);
});
