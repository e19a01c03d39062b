/**
 * Matching the places, groups and indicators of a researcher's own file to the catalogue.
 *
 * Places match by NIS code or by name. Belgian NIS codes have five digits; a spreadsheet that
 * stores them as numbers drops the leading zero of 01000–09999, so a four-digit code is read as
 * that code with a zero in front (`2000` → `02000`, the Flemish Region) and never completed any
 * other way (`4021` is not Ghent's `44021`). Names match in Dutch, English or French (the
 * French names below, where the catalogue's NIS code is one of theirs), ignoring case, accents,
 * spaces and punctuation. A prefix naming a level must agree with the place's level: `Stad
 * Antwerpen` is the city, `Provincie Antwerpen` is not (and matches nothing while the catalogue
 * has no provinces). A text that could be two places matches none.
 *
 * Groups and indicators match by id or by their Dutch or English label, folded the same way.
 */
import type { Catalog } from '../data/catalog';
import type { Geo } from '../data/types';
import { fold, plain } from './text';

export type OwnCatalog = Pick<Catalog, 'indicators' | 'groups' | 'geos'>;

/** French names of places by NIS code. Not Saint-Nicolas: a municipality in Liège has that name too. */
const FRENCH_NAMES: Record<string, string[]> = {
  '01000': ['Belgique'],
  '02000': ['Région flamande'],
  '04000': ['Région de Bruxelles-Capitale'],
  '11002': ['Anvers'],
  '12025': ['Malines'],
  '24062': ['Louvain'],
  '34022': ['Courtrai'],
  '35013': ['Ostende'],
  '36015': ['Roulers'],
  '41002': ['Alost'],
  '44021': ['Gand'],
};

const LOCAL_LEVELS = ['centrumstad', 'gemeente'] as const;
const PREFIXES: { pattern: RegExp; levels: readonly string[] }[] = [
  { pattern: /^(stad|gemeente|ville de|commune de|city of|municipality of)\s+/, levels: LOCAL_LEVELS },
  { pattern: /^(provincie|province de|province of|province)\s+/, levels: ['provincie'] },
];

type LabelIndex = Map<string, Set<string>>;

interface OwnIndex {
  nis: Map<string, Geo>;
  placeNames: Map<string, Geo[]>;
  groups: LabelIndex;
  indicators: LabelIndex;
}

function addLabel(index: LabelIndex, label: string, id: string) {
  const key = fold(label);
  if (key === '') return;
  index.set(key, (index.get(key) ?? new Set()).add(id));
}

function labelIndex(rows: { id: string; label_nl: string; label_en: string }[]): LabelIndex {
  const index: LabelIndex = new Map();
  for (const r of rows) for (const label of [r.id, r.label_nl, r.label_en]) addLabel(index, label, r.id);
  return index;
}

/** A cell that is a NIS code, as five digits; null for anything else. */
export function nisCode(cell: string): string | null {
  const t = cell.trim();
  return /^\d{4,5}$/.test(t) ? t.padStart(5, '0') : null;
}

function placeIndex(geos: Geo[]): Pick<OwnIndex, 'nis' | 'placeNames'> {
  const nis = new Map<string, Geo>();
  const placeNames = new Map<string, Geo[]>();
  for (const g of geos) {
    const code = g.nis ? nisCode(g.nis) : null;
    if (code) nis.set(code, g);
    const names = [g.id, g.name_nl, g.name_en, ...(code ? (FRENCH_NAMES[code] ?? []) : [])];
    for (const key of new Set(names.map(fold))) {
      if (key !== '') placeNames.set(key, [...(placeNames.get(key) ?? []), g]);
    }
  }
  return { nis, placeNames };
}

// A catalogue never changes once loaded: its indexes are built once, on first use.
const indexes = new WeakMap<OwnCatalog, OwnIndex>();

function indexOf(c: OwnCatalog): OwnIndex {
  let index = indexes.get(c);
  if (!index) {
    index = { ...placeIndex(c.geos), groups: labelIndex(c.groups), indicators: labelIndex(c.indicators) };
    indexes.set(c, index);
  }
  return index;
}

function only(ids: Iterable<string>): string | null {
  const distinct = [...new Set(ids)];
  return distinct.length === 1 ? distinct[0] : null;
}

/** A place name without a level prefix, and the levels the prefix allows (null: any). */
function withoutPrefix(cell: string): { name: string; levels: readonly string[] | null } {
  const text = plain(cell);
  for (const p of PREFIXES) if (p.pattern.test(text)) return { name: text.replace(p.pattern, ''), levels: p.levels };
  return { name: text, levels: null };
}

/** The catalogue id of a place cell (NIS code or name), or null. */
export function matchPlace(c: OwnCatalog, cell: string): string | null {
  const index = indexOf(c);
  const code = nisCode(cell);
  if (code) return index.nis.get(code)?.id ?? null;
  const { name, levels } = withoutPrefix(cell);
  const candidates = (index.placeNames.get(fold(name)) ?? []).filter((g) => !levels || levels.includes(g.level));
  return only(candidates.map((g) => g.id));
}

/** The catalogue id of a group cell (id, Dutch or English label), or null. */
export function matchGroup(c: OwnCatalog, cell: string): string | null {
  return only(indexOf(c).groups.get(fold(cell)) ?? []);
}

/** The catalogue id of an indicator cell (id, Dutch or English label), or null. */
export function matchIndicator(c: OwnCatalog, cell: string): string | null {
  return only(indexOf(c).indicators.get(fold(cell)) ?? []);
}

/** Match the distinct values of a column: the ids found, and the values that matched nothing, in order of first appearance. */
export function matchValues(
  cells: Iterable<string>,
  match: (cell: string) => string | null,
): { matched: Map<string, string>; unmatched: string[] } {
  const matched = new Map<string, string>();
  const unmatched: string[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    if (seen.has(cell)) continue;
    seen.add(cell);
    const id = match(cell);
    if (id) matched.set(cell, id);
    else unmatched.push(cell);
  }
  return { matched, unmatched };
}
