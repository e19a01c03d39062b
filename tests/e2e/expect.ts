/**
 * What the page should show, from the independent oracle (tests/oracle, which reads data/*.csv and
 * imports nothing from src/), and what the page does show, read from the DOM the user sees.
 */
import type { Page } from 'playwright-core';
import type { Oracle } from '../oracle/index';

export interface ShownState {
  view: string;
  status: string;
  indicator: string;
  geos: string[];
  groups: string[];
  year: number | null;
  reference: string | null;
}

export async function shownState(page: Page): Promise<ShownState> {
  const panel = page.getByTestId('panel');
  const attr = async (name: string) => (await panel.getAttribute(name)) ?? '';
  const reference = (await page.getByTestId('reference').count()) ? await page.getByTestId('reference').inputValue() : null;
  const year = await attr('data-year');
  return {
    view: await attr('data-view'),
    status: await attr('data-status'),
    indicator: await attr('data-indicator'),
    geos: (await attr('data-geos')).split('~').filter(Boolean),
    groups: (await attr('data-groups')).split('~').filter(Boolean),
    year: year ? Number(year) : null,
    reference: reference || null,
  };
}

/** Wait until the panel shows a settled Figure (ready, empty or error), never mid-load. */
export async function settled(page: Page): Promise<ShownState> {
  await page.waitForFunction(
    () => ['ready', 'empty', 'error'].includes(document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') ?? ''),
    null,
    {
      timeout: 30_000,
    },
  );
  return shownState(page);
}

/** A number as the page writes it, formatted here with the platform's Intl, not the app's code. */
export function formatted(lang: 'nl' | 'en', value: number, unit: string, decimals: number): string {
  const locale = lang === 'nl' ? 'nl-BE' : 'en-GB';
  const d = unit === 'count' ? 0 : decimals;
  const n = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(value);
  if (unit === '%') return lang === 'nl' ? `${n}\u00a0%` : `${n}%`;
  if (unit === 'pp') return lang === 'nl' ? `${n}\u00a0procentpunt` : `${n} pp`;
  return n;
}

export interface Expected {
  /** Marks in the chart (points, bars) or rows in the table. */
  marks: number;
  /** Dashed bridges (trend) or hollow marks for differing sources. */
  bridges?: number;
  alternatives?: number;
  /** Values as written in the table (sorted), where the view has a table of figures. */
  values?: string[];
  sourceIds: string[];
}

export function expectedFor(oracle: Oracle, s: ShownState, lang: 'nl' | 'en' = 'nl'): Expected {
  const ind = oracle.data.indicators.find((i) => i.id === s.indicator)!;
  const q = { indicator: s.indicator, geos: s.geos, groups: s.groups, years: null };
  const fmt = (v: number) => formatted(lang, v, ind.unit, ind.decimals);
  switch (s.view) {
    case 'trend': {
      const series = oracle.series(q);
      const slots = series.flatMap((x) => x.slots);
      return {
        marks: slots.length,
        bridges: slots.filter((x) => x.dashedBefore).length,
        alternatives: slots.flatMap((x) => x.alternatives.filter((a) => a.value !== x.primary.value)).length,
        sourceIds: oracle.sourcesOf('trend', q),
      };
    }
    case 'table': {
      const slots = oracle.series(q).flatMap((x) => x.slots);
      const figures = slots.flatMap((x) => [x.primary, ...x.alternatives]);
      return { marks: figures.length, values: figures.map((f) => fmt(f.value)).sort(), sourceIds: oracle.sourcesOf('table', q) };
    }
    case 'compare': {
      const c = oracle.compare({ ...q, year: s.year });
      return {
        marks: c.bars.length,
        values: c.bars.map((f) => fmt(f.value)).sort(),
        sourceIds: oracle.sourcesOf('compare', { ...q, year: s.year }),
      };
    }
    case 'gap': {
      const reference = s.reference!;
      const pp = (v: number) => formatted(lang, v, ind.unit === '%' ? 'pp' : ind.unit, ind.decimals);
      if (s.geos.length > 1) {
        const r = oracle.ranked({ ...q, reference, year: s.year });
        return {
          marks: r.rows.length,
          values: r.rows.map((g) => pp(g.gap)).sort(),
          sourceIds: oracle.sourcesOf('ranked', { ...q, reference, year: s.year }),
        };
      }
      const gaps = oracle.gaps({ ...q, reference });
      return { marks: gaps.length, values: gaps.map((g) => pp(g.gap)).sort(), sourceIds: oracle.sourcesOf('gap', { ...q, reference }) };
    }
    case 'target': {
      const bars = oracle.targets(q).filter((x) => x.latest);
      return { marks: bars.length, sourceIds: oracle.sourcesOf('target', q) };
    }
  }
  throw new Error(`unknown view ${s.view}`);
}

export const MARKS: Record<string, string> = {
  trend: '[data-testid="chart"] g.trend-point > *',
  compare: '[data-testid="chart"] g.compare-bar > rect',
  gap: '[data-testid="chart"] g.gap-point > *, [data-testid="chart"] g.gap-bar > rect',
  target: '[data-testid="chart"] g.target-bar > rect',
  table: '[data-testid="table"] tbody tr',
};

/**
 * The documents the source line must name: one per publisher, title and year among the sources,
 * the publisher in the page's language (sources.csv `publisher_en` in English).
 */
export function documentsOf(oracle: Oracle, ids: string[], lang: 'nl' | 'en' = 'nl'): { publisher: string; title: string }[] {
  const docs = new Map<string, { publisher: string; title: string }>();
  for (const id of ids) {
    const s = oracle.data.sources.find((x) => x.id === id)!;
    const publisher = lang === 'en' ? s.publisher_en : s.publisher;
    docs.set(`${publisher}|${s.title}|${s.year}`, { publisher, title: s.title });
  }
  return [...docs.values()];
}

/** Check the page against the oracle; returns a list of differences (empty when it matches). */
export async function differences(page: Page, oracle: Oracle, lang: 'nl' | 'en' = 'nl'): Promise<string[]> {
  const s = await settled(page);
  const out: string[] = [];
  if (s.status !== 'ready' && s.status !== 'empty') return [`status ${s.status}`];
  // A gap without a reference group cannot be computed: the page must say so.
  if (s.view === 'gap' && !s.reference) return s.status === 'empty' ? [] : [`gap without reference shown as ${s.status}`];
  const want = expectedFor(oracle, s, lang);
  const where = `${s.view} ${s.indicator} ${s.geos.join('~')} ${s.groups.join('~')}`;
  if (s.status === 'empty') {
    if (want.marks !== 0) out.push(`${where}: empty, but the data have ${want.marks} marks`);
    return out;
  }
  const marks = await page.locator(MARKS[s.view]).count();
  if (marks !== want.marks) out.push(`${where}: ${marks} marks, expected ${want.marks}`);
  if (want.bridges !== undefined) {
    const bridges = await page.locator('[data-testid="chart"] g.trend-bridge > *').count();
    if (bridges !== want.bridges) out.push(`${where}: ${bridges} dashed bridges, expected ${want.bridges}`);
  }
  if (want.alternatives !== undefined) {
    const alts = await page.locator('[data-testid="chart"] g.trend-alternative > *').count();
    if (alts !== want.alternatives) out.push(`${where}: ${alts} hollow marks, expected ${want.alternatives}`);
  }
  if (want.values && s.view === 'table') {
    const values = (await page.locator('[data-testid="table"] td[data-col="value"]').allInnerTexts())
      .map((v) => v.replace(/ /g, '\u00a0'))
      .sort();
    const expected = want.values.map((v) => v.replace(/ /g, '\u00a0'));
    if (JSON.stringify(values) !== JSON.stringify(expected))
      out.push(`${where}: values ${values.join(' | ')}, expected ${expected.join(' | ')}`);
  }
  if (want.values && (s.view === 'compare' || s.view === 'gap')) {
    // Bars carry their value; gap points carry the number, the last point of a line its end label.
    const labels = (
      await page
        .locator(['compare-label', 'gap-label', 'gap-value', 'gap-end-label'].map((c) => `[data-testid="chart"] g.${c} text`).join(', '))
        // A wrapped label is one <text> with a <tspan> per line.
        .evaluateAll((ts) =>
          ts.map(
            (t) =>
              (t.querySelectorAll('tspan').length ? [...t.querySelectorAll('tspan')].map((x) => x.textContent).join(' ') : t.textContent) ??
              '',
          ),
        )
    ).map((l) => l.replace(/\s/g, ' '));
    for (const v of want.values) {
      const number = v
        .replace(/\s/g, ' ')
        .split(' ')[0]
        .replace(/(\d)(%|pp)$/, '$1');
      const shown = new RegExp(`(^| )${number.replace(/[.]/g, '\\.')}( |%|$)`);
      if (!labels.some((l) => shown.test(l))) out.push(`${where}: no label shows ${v} (labels: ${labels.join(' | ')})`);
    }
  }
  const line = await page.getByTestId('source-line').innerText();
  const docs = documentsOf(oracle, want.sourceIds, lang);
  for (const d of docs)
    if (!line.includes(d.publisher) || !line.includes(d.title)) out.push(`${where}: source line lacks ${d.publisher}, ${d.title}`);
  const named = await page.locator('[data-testid="source-line"] [data-testid="source"]').count();
  if (named !== docs.length) out.push(`${where}: source line names ${named} documents, expected ${docs.length}`);
  return out;
}
