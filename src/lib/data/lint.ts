/**
 * The data lint: rules about how figures are filed, on top of validation (validate.ts checks
 * each cell and reference; the lint checks that rows together draw the right charts). Pure:
 * parsed tables in, a list of problems out, each naming file, line and rule. `npm run data`
 * fails on any of them (scripts/build-data.ts). The rules are described in data/README.md.
 */
import { parseCsv } from './csv';
import { parsePeriod } from './period';
import { SOURCE_KINDS } from './schema';
import { valueMentions } from './validate';

export const LINT_RULES = [
  /** Two rows of one slot state different values, and data/disagreements.csv does not declare it. */
  'slot conflict',
  /** A declared disagreement names a primary that is not the one source priority picks. */
  'disagreement primary',
  /** A declared disagreement matches no conflict (or repeats another declaration). */
  'disagreement unused',
  /** A declared disagreement gives no reason. */
  'disagreement reason',
  /** The same figure of one slot from the same document twice. */
  'duplicate row',
  /** An indicator declares no geo levels. */
  'indicator levels',
  /** A figure (or target) sits on a geo of a level its indicator does not allow. */
  'geo level',
  /** A staff figure (or target) sits on a place that is not its employer's. */
  'employer',
  /** The quote says the figure approximately ("ongeveer 80 %"), and the row is not flagged approx. */
  'approx flag',
  /** The row is flagged approx, and the quote states the figure with no approximation word. */
  'approx word',
  /** One figure of one passage (same indicator, group and value) filed under two places or periods. */
  'passage filed twice',
  /** A file has the English column of a text (note_en, publisher_en, locator_en), and a row leaves it empty. */
  'translation',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

export interface LintProblem {
  file: string;
  line: number;
  rule: LintRule;
  message: string;
}

/** One CSV record: its line in the file and its cells by column name (trimmed; '' where absent). */
export interface LintRow {
  line: number;
  cells: Record<string, string>;
}

export interface LintTables {
  indicators: LintRow[];
  geos: LintRow[];
  sources: LintRow[];
  observations: LintRow[];
  targets: LintRow[];
  disagreements: LintRow[];
}

/** A cell by column name; '' where the row's file has no such column. */
const cell = (row: LintRow, column: string): string => row.cells[column] ?? '';

/** The columns of data/disagreements.csv: the slot, the source that is primary, and why they differ. */
export const DISAGREEMENT_COLUMNS = ['indicator', 'geo', 'period', 'group', 'sex', 'age', 'primary', 'reason'] as const;

/** Rows of a CSV text, keyed by the header. Structural problems are validation's business. */
export function lintRows(text: string): LintRow[] {
  const { header, records } = parseCsv(text);
  return records.map((r) => ({
    line: r.line,
    cells: Object.fromEntries(header.map((h, i) => [h.trim(), (r.cells[i] ?? '').trim()])),
  }));
}

/**
 * Words that make a stated figure approximate when they come right before it (an article or
 * preposition may sit between: "rond de 20 %"). Not here: lower and upper bounds that are
 * exact ("meer dan", "ruim", "minstens", "more than", "at least", "over"), which the note says.
 */
export const APPROX_WORDS = [
  // Dutch
  'ongeveer',
  'bijna',
  'circa',
  'ca.',
  'rond',
  'rondom',
  'om en bij',
  'zowat',
  "zo'n",
  'zo’n',
  'naar schatting',
  'geschat op',
  'nagenoeg',
  'pakweg',
  'plusminus',
  // English
  'around',
  'about',
  'nearly',
  'almost',
  'some',
  'roughly',
  'approximately',
  'an estimated',
  'an estimate of',
  'close to',
  // German and French (Belga's German service, VRT's French edition)
  'etwa',
  'rund',
  'fast',
  'knapp',
  'ungefähr',
  'environ',
  'près de',
  'presque',
  'quelque',
  // signs
  '±',
  '~',
] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const APPROX_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${APPROX_WORDS.map(escape).join('|')})\\s*(?:(?:de|het|een|the|a)\\s+)?$`, 'iu');

/** Does an approximation word come right before a mention of this value in the quote? */
export function quoteApproximates(quote: string, value: string): boolean {
  return valueMentions(quote, value).some((at) => APPROX_BEFORE.test(quote.slice(Math.max(0, at - 40), at)));
}

/**
 * Where each employer's staff figures may sit: the Flemish government and all Flemish local
 * governments on the Flemish Region (as the targets are); a city administration on its city, or
 * on the 13 centrumsteden together.
 */
export const EMPLOYER_PLACES: Record<string, { geos: string[]; levels: string[]; describe: string }> = {
  vlaamse_overheid: { geos: ['vlaams_gewest'], levels: [], describe: 'the Flemish government is filed on vlaams_gewest' },
  lokale_besturen: { geos: ['vlaams_gewest'], levels: [], describe: 'all Flemish local governments are filed on vlaams_gewest' },
  stadsbestuur: {
    geos: ['centrumsteden'],
    levels: ['centrumstad', 'gemeente'],
    describe: 'a city administration is filed on its city (centrumstad, gemeente) or on centrumsteden',
  },
};

const kindRank = (kind: string | undefined) => {
  const i = (SOURCE_KINDS as readonly string[]).indexOf(kind ?? '');
  return i === -1 ? SOURCE_KINDS.length : i;
};

interface Fig {
  row: LintRow;
  indicator: string;
  geo: string;
  group: string;
  sex: string;
  age: string;
  period: string;
  value: number;
  source: string;
  /** The slot's period: the calendar year for a month or date in a series that has years (docs/figure-rules.md §2). */
  slot: string;
}

const OBS = 'data/observations.csv';
const IND = 'data/indicators.csv';
const DIS = 'data/disagreements.csv';
const TGT = 'data/targets.csv';

const slotName = (f: Pick<Fig, 'indicator' | 'geo' | 'period' | 'group' | 'sex' | 'age'>) =>
  `indicator ${f.indicator}, geo ${f.geo}, period ${f.period}, group ${f.group}${f.sex !== 'T' ? `, sex ${f.sex}` : ''}${f.age ? `, age ${f.age}` : ''}`;

/** The figures of observations.csv with their slot; rows whose period does not parse are validation's. */
function figures(observations: LintRow[]): Fig[] {
  const figs: (Fig & { kind: string; yearEnd: number })[] = [];
  for (const row of observations) {
    const c = row.cells;
    const p = parsePeriod(cell(row, 'period'));
    if (!p) continue;
    figs.push({
      row,
      indicator: c.indicator,
      geo: c.geo,
      group: c.group,
      sex: c.sex || 'T',
      age: cell(row, 'age'),
      period: c.period,
      value: Number(c.value),
      source: c.source,
      slot: c.period,
      kind: p.kind,
      yearEnd: p.yearEnd,
    });
  }
  const seriesOf = (f: Fig) => [f.indicator, f.geo, f.group, f.sex, f.age].join('|');
  const onYears = new Set(figs.filter((f) => f.kind === 'year').map(seriesOf));
  for (const f of figs) {
    if ((f.kind === 'month' || f.kind === 'date') && onYears.has(seriesOf(f))) f.slot = String(f.yearEnd);
  }
  return figs;
}

const slotKey = (f: { indicator: string; geo: string; group: string; sex: string; age: string }, slot: string) =>
  [f.indicator, f.geo, slot, f.group, f.sex, f.age].join('|');

/** The row source priority draws (docs/figure-rules.md §3): kind, then most-stated value, then latest, then id. */
export function primaryOf(
  rows: { value: number; source: string }[],
  sources: Map<string, { kind: string; year: number }>,
): { value: number; source: string } {
  const stated = (v: number) => rows.filter((r) => r.value === v).length;
  return [...rows].sort(
    (a, b) =>
      kindRank(sources.get(a.source)?.kind) - kindRank(sources.get(b.source)?.kind) ||
      stated(b.value) - stated(a.value) ||
      (sources.get(b.source)?.year ?? 0) - (sources.get(a.source)?.year ?? 0) ||
      (a.source < b.source ? -1 : a.source > b.source ? 1 : 0),
  )[0];
}

function checkConflicts(figs: Fig[], tables: LintTables, sources: Map<string, { kind: string; year: number }>, out: LintProblem[]) {
  const slots = new Map<string, Fig[]>();
  for (const f of figs) {
    const k = slotKey(f, f.slot);
    slots.set(k, [...(slots.get(k) ?? []), f]);
  }
  const declared = new Map<string, LintRow>();
  for (const d of tables.disagreements) {
    const c = d.cells;
    const key = slotKey({ ...c, sex: c.sex || 'T', age: cell(d, 'age') } as Fig, c.period);
    const earlier = declared.get(key);
    if (earlier) {
      out.push({ file: DIS, line: d.line, rule: 'disagreement unused', message: `repeats the declaration on line ${earlier.line}` });
      continue;
    }
    declared.set(key, d);
    if (!c.reason) out.push({ file: DIS, line: d.line, rule: 'disagreement reason', message: 'gives no reason (column reason)' });
  }
  const used = new Set<string>();
  for (const [key, rows] of slots) {
    if (new Set(rows.map((r) => r.value)).size < 2) continue;
    const pick = primaryOf(rows, sources);
    const listed = rows
      .map((r) => `${r.row.cells.value} (line ${r.row.line}, ${r.source}, ${sources.get(r.source)?.kind ?? '?'})`)
      .join(' vs ');
    const name = slotName({ ...rows[0], period: rows[0].slot });
    const d = declared.get(key);
    if (!d) {
      out.push({
        file: OBS,
        line: Math.max(...rows.map((r) => r.row.line)),
        rule: 'slot conflict',
        message: `${name}: ${listed} — declare it in ${DIS} with primary ${pick.source} (source priority)`,
      });
      continue;
    }
    used.add(key);
    if (d.cells.primary !== pick.source) {
      out.push({
        file: DIS,
        line: d.line,
        rule: 'disagreement primary',
        message: `${name}: primary "${d.cells.primary}" is not the one source priority draws, ${pick.source} (${listed})`,
      });
    }
  }
  for (const [key, d] of declared) {
    if (used.has(key)) continue;
    out.push({
      file: DIS,
      line: d.line,
      rule: 'disagreement unused',
      message: `${slotName({ ...d.cells, sex: d.cells.sex || 'T', age: cell(d, 'age') } as Fig)}: no two figures of this slot disagree`,
    });
  }
}

function checkDuplicates(figs: Fig[], urls: Map<string, string>, out: LintProblem[]) {
  const seen = new Map<string, Fig>();
  for (const f of figs) {
    const document = urls.get(f.source) || `source ${f.source}`;
    const key = `${slotKey(f, f.slot)}|${f.value}|${document}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, f);
      continue;
    }
    out.push({
      file: OBS,
      line: f.row.line,
      rule: 'duplicate row',
      message: `repeats line ${first.row.line} (${slotName({ ...f, period: f.slot })}, value ${f.row.cells.value}) from the same document (${document}); keep one`,
    });
  }
}

/** Words by which one mention of a figure states it for several periods or places ("telkens zeven projecten"). */
export const EACH_WORDS = ['telkens', 'elk', 'elke', 'ieder', 'iedere', 'beide', 'each', 'every', 'both', 'jeweils', 'chaque'] as const;
const EACH = new RegExp(`(?<![\\p{L}])(?:${EACH_WORDS.join('|')})(?![\\p{L}])`, 'iu');

function checkPassages(figs: Fig[], quotes: Map<string, string>, out: LintProblem[]) {
  const filed = new Map<string, Fig[]>();
  for (const f of figs) {
    const key = [f.source, f.indicator, f.group, f.sex, f.age, f.value].join('|');
    filed.set(key, [...(filed.get(key) ?? []), f]);
  }
  for (const rows of filed.values()) {
    const first = rows[0];
    const places = new Set(rows.map((r) => `${r.geo}|${r.period}`));
    if (places.size < 2) continue;
    // A passage that states the figure once for each filing, or once with "each", may be filed several times.
    const quote = quotes.get(first.source);
    if (quote === undefined) continue; // an unknown source: validation reports it
    if (valueMentions(quote, first.row.cells.value).length >= places.size || EACH.test(quote)) continue;
    for (const f of rows.slice(1)) {
      if (f.geo === first.geo && f.period === first.period) continue;
      const what =
        first.geo !== f.geo
          ? `geo ${first.geo} (line ${first.row.line}) and ${f.geo}`
          : `period ${first.period} (line ${first.row.line}) and ${f.period}`;
      out.push({
        file: OBS,
        line: f.row.line,
        rule: 'passage filed twice',
        message: `source ${f.source} states ${f.row.cells.value} for ${f.indicator}, group ${f.group} once, but it is filed under ${what}; file it once, or split the passage if it states the figure for each`,
      });
    }
  }
}

function checkPlaces(tables: LintTables, out: LintProblem[]) {
  const levelOf = new Map(tables.geos.map((g) => [g.cells.id, g.cells.level]));
  const indicators = new Map(tables.indicators.map((i) => [i.cells.id, i]));
  for (const i of tables.indicators) {
    if (!i.cells.levels) {
      out.push({
        file: IND,
        line: i.line,
        rule: 'indicator levels',
        message: `"${i.cells.id}" declares no geo levels (column levels, e.g. gewest|aggregate)`,
      });
    }
  }
  const check = (file: string, row: LintRow) => {
    const ind = indicators.get(row.cells.indicator);
    const geo = row.cells.geo;
    const level = levelOf.get(geo);
    if (!ind || level === undefined) return;
    const allowed = ind.cells.levels ? ind.cells.levels.split('|') : null;
    if (allowed && !allowed.includes(level)) {
      out.push({
        file,
        line: row.line,
        rule: 'geo level',
        message: `geo ${geo} is a ${level}; indicator ${ind.cells.id} allows ${allowed.join(', ')} (${IND} line ${ind.line})`,
      });
    }
    const employer = ind.cells.employer;
    const places = employer ? EMPLOYER_PLACES[employer] : undefined;
    if (places && !places.geos.includes(geo) && !places.levels.includes(level)) {
      out.push({
        file,
        line: row.line,
        rule: 'employer',
        message: `indicator ${ind.cells.id} is about employer ${employer}, and geo ${geo} is not its place: ${places.describe}`,
      });
    }
  };
  for (const o of tables.observations) check(OBS, o);
  for (const t of tables.targets) check(TGT, t);
}

function checkApprox(tables: LintTables, quotes: Map<string, string>, out: LintProblem[]) {
  for (const o of tables.observations) {
    const quote = quotes.get(o.cells.source);
    if (quote === undefined) continue;
    const flagged = o.cells.approx === 'true';
    const says = quoteApproximates(quote, o.cells.value);
    if (says && !flagged) {
      out.push({
        file: OBS,
        line: o.line,
        rule: 'approx flag',
        message: `the quote of ${o.cells.source} states ${o.cells.value} approximately; set approx to true`,
      });
    } else if (flagged && !says) {
      out.push({
        file: OBS,
        line: o.line,
        rule: 'approx word',
        message: `approx is true, but the quote of ${o.cells.source} has no approximation word right before ${o.cells.value}`,
      });
    }
  }
}

/** Texts we wrote in Dutch whose English a file carries in a column of its own: English mode shows no Dutch. */
const TRANSLATED: [keyof LintTables, string, string][] = [
  ['observations', 'note', 'note_en'],
  ['sources', 'publisher', 'publisher_en'],
  ['sources', 'locator', 'locator_en'],
];

function checkTranslations(tables: LintTables, out: LintProblem[]) {
  for (const [table, column, english] of TRANSLATED) {
    for (const row of tables[table]) {
      if (english in row.cells && cell(row, column) && !cell(row, english)) {
        out.push({ file: `data/${table}.csv`, line: row.line, rule: 'translation', message: `${column} has no English (${english})` });
      }
    }
  }
}

/** The tables the lint reads, from CSV texts by table name (`disagreements` may be missing: none declared). */
export function lintTablesOf(texts: Partial<Record<keyof LintTables, string>>): LintTables {
  const rows = (name: keyof LintTables) => (texts[name] === undefined ? [] : lintRows(texts[name]));
  return {
    indicators: rows('indicators'),
    geos: rows('geos'),
    sources: rows('sources'),
    observations: rows('observations'),
    targets: rows('targets'),
    disagreements: rows('disagreements'),
  };
}

/** Every lint problem of the tables, by file and line. */
export function lintData(tables: LintTables): LintProblem[] {
  const out: LintProblem[] = [];
  const sources = new Map(tables.sources.map((s) => [s.cells.id, { kind: s.cells.kind, year: Number(s.cells.year) }]));
  const urls = new Map(tables.sources.map((s) => [s.cells.id, cell(s, 'url')]));
  const quotes = new Map(tables.sources.map((s) => [s.cells.id, cell(s, 'quote')]));
  const figs = figures(tables.observations);
  checkConflicts(figs, tables, sources, out);
  checkDuplicates(figs, urls, out);
  checkPassages(figs, quotes, out);
  checkPlaces(tables, out);
  checkApprox(tables, quotes, out);
  checkTranslations(tables, out);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

export function formatLintProblem(p: LintProblem): string {
  return `${p.file}:${p.line}: ${p.message} [lint: ${p.rule}]`;
}
