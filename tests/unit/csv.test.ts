/** The CSV reader behind validation messages: cells as written, and the line each record starts on. */
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv } from '../../src/lib/data/csv';

describe('parseCsv', () => {
  it('splits a header and records, numbering records by their line in the file', () => {
    expect(parseCsv('id,value\na,1\nb,2\n')).toEqual({
      header: ['id', 'value'],
      records: [
        { line: 2, cells: ['a', '1'] },
        { line: 3, cells: ['b', '2'] },
      ],
      problems: [],
    });
  });

  it('reads the last record when the file does not end in a newline, also with one column', () => {
    expect(parseCsv('id,value\na,1').records).toEqual([{ line: 2, cells: ['a', '1'] }]);
    expect(parseCsv('id\na\nb').records).toEqual([
      { line: 2, cells: ['a'] },
      { line: 3, cells: ['b'] },
    ]);
  });

  it('ignores a byte-order mark, Windows line ends and blank lines, but keeps counting lines', () => {
    const result = parseCsv('\ufeffid,value\r\na,1\r\n\r\n   \r\nb,2\r\n');
    expect(result.header).toEqual(['id', 'value']);
    expect(result.records).toEqual([
      { line: 2, cells: ['a', '1'] },
      { line: 5, cells: ['b', '2'] },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('reads a quoted header after a byte-order mark, as spreadsheet programs write it', () => {
    expect(parseCsv('\ufeff"id","value"\n"a",1\n')).toEqual({
      header: ['id', 'value'],
      records: [{ line: 2, cells: ['a', '1'] }],
      problems: [],
    });
  });

  it('keeps an empty last cell of a file that does not end in a newline', () => {
    expect(parseCsv('id,note\na,').records).toEqual([{ line: 2, cells: ['a', ''] }]);
  });

  it('keeps a lone carriage return inside a cell', () => {
    expect(parseCsv('id\na\rb\n').records).toEqual([{ line: 2, cells: ['a\rb'] }]);
  });

  it('trims header names but keeps spaces in cells', () => {
    const result = parseCsv(' id , value \n a , 1 \n');
    expect(result.header).toEqual(['id', 'value']);
    expect(result.records[0].cells).toEqual([' a ', ' 1 ']);
  });

  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const text = 'id,quote,note\nx,"In 2014 was het 70,0%, zegt ""de bron"".","twee\nregels"\ny,kort,\n';
    const result = parseCsv(text);
    expect(result.records).toEqual([
      { line: 2, cells: ['x', 'In 2014 was het 70,0%, zegt "de bron".', 'twee\nregels'] },
      // The record after a cell with a line break starts one line further down.
      { line: 4, cells: ['y', 'kort', ''] },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('reads an empty quoted cell as empty, and a quote inside an unquoted cell as a character', () => {
    expect(parseCsv('a,b\n"",x\n').records[0].cells).toEqual(['', 'x']);
    expect(parseCsv('a,b\n5" scherm,x\n').records[0].cells).toEqual(['5" scherm', 'x']);
  });

  it('keeps a line of only commas as a record of empty cells', () => {
    expect(parseCsv('a,b\n,\n').records).toEqual([{ line: 2, cells: ['', ''] }]);
  });

  it('names the line of a record with too few or too many cells', () => {
    expect(parseCsv('a,b,c\n1,2,3\n1,2\n1,2,3,4\n').problems).toEqual([
      { line: 3, message: 'has 2 cells where the header has 3' },
      { line: 4, message: 'has 4 cells where the header has 3' },
    ]);
  });

  it('names the line where a quoted cell that is never closed begins', () => {
    const result = parseCsv('a,b\n1,2\n3,"open\nstill open\n');
    expect(result.problems).toEqual([{ line: 3, message: 'a quoted cell is never closed' }]);
    expect(result.records[1]).toEqual({ line: 3, cells: ['3', 'open\nstill open\n'] });
  });

  it('gives an empty header and no records for an empty file', () => {
    expect(parseCsv('')).toEqual({ header: [], records: [], problems: [] });
    expect(parseCsv('\n\n')).toEqual({ header: [], records: [], problems: [] });
  });
});

describe('csvCell', () => {
  it('writes plain values as they are and nothing for a missing value', () => {
    expect(csvCell('gent')).toBe('gent');
    expect(csvCell(71.4)).toBe('71.4');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes a value with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('70,0%')).toBe('"70,0%"');
    expect(csvCell('zegt "de bron"')).toBe('"zegt ""de bron"""');
    expect(csvCell('twee\nregels')).toBe('"twee\nregels"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
  });

  it('writes what parseCsv reads back unchanged', () => {
    const cells = ['x', 'In 2014 was het 70,0%, zegt "de bron".', 'twee\nregels', ''];
    const text = `a,b,c,d\n${cells.map(csvCell).join(',')}\n`;
    expect(parseCsv(text).records[0].cells).toEqual(cells);
  });
});
