/**
 * A dropped text file as UTF-8 for DuckDB's CSV reader, read piece by piece: a 450 MB file is
 * never one string in the page. A UTF-8 file (with or without byte order mark) is handed over as
 * it is; UTF-16 and Windows-1252 are re-encoded into a new Blob. The user's file is only read.
 */
import { NotTextError, looksBinary, windows1252, type TextEncoding } from './decode';

/** Bytes read at a time. */
export const CHUNK_BYTES = 8 * 1024 * 1024;

export interface Utf8File {
  /** The file's text as UTF-8 (the file itself when it already is). */
  blob: Blob;
  encoding: TextEncoding;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Bytes of the file read so far, and its size. */
  onProgress?: (done: number, total: number) => void;
}

/** The file piece by piece, in order. */
export async function* chunksOf(file: Blob, options: ReadOptions = {}): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < file.size; start += CHUNK_BYTES) {
    options.signal?.throwIfAborted();
    const chunk = new Uint8Array(await file.slice(start, start + CHUNK_BYTES).arrayBuffer());
    options.onProgress?.(Math.min(file.size, start + chunk.length), file.size);
    yield chunk;
  }
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The encoding a BOM states, or null. */
function bomEncoding(head: Uint8Array): TextEncoding | null {
  if (startsWith(head, 0xef, 0xbb, 0xbf)) return 'utf-8';
  if (startsWith(head, 0xff, 0xfe)) return 'utf-16le';
  if (startsWith(head, 0xfe, 0xff)) return 'utf-16be';
  return null;
}

/** Whether the whole file is valid UTF-8 (and not only blank), read piece by piece. */
async function utf8Check(file: Blob, options: ReadOptions): Promise<{ valid: boolean; blank: boolean }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let blank = true;
  try {
    for await (const chunk of chunksOf(file, options)) {
      const text = decoder.decode(chunk, { stream: true });
      if (blank && /\S/.test(text)) blank = false;
    }
    decoder.decode();
    return { valid: true, blank };
  } catch (e) {
    if (e instanceof TypeError) return { valid: false, blank };
    throw e;
  }
}

/** The file re-encoded as UTF-8, piece by piece (the BOM left out). */
async function transcode(file: Blob, encoding: TextEncoding, options: ReadOptions): Promise<{ blob: Blob; blank: boolean }> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let blank = true;
  for await (const chunk of chunksOf(file, options)) {
    const text = encoding === 'windows-1252' ? windows1252(chunk) : decoder.decode(chunk, { stream: true });
    if (blank && /\S/.test(text)) blank = false;
    parts.push(encoder.encode(text));
  }
  if (encoding !== 'windows-1252') parts.push(encoder.encode(decoder.decode()));
  return { blob: new Blob(parts as BlobPart[], { type: 'text/csv' }), blank };
}

/** Bytes the encoding, binary and blank checks look at first. */
const HEAD_BYTES = 65536;

export interface Utf8Options extends ReadOptions {
  /**
   * true (the default): a file without a UTF-16 mark is read whole to check it is UTF-8 (else it
   * is re-encoded from Windows-1252). false: it is handed over as UTF-8 unread, `checked` false;
   * DuckDB's reader checks every cell and says "Invalid unicode" if it is not, and the caller then
   * asks windows1252FileOf (a million-row file is not decoded once more on the page).
   */
  check?: boolean;
}

/** The file as UTF-8 text for DuckDB; throws NotTextError for an empty, blank or binary file. */
export async function utf8FileOf(file: Blob, options: Utf8Options = {}): Promise<Utf8File & { checked: boolean }> {
  if (file.size === 0) throw new NotTextError('empty');
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const stated = bomEncoding(head);
  const headText =
    stated === 'utf-16le' || stated === 'utf-16be' ? new TextDecoder(stated).decode(head) : new TextDecoder('utf-8').decode(head);
  if (looksBinary(headText)) throw new NotTextError('binary');
  let result: { blob: Blob; encoding: TextEncoding; blank: boolean; checked: boolean };
  if (stated === 'utf-16le' || stated === 'utf-16be')
    result = { ...(await transcode(file, stated, options)), encoding: stated, checked: true };
  else if (options.check === false)
    // Unread past its head: blank only when the head is the whole file.
    result = { blob: file, encoding: 'utf-8', blank: file.size <= HEAD_BYTES && !/\S/.test(headText), checked: false };
  else {
    const check = await utf8Check(file, options);
    // Not valid UTF-8: every byte is a character in Windows-1252, the encoding such files have.
    result = check.valid
      ? { blob: file, encoding: 'utf-8', blank: check.blank, checked: true }
      : { ...(await transcode(file, 'windows-1252', options)), encoding: 'windows-1252', checked: true };
  }
  if (result.blank) throw new NotTextError('empty');
  return { blob: result.blob, encoding: result.encoding, checked: result.checked };
}

/** The file re-encoded from Windows-1252, for a file DuckDB found is not UTF-8. */
export async function windows1252FileOf(file: Blob, options: ReadOptions = {}): Promise<Utf8File> {
  const { blob } = await transcode(file, 'windows-1252', options);
  return { blob, encoding: 'windows-1252' };
}
