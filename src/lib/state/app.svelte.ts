/**
 * The app's state and orchestration: URL ⇄ view state, the data each choice needs (precomputed
 * in boot.json or queried from DuckDB-WASM), and the Figure of the current choice. Components
 * only render what this holds and call its methods.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { BootData } from '../data/manifest';
import type { Catalog, Domain } from '../data/catalog';
import type { Engine } from '../db/engine';
import type { Figure } from '../figure/types';
import { t } from '../i18n';
import { figureOf, needOf, offeredViews, possibleViews } from '../views/index';
import { loadNeed } from '../views/load';
import type { ViewData } from '../views/types';
import { toDomain, toIndicator, type Transition } from './transitions';
import { isEmbed, parseUrl, permalink, serialiseState, withPageParams, type UrlNotice } from './url';
import type { ViewKind, ViewState } from './view-state';

export type EngineStatus = 'loading' | 'ready' | 'failed';

export class AppState {
  catalog = $state<Catalog | null>(null);
  version = $state('');
  view = $state<ViewState | null>(null);
  notices = $state<UrlNotice[]>([]);
  /** Set when a change could not keep its view and another one is shown. */
  carried = $state<Transition['carried']>(null);
  bootError = $state('');
  engineStatus = $state<EngineStatus>('loading');
  engineError = $state('');
  /** `embed=1`: only the figure is shown; kept in every URL the app writes while embedded. */
  embed = $state(isEmbed(location.search));
  /** The data version named by the link that opened this view (`v=`); cleared by the first change. */
  linkedVersion = $state<string | null>(null);

  /** Data by need key; a result is kept for its own key and drawn only for a choice that needs it. */
  private data = new SvelteMap<string, ViewData>();
  private errors = new SvelteMap<string, string>();
  // Not reactive on purpose: it only guards against asking twice for the same data.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private inFlight = new Set<string>();
  private engine: Promise<Engine> | null = null;

  readonly lang = $derived(this.view?.lang ?? 'nl');

  readonly figure: Figure | null = $derived.by(() => {
    if (!this.catalog || !this.view) return null;
    const { key } = needOf(this.catalog, this.view);
    return figureOf(this.catalog, this.view, this.data.get(key) ?? null, this.errors.get(key) ?? null);
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
    try {
      const res = await fetch(`${this.dataUrl}boot.json`, { cache: 'no-cache' });
      if (!res.ok) throw new Error(`boot.json: HTTP ${res.status}`);
      const boot = (await res.json()) as BootData;
      for (const d of boot.views) this.data.set(d.key, d);
      this.catalog = boot.catalog;
      this.version = boot.version;
      this.engine = this.bootEngine();
      this.applyUrl();
    } catch (e) {
      this.bootError = e instanceof Error ? e.message : String(e);
    }
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
    document.documentElement.lang = parsed.state.lang;
    this.fetchFor(parsed.state);
  };

  /** Deliberate changes push a history entry; continuous ones (dragging) replace it. */
  change(next: ViewState, mode: 'push' | 'replace' = 'push', carried: Transition['carried'] = null): void {
    if (!this.catalog) return;
    this.view = next;
    this.carried = carried;
    this.linkedVersion = null;
    document.documentElement.lang = next.lang;
    const url = `${location.pathname}${withPageParams(serialiseState(next, this.catalog), { embed: this.embed })}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) {
      // In an iframe a pushed entry would join the report page's history: an embed only replaces.
      if (mode === 'push' && !this.embed) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
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
    if (this.data.has(key) || this.inFlight.has(key)) return;
    this.errors.delete(key);
    this.inFlight.add(key);
    try {
      const engine = await this.engine!;
      const result = await loadNeed(engine, catalog, need);
      this.data.set(key, result);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.errors.set(
        key,
        this.engineStatus === 'failed'
          ? t(s.lang, 'engineFailed', { error: this.engineError })
          : t(s.lang, 'queryFailed', { error: reason }),
      );
    } finally {
      this.inFlight.delete(key);
    }
  }

  private bootEngine(): Promise<Engine> {
    const promise = (async () => {
      // Loaded on demand: the first chart (from boot.json) waits for neither DuckDB, Arrow nor hyparquet.
      const [{ startEngine }, { fetchManifest, loadExtract }] = await Promise.all([import('../db/engine'), import('../db/extract')]);
      const engine = await startEngine();
      const manifest = await fetchManifest(this.dataUrl);
      await loadExtract(engine, this.dataUrl, manifest);
      return engine;
    })();
    promise.then(
      () => {
        performance.mark('herkomstkloof:engine-ready');
        this.engineStatus = 'ready';
      },
      (e) => {
        this.engineError = e instanceof Error ? e.message : String(e);
        this.engineStatus = 'failed';
      },
    );
    return promise;
  }
}
