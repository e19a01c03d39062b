/**
 * URL ⇄ view state. Short stable names, lists joined with `~`, ranges as `a..b`, only what
 * differs from the default. Parsing never throws: a bad part falls back to its default and
 * yields a notice naming the parameter, the value and why.
 */
import type { Catalog } from '../data/catalog';
import { defaultGeo, defaultGroups, defaultIndicator, geosWithData, groupsWithData } from '../data/catalog';
import { defaultState, LANGS, type Lang, type ViewState } from './view-state';

export const PARAMS = { lang: 'lang', indicator: 'ind', geo: 'geo', groups: 'grp', years: 'yrs' } as const;
const KNOWN = new Set<string>(Object.values(PARAMS));

export type NoticeReason = 'unknown_param' | 'unknown_value' | 'no_data' | 'bad_range' | 'empty' | 'duplicate_param';

export interface UrlNotice {
  param: string;
  value: string;
  reason: NoticeReason;
}

export interface ParseResult {
  state: ViewState;
  notices: UrlNotice[];
}

const MAX_VALUE_LENGTH = 200;

export function parseYears(text: string): [number, number] | null {
  const m = /^(\d{4})(?:\.\.(\d{4}))?$/.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1900 || b > 2100 || a > b) return null;
  return [a, b];
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
    if (v.length > MAX_VALUE_LENGTH) {
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
    if ((LANGS as string[]).includes(langText)) lang = langText as Lang;
    else notices.push({ param: PARAMS.lang, value: langText, reason: 'unknown_value' });
  }

  let indicator = defaultIndicator(c);
  const indText = get(PARAMS.indicator);
  if (indText !== null) {
    if (!c.indicators.some((i) => i.id === indText)) notices.push({ param: PARAMS.indicator, value: indText, reason: 'unknown_value' });
    else if (geosWithData(c, indText).length === 0) notices.push({ param: PARAMS.indicator, value: indText, reason: 'no_data' });
    else indicator = indText;
  }

  let geo = defaultGeo(c, indicator) ?? '';
  const geoText = get(PARAMS.geo);
  if (geoText !== null) {
    if (!c.geos.some((g) => g.id === geoText)) notices.push({ param: PARAMS.geo, value: geoText, reason: 'unknown_value' });
    else if (!geosWithData(c, indicator).includes(geoText)) notices.push({ param: PARAMS.geo, value: geoText, reason: 'no_data' });
    else geo = geoText;
  }

  let groups = defaultGroups(c, indicator, geo);
  const grpText = get(PARAMS.groups);
  if (grpText !== null) {
    const available = groupsWithData(c, indicator, geo);
    const chosen: string[] = [];
    for (const id of grpText.split('~')) {
      if (id === '') continue;
      if (!c.groups.some((g) => g.id === id)) notices.push({ param: PARAMS.groups, value: id, reason: 'unknown_value' });
      else if (!available.includes(id)) notices.push({ param: PARAMS.groups, value: id, reason: 'no_data' });
      else if (!chosen.includes(id)) chosen.push(id);
    }
    if (chosen.length > 0) groups = available.filter((id) => chosen.includes(id));
    else if (grpText.split('~').every((id) => id === '')) notices.push({ param: PARAMS.groups, value: grpText, reason: 'empty' });
  }

  let years: [number, number] | null = null;
  const yearsText = get(PARAMS.years);
  if (yearsText !== null) {
    years = parseYears(yearsText);
    if (!years) notices.push({ param: PARAMS.years, value: yearsText, reason: 'bad_range' });
  }

  // Values are echoed on screen: keep them short.
  const clipped = notices.map((n) => (n.value.length > 40 ? { ...n, value: `${n.value.slice(0, 40)}…` } : n));
  return { state: { lang, indicator, geo, groups, years }, notices: clipped };
}

/** The query string (with leading `?`, or '' for the default view) for a state. */
export function serialiseState(s: ViewState, c: Catalog): string {
  const d = defaultState(c, s.indicator, s.lang);
  const parts: [string, string][] = [];
  if (s.lang !== 'nl') parts.push([PARAMS.lang, s.lang]);
  if (s.indicator !== defaultIndicator(c)) parts.push([PARAMS.indicator, s.indicator]);
  if (s.geo !== d.geo) parts.push([PARAMS.geo, s.geo]);
  if (s.groups.join('~') !== d.groups.join('~')) parts.push([PARAMS.groups, s.groups.join('~')]);
  if (s.years) parts.push([PARAMS.years, s.years[0] === s.years[1] ? String(s.years[0]) : `${s.years[0]}..${s.years[1]}`]);
  if (parts.length === 0) return '';
  // `~` and `.` are URL-safe; encodeURIComponent keeps them readable.
  return `?${parts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}
