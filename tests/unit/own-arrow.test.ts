/**
 * A user's lookups and dimension rows go to DuckDB as Arrow built without Arrow's code-generating
 * builders, so the page's policy needs no 'unsafe-eval'. Expected values are written by hand.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { arrowTableOf, columnOf, tableOf } from '../../src/lib/own/arrow';

afterEach(() => vi.unstubAllGlobals());

describe('Arrow columns from values', () => {
  it('keeps text (accents, emoji, empty) and nulls apart', () => {
    const column = columnOf('VARCHAR', ['Gent', '', null, 'Liège', '🙂', undefined]);
    expect(column.toArray()).toEqual(['Gent', '', null, 'Liège', '🙂', null]);
    expect(column.nullCount).toBe(2);
  });

  it('keeps numbers, booleans and their nulls', () => {
    expect([...columnOf('DOUBLE', [12.5, null, -0.25, 7.25])]).toEqual([12.5, null, -0.25, 7.25]);
    expect([...columnOf('INTEGER', [2019, null, 0, -3])]).toEqual([2019, null, 0, -3]);
    expect([...columnOf('BOOLEAN', [true, false, null, true, false, false, false, false, true])]).toEqual([
      true,
      false,
      null,
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(columnOf('DOUBLE', [1, 2]).nullCount).toBe(0);
  });

  it('builds tables with no generated code (no `new Function`, which a page policy without unsafe-eval forbids)', () => {
    // As a page without 'unsafe-eval' behaves: Arrow's builders call `new Function` and would throw.
    vi.stubGlobal('Function', function refused() {
      throw new EvalError('code generation is not allowed here');
    });
    const table = tableOf({ row: ['INTEGER', [0, 1]], cell: ['VARCHAR', ['a', null]], matched: ['BOOLEAN', [true, null]] });
    expect(table.toArray().map((r) => r.toJSON())).toEqual([
      { row: 0, cell: 'a', matched: true },
      { row: 1, cell: null, matched: null },
    ]);
    const sources = arrowTableOf('sources', [{ id: 'eigen_bestand_1', title: 'Uw bestand, x.csv', year: 2026 }]);
    expect(sources.getChild('id')?.toArray()).toEqual(['eigen_bestand_1']);
    expect(sources.getChild('year')?.toArray()).toEqual(new Int32Array([2026]));
    expect(sources.getChild('url')?.get(0)).toBeNull();
  });
});
