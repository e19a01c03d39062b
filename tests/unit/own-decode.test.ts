/** Issue 12: a dropped CSV read as the text its author saw, whichever encoding the spreadsheet saved, piece by piece. */
import { describe, expect, it } from 'vitest';
import { NotTextError } from '../../src/lib/own/decode';
import { leadingBlankLines, leadingTitleLines, lineSteps, recordLines, sniffedText } from '../../src/lib/own/lines';
import { CHUNK_BYTES, utf8FileOf, windows1252FileOf } from '../../src/lib/own/text-file';
import { stageOwnFile, titleAsHeader } from '../../src/lib/own/load';
import { sniffedCsv } from '../../src/lib/own/stage';
import { nodeEngine } from '../helpers/own-node';
import { rng, seedOf } from '../helpers/prng';

const utf8 = (s: string) => new TextEncoder().encode(s);
const blob = (bytes: Uint8Array | string) => new Blob([bytes as BlobPart]);
const TEXT = 'gemeente;waarde\nLiège;12,5\nSint-Genesius-Rode;€ 3\n';

async function asText(bytes: Uint8Array | string) {
  const { blob: out, encoding } = await utf8FileOf(blob(bytes));
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(await out.arrayBuffer()), encoding };
}

async function failure(bytes: Uint8Array | string) {
  try {
    await utf8FileOf(blob(bytes));
  } catch (e) {
    return e;
  }
  return null;
}

describe('utf8FileOf', () => {
  it('hands UTF-8 over as it is, with or without a byte order mark (DuckDB reads past the mark)', async () => {
    expect(await asText(utf8(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
    const marked = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]);
    const file = blob(marked);
    const { blob: out } = await utf8FileOf(file);
    expect(out).toBe(file);
  });

  it('re-encodes Windows-1252 (è, é and € as one byte each, written by hand)', async () => {
    // "Liège;€" in Windows-1252: L i 0xE8 g e ; 0x80
    const bytes = new Uint8Array([0x4c, 0x69, 0xe8, 0x67, 0x65, 0x3b, 0x80, 0x0a]);
    expect(await asText(bytes)).toEqual({ text: 'Liège;€\n', encoding: 'windows-1252' });
  });

  it('finds Windows-1252 past the first piece read, and re-encodes the whole file', async () => {
    const head = 'a'.repeat(CHUNK_BYTES + 10);
    const bytes = new Uint8Array([...utf8(head), 0xe9, 0x0a]); // é in Windows-1252, after the first 8 MB
    const { text, encoding } = await asText(bytes);
    expect(encoding).toBe('windows-1252');
    expect(text.length).toBe(head.length + 2);
    expect(text.endsWith('aé\n')).toBe(true);
  });

  it('reads a UTF-8 character cut in two by the pieces as one', async () => {
    const text = 'x'.repeat(CHUNK_BYTES - 1) + 'é;1\n'; // é's two bytes fall on both sides of the cut
    expect(await asText(utf8(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('re-encodes UTF-16 little-endian with its mark (Excel "Unicode text")', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x09, 0x00, 0xe9, 0x00]); // "a\té"
    expect(await asText(bytes)).toEqual({ text: 'a\té', encoding: 'utf-16le' });
  });

  it('refuses an empty file, a blank one and binary bytes, saying which', async () => {
    expect(await failure(new Uint8Array())).toMatchObject({ reason: 'empty' });
    expect(await failure(' \n\n')).toMatchObject({ reason: 'empty' });
    const parquetHead = new Uint8Array([0x50, 0x41, 0x52, 0x31, 0x15, 0x04, 0x00, 0x00, 0x15, 0x9c]);
    const error = await failure(parquetHead);
    expect(error).toBeInstanceOf(NotTextError);
    expect((error as NotTextError).reason).toBe('binary');
  });
});

describe('utf8FileOf without the whole-file check, as a dropped CSV is read', () => {
  it('hands a file without a UTF-16 mark over unread, says it is unchecked, and still finds binary, empty and blank heads', async () => {
    const bytes = new Uint8Array([0x4c, 0x69, 0xe8, 0x67, 0x65, 0x0a]); // "Liège" in Windows-1252: not UTF-8
    const file = blob(bytes);
    const read = await utf8FileOf(file, { check: false });
    expect(read).toEqual({ blob: file, encoding: 'utf-8', checked: false });
    expect(await utf8FileOf(blob(utf8(TEXT)), { check: true })).toMatchObject({ encoding: 'utf-8', checked: true });
    for (const [bytes, reason] of [
      [new Uint8Array(), 'empty'],
      [utf8(' \n\n'), 'empty'],
      [new Uint8Array([0x50, 0x41, 0x52, 0x31, 0x15, 0x04, 0x00, 0x00, 0x15, 0x9c]), 'binary'],
    ] as const) {
      await expect(utf8FileOf(blob(bytes), { check: false })).rejects.toMatchObject({ reason });
    }
    // UTF-16 is re-encoded either way: DuckDB reads only UTF-8.
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00]);
    expect(await utf8FileOf(blob(utf16), { check: false })).toMatchObject({ encoding: 'utf-16le', checked: true });
  });

  it('re-encodes a file from Windows-1252 when asked', async () => {
    const out = await windows1252FileOf(blob(new Uint8Array([0x4c, 0x69, 0xe8, 0x67, 0x65, 0x3b, 0x80, 0x0a])));
    expect(out.encoding).toBe('windows-1252');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(await out.blob.arrayBuffer())).toBe('Liège;€\n');
  });

  it('stages a Windows-1252 CSV in DuckDB as the text its author saw: DuckDB finds it is not UTF-8, it is read again re-encoded', async () => {
    const engine = await nodeEngine();
    try {
      // "gemeente;waarde / Liège;12,5" with è as the one byte 0xE8, on the third line past 9,000 lines of plain ASCII.
      const ascii = utf8('gemeente;waarde\n' + 'Gent;1\n'.repeat(9000));
      const bytes = new Uint8Array([...ascii, 0x4c, 0x69, 0xe8, 0x67, 0x65, 0x3b, 0x31, 0x32, 0x2c, 0x35, 0x0a]);
      const staged = await stageOwnFile(engine, { name: 'oud.csv', file: blob(bytes) }, 1);
      expect(staged.encoding).toBe('windows-1252');
      expect(staged.rows).toBe(9001);
      const last = await engine.query<{ c0: string; c1: string }>({
        sql: `SELECT c0, c1 FROM ${staged.tables.cells} ORDER BY line DESC LIMIT 1`,
        params: [],
      });
      expect(last).toEqual([{ c0: 'Liège', c1: '12,5' }]);
      const utf8Staged = await stageOwnFile(engine, { name: 'nieuw.csv', file: blob(utf8('gemeente;waarde\nLiège;12,5\n')) }, 2);
      expect(utf8Staged.encoding).toBe('utf-8');
    } finally {
      engine.close();
    }
  });
});

describe('reading a CSV with what the sniffer found', () => {
  it('keeps header names with quotes and apostrophes, made unique, and cells with quoted delimiters and escaped quotes', async () => {
    const engine = await nodeEngine();
    try {
      const text = 'naam\'s;"x ""y""";naam\'s;waarde\r\n"Sint-Niklaas; stad";"zei ""ja""";b;"1,5"\r\nGent;c;d;2\r\n';
      const staged = await stageOwnFile(engine, { name: 'namen.csv', file: blob(utf8(text)) }, 1);
      expect(staged.header).toEqual(["naam's", 'x "y"', "naam's_1", 'waarde']);
      expect(staged.sample).toEqual([
        { line: 2, cells: ['Sint-Niklaas; stad', 'zei "ja"', 'b', '1,5'] },
        { line: 3, cells: ['Gent', 'c', 'd', '2'] },
      ]);
    } finally {
      engine.close();
    }
  });

  it('reads the sniffer’s rows, and gives no names when one is missing (DuckDB then sniffs the file itself)', () => {
    const rows = (names: (string | null)[], dialect: (string | null)[]) => [...dialect.map((d) => names.map(() => d)), names];
    expect(sniffedCsv(rows(['a', 'b'], ['"', '"', '0', 'true', ';', '(empty)']))).toEqual({
      quote: '"',
      escape: '"',
      skipRows: 0,
      header: true,
      delimiter: ';',
      comment: '',
      names: ['a', 'b'],
    });
    expect(sniffedCsv(rows(['a', null], ['(empty)', '(empty)', '2', 'false', '\t', '#']))).toMatchObject({
      names: [],
      skipRows: 2,
      header: false,
      comment: '#',
      delimiter: '\t',
    });
    expect(sniffedCsv([])).toMatchObject({ names: [], skipRows: 0, header: false, delimiter: '', quote: '' });
  });
});

describe('sniffedText', () => {
  it("reads DuckDB's sniffer: '(empty)', null and undefined are no setting; any other text is the setting", () => {
    expect(['(empty)', null, undefined, '"', "'", '\\'].map(sniffedText)).toEqual(['', '', '', '"', "'", '\\']);
  });
});

describe('recordLines', () => {
  const dialect = { quote: '"', escape: '"', skipRows: 0, header: true };
  const lines = async (text: string, d = dialect, pieces = 1) => {
    const bytes = utf8(text);
    const size = Math.ceil(bytes.length / pieces);
    const chunks = Array.from({ length: pieces }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
    return [...(await recordLines(chunks, d))];
  };

  it('gives the line each record starts on, past empty lines, CRLF and quoted line breaks', async () => {
    const text = 'a;b\r\n1;2\r\n\r\n3;"x\r\n\r\ny"\r\n4;5';
    expect(await lines(text)).toEqual([2, 4, 7]);
  });

  it('skips comment lines (DuckDB found a comment character), even with a quote in them, cut anywhere', async () => {
    const withComments = { ...dialect, comment: '#' };
    // Line 1 a comment; header on 2; records on 3, 6 and 8 (lines 4, 5 and 7 are comments, one after
    // spaces and one with an open quote; record 6 has a comment after its data, with a quote in it;
    // record 8 a "#" inside quotes, which is text).
    const text = '# bron\na;b\n1;2\n# "open quote\n   # ingesprongen\n3;4 # "x\n#\n5;"#6"';
    for (const pieces of [1, 2, 3, 7, 50]) expect(await lines(text, withComments, pieces), `${pieces} pieces`).toEqual([3, 6, 8]);
    // Without a comment character the same lines are records.
    expect(await lines('a;b\n# x\n1;2')).toEqual([2, 3]);
  });

  it('writes each record’s line as its number plus the lines added before it', async () => {
    const steps = async (text: string) => lineSteps(Int32Array.from(await lines(text)), 8);
    expect(await steps('a;b\n1;2\n3;4\n5;6')).toEqual({ first: 2, steps: [] });
    // Records on lines 2, 4, 5: an empty line before the second.
    expect(await steps('a;b\n1;2\n\n3;4\n5;6')).toEqual({ first: 2, steps: [[1, 1]] });
    // Records on lines 2, 5, 7: a cell over three lines, then an empty line.
    expect(await steps('a;b\n1;"x\ny\nz"\n3;4\n\n5;6')).toEqual({
      first: 2,
      steps: [
        [1, 2],
        [2, 3],
      ],
    });
    expect(lineSteps(Int32Array.from([4, 5, 6]), 8)).toEqual({ first: 4, steps: [] });
  });

  it('finds the empty lines a file starts with, past a byte order mark, up to its first text', () => {
    const head = (text: string) => leadingBlankLines(utf8(text));
    expect(head('a;b\n')).toEqual({ bytes: 0, lines: 0 });
    expect(head('\ufeffa;b\n')).toEqual({ bytes: 0, lines: 0 });
    expect(head('\na;b\n')).toEqual({ bytes: 1, lines: 1 });
    expect(head('\ufeff\r\n \t\r\n\na;b')).toEqual({ bytes: 3 + 2 + 4 + 1, lines: 3 });
    // Only the three bytes of the mark together are a mark.
    expect(leadingBlankLines(Uint8Array.of(0x0a, 0x0a, 0xbf, 0x61))).toEqual({ bytes: 2, lines: 2 });
    expect(leadingBlankLines(Uint8Array.of(0x0a, 0xbb, 0xbf, 0x61))).toEqual({ bytes: 1, lines: 1 });
    expect(leadingBlankLines(Uint8Array.of(0xef, 0x0a, 0x0a, 0x0a, 0x61))).toEqual({ bytes: 0, lines: 0 });
    expect(leadingBlankLines(Uint8Array.of(0xef, 0xbb, 0x0a, 0x0a, 0x61))).toEqual({ bytes: 0, lines: 0 });
    // Spaces before text on the same line are that line's, not a line of their own.
    expect(head('\n  a;b')).toEqual({ bytes: 1, lines: 1 });
  });

  it('finds title lines above a table: lines without its delimiter, up to the first with it', () => {
    const titles = (text: string, d = ';') => leadingTitleLines(utf8(text), d);
    expect(titles('Tabel 3\n\na;b\n1;2\n')).toEqual({ bytes: 9, lines: 2 });
    expect(titles('# Bron\r\na;b\n')).toEqual({ bytes: 8, lines: 1 });
    expect(titles('a;b\n1;2\n')).toEqual({ bytes: 0, lines: 0 });
    // No line with the delimiter (or no whole line) in what was read: nothing is cut.
    expect(titles('Tabel 3\nx\ny')).toEqual({ bytes: 0, lines: 0 });
    expect(titles('Tabel 3\na,b\n', ';')).toEqual({ bytes: 0, lines: 0 });
    expect(titles('Tabel 3\na,b\n', ',')).toEqual({ bytes: 8, lines: 1 });
  });

  it('knows the names DuckDB gives a table under a title: the title, then column1, column2, …', () => {
    expect(titleAsHeader(['Tabel 3', 'column1', 'column2'])).toBe(true);
    expect(titleAsHeader(['indicator', 'gemeente'])).toBe(false);
    expect(titleAsHeader(['Tabel 3'])).toBe(false);
    expect(titleAsHeader(['Tabel 3', 'column2', 'column1'])).toBe(false);
    expect(titleAsHeader(['Tabel 3', 'column1', 'waarde'])).toBe(false);
  });

  it('gives no steps for lines that go back or stand still, past the most steps asked, or for no records', () => {
    expect(lineSteps(Int32Array.from([2, 3, 3]), 8)).toBeNull();
    expect(lineSteps(Int32Array.from([2, 4, 3]), 8)).toBeNull();
    expect(lineSteps(Int32Array.from([2, 4, 6, 8]), 3)).toEqual({
      first: 2,
      steps: [
        [1, 1],
        [2, 2],
        [3, 3],
      ],
    });
    expect(lineSteps(Int32Array.from([2, 4, 6, 8, 10]), 3)).toBeNull();
    expect(lineSteps(new Int32Array(0), 8)).toBeNull();
  });

  it('counts the same whether the bytes come in one piece or cut anywhere', async () => {
    const text = 'a;b\n1;"q ""x""\n"\n\n2;3\n';
    for (const pieces of [1, 2, 3, 7]) expect(await lines(text, dialect, pieces)).toEqual([2, 5]);
  });

  it('keeps a line of spaces as a record (DuckDB does) and skips the rows its sniffer skipped', async () => {
    expect(await lines('a;b\n  \n1;2\n')).toEqual([2, 3]);
    expect(await lines('titel\nbron\na;b\n1;2\n', { ...dialect, skipRows: 2 })).toEqual([4]);
    expect(await lines('1;2\n3;4\n', { ...dialect, header: false })).toEqual([1, 2]);
  });

  it('follows an escape other than the quote, and a file that quotes nothing', async () => {
    expect(await lines('a\n"x\\"\ny"\n2\n', { ...dialect, escape: '\\' })).toEqual([2, 4]);
    expect(await lines('a\n"x\n2\n', { ...dialect, quote: '', escape: '' })).toEqual([2, 3]);
  });

  it('agrees with a character-by-character reading of the whole text on generated files cut anywhere', async () => {
    /** The oracle: the whole text at once, one character at a time, DuckDB's rules as the scan states them. */
    const expected = (text: string, d: typeof dialect) => {
      const starts: number[] = [];
      let line = 1;
      let start = 1;
      let inQuote = false;
      let escaped = false;
      let content = false;
      let skipped = 0;
      let headerSeen = !d.header;
      const end = () => {
        if (start === line && !content) return;
        if (skipped < d.skipRows) skipped++;
        else if (!headerSeen) headerSeen = true;
        else starts.push(start);
      };
      for (const ch of text) {
        if (ch === '\n') {
          if (!inQuote) end();
          line++;
          content = false;
          if (!inQuote) start = line;
        } else if (ch !== '\r') {
          content = true;
          if (escaped) escaped = false;
          else if (inQuote && d.escape !== d.quote && ch === d.escape) escaped = true;
          else if (ch === d.quote && d.quote !== '') inQuote = !inQuote;
        }
      }
      if (content || start !== line) end();
      return starts;
    };
    const r = rng(seedOf(12));
    const parts = ['a', 'bc', ';', '12,5', ' ', '"', '""', '\\', '\n', '\r\n', '\r', 'é', '\n\n'];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: r.int(0, 60) }, () => r.pick(parts)).join('');
      const d = r.pick([dialect, { ...dialect, escape: '\\' }, { ...dialect, quote: '', escape: '' }, { ...dialect, skipRows: 1 }]);
      expect(await lines(text, d, r.int(1, 5)), JSON.stringify({ text, d })).toEqual(expected(text, d));
    }
  });
});
