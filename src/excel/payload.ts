/**
 * Keeping each `context.sync()` request under Excel's size limit. Excel on the web refuses
 * a request larger than 5 MB (RequestPayloadSizeLimitExceeded) and then applies none of
 * it, so the writer estimates what each queued operation adds and syncs before the budget
 * would be exceeded; a matrix larger than a whole budget is written in blocks.
 */

/** Below Excel on the web's 5 MB request limit, with room for the request's own framing. */
export const DEFAULT_PAYLOAD_LIMIT = 4 * 1024 * 1024;

/**
 * What one queued operation costs beyond its arguments: Office.js sends each action with
 * its ids, type, name and the object path it acts on (about 100 to 200 bytes of JSON).
 */
export const OPERATION_OVERHEAD = 256;

/** UTF-8 length of a string, without encoding it. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Size of a value as JSON in the request. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

/** The estimated cost of one operation with these arguments. */
export function operationBytes(...args: unknown[]): number {
  let n = OPERATION_OVERHEAD;
  for (const a of args) n += jsonBytes(a);
  return n;
}

/** Counts the queued request size and syncs before it would pass the limit. */
export class PayloadBudget {
  private used = 0;
  /** The syncs this budget made. */
  syncs = 0;

  constructor(
    private readonly context: { sync(): Promise<unknown> },
    readonly limit: number,
  ) {}

  /**
   * Call before queueing an operation of `bytes`: syncs what is queued first when the
   * operation would not fit beside it. An operation larger than the whole limit goes alone.
   */
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) await this.flush();
    this.used += bytes;
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.context.sync();
    this.used = 0;
    this.syncs++;
  }
}

/** A rectangular piece of a matrix, at (row, col) of the whole, with its JSON size. */
export interface MatrixBlock<T> {
  row: number;
  col: number;
  cells: T[][];
  bytes: number;
}

/**
 * Splits a matrix into blocks whose JSON is at most `maxBytes`: runs of whole rows, and a
 * row that alone is too large in runs of columns. A single cell larger than `maxBytes`
 * still makes a block of its own (it cannot be split).
 */
export function splitMatrix<T>(matrix: T[][], maxBytes: number): MatrixBlock<T>[] {
  const out: MatrixBlock<T>[] = [];
  let start = 0;
  // "[" + rows joined by "," + "]".
  let size = 2;
  const close = (end: number) => {
    if (end > start) out.push({ row: start, col: 0, cells: matrix.slice(start, end), bytes: size });
  };
  for (let i = 0; i < matrix.length; i++) {
    const rowBytes = jsonBytes(matrix[i]);
    if (rowBytes + 2 > maxBytes) {
      close(i);
      out.push(...splitRow(matrix[i], i, maxBytes));
      start = i + 1;
      size = 2;
      continue;
    }
    const added = rowBytes + (i > start ? 1 : 0);
    if (i > start && size + added > maxBytes) {
      close(i);
      start = i;
      size = 2 + rowBytes;
    } else {
      size += added;
    }
  }
  close(matrix.length);
  return out;
}

function splitRow<T>(row: T[], index: number, maxBytes: number): MatrixBlock<T>[] {
  const out: MatrixBlock<T>[] = [];
  let start = 0;
  // "[[" + cells joined by "," + "]]".
  let size = 4;
  for (let j = 0; j < row.length; j++) {
    const cellBytes = jsonBytes(row[j]);
    const added = cellBytes + (j > start ? 1 : 0);
    if (j > start && size + added > maxBytes) {
      out.push({ row: index, col: start, cells: [row.slice(start, j)], bytes: size });
      start = j;
      size = 4 + cellBytes;
    } else {
      size += added;
    }
  }
  if (row.length > start) {
    out.push({ row: index, col: start, cells: [row.slice(start)], bytes: size });
  }
  return out;
}
