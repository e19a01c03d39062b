/**
 * What a dropped file's text can be, whatever a spreadsheet saved it as: UTF-8 with or without a
 * byte order mark, UTF-16 (Excel's "Unicode text"), or Windows-1252 (older Excel on Windows, the
 * usual encoding of Flemish CSV downloads); and the tests that tell text from binary bytes.
 * text-file.ts reads the file with these, piece by piece; the user's bytes are never changed.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Why a file is not read as text: it holds bytes no text file has. */
export class NotTextError extends Error {
  constructor(readonly reason: 'binary' | 'empty') {
    super(reason === 'empty' ? 'the file is empty' : 'the file is not text (it holds binary bytes)');
  }
}

/** NUL or many control characters in the first 64 KB: an image, a zip, a Parquet file named .csv. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 65536);
  if (head.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  return control > head.length / 100;
}

// Bytes 0x80–0x9F of Windows-1252 (€, ‚, ƒ, „, …, curly quotes, Š, Ž, š, ž, Ÿ…); five are unused.
// Some TextDecoders (Node's without full ICU) read them as ISO-8859-1 control characters instead.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function windows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}
