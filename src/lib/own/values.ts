/**
 * Reading the cells of a researcher's own file: figures, periods, sex and age, as people write
 * them in Flemish and English spreadsheets.
 *
 * Figures. A cell with both `.` and `,` reads the last as the decimal mark (`1.234,5`, `1,234.5`);
 * a mark that occurs more than once separates thousands (`1.234.567`); a single mark not followed
 * by exactly three digits is the decimal mark (`12,5`, `12.5`, `0,125`). Only `1.234` and `1,234`
 * are truly ambiguous: those follow the file's dominant style (`decimalStyle`), found from the
 * cells that say it themselves, Dutch (decimal comma) when they do not. Spaces (also non-breaking)
 * may separate thousands; a percent sign is dropped. A missing marker is "no figure", never zero.
 */
import { parsePeriod, type Period } from '../data/period';
import { SEXES, TABLES } from '../data/schema';
import { cleanLabel, plain } from './text';

export type DecimalStyle = 'comma' | 'point';

export type ValueRead = { ok: true; value: number } | { ok: false; reason: 'no_figure' | 'value_not_a_number' };

/** How sources and spreadsheets write "no figure here" (compared lowercased, spaces trimmed). */
const MISSING = new Set(['', '-', '–', '—', '.', '..', '...', '…', 'n.b.', 'n.b', 'nb', 'nvt', 'n.v.t.', 'n.v.t', 'na', 'n/a', 'n.a.']);

export function isMissing(cell: string): boolean {
  return MISSING.has(cleanLabel(cell).toLowerCase());
}

type Mark = '.' | ',';

/** The cell without sign and percent sign, spaces made plain; null when it cannot be a number. */
function numberBody(cell: string): { negative: boolean; body: string } | null {
  let s = cell.replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  let negative = false;
  if (/^[-+\u2212]/.test(s)) {
    negative = s[0] !== '+';
    s = s.slice(1).trimStart();
  }
  return /^\d(?:[\d., ]*\d)?$/.test(s) ? { negative, body: s } : null;
}

/**
 * The decimal mark a number body states by itself, `null` when it has none (a whole number or
 * thousands only), or `'ambiguous'` for a single mark followed by exactly three digits (`1.234`).
 */
function statedDecimal(body: string): Mark | null | 'ambiguous' {
  const points = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (points && commas) return body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  const mark: Mark | null = points ? '.' : commas ? ',' : null;
  if (!mark || points + commas > 1) return null;
  const [before, after] = body.split(mark);
  return after.length === 3 && /^[1-9]\d{0,2}$/.test(before) ? 'ambiguous' : mark;
}

/** Digits of a whole part: plain, or in groups of three joined by one kind of separator (not the decimal mark). */
function wholeDigits(whole: string, decimal: Mark | null): string | null {
  if (/^\d+$/.test(whole)) return whole;
  const separators = [...new Set(whole.replace(/\d/g, ''))];
  if (separators.length !== 1 || separators[0] === decimal) return null;
  const sep = separators[0] === '.' ? '\\.' : separators[0];
  return new RegExp(`^\\d{1,3}(${sep}\\d{3})+$`).test(whole) ? whole.replace(/\D/g, '') : null;
}

/** The decimal mark of a number body; the file's style settles the ambiguous `1.234` / `1,234`. */
function decimalOf(body: string, style: DecimalStyle): Mark | null {
  const stated = statedDecimal(body);
  if (stated !== 'ambiguous') return stated;
  const mark: Mark = body.includes(',') ? ',' : '.';
  return (mark === ',') === (style === 'comma') ? mark : null;
}

function parseNumber(cell: string, style: DecimalStyle): number | null {
  const parts = numberBody(cell);
  if (!parts) return null;
  const decimal = decimalOf(parts.body, style);
  const at = decimal ? parts.body.lastIndexOf(decimal) : -1;
  const whole = at === -1 ? parts.body : parts.body.slice(0, at);
  const fraction = at === -1 ? '' : parts.body.slice(at + 1);
  if (fraction !== '' && !/^\d+$/.test(fraction)) return null;
  const digits = wholeDigits(whole, decimal);
  if (digits === null) return null;
  const n = Number(fraction ? `${digits}.${fraction}` : digits);
  return parts.negative ? -n : n;
}

/** Read a figure. `style` settles `1.234` / `1,234` only (see the file comment). */
export function readValue(cell: string, style: DecimalStyle = 'comma'): ValueRead {
  if (isMissing(cell)) return { ok: false, reason: 'no_figure' };
  const n = parseNumber(cell, style);
  return n === null || !Number.isFinite(n) ? { ok: false, reason: 'value_not_a_number' } : { ok: true, value: n };
}

/** The style a cell states by itself: its decimal mark, or the mark its thousands are not separated by. */
function styleHint(cell: string): DecimalStyle | null {
  const parts = numberBody(cell);
  if (!parts) return null;
  const stated = statedDecimal(parts.body);
  if (stated === ',') return 'comma';
  if (stated === '.') return 'point';
  if (stated === null && parts.body.includes('.')) return 'comma';
  if (stated === null && parts.body.includes(',')) return 'point';
  return null;
}

/**
 * The file's dominant decimal style among cells that state one, a decimal comma when tied or none
 * do; from distinct cells and how often each occurs, so each cell's style is read once.
 */
export function countedDecimalStyle(cells: Iterable<{ cell: string; n: number }>): DecimalStyle {
  let comma = 0;
  let point = 0;
  for (const { cell, n } of cells) {
    const hint = styleHint(cell);
    if (hint === 'comma') comma += n;
    else if (hint === 'point') point += n;
  }
  return point > comma ? 'point' : 'comma';
}

const SCHOOL_YEAR_WORD = /^(schooljaar|school year|academiejaar|academic year)\s+/i;

function withoutPeriodWord(cell: string): string {
  return cleanLabel(cell)
    .replace(SCHOOL_YEAR_WORD, '')
    .replace(/^(jaar|year|periode|period)\s+/i, '')
    .replace(/[\u2013\u2014]/g, '-');
}

/**
 * How `YYYY-NN` reads in this file: period.ts reads it as a month, but Flemish tables often write
 * school years so (`2019-20`). When every such cell of the file has NN = the next year's last two
 * digits, they are school years; otherwise months.
 */
export type PeriodStyle = 'school_year' | 'month';

export function periodStyle(cells: Iterable<string>): PeriodStyle {
  let seen = false;
  for (const cell of cells) {
    const m = /^(\d{4})\s*-\s*(\d{2})$/.exec(withoutPeriodWord(cell));
    if (!m) continue;
    if (Number(m[2]) !== (Number(m[1]) + 1) % 100) return 'month';
    seen = true;
  }
  return seen ? 'school_year' : 'month';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The period text period.ts reads, from the ways people write it; null when it is none of them. */
function periodText(cell: string, style: PeriodStyle): string | null {
  const t = withoutPeriodWord(cell).replace(/\s*([-/])\s*/g, '$1');
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/](\d{4})$/.exec(t))) return Number(m[2]) === Number(m[1]) + 1 ? `${m[1]}/${m[2]}` : null;
  if ((m = /^(\d{4})([-/])(\d{2})$/.exec(t))) {
    const next = (Number(m[1]) + 1) % 100;
    // `2019-20` cannot be a month, and `schooljaar 2011-12` says what it is, whatever the file's style.
    const school = m[2] === '/' || style === 'school_year' || next > 12 || SCHOOL_YEAR_WORD.test(cleanLabel(cell));
    if (Number(m[3]) === next && school) return `${m[1]}/${Number(m[1]) + 1}`;
    return m[2] === '-' ? t : null;
  }
  // A Belgian date: day first.
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) return `${m[3]}-${pad2(Number(m[2]))}-${pad2(Number(m[1]))}`;
  return t;
}

/** Read a period: a year, a school year (`2019-2020`, `2019/20`), a month, a date (`2018-04-01`, `1/4/2018`) or an average (`2012..2014`). */
export function readPeriod(cell: string, style: PeriodStyle = 'month'): Period | null {
  const text = periodText(cell, style);
  return text === null ? null : parsePeriod(text);
}

/** Sex as written in Dutch or English; an empty cell is the whole population. */
const SEX_WORDS: Record<string, (typeof SEXES)[number]> = {
  '': 'T',
  t: 'T',
  totaal: 'T',
  total: 'T',
  alle: 'T',
  all: 'T',
  beide: 'T',
  both: 'T',
  m: 'M',
  man: 'M',
  mannen: 'M',
  mannelijk: 'M',
  male: 'M',
  men: 'M',
  v: 'F',
  f: 'F',
  vrouw: 'F',
  vrouwen: 'F',
  vrouwelijk: 'F',
  female: 'F',
  woman: 'F',
  women: 'F',
};

export function readSex(cell: string): (typeof SEXES)[number] | null {
  return SEX_WORDS[plain(cell)] ?? null;
}

const AGE_RULE = TABLES.observations.find((c) => c.name === 'age')!.rule;
const AGE_PATTERN = AGE_RULE.kind === 'pattern' ? AGE_RULE.pattern : /^\d{1,3}(-\d{1,3}|\+)$/;

/**
 * An age range as the data model writes it (`20-64`, `65+`), from `20-64 jaar`, `20 tot 64`,
 * `20–64 years`, `65 en ouder`, `65 and over`; `''` for an empty cell; null when unreadable.
 */
export function readAge(cell: string): string | null {
  const t = plain(cell)
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s*(jaar|jaren|jr\.?|years?|yrs?\.?)$/, '')
    .replace(/\s*(jaar|jaren|jr\.?|years?|yrs?\.?)?\s*(en ouder|en meer|and over|and older|or older|\+)$/, '+')
    .replace(/\s*(-|tot|to|t\/m)\s*/, '-');
  if (t === '') return '';
  return AGE_PATTERN.test(t) ? t : null;
}
