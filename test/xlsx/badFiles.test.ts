import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { readSheetsFromFile } from "../../src/xlsx/readFile";
import { readSheets } from "../../src/xlsx/readSheets";
import { WorkbookReadError, WorkbookReadErrorCode } from "../../src/xlsx/errors";
import { oleLike, storedZip } from "../helpers/badFiles";
import { sharedPath } from "../helpers/shared";

/** Bad files are made here, in a temporary folder; nothing of the fixtures is modified. */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-bad-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, data: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

async function codeOf(promise: Promise<unknown>): Promise<WorkbookReadErrorCode> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    const e = error as WorkbookReadError;
    // One line in Indonesian, one line in English.
    expect(e.message).not.toMatch(/\n/);
    expect(e.englishMessage).not.toMatch(/\n/);
    expect(e.messageIn("id")).toBe(e.message);
    expect(e.messageIn("en")).toBe(e.englishMessage);
    expect(e.message).not.toBe(e.englishMessage);
    return e.code;
  }
  throw new Error("expected a WorkbookReadError");
}

describe("files that are not readable .xlsx workbooks", () => {
  test("a CSV file → not-xlsx", async () => {
    const file = write("tabel.csv", "No;Indikator;Target\n1;Persentase koperasi aktif;77,60%\n");
    expect(await codeOf(readSheetsFromFile(file))).toBe("not-xlsx");
  });

  test("a text file named .xlsx → not-xlsx, with a hint to save as .xlsx", async () => {
    const file = write("laporan.xlsx", "ini bukan buku kerja");
    const error = await readSheetsFromFile(file).catch((e: WorkbookReadError) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).code).toBe("not-xlsx");
    expect((error as WorkbookReadError).message).toMatch(/bukan buku kerja Excel \.xlsx/);
  });

  test("a zero-byte file → empty", async () => {
    const file = write("kosong.xlsx", new Uint8Array(0));
    expect(await codeOf(readSheetsFromFile(file))).toBe("empty");
  });

  test("a password-protected xlsx (OLE container with EncryptionInfo) → encrypted", async () => {
    const file = write("terkunci.xlsx", oleLike("EncryptionInfo"));
    expect(await codeOf(readSheetsFromFile(file))).toBe("encrypted");
    const error = await readSheets(oleLike("EncryptionInfo")).catch((e: WorkbookReadError) => e);
    expect((error as WorkbookReadError).message).toMatch(/kata sandi/);
    expect((error as WorkbookReadError).englishMessage).toMatch(/password/);
  });

  test("an Excel 97-2003 file (OLE container without EncryptionInfo) → xls", async () => {
    const file = write("lama.xls", oleLike("Workbook"));
    expect(await codeOf(readSheetsFromFile(file))).toBe("xls");
    const error = await readSheets(oleLike("Workbook")).catch((e: WorkbookReadError) => e);
    expect((error as WorkbookReadError).message).toMatch(/97-2003.*\.xlsx/);
  });

  test("a truncated xlsx → corrupt", async () => {
    const whole = fs.readFileSync(sharedPath("fixtures", "workbooks", "lkjip-semarang-2025.xlsx"));
    const file = write("terpotong.xlsx", whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await codeOf(readSheetsFromFile(file))).toBe("corrupt");
  });

  test("an xlsx with damaged compressed data → corrupt", async () => {
    const whole = new Uint8Array(
      fs.readFileSync(sharedPath("fixtures", "workbooks", "lakip-tangsel-2021.xlsx")),
    );
    const damaged = whole.slice();
    const at = Math.floor(damaged.length / 2);
    damaged.fill(0x41, at, at + 200);
    expect(await codeOf(readSheets(damaged))).toBe("corrupt");
  });

  test("a zip that is not a workbook (a .docx look-alike) → not-xlsx", async () => {
    const docx = storedZip({
      "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
      "word/document.xml": '<?xml version="1.0"?><document/>',
    });
    expect(await codeOf(readSheets(docx))).toBe("not-xlsx");
  });

  test("a sheet protected with a password ('Protect Sheet') reads normally", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tabel 3.8");
    ws.getCell("C5").value = 2222600041;
    await ws.protect("rahasia", { selectLockedCells: true });
    const file = write("dilindungi.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    const [sheet] = await readSheetsFromFile(file);
    expect(sheet.values).toEqual([[2222600041]]);
  });

  test("a missing file: the file-system error passes through (the CLI words it)", async () => {
    await expect(readSheetsFromFile(path.join(dir, "tidak-ada.xlsx"))).rejects.toMatchObject({
      code: "ENOENT",
    });
  });
});
