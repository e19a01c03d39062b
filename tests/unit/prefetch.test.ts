/**
 * Issue 11, "within a frame": the choices prefetched one click away, and the engine's two lanes
 * that keep a prefetch from holding a user's query back. Expected states written by hand from the
 * synthetic fixture (tests/helpers/fixture.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/lib/data/catalog';
import { createLanes } from '../../src/lib/db/lanes';
import { oneClickAway, toggled, withGeos } from '../../src/lib/state/transitions';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { syntheticExtract } from '../helpers/extract';

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await syntheticExtract()).boot.catalog;
});
const rate = (over: Partial<ViewState> = {}): ViewState => ({
  ...defaultState(catalog, 'rate'),
  geos: ['vlaams_gewest'],
  groups: ['belgisch', 'niet_eu'],
  ...over,
});

describe('one click away', () => {
  it('ticks or unticks each group with figures, keeping the catalog order', () => {
    const groupStates = oneClickAway(catalog, rate({ groups: ['niet_eu'] }))
      .filter((s) => s.view === 'trend' && s.geos.join() === 'vlaams_gewest')
      .map((s) => s.groups);
    // belgisch and niet_eu have rate figures in the Flemish Region; geboren_belgie has none.
    // Unticking the only group would leave nothing to draw: not offered.
    expect(groupStates).toEqual([['belgisch', 'niet_eu']]);
  });

  it('ticks or unticks each place with figures; a place with none of the groups gets the default groups', () => {
    const placeStates = oneClickAway(catalog, rate())
      .filter((s) => s.view === 'trend' && s.geos.join() !== 'vlaams_gewest')
      .map((s) => [s.geos, s.groups]);
    // With Gent ticked both groups stay (the Flemish Region has both); Gent alone has only niet_eu.
    expect(placeStates).toEqual([
      [
        ['vlaams_gewest', 'gent'],
        ['belgisch', 'niet_eu'],
      ],
    ]);
    expect(withGeos(catalog, rate(), ['gent']).groups).toEqual(['niet_eu']);
  });

  it('offers each other view the indicator can show, and never the current one', () => {
    const views = oneClickAway(catalog, rate())
      .filter((s) => s.view !== 'trend')
      .map((s) => s.view);
    expect(views).not.toContain('trend');
    expect(views).toContain('table');
    expect(new Set(views).size).toBe(views.length);
  });

  it('gives the first states up to the limit: the views and groups before the places', () => {
    const all = oneClickAway(catalog, rate());
    expect(all.length).toBeGreaterThan(2);
    for (const limit of [0, 1, 2, all.length - 1]) expect(oneClickAway(catalog, rate(), limit)).toEqual(all.slice(0, limit));
    expect(oneClickAway(catalog, rate(), all.length + 5)).toEqual(all);
    // The place toggle (Gent ticked) is the last state: views and groups are nearer to the user's hand.
    expect(all[all.length - 1].geos).toEqual(['vlaams_gewest', 'gent']);
  });

  it('toggled keeps the order of the full list whichever way it is clicked', () => {
    expect(toggled(['a', 'b', 'c'], ['c'], 'a', true)).toEqual(['a', 'c']);
    expect(toggled(['a', 'b', 'c'], ['a', 'b', 'c'], 'b', false)).toEqual(['a', 'c']);
  });
});

describe('engine lanes', () => {
  const deferred = () => {
    let release!: () => void;
    const done = new Promise<void>((r) => (release = r));
    return { done, release };
  };

  it('runs a waiting `now` step before every waiting `later` step, one step at a time', async () => {
    const enqueue = createLanes();
    const order: string[] = [];
    const first = deferred();
    const running = enqueue(async () => {
      order.push('now-1 start');
      await first.done;
      order.push('now-1 end');
    });
    const later = ['a', 'b'].map((x) => enqueue(async () => void order.push(`later-${x}`), 'later'));
    const now2 = enqueue(async () => void order.push('now-2'));
    first.release();
    await Promise.all([running, ...later, now2]);
    expect(order).toEqual(['now-1 start', 'now-1 end', 'now-2', 'later-a', 'later-b']);
  });

  it('a failing step rejects its own caller and the lane goes on', async () => {
    const enqueue = createLanes();
    const failed = enqueue(async () => {
      throw new Error('query failed');
    });
    const thrown = enqueue(() => {
      throw new Error('threw before a promise');
    });
    const next = enqueue(async () => 42);
    await expect(failed).rejects.toThrow('query failed');
    await expect(thrown).rejects.toThrow('threw before a promise');
    expect(await next).toBe(42);
  });
});
