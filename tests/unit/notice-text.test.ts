/** Notices echo text from the URL: made visible, shortened, each once, a few at a time. Expected strings written by hand. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/lib/data/catalog';
import { noticeList, visibleText } from '../../src/lib/state/notice-text';
import { parseUrl } from '../../src/lib/state/url';
import { syntheticExtract } from '../helpers/extract';

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await syntheticExtract()).boot.catalog;
});

describe('visibleText', () => {
  it('keeps plain ASCII as it is', () => {
    expect(visibleText('gent')).toBe('gent');
    expect(visibleText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(visibleText('')).toBe('');
  });

  it('shows bidi overrides and isolates as code points, so they cannot reverse the sentence', () => {
    expect(visibleText('abc\u202Edef')).toBe('abc\\u{202E}def');
    expect(visibleText('\u2066x\u2069\u200F')).toBe('\\u{2066}x\\u{2069}\\u{200F}');
  });

  it('shows zero-width and control characters as code points', () => {
    expect(visibleText('gent\u200B')).toBe('gent\\u{200B}');
    expect(visibleText('\uFEFFa\u200Db\u2060')).toBe('\\u{FEFF}a\\u{200D}b\\u{2060}');
    expect(visibleText('a\nb\tc\u0000\u007F\u0085')).toBe('a\\u{A}b\\u{9}c\\u{0}\\u{7F}\\u{85}');
  });

  it('shows a look-alike letter as its code point, so an unknown id cannot pass for a known one', () => {
    // Cyrillic а (U+0430) in place of the Latin a.
    expect(visibleText('g\u0430p')).toBe('g\\u{430}p');
    expect(visibleText('Belgi\u00EB')).toBe('Belgi\\u{EB}');
    expect(visibleText('\u{1F600}')).toBe('\\u{1F600}');
  });

  it('cuts at 40 shown characters with an ellipsis, never inside a code point', () => {
    expect(visibleText('x'.repeat(40))).toBe('x'.repeat(40));
    expect(visibleText('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`);
    expect(visibleText('x'.repeat(100_000))).toBe(`${'x'.repeat(40)}…`);
    // 36 x, then \u{202E} (8 characters) would pass 40: it is left out whole.
    expect(visibleText(`${'x'.repeat(36)}\u202Eyy`)).toBe(`${'x'.repeat(36)}…`);
    expect(visibleText('ab\u200Bcd', 6)).toBe('ab…');
  });
});

describe('noticeList', () => {
  const n = (param: string, value = '', reason = 'unknown_param') => ({ param, value, reason });

  it('lists each notice once, in first order', () => {
    expect(noticeList([n('a'), n('b'), n('a'), n('a', 'x'), n('b')])).toEqual({ shown: [n('a'), n('b'), n('a', 'x')], more: 0 });
  });

  it('shows at most five and counts the rest', () => {
    const many = Array.from({ length: 17 }, (_, i) => n(`p${i}`));
    expect(noticeList(many)).toEqual({ shown: [n('p0'), n('p1'), n('p2'), n('p3'), n('p4')], more: 12 });
    expect(noticeList(many.slice(0, 5))).toEqual({ shown: many.slice(0, 5), more: 0 });
    expect(noticeList(many.slice(0, 6)).more).toBe(1);
  });
});

describe('parseUrl notices', () => {
  it('names a repeated bad value once', () => {
    expect(parseUrl('?ind=rate&grp=aliens~aliens~aliens', catalog).notices).toEqual([
      { param: 'grp', value: 'aliens', reason: 'unknown_value' },
    ]);
  });

  it('shortens a 100 KB parameter name and shows its invisible characters', () => {
    const name = `\u202E${'n'.repeat(100_000)}`;
    expect(parseUrl(`?${encodeURIComponent(name)}=1`, catalog).notices).toEqual([
      { param: `\\u{202E}${'n'.repeat(32)}…`, value: '1', reason: 'unknown_param' },
    ]);
  });

  it('shows a zero-width character that makes an unknown place look known', () => {
    expect(parseUrl('?ind=rate&geo=gent%E2%80%8B', catalog).notices).toEqual([
      { param: 'geo', value: 'gent\\u{200B}', reason: 'unknown_value' },
    ]);
  });

  it('reads a list up to the length of every id of its kind, and refuses a longer one', () => {
    const all = catalog.groups.map((g) => g.id).join('~');
    const tooLong = `${all}~${'x'.repeat(Math.max(201 - all.length, 1))}`;
    expect(parseUrl(`?grp=${tooLong}`, catalog).notices).toEqual([
      { param: 'grp', value: `${tooLong.slice(0, 40)}…`, reason: 'unknown_value' },
    ]);
  });
});
