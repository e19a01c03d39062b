/**
 * The curated dataset's tables: their columns and the rule each cell must keep.
 * One place that both the data build and uploaded-file checks read.
 */

export type CellRule =
  | { kind: 'id' }
  | { kind: 'text' }
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'number' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'period' }
  | { kind: 'date' }
  | { kind: 'url' }
  | { kind: 'bool' }
  | { kind: 'pattern'; pattern: RegExp; describe: string }
  | { kind: 'ref'; table: TableName };

export interface ColumnSpec {
  name: string;
  rule: CellRule;
  required: boolean;
  /** A column added later: a file may leave it out of its header, and every cell then reads as empty. */
  mayBeAbsent?: boolean;
}

export const TABLE_NAMES = ['indicators', 'groups', 'geos', 'sources', 'targets', 'observations'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const DOMAINS = ['onderwijs', 'werk', 'inburgering', 'huizen_van_het_kind', 'personeel'] as const;
export const UNITS = ['%', 'pp', 'count'] as const;
export const GROUP_KINDS = ['origin', 'nationality', 'country_of_birth', 'home_language', 'status', 'total'] as const;
export const GEO_LEVELS = ['land', 'gewest', 'aggregate', 'provincie', 'centrumstad', 'gemeente'] as const;
export const SEXES = ['T', 'M', 'F'] as const;
/** Group kinds that have one reference group a gap is measured against; the others have none. */
export const REFERENCE_KINDS = ['origin', 'country_of_birth', 'nationality', 'home_language'] as const;
/** Who published a source passage, highest priority first (docs/figure-rules.md §3). */
export const SOURCE_KINDS = ['statistics', 'agency', 'parliament', 'research', 'press'] as const;
/** The kind of a user's own file as a source: never in the curated data, ranked after every curated kind. */
export const OWN_SOURCE_KIND = 'own';
/**
 * The employer a staff indicator is about (indicators.csv `employer`): the Flemish government,
 * all Flemish local governments together, or a city administration (one city, or the 13
 * centrumsteden together). Which places each may sit on: src/lib/data/lint.ts, data/README.md.
 */
/** Languages a quoted source is published in. */
export const SOURCE_LANGS = ['nl', 'en', 'fr', 'de'] as const;
export const EMPLOYERS = ['vlaamse_overheid', 'lokale_besturen', 'stadsbestuur'] as const;

export type Unit = (typeof UNITS)[number];
export type GroupKind = (typeof GROUP_KINDS)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];

const req = (name: string, rule: CellRule): ColumnSpec => ({ name, rule, required: true });
const opt = (name: string, rule: CellRule): ColumnSpec => ({ name, rule, required: false });
/** An optional column that older files (and test fixtures) may leave out of their header. */
const later = (name: string, rule: CellRule): ColumnSpec => ({ name, rule, required: false, mayBeAbsent: true });
const LEVEL = `(?:${GEO_LEVELS.join('|')})`;

export const TABLES: Record<TableName, ColumnSpec[]> = {
  indicators: [
    req('id', { kind: 'id' }),
    req('domain', { kind: 'enum', values: DOMAINS }),
    req('label_nl', { kind: 'text' }),
    req('label_en', { kind: 'text' }),
    req('unit', { kind: 'enum', values: UNITS }),
    req('better', { kind: 'enum', values: ['higher', 'lower', 'none'] }),
    req('decimals', { kind: 'int', min: 0, max: 3 }),
    req('definition_nl', { kind: 'text' }),
    req('definition_en', { kind: 'text' }),
    /** The indicator the domain's tab opens on: exactly one per domain. */
    req('domain_default', { kind: 'bool' }),
    /** The geo levels the indicator's figures may sit on, `|`-separated (`gewest|aggregate`); checked by the data lint. */
    later('levels', {
      kind: 'pattern',
      pattern: new RegExp(`^${LEVEL}(\\|${LEVEL})*$`),
      describe: `geo levels joined with | (${GEO_LEVELS.join(', ')})`,
    }),
    /** For a staff indicator, the employer it is about; empty for every other indicator. */
    later('employer', { kind: 'enum', values: EMPLOYERS }),
    /**
     * For a staff indicator, the population indicator its share is held against (the
     * representation view): the share of the same groups among the people of the same place.
     */
    later('yardstick', { kind: 'ref', table: 'indicators' }),
  ],
  groups: [
    req('id', { kind: 'id' }),
    req('label_nl', { kind: 'text' }),
    req('label_en', { kind: 'text' }),
    req('group_kind', { kind: 'enum', values: GROUP_KINDS }),
    req('sort', { kind: 'int', min: 0 }),
    req('definition_nl', { kind: 'text' }),
    req('definition_en', { kind: 'text' }),
    /** The group's colour in every chart: two groups of one kind that share an indicator differ. */
    req('colour', { kind: 'pattern', pattern: /^#[0-9a-fA-F]{6}$/, describe: 'a colour written #rrggbb' }),
    /** The group a gap is measured against: exactly one per comparable kind (REFERENCE_KINDS). */
    req('reference', { kind: 'bool' }),
  ],
  geos: [
    req('id', { kind: 'id' }),
    opt('nis', { kind: 'pattern', pattern: /^\d{4,5}$/, describe: 'a NIS code of 4 or 5 digits' }),
    req('name_nl', { kind: 'text' }),
    req('name_en', { kind: 'text' }),
    req('level', { kind: 'enum', values: GEO_LEVELS }),
  ],
  sources: [
    req('id', { kind: 'id' }),
    req('publisher', { kind: 'text' }),
    req('title', { kind: 'text' }),
    req('year', { kind: 'int', min: 1900, max: 2100 }),
    opt('url', { kind: 'url' }),
    req('locator', { kind: 'text' }),
    req('quote', { kind: 'text' }),
    req('consulted', { kind: 'date' }),
    req('kind', { kind: 'enum', values: SOURCE_KINDS }),
    /** The publisher and locator in English (our words around the names); empty reads as the Dutch. */
    later('publisher_en', { kind: 'text' }),
    later('locator_en', { kind: 'text' }),
    /** The language of the quote and title as published (marked `lang` on screen); empty reads as nl. */
    later('lang', { kind: 'enum', values: SOURCE_LANGS }),
  ],
  targets: [
    req('id', { kind: 'id' }),
    req('indicator', { kind: 'ref', table: 'indicators' }),
    req('geo', { kind: 'ref', table: 'geos' }),
    req('group', { kind: 'ref', table: 'groups' }),
    req('value', { kind: 'number' }),
    req('year', { kind: 'int', min: 1900, max: 2100 }),
    req('label_nl', { kind: 'text' }),
    req('label_en', { kind: 'text' }),
    req('source', { kind: 'ref', table: 'sources' }),
  ],
  observations: [
    req('indicator', { kind: 'ref', table: 'indicators' }),
    req('geo', { kind: 'ref', table: 'geos' }),
    req('period', { kind: 'period' }),
    req('group', { kind: 'ref', table: 'groups' }),
    req('sex', { kind: 'enum', values: SEXES }),
    opt('age', { kind: 'pattern', pattern: /^\d{1,3}(-\d{1,3}|\+)$/, describe: 'an age range such as 20-64 or 65+' }),
    req('value', { kind: 'number' }),
    req('source', { kind: 'ref', table: 'sources' }),
    opt('note', { kind: 'text' }),
    /** true where the quote states the figure approximately ("ongeveer", "around"…); empty reads as false. */
    later('approx', { kind: 'bool' }),
    /** The note in English; empty where the note is. */
    later('note_en', { kind: 'text' }),
  ],
};

/** Columns that together identify one observation: the same measure may come from two sources. */
export const OBSERVATION_KEY = ['indicator', 'geo', 'period', 'group', 'sex', 'age', 'source'] as const;
