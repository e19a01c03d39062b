/**
 * Validation of the curated CSV tables. Every problem names the file, line, column and rule,
 * so a curator can fix it without guessing. Pure: text in, typed rows and problems out.
 */
import { parseCsv } from './csv';
import { parsePeriod } from './period';
import { DOMAINS, OBSERVATION_KEY, REFERENCE_KINDS, TABLE_NAMES, TABLES, type CellRule, type TableName } from './schema';
import type { Dataset } from './types';

export interface ValidationProblem {
  file: string;
  line: number;
  column: string | null;
  rule: string;
  message: string;
}

export function formatProblem(p: ValidationProblem): string {
  const where = p.column ? `${p.file}:${p.line}: column "${p.column}"` : `${p.file}:${p.line}`;
  return `${where}: ${p.message} [rule: ${p.rule}]`;
}

type Cell = string | number | boolean | null;
type Row = Record<string, Cell> & { __line: number; __rawValue?: string };

const ID_PATTERN = /^[a-z0-9][a-z0-9_]*$/;

/** Small whole numbers sources write out ("zeven proeftuinen"); not 1, since "een" is also an article. */
const NUMBER_WORDS: Record<number, string[]> = {
  2: ['twee', 'two'],
  3: ['drie', 'three'],
  4: ['vier', 'four'],
  5: ['vijf', 'five'],
  6: ['zes', 'six'],
  7: ['zeven', 'seven'],
  8: ['acht', 'eight'],
  9: ['negen', 'nine'],
  10: ['tien', 'ten'],
  11: ['elf', 'eleven'],
  12: ['twaalf', 'twelve'],
  13: ['dertien', 'thirteen'],
  14: ['veertien', 'fourteen'],
  15: ['vijftien', 'fifteen'],
  16: ['zestien', 'sixteen'],
  17: ['zeventien', 'seventeen'],
  18: ['achttien', 'eighteen'],
  19: ['negentien', 'nineteen'],
  20: ['twintig', 'twenty'],
};

/**
 * Where the quoted phrase states this number, in digits (Dutch or English notation) or as a word:
 * the index of each mention's first character, in order.
 */
export function valueMentions(quote: string, value: number | string): number[] {
  const normalised = quote.replace(/[\u00a0\u202f]/g, ' ');
  const found = new Set<number>();
  const words = NUMBER_WORDS[Number(value)] ?? [];
  for (const w of words) {
    for (const m of normalised.matchAll(new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'giu'))) found.add(m.index);
  }
  const [intPart, fracPart] = (typeof value === 'string' ? value.trim().replace(/^-/, '') : String(Math.abs(value))).split('.');
  const grouped = (sep: string) => intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const intForms = new Set([intPart, grouped('.'), grouped(' '), grouped(',')]);
  const forms: string[] = [];
  for (const i of intForms) {
    if (fracPart === undefined) forms.push(i);
    else forms.push(`${i},${fracPart}`, `${i}.${fracPart}`);
  }
  for (const form of forms) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Not part of a longer number: no digit before, and no digit (or decimal continuing) after.
    for (const m of normalised.matchAll(new RegExp(`(?<![\\d.,])${escaped}(?![\\d]|[.,]\\d)`, 'g'))) found.add(m.index);
  }
  return [...found].sort((a, b) => a - b);
}

/** Does the quoted phrase state this number, in digits (Dutch or English notation) or as a word? */
export function quoteStatesValue(quote: string, value: number | string): boolean {
  return valueMentions(quote, value).length > 0;
}

function checkCell(raw: string, rule: CellRule): { value: Cell; error?: [string, string] } {
  const s = raw.trim();
  switch (rule.kind) {
    case 'id':
      return ID_PATTERN.test(s) ? { value: s } : { value: null, error: ['id', `"${s}" is not an id (lowercase letters, digits, _)`] };
    case 'text':
      return { value: s };
    case 'int': {
      if (!/^-?\d+$/.test(s)) return { value: null, error: ['whole number', `"${s}" is not a whole number`] };
      const n = Number(s);
      if ((rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) {
        return { value: null, error: ['range', `${n} is outside ${rule.min ?? '-∞'}–${rule.max ?? '∞'}`] };
      }
      return { value: n };
    }
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(s) && Number.isFinite(Number(s))
        ? { value: Number(s) }
        : { value: null, error: ['numeric value', `"${s}" is not a number (use a dot for decimals, no thousands separator)`] };
    case 'enum':
      return rule.values.includes(s)
        ? { value: s }
        : { value: null, error: ['allowed values', `"${s}" is not one of ${rule.values.join(', ')}`] };
    case 'period':
      return parsePeriod(s)
        ? { value: s }
        : { value: null, error: ['period', `"${s}" is not a period (2019, 2018/2019, 2019-01, 2018-04-01 or 2012..2014)`] };
    case 'date': {
      const p = parsePeriod(s);
      return p?.kind === 'date' ? { value: s } : { value: null, error: ['date', `"${s}" is not a date (YYYY-MM-DD)`] };
    }
    case 'url':
      return /^https?:\/\/[^\s]+$/.test(s) ? { value: s } : { value: null, error: ['url', `"${s}" is not an http(s) URL`] };
    case 'bool':
      return s === 'true' || s === 'false'
        ? { value: s === 'true' }
        : { value: null, error: ['true or false', `"${s}" is not true or false`] };
    case 'pattern':
      return rule.pattern.test(s) ? { value: s } : { value: null, error: ['format', `"${s}" is not ${rule.describe}`] };
    case 'ref':
      return ID_PATTERN.test(s) ? { value: s } : { value: null, error: ['reference', `"${s}" is not an id`] };
  }
}

function readTable(name: TableName, text: string, problems: ValidationProblem[]): Row[] {
  const file = `data/${name}.csv`;
  const spec = TABLES[name];
  const parsed = parseCsv(text);
  for (const p of parsed.problems) problems.push({ file, line: p.line, column: null, rule: 'csv structure', message: p.message });
  const expected = spec.map((c) => c.name);
  const missing = spec.filter((c) => !c.mayBeAbsent && !parsed.header.includes(c.name)).map((c) => c.name);
  const unknown = parsed.header.filter((c) => !expected.includes(c));
  if (missing.length || unknown.length) {
    const parts = [];
    if (missing.length) parts.push(`missing column(s) ${missing.join(', ')}`);
    if (unknown.length) parts.push(`unknown column(s) ${unknown.join(', ')}`);
    problems.push({ file, line: 1, column: null, rule: 'header', message: parts.join('; ') });
    return [];
  }
  const rows: Row[] = [];
  for (const record of parsed.records) {
    const row: Row = { __line: record.line };
    let ok = true;
    spec.forEach((col) => {
      const at = parsed.header.indexOf(col.name);
      const raw = at === -1 ? '' : (record.cells[at] ?? '');
      if (raw.trim() === '') {
        row[col.name] = null;
        if (col.required) {
          ok = false;
          problems.push({ file, line: record.line, column: col.name, rule: 'required', message: 'is empty' });
        }
        return;
      }
      const { value, error } = checkCell(raw, col.rule);
      row[col.name] = value;
      // Kept as written, so 53.0 is looked for as "53,0" in the quote, not as "53".
      if (col.name === 'value') row.__rawValue = raw.trim();
      if (error) {
        ok = false;
        problems.push({ file, line: record.line, column: col.name, rule: error[0], message: error[1] });
      }
    });
    if (ok) rows.push(row);
  }
  return rows;
}

function checkUniqueIds(name: TableName, rows: Row[], problems: ValidationProblem[]) {
  const seen = new Map<Cell, number>();
  for (const r of rows) {
    const first = seen.get(r.id);
    if (first !== undefined) {
      problems.push({
        file: `data/${name}.csv`,
        line: r.__line,
        column: 'id',
        rule: 'unique id',
        message: `"${r.id}" already used on line ${first}`,
      });
    } else seen.set(r.id, r.__line);
  }
}

function checkRange(unit: Cell, value: number): string | null {
  if (unit === '%' && (value < 0 || value > 100)) return `${value} is not a percentage within 0–100`;
  if (unit === 'pp' && (value < -100 || value > 100)) return `${value} is not a percentage-point difference within −100–100`;
  if (unit === 'count' && (!Number.isInteger(value) || value < 0)) return `${value} is not a non-negative whole count`;
  return null;
}

/** Exactly one indicator per domain is the one its tab opens on, and it has figures. */
function checkDomainDefaults(indicators: Row[], observations: Row[], problems: ValidationProblem[]) {
  const withFigures = new Set(observations.map((o) => o.indicator));
  for (const domain of DOMAINS) {
    const ofDomain = indicators.filter((i) => i.domain === domain);
    if (ofDomain.length === 0) continue;
    const defaults = ofDomain.filter((i) => i.domain_default === true);
    const problem = (line: number, message: string, rule = 'one default per domain') =>
      problems.push({ file: 'data/indicators.csv', line, column: 'domain_default', rule, message });
    if (defaults.length === 0) problem(ofDomain[0].__line, `no indicator of domain "${domain}" has domain_default=true (exactly one must)`);
    for (const later of defaults.slice(1)) {
      problem(
        later.__line,
        `"${later.id}" is a second default of domain "${domain}" (the first is "${defaults[0].id}" on line ${defaults[0].__line})`,
      );
    }
    if (defaults.length === 1 && !withFigures.has(defaults[0].id)) {
      problem(defaults[0].__line, `"${defaults[0].id}", the default of domain "${domain}", has no figures`, 'default has figures');
    }
  }
}

/** One reference group per comparable kind (origin, country of birth, nationality, home language), none for the others. */
function checkReferences(groups: Row[], problems: ValidationProblem[]) {
  const problem = (line: number, message: string) =>
    problems.push({ file: 'data/groups.csv', line, column: 'reference', rule: 'one reference per kind', message });
  const kinds = [...new Set(groups.map((g) => String(g.group_kind)))];
  for (const kind of kinds) {
    const ofKind = groups.filter((g) => g.group_kind === kind);
    const refs = ofKind.filter((g) => g.reference === true);
    if (!(REFERENCE_KINDS as readonly string[]).includes(kind)) {
      for (const r of refs)
        problem(
          r.__line,
          `"${r.id}" is a reference, but groups of kind ${kind} have none (gaps are measured within ${REFERENCE_KINDS.join(', ')})`,
        );
      continue;
    }
    if (refs.length === 0) problem(ofKind[0].__line, `no group of kind ${kind} has reference=true (exactly one must)`);
    for (const later of refs.slice(1)) {
      problem(later.__line, `"${later.id}" is a second reference of kind ${kind} (the first is "${refs[0].id}" on line ${refs[0].__line})`);
    }
  }
}

/**
 * Two groups of one kind that both have figures for an indicator can meet in one chart, so they
 * must not share a colour. Reported once per pair, on the later group's line.
 */
function checkColours(groups: Row[], observations: Row[], problems: ValidationProblem[]) {
  const groupsOf = new Map<Cell, Set<Cell>>();
  for (const o of observations) groupsOf.set(o.indicator, (groupsOf.get(o.indicator) ?? new Set()).add(o.group));
  const reported = new Set<string>();
  for (const [indicator, ids] of [...groupsOf].sort(([a], [b]) => String(a).localeCompare(String(b)))) {
    const present = groups.filter((g) => ids.has(g.id));
    for (const [i, later] of present.entries()) {
      for (const earlier of present.slice(0, i)) {
        const pair = `${earlier.id}|${later.id}`;
        if (earlier.group_kind !== later.group_kind || String(earlier.colour).toLowerCase() !== String(later.colour).toLowerCase())
          continue;
        if (reported.has(pair)) continue;
        reported.add(pair);
        problems.push({
          file: 'data/groups.csv',
          line: later.__line,
          column: 'colour',
          rule: 'distinct colours',
          message: `${later.colour} is also the colour of "${earlier.id}" (line ${earlier.__line}), of the same kind (${later.group_kind}), and both have figures for indicator "${indicator}"`,
        });
      }
    }
  }
}

/** Validate the six tables. `texts` maps table name to CSV text. */
export function validateDataset(texts: Partial<Record<TableName, string>>): { dataset: Dataset | null; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const tables = {} as Record<TableName, Row[]>;
  for (const name of TABLE_NAMES) {
    const text = texts[name];
    if (text === undefined) {
      problems.push({ file: `data/${name}.csv`, line: 0, column: null, rule: 'file present', message: 'the file is missing' });
      tables[name] = [];
      continue;
    }
    tables[name] = readTable(name, text, problems);
  }
  for (const name of ['indicators', 'groups', 'geos', 'sources', 'targets'] as const) checkUniqueIds(name, tables[name], problems);

  const ids = Object.fromEntries(TABLE_NAMES.map((n) => [n, new Set(tables[n].map((r) => r.id))])) as Record<TableName, Set<Cell>>;
  const byId = <T extends TableName>(t: T) => new Map(tables[t].map((r) => [r.id, r]));
  const indicators = byId('indicators');
  const sources = byId('sources');

  // Sources: a URL, or for a printed document a page in the locator.
  for (const s of tables.sources) {
    if (!s.url && !/\b(p\.|pp\.|pagina|blz\.|page)\s*\d+/i.test(String(s.locator))) {
      problems.push({
        file: 'data/sources.csv',
        line: s.__line,
        column: 'url',
        rule: 'citable source',
        message: 'has no URL and its locator names no page',
      });
    }
  }

  const checkRefs = (name: 'targets' | 'observations', rows: Row[]) => {
    const kept: Row[] = [];
    for (const r of rows) {
      let ok = true;
      for (const col of TABLES[name]) {
        if (col.rule.kind !== 'ref' || r[col.name] === null) continue;
        if (!ids[col.rule.table].has(r[col.name])) {
          ok = false;
          problems.push({
            file: `data/${name}.csv`,
            line: r.__line,
            column: col.name,
            rule: 'reference',
            message: `"${r[col.name]}" is not an id in data/${col.rule.table}.csv`,
          });
        }
      }
      if (ok) {
        const unitError = checkRange(indicators.get(r.indicator)?.unit ?? null, r.value as number);
        if (unitError) {
          ok = false;
          problems.push({ file: `data/${name}.csv`, line: r.__line, column: 'value', rule: 'unit range', message: unitError });
        }
      }
      if (ok) kept.push(r);
    }
    return kept;
  };
  const targets = checkRefs('targets', tables.targets);
  const observations = checkRefs('observations', tables.observations);

  const keys = new Map<string, number>();
  for (const o of observations) {
    const key = OBSERVATION_KEY.map((k) => o[k] ?? '').join('|');
    const first = keys.get(key);
    if (first !== undefined) {
      problems.push({
        file: 'data/observations.csv',
        line: o.__line,
        column: null,
        rule: 'unique key',
        message: `duplicates line ${first} (same ${OBSERVATION_KEY.join(', ')})`,
      });
    } else keys.set(key, o.__line);
    const source = sources.get(o.source);
    if (source && !quoteStatesValue(String(source.quote), o.__rawValue ?? (o.value as number))) {
      problems.push({
        file: 'data/observations.csv',
        line: o.__line,
        column: 'value',
        rule: 'quoted figure',
        message: `${o.value} does not appear in the quote of source "${o.source}"`,
      });
    }
  }
  for (const t of targets) {
    const source = sources.get(t.source);
    if (source && !quoteStatesValue(String(source.quote), t.__rawValue ?? (t.value as number))) {
      problems.push({
        file: 'data/targets.csv',
        line: t.__line,
        column: 'value',
        rule: 'quoted figure',
        message: `${t.value} does not appear in the quote of source "${t.source}"`,
      });
    }
  }

  checkDomainDefaults(tables.indicators, observations, problems);
  checkReferences(tables.groups, problems);
  checkColours(tables.groups, observations, problems);

  if (problems.length) return { dataset: null, problems };

  const strip = (rows: Row[]) => rows.map(({ __line, __rawValue, ...rest }) => rest);
  // Older files without the column, and empty cells, state no approximation.
  for (const o of observations) o.approx = o.approx === true;
  const dataset: Dataset = {
    indicators: strip(tables.indicators) as unknown as Dataset['indicators'],
    groups: strip(tables.groups) as unknown as Dataset['groups'],
    geos: strip(tables.geos) as unknown as Dataset['geos'],
    sources: strip(tables.sources) as unknown as Dataset['sources'],
    targets: strip(targets) as unknown as Dataset['targets'],
    observations: strip(observations).map((o) => {
      const p = parsePeriod(String(o.period))!;
      return {
        ...(o as unknown as Omit<
          Dataset['observations'][number],
          'period_kind' | 'period_start' | 'period_end' | 'period_sort' | 'year_start' | 'year_end'
        >),
        period_kind: p.kind,
        period_start: p.start,
        period_end: p.end,
        period_sort: p.sort,
        year_start: p.yearStart,
        year_end: p.yearEnd,
      };
    }),
  };
  return { dataset, problems };
}
