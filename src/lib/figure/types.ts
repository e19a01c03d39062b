/**
 * A Figure is the whole of what a view shows, in the current language. It is made by a pure
 * function of (state, catalog, data); the screen, the table, the screen-reader summary and the
 * exports render the same Figure, so they cannot disagree.
 */
import type { PlotOptions } from '@observablehq/plot';
import type { Source } from '../data/types';
import type { ViewKind, ViewState } from '../state/view-state';

export type FigureStatus = 'loading' | 'ready' | 'empty' | 'error';

/** One drawn series: a place and a group, with its stable colour and symbol. */
export interface FigureSeries {
  key: string;
  geo: string;
  group: string;
  label: string;
  colour: string;
  symbol: string;
}

export type NoteKind = 'mixed_kinds' | 'missing' | 'bridged' | 'alternatives' | 'gap_explain' | 'target' | 'approx' | 'own';

export interface FigureNote {
  kind: NoteKind;
  text: string;
}

export interface Disagreement {
  text: string;
}

export interface Suggestion {
  label: string;
  state: ViewState;
}

/** The rows behind the chart, already in words and formatted numbers; the table and CSV use them. */
export interface FigureTable {
  columns: { key: string; label: string; numeric?: boolean }[];
  rows: { key: string; cells: Record<string, string>; values: Record<string, number | null>; primary: boolean }[];
}

/**
 * One row of what a view draws, for data exports: a stated figure, or a value computed from
 * stated figures (a gap, a ratio), or a target.
 */
export interface FigureRow {
  measure: 'value' | 'alternative' | 'gap' | 'ratio' | 'target';
  indicator: string;
  geo: string;
  group: string;
  /** For a gap: the group it is measured against. */
  reference?: string;
  period: string;
  /** Age band as the source states it, if any. */
  age?: string | null;
  value: number;
  /** The indicator's unit, `pp` for a gap between percentages, `ratio` for a ratio. */
  unit: string;
  approx: boolean;
  /** The figure's source, or for a computed value the sources of the figures it is computed from. */
  sources: string[];
}

export interface Figure {
  status: FigureStatus;
  view: ViewKind;
  /** The indicator chosen (the rows may also hold a second one, such as a yardstick). */
  indicator: string;
  title: string;
  subtitle: string;
  /** The unit of the values drawn, in words. */
  unit: string;
  series: FigureSeries[];
  /** Observable Plot options for a width in CSS pixels; null when nothing is drawn. */
  plot: ((width: number) => PlotOptions) | null;
  /** Shown on the chart itself (travels with screenshots and exports). */
  caption: string | null;
  notes: FigureNote[];
  /** Exactly the sources of the figures drawn. */
  sources: Source[];
  disagreements: Disagreement[];
  table: FigureTable;
  /** Exactly the values drawn, one per row, for data exports; empty when nothing is drawn. */
  rows: FigureRow[];
  /** What is shown, in sentences, for screen readers and as alt text. */
  summary: string;
  /** Why nothing is drawn (status empty) or what failed (status error). */
  message: string | null;
  suggestions: Suggestion[];
}
