/**
 * Which column of a researcher's own file plays which role: found from the header names, and from
 * the cells where the names say nothing. The result is a Mapping the UI shows and the user may
 * correct; `checkMapping` says whether a (corrected) mapping can be used, and why not.
 *
 * A file is LONG (one figure per row, in a value column) or WIDE: a column per year (`2019`,
 * `2020`…) or a column per group (`Belgische herkomst`, `Buitenlandse herkomst`…), whose headers
 * then stand for the period or group and whose cells are the figures. A file wide on both at
 * once (`2019 Belgische herkomst`) is not recognised: the user maps it by hand or reshapes it.
 */
import { matchGroup, matchIndicator, matchPlace, nisCode, type OwnCatalog } from './match';
import { fold, foldedWords } from './text';
import { isMissing, readAge, readPeriod, readSex, readValue } from './values';

export const ROLES = ['indicator', 'place', 'period', 'group', 'value', 'sex', 'age', 'note'] as const;
export type Role = (typeof ROLES)[number];
export const REQUIRED_ROLES = ['indicator', 'place', 'period', 'group', 'value'] as const satisfies readonly Role[];
export type WideAxis = 'period' | 'group';

/** What the cells of a column were recognised as. */
export type ContentKind = 'period' | 'nis' | 'place_name' | 'group_label' | 'indicator_label' | 'number' | 'sex' | 'age';

/** Why a role went to a column (or to the wide columns, or to the file name). */
export type RoleReason =
  | { by: 'header'; header: string }
  | { by: 'content'; kind: ContentKind; matched: number; of: number }
  | { by: 'wide'; headers: string[] }
  | { by: 'file_name'; name: string }
  | { by: 'user' };

export interface Mapping {
  shape: 'long' | 'wide';
  /** Role → column index (0-based). In a wide mapping, the axis role and `value` have no column. */
  columns: Partial<Record<Role, number>>;
  /** The wide axis and its columns; null for a long file. */
  wide: { axis: WideAxis; columns: number[] } | null;
  /** The indicator of every row when the file has no indicator column (the file name, by default). */
  indicatorName: string | null;
  reasons: Partial<Record<Role, RoleReason>>;
}

/** Header names of each role, folded (lowercase, no accents, no spaces or punctuation). */
const HEADER_NAMES: Record<Role, string[]> = {
  indicator: [
    'indicator',
    'indicatoren',
    'indicatorcode',
    'indicatorid',
    'indicatornaam',
    'indicatorname',
    'indicatorlabel',
    'kenmerk',
    'variabele',
    'variable',
    'measure',
    'onderwerp',
    'topic',
  ],
  place: [
    'gemeente',
    'gemeentenaam',
    'gemeentecode',
    'plaats',
    'plaatsnaam',
    'regio',
    'gebied',
    'geo',
    'geoid',
    'nis',
    'niscode',
    'nis5',
    'refnis',
    'cdrefnis',
    'stad',
    'locatie',
    'municipality',
    'place',
    'area',
    'region',
    'city',
    'location',
  ],
  period: ['jaar', 'jaartal', 'periode', 'schooljaar', 'academiejaar', 'peildatum', 'datum', 'year', 'period', 'schoolyear', 'date'],
  group: [
    'groep',
    'herkomst',
    'herkomstgroep',
    'herkomstcategorie',
    'migratieachtergrond',
    'nationaliteit',
    'origin',
    'origingroup',
    'group',
    'nationality',
    'background',
  ],
  value: [
    'waarde',
    'percentage',
    'procent',
    'pct',
    'aandeel',
    'aantal',
    'cijfer',
    'getal',
    'value',
    'percent',
    'share',
    'count',
    'number',
    'rate',
    'n',
  ],
  sex: ['geslacht', 'sex', 'gender'],
  age: ['leeftijd', 'leeftijdsgroep', 'leeftijdscategorie', 'leeftijdsklasse', 'age', 'agegroup', 'ageband'],
  note: ['opmerking', 'opmerkingen', 'noot', 'voetnoot', 'toelichting', 'note', 'notes', 'footnote', 'comment', 'comments'],
};

const SAMPLE_ROWS = 200;
/** The share of a column's filled cells that must look alike before the column is given a role by its content. */
const MOST = 0.8;
/** Content detection reads years from 1990 on; earlier four-digit numbers are more likely counts or codes. */
const FIRST_YEAR = 1990;

function roleOfHeader(header: string): { role: Role; strong: boolean } | null {
  const name = fold(header);
  for (const role of ROLES) if (HEADER_NAMES[role].includes(name)) return { role, strong: true };
  // A longer header (`Waarde (%)`, `Aantal personen`) by its first word that names a role; not by one letter.
  for (const word of foldedWords(header)) {
    if (word.length < 2) continue;
    for (const role of ROLES) if (HEADER_NAMES[role].includes(word)) return { role, strong: false };
  }
  return null;
}

function isYearLike(cell: string): boolean {
  const p = readPeriod(cell);
  return p !== null && p.yearStart >= FIRST_YEAR;
}

/** A wide column's header as the period or group it stands for: without a unit in brackets (`2019 (%)` → `2019`). */
export function axisLabel(header: string): string {
  return header.replace(/\s*\([^()]*\)\s*$/, '').trim();
}

/** A header that names a period (`2019`, `2019-2020`, `2019 (%)`). */
function periodHeader(header: string): boolean {
  return isYearLike(axisLabel(header));
}

interface Profile {
  filled: number;
  period: number;
  number: number;
  nisLike: number;
  nisKnown: number;
  placeKnown: number;
  groupKnown: number;
  indicatorKnown: number;
  sex: number;
  sexSplit: number;
  age: number;
}

function profile(cells: string[], c: OwnCatalog): Profile {
  const p: Profile = {
    filled: 0,
    period: 0,
    number: 0,
    nisLike: 0,
    nisKnown: 0,
    placeKnown: 0,
    groupKnown: 0,
    indicatorKnown: 0,
    sex: 0,
    sexSplit: 0,
    age: 0,
  };
  for (const cell of cells) {
    if (isMissing(cell)) continue;
    p.filled++;
    if (isYearLike(cell)) p.period++;
    if (readValue(cell).ok) p.number++;
    const code = nisCode(cell);
    const place = matchPlace(c, cell);
    // Only the country and regions have four-digit codes once the leading zero is lost: unknown four-digit numbers are no codes.
    if (code && (cell.trim().length === 5 || place)) p.nisLike++;
    if (code && place) p.nisKnown++;
    if (!code && place) p.placeKnown++;
    if (matchGroup(c, cell)) p.groupKnown++;
    if (matchIndicator(c, cell)) p.indicatorKnown++;
    const sex = readSex(cell);
    if (sex) p.sex++;
    if (sex === 'M' || sex === 'F') p.sexSplit++;
    if (readAge(cell)) p.age++;
  }
  return p;
}

/** What a column's cells are, with how many of them say so; null when nothing stands out. */
function contentKind(p: Profile): { kind: ContentKind; matched: number } | null {
  const most = (n: number) => p.filled > 0 && n / p.filled >= MOST;
  const text = p.number / p.filled < 0.5;
  if (most(p.period)) return { kind: 'period', matched: p.period };
  if (most(p.nisLike) && p.nisKnown > 0) return { kind: 'nis', matched: p.nisKnown };
  if (most(p.sex) && p.sexSplit > 0) return { kind: 'sex', matched: p.sex };
  if (most(p.age)) return { kind: 'age', matched: p.age };
  if (text && p.placeKnown > 0 && p.placeKnown >= p.groupKnown && p.placeKnown >= p.indicatorKnown)
    return { kind: 'place_name', matched: p.placeKnown };
  if (text && p.groupKnown > 0 && p.groupKnown >= p.indicatorKnown) return { kind: 'group_label', matched: p.groupKnown };
  if (text && p.indicatorKnown > 0) return { kind: 'indicator_label', matched: p.indicatorKnown };
  if (most(p.number)) return { kind: 'number', matched: p.number };
  return null;
}

const ROLE_OF_KIND: Record<ContentKind, Role> = {
  period: 'period',
  nis: 'place',
  place_name: 'place',
  group_label: 'group',
  indicator_label: 'indicator',
  number: 'value',
  sex: 'sex',
  age: 'age',
};

/** A role named by a longer header only counts when the cells do not contradict it. */
function fits(role: Role, p: Profile): boolean {
  if (p.filled === 0) return true;
  if (role === 'value') return p.number / p.filled >= 0.5;
  if (role === 'period') return p.period / p.filled >= 0.5;
  if (role === 'group' || role === 'indicator' || role === 'sex' || role === 'age') return p.number / p.filled < MOST;
  return true;
}

/** Cells a wide column holds: figures (or nothing yet), not years or labels, as under the header of a file that has none. */
function holdsFigures(p: Profile): boolean {
  return p.filled === 0 || (p.number / p.filled >= 0.5 && p.period / p.filled < MOST);
}

/** The wide axis the headers show: the kind with more columns (years when tied); null when neither has any. */
function wideAxis(header: string[], profiles: Profile[], c: OwnCatalog, valueNamed: boolean): Mapping['wide'] {
  const periods = header.flatMap((h, i) => (periodHeader(h) && holdsFigures(profiles[i]) ? [i] : []));
  const groups = header.flatMap((h, i) => (!periodHeader(h) && matchGroup(c, h) && holdsFigures(profiles[i]) ? [i] : []));
  // One such column is wide only when no other column is named as the value.
  const enough = (cols: number[]) => cols.length >= 2 || (cols.length === 1 && !valueNamed);
  if (enough(periods) && periods.length >= groups.length) return { axis: 'period', columns: periods };
  if (enough(groups)) return { axis: 'group', columns: groups };
  return null;
}

/** The name of a file without its folder and extension: the indicator of a file without an indicator column. */
export function fileStem(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? '').replace(/(\.(csv|tsv|txt|parquet))?(\.gz)?$/i, '').trim();
}

/** Detect the roles of a file's columns from its header and a sample of its rows. */
export function detectMapping(header: string[], sample: string[][], c: OwnCatalog, fileName?: string): Mapping {
  const rows = sample.slice(0, SAMPLE_ROWS);
  const profiles = header.map((_, i) =>
    profile(
      rows.map((r) => r[i] ?? ''),
      c,
    ),
  );
  const named = header.map(roleOfHeader);
  const wide = wideAxis(
    header,
    profiles,
    c,
    named.some((n) => n?.role === 'value'),
  );
  const columns: Mapping['columns'] = {};
  const reasons: Mapping['reasons'] = {};
  const taken = new Set(wide?.columns ?? []);
  if (wide) {
    const reason: RoleReason = { by: 'wide', headers: wide.columns.map((i) => header[i]) };
    reasons[wide.axis] = reason;
    reasons.value = reason;
  }
  const open = (role: Role) => columns[role] === undefined && !(wide && (role === wide.axis || role === 'value'));
  const assign = (role: Role, column: number, reason: RoleReason) => {
    columns[role] = column;
    reasons[role] = reason;
    taken.add(column);
  };
  for (const strong of [true, false]) {
    header.forEach((h, i) => {
      const n = named[i];
      if (!n || n.strong !== strong || taken.has(i) || !open(n.role) || (!strong && !fits(n.role, profiles[i]))) return;
      assign(n.role, i, { by: 'header', header: h });
    });
  }
  header.forEach((_, i) => {
    if (taken.has(i)) return;
    const found = contentKind(profiles[i]);
    if (found && open(ROLE_OF_KIND[found.kind])) {
      assign(ROLE_OF_KIND[found.kind], i, { by: 'content', kind: found.kind, matched: found.matched, of: profiles[i].filled });
    }
  });
  const stem = fileName ? fileStem(fileName) : '';
  const indicatorName = columns.indicator === undefined && stem !== '' ? stem : null;
  if (indicatorName) reasons.indicator = { by: 'file_name', name: indicatorName };
  return { shape: wide ? 'wide' : 'long', columns, wide, indicatorName, reasons };
}

export type MappingProblem =
  | { code: 'no_columns' }
  | { code: 'role_missing'; role: Role }
  | { code: 'indicator_twice' }
  | { code: 'column_unknown'; role: Role | 'wide'; column: number }
  | { code: 'column_shared'; column: number; roles: (Role | 'wide')[] }
  | { code: 'wide_replaces'; role: Role }
  | { code: 'wide_empty' }
  | { code: 'shape_mismatch' };

/** Whether a (user-corrected) mapping can reshape a file of `columnCount` columns: [] when it can. */
export function checkMapping(m: Mapping, columnCount: number): MappingProblem[] {
  if (columnCount === 0) return [{ code: 'no_columns' }];
  const problems: MappingProblem[] = [];
  const wide = m.shape === 'wide' ? m.wide : null;
  if ((m.shape === 'wide') !== (m.wide !== null)) problems.push({ code: 'shape_mismatch' });
  if (wide && wide.columns.length === 0) problems.push({ code: 'wide_empty' });
  const users = new Map<number, (Role | 'wide')[]>();
  const use = (column: number, role: Role | 'wide') => {
    if (!Number.isInteger(column) || column < 0 || column >= columnCount) problems.push({ code: 'column_unknown', role, column });
    else users.set(column, [...(users.get(column) ?? []), role]);
  };
  for (const role of ROLES) {
    const column = m.columns[role];
    if (column === undefined) continue;
    if (wide && (role === wide.axis || role === 'value')) problems.push({ code: 'wide_replaces', role });
    use(column, role);
  }
  for (const column of new Set(wide?.columns ?? [])) use(column, 'wide');
  for (const [column, roles] of users) if (roles.length > 1) problems.push({ code: 'column_shared', column, roles });
  const name = m.indicatorName?.trim() ?? '';
  if (m.columns.indicator !== undefined && name !== '') problems.push({ code: 'indicator_twice' });
  for (const role of REQUIRED_ROLES) {
    const byWide = wide !== null && (role === wide.axis || role === 'value');
    const byName = role === 'indicator' && name !== '';
    if (m.columns[role] === undefined && !byWide && !byName) problems.push({ code: 'role_missing', role });
  }
  return problems;
}
