/**
 * A checked file, as rows of the app's own tables: its indicators, places and groups the catalogue
 * does not know get ids of their own (`eigen_…`), and one source row names the file. Once these
 * rows and the file's figures (pipeline.ts) are in DuckDB, every view, the table, the sources and
 * every export work on them unchanged.
 */
import type { Catalog, Domain } from '../data/catalog';
import { OWN_SOURCE_KIND, type GroupKind, type TableName, type Unit } from '../data/schema';
import type { Geo, Group, Indicator, Source } from '../data/types';
import type { OwnCheck, OwnName } from './validate';

export interface OwnChoices {
  fileName: string;
  /** Which load of this page it is (1, 2, …): keeps two files' sources apart. */
  load: number;
  domain: Domain;
  unit: Unit;
  /** The kind of the groups the catalogue does not know: a chart never mixes kinds unsaid. */
  groupKind: GroupKind;
  /** Today, as an ISO date (the day the file was read). */
  today: string;
}

export interface OwnTables {
  indicators: Indicator[];
  geos: Geo[];
  groups: Group[];
  sources: Source[];
  /** Every file key (`own:…` or a catalogue id) → the id its rows carry in the app. */
  ids: { indicators: Map<string, string>; places: Map<string, string>; groups: Map<string, string> };
}

/** Colours for the user's own groups (Paul Tol's muted scheme, after the catalogue's own). */
const OWN_COLOURS = ['#CC6677', '#332288', '#DDCC77', '#117733', '#88CCEE', '#882255', '#44AA99', '#999933', '#AA4499', '#DDDDDD'];

/** `Anderen (EU-14)` → `anderen_eu_14`: letters and digits only, accents dropped. */
function slug(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return s || 'x';
}

/**
 * An id for each of the user's own names, never one the app already has; a name the catalogue
 * knows keeps the catalogue's id, unless `always` (places: the file's Gent is not the curated Gent).
 */
function ownIds(names: OwnName[], taken: Set<string>, always = false): Map<string, string> {
  const ids = new Map<string, string>();
  for (const n of names) {
    if (n.id && !always) {
      ids.set(n.key, n.id);
      continue;
    }
    const base = `eigen_${slug(n.id ?? n.text)}`;
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
    taken.add(id);
    ids.set(n.key, id);
  }
  return ids;
}

/** The source row of a page's Nth file. */
export const ownSourceId = (load: number) => `eigen_bestand_${load}`;

export function assembleOwn(check: OwnCheck, choices: OwnChoices, existing: Pick<Catalog, 'indicators' | 'geos' | 'groups'>): OwnTables {
  const taken = new Set([...existing.indicators, ...existing.geos, ...existing.groups].map((r) => r.id));
  const ids = {
    indicators: ownIds(check.indicators, taken),
    places: ownIds(check.places, taken, true),
    groups: ownIds(check.unmatchedGroups, taken),
  };
  const from = (lang: 'nl' | 'en', line: number) =>
    lang === 'nl'
      ? `Uit uw bestand ${choices.fileName} (eerst op regel ${line}).`
      : `From your file ${choices.fileName} (first on line ${line}).`;
  const sourceId = ownSourceId(choices.load);
  // An indicator none of whose figures was accepted would be a choice with nothing to show.
  const indicators: Indicator[] = check.indicators
    .filter((n) => !n.id && check.decimals.has(n.key))
    .map((n) => {
      const id = ids.indicators.get(n.key)!;
      return {
        id,
        domain: choices.domain,
        label_nl: n.text,
        label_en: n.text,
        unit: choices.unit,
        better: 'none',
        decimals: check.decimals.get(n.key) ?? 0,
        definition_nl: from('nl', n.firstLine),
        definition_en: from('en', n.firstLine),
        domain_default: false,
        levels: null,
        employer: null,
        yardstick: null,
      };
    });
  // Every place of the file is the user's own, named as such in every picker, legend, table and
  // export: its figures stand beside the curated ones for the same place, never mixed into them.
  const geos: Geo[] = check.places.map((n) => {
    const known = n.id ? existing.geos.find((g) => g.id === n.id) : undefined;
    return {
      id: ids.places.get(n.key)!,
      nis: known?.nis ?? null,
      name_nl: `${known?.name_nl ?? n.text} (uw bestand)`,
      name_en: `${known?.name_en ?? n.text} (your file)`,
      level: known?.level ?? 'aggregate',
    };
  });
  const used = new Set(existing.groups.map((g) => g.colour?.toUpperCase()));
  const free = [...OWN_COLOURS.filter((c) => !used.has(c)), ...OWN_COLOURS];
  const groups: Group[] = check.unmatchedGroups.map((n, i) => ({
    id: ids.groups.get(n.key)!,
    label_nl: n.text,
    label_en: n.text,
    group_kind: choices.groupKind,
    sort: 900 + i,
    definition_nl: from('nl', n.firstLine),
    definition_en: from('en', n.firstLine),
    colour: free[i % free.length],
    reference: false,
  }));
  const [first, last] = check.summary.acceptedLines ?? [0, 0];
  const figures = check.summary.accepted;
  const sources: Source[] = [
    {
      id: sourceId,
      publisher: 'Uw bestand',
      publisher_en: 'Your file',
      title: choices.fileName,
      year: Number(choices.today.slice(0, 4)),
      url: null,
      locator: `regels ${first}–${last}, ${figures} cijfers`,
      locator_en: `lines ${first}–${last}, ${figures} figures`,
      quote: '',
      consulted: choices.today,
      kind: OWN_SOURCE_KIND as Source['kind'],
      lang: null,
    },
  ];
  return { indicators, geos, groups, sources, ids };
}

/** The tables a file's names go into, before its figures go into observations (pipeline.ts). */
export const OWN_TABLE_ORDER = ['indicators', 'geos', 'groups', 'sources'] as const satisfies readonly TableName[];

/** The app's ids of the indicators the file's accepted figures are on, in order of first appearance. */
export function indicatorsOf(tables: OwnTables, check: OwnCheck): string[] {
  return check.indicators.filter((n) => check.decimals.has(n.key)).map((n) => tables.ids.indicators.get(n.key) ?? n.key);
}
