import { Lang, Message, MessageId, renderMessage } from "../core/messages";

/** Why a workbook file could not be read. */
export type WorkbookReadErrorCode =
  "not-xlsx" | "corrupt" | "encrypted" | "xls" | "empty" | "too-large";

const MESSAGE_IDS: Record<WorkbookReadErrorCode, MessageId> = {
  "not-xlsx": "workbook.notXlsx",
  corrupt: "workbook.corrupt",
  encrypted: "workbook.encrypted",
  xls: "workbook.xls",
  empty: "workbook.empty",
  "too-large": "workbook.tooLarge",
};

/**
 * A file that is not a readable .xlsx workbook. `message` is one line in Indonesian;
 * `englishMessage` (or `messageIn("en")`) the same in English; `detail` keeps the
 * underlying library's error text for debugging.
 */
export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  readonly englishMessage: string;
  readonly detail?: string;
  /** What the message names (the sheet and range of a sheet too large to read). */
  readonly params?: Message["params"];

  constructor(code: WorkbookReadErrorCode, detail?: string, params?: Message["params"]) {
    super(renderMessage({ id: MESSAGE_IDS[code], params }, "id"));
    this.name = "WorkbookReadError";
    this.code = code;
    this.englishMessage = renderMessage({ id: MESSAGE_IDS[code], params }, "en");
    if (detail !== undefined) this.detail = detail;
    if (params !== undefined) this.params = params;
  }

  /** The message as a catalogue entry, for faces that render it themselves. */
  toMessage(): Message {
    return this.params
      ? { id: MESSAGE_IDS[this.code], params: this.params }
      : { id: MESSAGE_IDS[this.code] };
  }

  messageIn(lang: Lang): string {
    return renderMessage(this.toMessage(), lang);
  }
}

export function isWorkbookReadError(error: unknown): error is WorkbookReadError {
  return error instanceof WorkbookReadError;
}

// ---------------------------------------------------------------------------------------
// Recognising what a file is from its first bytes.

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04], // local file header
  [0x50, 0x4b, 0x05, 0x06], // empty archive
  [0x50, 0x4b, 0x07, 0x08], // spanned archive
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether `needle` occurs in `bytes` (a plain scan: files are read whole anyway). */
export function containsBytes(bytes: Uint8Array, needle: Uint8Array): boolean {
  const n = needle.length;
  if (n === 0) return true;
  const first = needle[0];
  const last = bytes.length - n;
  for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue;
    let j = 1;
    while (j < n && bytes[i + j] === needle[j]) j++;
    if (j === n) return true;
  }
  return false;
}

/**
 * A Uint8Array of this realm over the same memory (Node Buffers and other realms' arrays
 * fail JSZip's instanceof checks under jest).
 */
export function ownBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

export function utf16leBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 * i] = code & 0xff;
    out[2 * i + 1] = code >> 8;
  }
  return out;
}

const ENCRYPTION_INFO = utf16leBytes("EncryptionInfo");

/**
 * Throws a WorkbookReadError for bytes that cannot be an .xlsx (empty, an OLE compound file:
 * encrypted .xlsx or old .xls, anything that is not a zip); returns for a zip archive.
 */
export function checkWorkbookBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new WorkbookReadError("empty");
  if (startsWith(bytes, OLE_MAGIC)) {
    // Password-protected .xlsx files are OLE containers with an EncryptionInfo stream.
    throw new WorkbookReadError(containsBytes(bytes, ENCRYPTION_INFO) ? "encrypted" : "xls");
  }
  if (!ZIP_MAGICS.some((magic) => startsWith(bytes, magic))) {
    throw new WorkbookReadError("not-xlsx");
  }
}
