/**
 * URL ⇄ view state. Short stable names, lists joined with `~`, ranges as `a..b`, only what
 * differs from the default. Parsing never throws: a bad part falls back to its default and
 * yields a notice naming the parameter, the value and why.
 */
import type { Catalog } from '../data/catalog';
import { defaultGeo, defaultGroups, defaultIndicator, geosWithData, groupsWithData, hasFigures } from '../data/catalog';
import { defaultState, LANGS, VIEWS, type Lang, type ViewKind, type ViewState } from './view-state';
import { formatSort, parseSort } from '../figure/table-sort';
import { uniqueNotices, visibleText } from './notice-text';

export const PARAMS = {
  lang: 'lang',
  view: 'view',
  indicator: 'ind',
  geos: 'geo',
  groups: 'grp',
  years: 'yrs',
  year: 'yr',
  ref: 'ref',
  sort: 'sort',
} as const;
/** Parameters about the page rather than the view: the data version a link was made with, embed mode. */
export const PAGE_PARAMS = {
  version: 'v',
  embed: 'embed',
} as const;
const KNOWN = new Set<string>([...Object.values(PARAMS), ...Object.values(PAGE_PARAMS)]);

export type NoticeReason = 'unknown_param' | 'unknown_value' | 'no_data' | 'bad_range' | 'empty' | 'duplicate_param';

export interface UrlNotice {
  param: string;
  value: string;
  reason: NoticeReason;
}

/** How the page shows the view, and which data version the link names; not part of the view state. */
export interface PageOptions {
  /** `embed=1`: only the figure, for an iframe in a report. */
  embed: boolean;
  /** `v=`: the data version the link was made with; null when the link names none (or an invalid one). */
  version: string | null;
}

export interface ParseResult {
  state: ViewState;
  notices: UrlNotice[];
  page: PageOptions;
}

/** A data version as the build writes it (a content hash); anything else is refused with a notice. */
const VERSION = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;
const EMBED_ON = ['1', 'true'];
const EMBED_OFF = ['0', 'false'];

/** Longest value read for a parameter that is not a list; longer ones are refused unread. */
const MAX_VALUE_LENGTH = 200;
/** An explicit empty list (every group unticked): `grp=-`. Ids never contain `-`. */
export const NONE = '-';

/**
 * Longest value read for a parameter: for a list, every id of that kind in the catalog joined
 * (the longest list the app can write); for anything else MAX_VALUE_LENGTH.
 */
function maxLength(c: Catalog, param: string): number {
  const all = param === PARAMS.geos ? c.geos : param === PARAMS.groups ? c.groups : null;
  return all ? Math.max(MAX_VALUE_LENGTH, all.map((g) => g.id).join('~').length) : MAX_VALUE_LENGTH;
}

export function parseYears(text: string): [number, number] | null {
  const m = /^(\d{4})(?:\.\.(\d{4}))?$/.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1900 || b > 2100 || a > b) return null;
  return [a, b];
}

/** Parse a `~` list of ids against what is allowed; unknown and unavailable ids become notices. */
function parseList(text: string, param: string, known: (id: string) => boolean, available: string[], notices: UrlNotice[]): string[] {
  const chosen: string[] = [];
  const parts = text.split('~').filter((p) => p !== '');
  if (parts.length === 0) notices.push({ param, value: text, reason: 'empty' });
  for (const id of parts) {
    if (!known(id)) notices.push({ param, value: id, reason: 'unknown_value' });
    else if (!available.includes(id)) notices.push({ param, value: id, reason: 'no_data' });
    else if (!chosen.includes(id)) chosen.push(id);
  }
  // Keep the catalog's order, so one view has one URL.
  return available.filter((id) => chosen.includes(id));
}

export function parseUrl(search: string, c: Catalog): ParseResult {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const notices: UrlNotice[] = [];
  const seen = new Set<string>();
  const get = (name: string): string | null => {
    const all = params.getAll(name);
    if (all.length > 1) notices.push({ param: name, value: all.join(', '), reason: 'duplicate_param' });
    const v = all[0];
    if (v === undefined) return null;
    if (v.length > maxLength(c, name)) {
      notices.push({ param: name, value: v, reason: 'unknown_value' });
      return null;
    }
    return v;
  };
  for (const key of params.keys()) {
    if (!KNOWN.has(key) && !seen.has(key)) notices.push({ param: key, value: params.get(key) ?? '', reason: 'unknown_param' });
    seen.add(key);
  }

  let lang: Lang = 'nl';
  const langText = get(PARAMS.lang);
  if (langText !== null) {
    if ((LANGS as readonly string[]).includes(langText)) lang = langText as Lang;
    else notices.push({ param: PARAMS.lang, value: langText, reason: 'unknown_value' });
  }

  let view: ViewKind = 'trend';
  const viewText = get(PARAMS.view);
  if (viewText !== null) {
    if ((VIEWS as readonly string[]).includes(viewText)) view = viewText as ViewKind;
    else notices.push({ param: PARAMS.view, value: viewText, reason: 'unknown_value' });
  }

  let indicator = defaultIndicator(c);
  const indText = get(PARAMS.indicator);
  if (indText !== null) {
    if (!c.indicators.some((i) => i.id === indText)) notices.push({ param: PARAMS.indicator, value: indText, reason: 'unknown_value' });
    else if (!hasFigures(c, indText)) notices.push({ param: PARAMS.indicator, value: indText, reason: 'no_data' });
    else indicator = indText;
  }

  const fallbackGeo = defaultGeo(c, indicator);
  let geos = fallbackGeo ? [fallbackGeo] : [];
  const geoText = get(PARAMS.geos);
  if (geoText !== null) {
    const chosen = parseList(geoText, PARAMS.geos, (id) => c.geos.some((g) => g.id === id), geosWithData(c, indicator), notices);
    if (chosen.length) geos = chosen;
  }

  let groups = defaultGroups(c, indicator, geos);
  const grpText = get(PARAMS.groups);
  if (grpText === NONE) groups = [];
  else if (grpText !== null) {
    const chosen = parseList(
      grpText,
      PARAMS.groups,
      (id) => c.groups.some((g) => g.id === id),
      groupsWithData(c, indicator, geos),
      notices,
    );
    if (chosen.length) groups = chosen;
  }

  let years: [number, number] | null = null;
  const yearsText = get(PARAMS.years);
  if (yearsText !== null) {
    years = parseYears(yearsText);
    if (!years) notices.push({ param: PARAMS.years, value: yearsText, reason: 'bad_range' });
  }

  let year: number | null = null;
  const yearText = get(PARAMS.year);
  if (yearText !== null) {
    const single = parseYears(yearText);
    if (single && single[0] === single[1]) year = single[0];
    else notices.push({ param: PARAMS.year, value: yearText, reason: 'bad_range' });
  }

  let ref: string | null = null;
  const refText = get(PARAMS.ref);
  if (refText !== null) {
    if (!c.groups.some((g) => g.id === refText)) notices.push({ param: PARAMS.ref, value: refText, reason: 'unknown_value' });
    else if (!groupsWithData(c, indicator, geos).includes(refText)) notices.push({ param: PARAMS.ref, value: refText, reason: 'no_data' });
    else ref = refText;
  }

  let sort: string | null = null;
  const sortText = get(PARAMS.sort);
  if (sortText !== null) {
    const order = parseSort(sortText);
    if (order) sort = formatSort(order);
    else notices.push({ param: PARAMS.sort, value: sortText, reason: 'unknown_value' });
  }

  let embed = false;
  const embedText = get(PAGE_PARAMS.embed);
  if (embedText !== null) {
    if (EMBED_ON.includes(embedText)) embed = true;
    else if (!EMBED_OFF.includes(embedText)) notices.push({ param: PAGE_PARAMS.embed, value: embedText, reason: 'unknown_value' });
  }
  // parseUrl and isEmbed must agree; isEmbed exists because the page picks its layout before the catalog loads.

  let version: string | null = null;
  const versionText = get(PAGE_PARAMS.version);
  if (versionText !== null) {
    if (VERSION.test(versionText)) version = versionText;
    else notices.push({ param: PAGE_PARAMS.version, value: versionText, reason: 'unknown_value' });
  }

  // Names and values are echoed on screen: short, with invisible and look-alike characters shown as code points, each once.
  const shown = uniqueNotices(notices.map((n) => ({ ...n, param: visibleText(n.param), value: visibleText(n.value) })));
  return { state: { lang, view, indicator, geos, groups, years, year, ref, sort }, notices: shown, page: { embed, version } };
}

const range = (r: [number, number]) => (r[0] === r[1] ? String(r[0]) : `${r[0]}..${r[1]}`);

/** The query string (with leading `?`, or '' for the default view) for a state. */
export function serialiseState(s: ViewState, c: Catalog): string {
  const d = defaultState(c, s.indicator, s.lang, s.view);
  const parts: [string, string][] = [];
  if (s.lang !== 'nl') parts.push([PARAMS.lang, s.lang]);
  if (s.view !== 'trend') parts.push([PARAMS.view, s.view]);
  if (s.indicator !== defaultIndicator(c)) parts.push([PARAMS.indicator, s.indicator]);
  if (s.geos.join('~') !== d.geos.join('~')) parts.push([PARAMS.geos, s.geos.join('~')]);
  if (s.groups.join('~') !== defaultGroups(c, s.indicator, s.geos).join('~'))
    parts.push([PARAMS.groups, s.groups.length ? s.groups.join('~') : NONE]);
  if (s.years) parts.push([PARAMS.years, range(s.years)]);
  if (s.year !== null) parts.push([PARAMS.year, String(s.year)]);
  if (s.ref !== null) parts.push([PARAMS.ref, s.ref]);
  if (s.sort !== null) parts.push([PARAMS.sort, s.sort]);
  if (parts.length === 0) return '';
  return `?${parts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/** Whether a query asks for embed mode (`embed=1` or `embed=true`, first value), read without the catalog. */
export function isEmbed(search: string): boolean {
  const value = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search).get(PAGE_PARAMS.embed);
  return value !== null && EMBED_ON.includes(value);
}

/** A query string with page parameters appended (after the view's own, so the view part reads first). */
export function withPageParams(query: string, page: Partial<PageOptions>): string {
  const extra: string[] = [];
  if (page.embed) extra.push(`${PAGE_PARAMS.embed}=1`);
  if (page.version) extra.push(`${PAGE_PARAMS.version}=${encodeURIComponent(page.version)}`);
  if (extra.length === 0) return query;
  return `${query === '' ? '?' : `${query}&`}${extra.join('&')}`;
}

/**
 * The full URL of a view, pinned to a data version: what "Copy link", the citation and the printed
 * page give. `base` is the app's origin and path (e.g. `https://example.org/herkomstkloof/`).
 */
export function permalink(s: ViewState, c: Catalog, version: string, base: string): string {
  return `${base}${withPageParams(serialiseState(s, c), { version })}`;
}

/** The address of a view in embed mode, pinned to a data version: the `src` of the embed snippet. */
export function embedUrl(s: ViewState, c: Catalog, version: string, base: string): string {
  return `${base}${withPageParams(serialiseState(s, c), { embed: true, version })}`;
}
