/** Issue 12: a dropped CSV read as the text its author saw, whichever encoding the spreadsheet saved. */
import { describe, expect, it } from 'vitest';
import { decodeText, NotTextError } from '../../src/lib/own/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);
const TEXT = 'gemeente;waarde\nLiège;12,5\nSint-Genesius-Rode;€ 3\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte order mark, dropping the mark', () => {
    expect(decodeText(utf8(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8', bom: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]))).toEqual({ text: TEXT, encoding: 'utf-8', bom: true });
  });

  it('reads Windows-1252 (è, é and € as one byte each, written by hand)', () => {
    // "Liège;€" in Windows-1252: L i 0xE8 g e ; 0x80
    const bytes = new Uint8Array([0x4c, 0x69, 0xe8, 0x67, 0x65, 0x3b, 0x80, 0x0a]);
    expect(decodeText(bytes)).toEqual({ text: 'Liège;€\n', encoding: 'windows-1252', bom: false });
  });

  it('reads UTF-16 little-endian with its mark (Excel "Unicode text")', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x09, 0x00, 0xe9, 0x00]); // "a\té"
    expect(decodeText(bytes)).toEqual({ text: 'a\té', encoding: 'utf-16le', bom: true });
  });

  it('refuses an empty file and binary bytes, saying which', () => {
    expect(() => decodeText(new Uint8Array())).toThrow('the file is empty');
    expect(() => decodeText(utf8(' \n\n'))).toThrow('the file is empty');
    const parquetHead = new Uint8Array([0x50, 0x41, 0x52, 0x31, 0x15, 0x04, 0x00, 0x00, 0x15, 0x9c]);
    const error = (() => {
      try {
        decodeText(parquetHead);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NotTextError);
    expect((error as NotTextError).reason).toBe('binary');
  });
});
