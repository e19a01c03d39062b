/** Row types of the extract, as written to Parquet and read back in the browser. */
import type { GroupKind, SourceKind, Unit } from './schema';
import type { PeriodKind } from './period';

export interface Indicator {
  id: string;
  domain: string;
  label_nl: string;
  label_en: string;
  unit: Unit;
  better: 'higher' | 'lower' | 'none';
  decimals: number;
  definition_nl: string;
  definition_en: string;
  /** The indicator its domain's tab opens on (one per domain). */
  domain_default: boolean;
  /** Geo levels its figures may sit on, `|`-separated (`gewest|aggregate`); null where not declared. */
  levels?: string | null;
  /** For a staff indicator, the employer it is about (`vlaamse_overheid`, `lokale_besturen`, `stadsbestuur`); else null. */
  employer?: string | null;
  /** For a staff indicator, the population indicator its share is compared with (representation view); else null. */
  yardstick?: string | null;
}

export interface Group {
  id: string;
  label_nl: string;
  label_en: string;
  group_kind: GroupKind;
  sort: number;
  definition_nl: string;
  definition_en: string;
  /** `#rrggbb`, the same in every view. */
  colour: string;
  /** The group a gap is measured against, for its kind. */
  reference: boolean;
}

export interface Geo {
  id: string;
  nis: string | null;
  name_nl: string;
  name_en: string;
  level: string;
}

export interface Source {
  id: string;
  publisher: string;
  title: string;
  year: number;
  url: string | null;
  locator: string;
  quote: string;
  consulted: string;
  /** Who published the passage; decides which figure is primary where sources overlap. */
  kind: SourceKind;
  /** In English (our words around the names); null where the Dutch serves (older extracts, fixtures). */
  publisher_en?: string | null;
  locator_en?: string | null;
  /** The language the quote and title are published in; null reads as nl. */
  lang?: string | null;
}

export interface Target {
  id: string;
  indicator: string;
  geo: string;
  group: string;
  value: number;
  year: number;
  label_nl: string;
  label_en: string;
  source: string;
}

export interface Observation {
  indicator: string;
  geo: string;
  period: string;
  period_kind: PeriodKind;
  period_start: string;
  period_end: string;
  period_sort: number;
  year_start: number;
  year_end: number;
  group: string;
  sex: 'T' | 'M' | 'F';
  age: string | null;
  value: number;
  source: string;
  note: string | null;
  /** The quote states the figure approximately ("ongeveer", "around"…). */
  approx: boolean;
  /** The note in English; null where there is no note. */
  note_en?: string | null;
}

export interface Dataset {
  indicators: Indicator[];
  groups: Group[];
  geos: Geo[];
  sources: Source[];
  targets: Target[];
  observations: Observation[];
}
