/**
 * The app's state and orchestration: URL ⇄ view state, the data each choice needs (precomputed
 * in boot.json or queried from DuckDB-WASM), and the Figure of the current choice. Components
 * only render what this holds and call its methods.
 */
import { SvelteMap } from 'svelte/reactivity';
import { versionedFile, type BootData } from '../data/manifest';
import type { Catalog, Domain } from '../data/catalog';
import type { CoverageRow } from '../queries/catalog';
import type { Engine } from '../db/engine';
import { describeFault, FileFault } from '../db/fault';
import type { Figure } from '../figure/types';
import { t } from '../i18n';
import { figureOf, needOf, offeredViews, possibleViews } from '../views/index';
import { loadNeed, type QueryRunner } from '../views/load';
import { fnv1a64, prebuiltFile } from '../views/prebuilt';
import type { ViewData } from '../views/types';
import { oneClickAway, toDomain, toIndicator, toOwnFigures, type Transition } from './transitions';
import { isEmbed, parseUrl, permalink, serialiseState, withPageParams, type UrlNotice } from './url';
import type { ViewKind, ViewState } from './view-state';

export type EngineStatus = 'loading' | 'ready' | 'failed';

export class AppState {
  // Raw: replaced whole, never changed in place; a deep proxy made every catalog lookup cost a trap.
  catalog = $state.raw<Catalog | null>(null);
  version = $state('');
  view = $state.raw<ViewState | null>(null);
  notices = $state<UrlNotice[]>([]);
  /** Set when a change could not keep its view and another one is shown. */
  carried = $state<Transition['carried']>(null);
  /** Neither boot.json nor the engine could give a catalog: nothing can be drawn. */
  bootFault = $state<unknown>(null);
  /** boot.json was missing or broken; the catalog came from the engine's tables instead. */
  bootFallback = $state<unknown>(null);
  engineStatus = $state<EngineStatus>('loading');
  /** Why the engine failed, and at which step: starting DuckDB, or loading the data files into it. */
  engineFault = $state<unknown>(null);
  engineStage = $state<'engine' | 'data'>('engine');
  /** `embed=1`: only the figure is shown; kept in every URL the app writes while embedded. */
  embed = $state(isEmbed(location.search));
  /** The data version named by the link that opened this view (`v=`); cleared by the first change. */
  linkedVersion = $state<string | null>(null);

  /** Data by need key; a result is kept for its own key and drawn only for a choice that needs it. */
  private data = new SvelteMap<string, ViewData>();
  /** A failed need: the error itself, described in the page's language when drawn. */
  private errors = new SvelteMap<string, unknown>();
  // Not reactive on purpose: it only guards against asking twice for the same data.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private inFlight = new Set<string>();
  /** Hashes of the needs the build prebuilt as files (boot.json `prebuilt`). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private prebuilt = new Set<string>();
  private engine: Promise<Engine> | null = null;
  /** Data kept from boot.json: never dropped from the cache. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private bootKeys = new Set<string>();
  /** Bumped by every change of choice: a prefetch for an older choice stops. */
  private prefetchRound = 0;
  /** Indicators a user's file added figures to: their prebuilt files and boot.json rows lack them. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private ownIndicators = new Set<string>();
  private retries = 0;

  /** Before a view exists (boot failed), the language the URL asks for. */
  readonly lang = $derived(this.view?.lang ?? (/(?:^\?|&)lang=en(?:&|$)/.test(location.search) ? 'en' : 'nl'));

  /** The engine's failure as users read it, in the page's language. */
  readonly engineMessage = $derived(
    this.engineStatus === 'failed'
      ? t(this.lang, this.engineStage === 'data' ? 'dataFailed' : 'engineFailed', { error: describeFault(this.lang, this.engineFault) })
      : '',
  );
  /** Both ways to a catalog failed: name boot.json's fault and the engine's. */
  readonly bootError = $derived(
    this.bootFault === null
      ? ''
      : [this.bootFallback, this.bootFault]
          .filter((e) => e !== null)
          .map((e) => describeFault(this.lang, e))
          .join('; '),
  );
  readonly bootFallbackMessage = $derived(this.bootFallback === null ? '' : describeFault(this.lang, this.bootFallback));

  readonly figure: Figure | null = $derived.by(() => {
    if (!this.catalog || !this.view) return null;
    const { key } = needOf(this.catalog, this.view);
    const error = this.errors.has(key) ? this.describeError(this.view.lang, this.errors.get(key)) : null;
    return figureOf(this.catalog, this.view, this.data.get(key) ?? null, error);
  });

  readonly domain = $derived(
    this.catalog && this.view ? (this.catalog.indicators.find((i) => i.id === this.view!.indicator)?.domain ?? 'werk') : 'werk',
  );

  readonly possible = $derived(this.catalog && this.view ? possibleViews(this.catalog, this.view) : null);
  /** The view tabs shown for the current indicator. */
  readonly offered = $derived(this.catalog && this.view ? offeredViews(this.catalog, this.view) : null);

  /** The version the link named, when it is not the extract loaded: its figures may have changed since. */
  readonly staleVersion = $derived(
    this.linkedVersion !== null && this.version !== '' && this.linkedVersion !== this.version ? this.linkedVersion : null,
  );

  /** The full URL of the current view, pinned to the loaded data version (Copy link, citation, print). */
  readonly permalink = $derived(
    this.catalog && this.view ? permalink(this.view, this.catalog, this.version, `${location.origin}${location.pathname}`) : '',
  );

  /** The current view in the full app, without embed mode and without a version: a path and query. */
  readonly currentViewHref = $derived(this.catalog && this.view ? `${location.pathname}${serialiseState(this.view, this.catalog)}` : '');

  constructor(private readonly dataUrl: string) {}

  async start(): Promise<void> {
    this.bootFault = null;
    // The engine starts at once, beside boot.json: its downloads need nothing boot.json says.
    this.engine = this.bootEngine();
    let boot: BootData | null = null;
    try {
      boot = await fetchBoot(this.dataUrl);
    } catch (e) {
      this.bootFallback = e;
    }
    if (boot) {
      for (const d of boot.views) {
        this.data.set(d.key, d);
        this.bootKeys.add(d.key);
      }
      for (const h of boot.prebuilt ?? []) this.prebuilt.add(h);
      this.catalog = boot.catalog;
      this.version = boot.version;
      this.applyUrl();
      return;
    }
    // No usable boot.json: the manifest and the Parquet files hold everything; the engine builds the catalog.
    await this.startFromEngine();
  }

  private async startFromEngine(): Promise<void> {
    const engine = this.engine ?? this.bootEngine();
    this.engine = engine;
    try {
      const [{ catalogFromEngine }, ready] = await Promise.all([import('../db/extract'), engine]);
      this.catalog = await catalogFromEngine(ready);
      this.applyUrl();
    } catch (e) {
      this.bootFault = this.engineFault ?? e;
    }
  }

  /** Try again after a failed engine start or data file: the engine, its data, and the current view. */
  retry = (): void => {
    if (this.engineStatus !== 'failed' && this.bootFault === null) return;
    this.retries++;
    this.errors.clear();
    if (!this.catalog) {
      this.bootFault = null;
      this.engine = this.bootEngine();
      void this.startFromEngine();
      return;
    }
    this.engine = this.bootEngine();
    if (this.view) this.fetchFor(this.view);
  };

  private describeError(lang: 'nl' | 'en', e: unknown): string {
    if (e === ENGINE_FAILED) return this.engineMessage || t(lang, 'engineFailed', { error: describeFault(lang, this.engineFault) });
    return t(lang, 'queryFailed', { error: describeFault(lang, e) });
  }

  /** Read the state from the address bar (first load, back and forward). */
  applyUrl = (): void => {
    if (!this.catalog) return;
    const parsed = parseUrl(location.search, this.catalog);
    this.view = parsed.state;
    this.notices = parsed.notices;
    this.embed = parsed.page.embed;
    // The address bar keeps `v` while it shows the linked view; the URLs this app writes never carry it.
    this.linkedVersion = parsed.page.version;
    this.carried = null;
    setPageLanguage(parsed.state.lang);
    this.prefetchRound++;
    this.fetchFor(parsed.state);
  };

  /** Deliberate changes push a history entry; continuous ones (dragging) replace it. */
  change(next: ViewState, mode: 'push' | 'replace' = 'push', carried: Transition['carried'] = null): void {
    if (!this.catalog) return;
    this.view = next;
    this.carried = carried;
    this.linkedVersion = null;
    setPageLanguage(next.lang);
    const url = `${location.pathname}${withPageParams(serialiseState(next, this.catalog), { embed: this.embed })}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) {
      // In an iframe a pushed entry would join the report page's history: an embed only replaces.
      if (mode === 'push' && !this.embed) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    this.prefetchRound++;
    this.fetchFor(next);
  }

  private go(tr: Transition | null): void {
    if (tr) this.change(tr.state, 'push', tr.carried);
  }

  pickDomain(d: Domain): void {
    if (this.catalog && this.view) this.go(toDomain(this.catalog, this.view, d));
  }

  pickIndicator(id: string): void {
    if (this.catalog && this.view) this.go(toIndicator(this.catalog, this.view, id));
  }

  pickView(v: ViewKind): void {
    if (this.view) this.change({ ...this.view, view: v });
  }

  dismissNotices(): void {
    this.notices = [];
    this.carried = null;
  }

  private async fetchFor(s: ViewState): Promise<void> {
    if (!this.catalog) return;
    const catalog = this.catalog;
    const { need, key } = needOf(catalog, s);
    if (this.data.has(key)) {
      this.prefetchAround(s);
      return;
    }
    if (this.inFlight.has(key)) return;
    this.errors.delete(key);
    this.inFlight.add(key);
    try {
      // A choice prebuilt at build time draws from its small file, without waiting for the engine.
      const prebuilt = this.ownIndicators.has(need.indicator) ? null : await this.fetchPrebuilt(key);
      if (prebuilt) {
        this.keep(key, prebuilt);
        this.prefetchAround(s);
        return;
      }
      const engine = await this.engine!;
      const result = await loadNeed(engine, catalog, need);
      this.keep(key, result);
      this.prefetchAround(s);
    } catch (e) {
      this.errors.set(key, this.engineStatus === 'failed' ? ENGINE_FAILED : e);
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** The engine, once ready (a user's file is read by it). */
  async readyEngine(): Promise<Engine> {
    if (!this.engine) this.engine = this.bootEngine();
    return this.engine;
  }

  /**
   * A user's file is in the engine's tables: the catalog is read again from them, results held
   * for the indicators it touched are dropped (they lack its figures), and its first indicator shown.
   */
  async adoptOwnData(file: {
    name: string;
    figures: number;
    indicators: string[];
    places: string[];
    coverage: CoverageRow[];
  }): Promise<void> {
    const engine = await this.readyEngine();
    const { catalogWithOwn } = await import('../db/extract');
    const catalog = await catalogWithOwn(engine, this.catalog!, file.coverage);
    for (const id of file.indicators) this.ownIndicators.add(id);
    for (const [key, data] of this.data) {
      if (!this.ownIndicators.has(data.need.indicator) && !this.ownIndicators.has(data.need.yardstick ?? '')) continue;
      this.data.delete(key);
      this.bootKeys.delete(key);
    }
    this.catalog = catalog;
    if (file.indicators[0] && this.view) this.go(toOwnFigures(catalog, this.view, file.indicators[0], file.places[0] ?? ''));
  }

  /** Keep a result; past KEPT_RESULTS the oldest are dropped (never boot.json's, never the one on screen). */
  private keep(key: string, data: ViewData): void {
    this.data.set(key, data);
    if (this.data.size <= KEPT_RESULTS + this.bootKeys.size) return;
    const shown = this.catalog && this.view ? needOf(this.catalog, this.view).key : null;
    for (const old of this.data.keys()) {
      if (old === key || old === shown || this.bootKeys.has(old)) continue;
      this.data.delete(old);
      break;
    }
  }

  /**
   * Once the engine is ready and the shown choice is drawn, ask it — in its `later` lane, when the
   * page is idle — for the choices one click away, so the next click draws from the cache.
   */
  private prefetchAround(s: ViewState): void {
    const round = this.prefetchRound;
    if (!this.catalog || !this.engine || this.engineStatus !== 'ready' || this.view !== s) return;
    const catalog = this.catalog;
    const engine = this.engine;
    void (async () => {
      const ready = await engine;
      const later: QueryRunner = { query: (q) => ready.query(q, 'later') };
      for (const next of oneClickAway(catalog, s, PREFETCHED_CHOICES)) {
        const { need, key } = needOf(catalog, next);
        if (this.data.has(key) || this.inFlight.has(key)) continue;
        await whenIdle();
        if (round !== this.prefetchRound) return;
        if (this.data.has(key) || this.inFlight.has(key)) continue;
        this.inFlight.add(key);
        try {
          this.keep(key, await loadNeed(later, catalog, need));
        } catch {
          // Not an error of the page: if the user has meanwhile chosen it, it is asked for again below.
        } finally {
          this.inFlight.delete(key);
        }
        if (this.view && !this.data.has(key) && needOf(catalog, this.view).key === key) void this.fetchFor(this.view);
      }
    })();
  }

  /** The prebuilt data of a need, if the build wrote a file for it; null otherwise or on any failure (the engine answers then). */
  private async fetchPrebuilt(key: string): Promise<ViewData | null> {
    if (!this.prebuilt.has(fnv1a64(key))) return null;
    try {
      // The file's name stays the same across data versions: the version in the query keeps a cached old file from answering.
      const res = await fetch(`${this.dataUrl}${versionedFile(prebuiltFile(key), this.version)}`);
      if (!res.ok) return null;
      const data = (await res.json()) as ViewData;
      return data?.key === key && Array.isArray(data.figures) ? data : null;
    } catch {
      return null;
    }
  }

  private bootEngine(): Promise<Engine> {
    const reload = this.retries > 0;
    this.engineStatus = 'loading';
    this.engineFault = null;
    this.engineStage = 'engine';
    const promise = (async () => {
      // Loaded on demand: the first chart (from boot.json) waits for neither DuckDB, Arrow nor hyparquet.
      // The worker and its wasm are the long pole: they start before the data loader's code is in.
      const loader = import('../db/extract');
      loader.catch(() => undefined); // read below
      const { startEngine } = await import('../db/engine');
      const engine = await startEngine();
      performance.mark('herkomstkloof:engine-open');
      this.engineStage = 'data';
      const { fetchManifest, loadExtract } = await loader;
      const manifest = await fetchManifest(this.dataUrl);
      if (!this.version) this.version = manifest.version;
      await loadExtract(engine, this.dataUrl, manifest, { reload });
      return engine;
    })();
    promise.then(
      () => {
        performance.mark('herkomstkloof:engine-ready');
        this.engineStatus = 'ready';
        if (this.view) this.prefetchAround(this.view);
      },
      (e) => {
        this.engineFault = e;
        this.engineStatus = 'failed';
      },
    );
    return promise;
  }
}

/** Set only when it changes: `lang` can restyle the whole page (:lang, hyphenation), and most changes keep it. */
function setPageLanguage(lang: 'nl' | 'en'): void {
  if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
}

/** Results kept besides boot.json's: a few hundred small tables, a few MB at most. */
const KEPT_RESULTS = 300;
/** Choices prefetched around the shown one (its view tabs first, then groups, then places). */
const PREFETCHED_CHOICES = 40;

/** The next moment the page has nothing to do (or 0.5 s, whichever comes first). */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 500 });
    else setTimeout(resolve, 50);
  });
}

/** Stands for "the engine failed" in the errors map: described with the engine's own fault. */
const ENGINE_FAILED = Symbol('engine failed');

/** boot.json, checked: a 404, or a host that answers a missing file with index.html, is a fault naming the file. */
async function fetchBoot(dataUrl: string): Promise<BootData> {
  let res: Response;
  try {
    res = await fetch(`${dataUrl}boot.json`, { cache: 'no-cache' });
  } catch (e) {
    throw new FileFault('boot.json', 'network', '', `boot.json: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new FileFault('boot.json', 'http', String(res.status));
  try {
    const boot = (await res.json()) as BootData;
    if (typeof boot?.version !== 'string' || !Array.isArray(boot.views) || !Array.isArray(boot.catalog?.indicators))
      throw new Error('not boot data');
    return boot;
  } catch (e) {
    throw new FileFault('boot.json', 'json', '', `boot.json: ${e instanceof Error ? e.message : String(e)}`);
  }
}
