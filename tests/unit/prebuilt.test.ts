/**
 * Prebuilt view data: every indicator's opening choice in every view is in boot.json or in a file
 * of its own, named by a hash of its need key, holding exactly what the engine returns for it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BootData } from '../../src/lib/data/manifest';
import { defaultState, VIEWS } from '../../src/lib/state/view-state';
import { needOf } from '../../src/lib/views/index';
import { loadNeed } from '../../src/lib/views/load';
import { fnv1a64, prebuiltFile } from '../../src/lib/views/prebuilt';
import type { ViewData } from '../../src/lib/views/types';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { buildTempExtract } from '../helpers/extract';

let dir: string;
let boot: BootData;
beforeAll(async () => {
  dir = await buildTempExtract();
  boot = JSON.parse(readFileSync(join(dir, 'boot.json'), 'utf8')) as BootData;
}, 120_000);

describe('the file name hash', () => {
  it('its first half is 32-bit FNV-1a (published test vectors), so Node and browser agree', () => {
    // FNV-1a 32: "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968 (Fowler, Noll, Vo test vectors).
    expect(['', 'a', 'foobar'].map((s) => fnv1a64(s).slice(0, 8))).toEqual(['811c9dc5', 'e40c292c', 'bf9cf968']);
    expect(fnv1a64('foobar')).toHaveLength(16);
    expect(fnv1a64('["a",["b"]]')).not.toBe(fnv1a64('["a",["c"]]'));
  });
});

describe('prebuilt files of the real extract', () => {
  it('every indicator with figures opens in every view from boot.json or a prebuilt file', () => {
    const inBoot = new Set(boot.views.map((v) => v.key));
    const prebuilt = new Set(boot.prebuilt);
    const missing: string[] = [];
    const files = new Set<string>();
    for (const ind of boot.catalog.indicators.filter((i) => boot.catalog.coverage.some((r) => r.indicator === i.id))) {
      for (const view of VIEWS) {
        const { key } = needOf(boot.catalog, { ...defaultState(boot.catalog, ind.id), view });
        if (inBoot.has(key)) continue;
        if (prebuilt.has(fnv1a64(key)) && existsSync(join(dir, prebuiltFile(key)))) files.add(key);
        else missing.push(`${ind.id}/${view}`);
      }
    }
    expect(missing).toEqual([]);
    expect(files.size).toBe(boot.prebuilt!.length);
  });

  it('a prebuilt file holds exactly what the engine returns for its need', async () => {
    const conn = await openExtract(dir);
    const s = { ...defaultState(boot.catalog, 'stadspersoneel_buitenlandse_herkomst_pct'), view: 'representation' as const };
    const { need, key } = needOf(boot.catalog, s);
    const file = JSON.parse(readFileSync(join(dir, prebuiltFile(key)), 'utf8')) as ViewData;
    const fresh = await loadNeed({ query: (q) => runQuery(conn, q) }, boot.catalog, need);
    expect(file.key).toBe(key);
    expect(file).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(file.figures.length).toBeGreaterThan(0);
  });
});
