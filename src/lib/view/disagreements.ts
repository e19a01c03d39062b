/** Figures for which sources give different numbers, with each source's number. */
import type { FigureRow } from '../queries/observations';

export interface Disagreement {
  geo: string;
  group: string;
  period: string;
  age: string | null;
  values: { value: number; source: string }[];
}

export function findDisagreements(figures: FigureRow[]): Disagreement[] {
  const byFigure = new Map<string, Disagreement>();
  for (const f of figures) {
    const key = [f.geo, f.group, f.period, f.age ?? ''].join('|');
    const d = byFigure.get(key) ?? { geo: f.geo, group: f.group, period: f.period, age: f.age, values: [] };
    d.values.push({ value: f.value, source: f.source });
    byFigure.set(key, d);
  }
  return [...byFigure.values()].filter((d) => new Set(d.values.map((v) => v.value)).size > 1);
}
