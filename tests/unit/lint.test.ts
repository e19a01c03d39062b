/**
 * The data lint (src/lib/data/lint.ts) on a small hand-made fixture (synthetic, for tests only):
 * clean, then one broken row per rule, each reported with file, line and rule. Expected values
 * are written by hand from the fixture below. Last, the real data/*.csv lint clean.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatLintProblem,
  lintData,
  lintRows,
  lintTablesOf,
  primaryOf,
  quoteApproximates,
  type LintProblem,
  type LintTables,
} from '../../src/lib/data/lint';
import { REAL_DATA_DIR } from '../helpers/extract';

type Texts = Record<keyof LintTables, string>;

const CLEAN: Texts = {
  indicators: `id,levels,employer
rate,gewest|centrumstad,
vo_staff,gewest,vlaamse_overheid
city_staff,aggregate|centrumstad,stadsbestuur
local_staff,gewest,lokale_besturen
proj,aggregate,
`,
  geos: `id,level
vlaams_gewest,gewest
brussels_gewest,gewest
centrumsteden,aggregate
vlaanderen_brussel,aggregate
gent,centrumstad
`,
  sources: `id,year,url,quote,kind
stat,2020,https://example.org/stat,"In 2015 was het 71,2% en in 2016 72,0%; Gent 60,5%.",statistics
press,2021,https://example.org/press,"Voor 2015: 71,4%.",press
vo,2018,https://example.org/vo,"Eind 2016 was 8,8% van het personeel van buitenlandse herkomst.",agency
city,2019,https://example.org/city,Ongeveer 18% van het stadspersoneel in Gent.,press
each,2018,,"In 2015 en 2016 telkens 7 projecten.",agency
table,2023,https://example.org/table,Flemish Region | 7.2 | 7.2,statistics
`,
  observations: `indicator,geo,period,group,sex,age,value,source,note,approx
rate,vlaams_gewest,2015,belgisch,T,,71.2,stat,,false
rate,vlaams_gewest,2016,belgisch,T,,72.0,stat,,false
rate,gent,2015,belgisch,T,,60.5,stat,,false
rate,vlaams_gewest,2015,belgisch,T,,71.4,press,,false
vo_staff,vlaams_gewest,2016-12-31,buitenlands,T,,8.8,vo,,false
city_staff,gent,2019,buitenlands,T,,18,city,,true
proj,vlaanderen_brussel,2015,totaal,T,,7,each,,false
proj,vlaanderen_brussel,2016,totaal,T,,7,each,,false
rate,brussels_gewest,2015,totaal,T,,7.2,table,,false
rate,brussels_gewest,2017,totaal,T,,7.2,table,,false
`,
  targets: `id,indicator,geo,group,value,year,source
t1,city_staff,gent,buitenlands,30,2025,city
t2,vo_staff,vlaams_gewest,buitenlands,10,2020,vo
`,
  disagreements: `indicator,geo,period,group,sex,age,primary,reason
rate,vlaams_gewest,2015,belgisch,T,,stat,The statistics office over the press.
`,
};

/** The clean fixture with lines appended to one table (the next line of observations.csv is 12). */
const plus = (name: keyof LintTables, ...lines: string[]): Texts => ({ ...CLEAN, [name]: CLEAN[name] + lines.join('\n') + '\n' });
/** The clean fixture with one line of one table replaced. */
const swap = (name: keyof LintTables, from: string, to: string): Texts => {
  if (!CLEAN[name].includes(from)) throw new Error(`fixture has no ${from}`);
  return { ...CLEAN, [name]: CLEAN[name].replace(from, to) };
};
const lint = (texts: Partial<Texts>) => lintData(lintTablesOf(texts));
const where = (problems: LintProblem[]) => problems.map((p) => [p.file, p.line, p.rule]);

const OBS = 'data/observations.csv';
const DIS = 'data/disagreements.csv';
const IND = 'data/indicators.csv';
const TGT = 'data/targets.csv';

describe('lintData: a clean fixture', () => {
  it('reports nothing', () => {
    expect(lint(CLEAN)).toEqual([]);
  });

  it('reads CSV rows with their lines, trimmed, empty where a cell is missing', () => {
    expect(lintRows(' a ,b\n x ,y\n\n"p\nq",\nz\n')).toEqual([
      { line: 2, cells: { a: 'x', b: 'y' } },
      { line: 4, cells: { a: 'p\nq', b: '' } },
      { line: 6, cells: { a: 'z', b: '' } },
    ]);
    expect(lintTablesOf({}).disagreements).toEqual([]);
  });

  it('reads tables that lack the optional columns (no url, age, approx; no age in disagreements)', () => {
    const texts: Texts = {
      ...CLEAN,
      sources: `id,year,quote,kind
a,2020,"In 2015: 10,0%.",statistics
b,2020,"Ook 10,0% in 2015.",statistics
c,2021,"Of 11,0% in 2015.",press
`,
      observations: `indicator,geo,period,group,sex,value,source,note
rate,gent,2015,belgisch,T,10.0,a,
rate,gent,2015,belgisch,T,10.0,b,
rate,gent,2015,belgisch,T,11.0,c,
`,
      targets: 'id,indicator,geo,group,value,year,source\n',
      disagreements: `indicator,geo,period,group,sex,primary,reason
rate,gent,2015,belgisch,T,a,Statistics before the press.
`,
    };
    // a and b are two documents (no URL: told apart by id), so no duplicate; the declared primary is a.
    expect(lint(texts)).toEqual([]);
  });

  it('lists problems by file, then by line', () => {
    const texts = plus('observations', 'rate,gent,2015,belgisch,T,,61,press,,false');
    texts.observations = texts.observations.replace('60.5,stat,,false', '60.5,stat,,true');
    texts.indicators += 'bare,,\n';
    texts.targets += 't3,vo_staff,brussels_gewest,buitenlands,10,2020,vo\n';
    texts.disagreements += 'rate,vlaams_gewest,2016,belgisch,T,,stat,None.\n';
    expect(where(lint(texts))).toEqual([
      [DIS, 3, 'disagreement unused'],
      [IND, 7, 'indicator levels'],
      [OBS, 4, 'approx word'],
      [OBS, 12, 'slot conflict'],
      [TGT, 4, 'employer'],
    ]);
  });

  it('does not stumble over a period validation rejects', () => {
    expect(lint(plus('observations', 'rate,gent,soon,belgisch,T,,61,press,,false'))).toEqual([]);
  });

  it('formats a problem as file:line: message [lint: rule]', () => {
    expect(formatLintProblem({ file: OBS, line: 7, rule: 'approx flag', message: 'set approx' })).toBe(
      'data/observations.csv:7: set approx [lint: approx flag]',
    );
  });
});

describe('lintData: slot conflict', () => {
  it('fails on two values in one slot that no declaration names, on the later line, proposing the primary', () => {
    const problems = lint(plus('observations', 'rate,gent,2015,belgisch,T,,61,press,,false'));
    expect(where(problems)).toEqual([[OBS, 12, 'slot conflict']]);
    expect(problems[0].message).toBe(
      'indicator rate, geo gent, period 2015, group belgisch: 60.5 (line 4, stat, statistics) vs 61 (line 12, press, press) — declare it in data/disagreements.csv with primary stat (source priority)',
    );
  });

  it('counts a year and a date in that year as one slot (the series has years)', () => {
    const problems = lint(plus('observations', 'rate,vlaams_gewest,2016-12-31,belgisch,T,,72.5,press,,false'));
    expect(where(problems)).toEqual([[OBS, 12, 'slot conflict']]);
    expect(problems[0].message).toContain('period 2016, group belgisch: 72.0 (line 3');
  });

  it('counts a month in a year as that year too, but keeps a school year apart', () => {
    expect(where(lint(plus('observations', 'rate,vlaams_gewest,2016-06,belgisch,T,,72.5,press,,false')))).toEqual([
      [OBS, 12, 'slot conflict'],
    ]);
    expect(lint(plus('observations', 'rate,vlaams_gewest,2015/2016,belgisch,T,,72.5,press,,false'))).toEqual([]);
    expect(lint(plus('observations', 'rate,vlaams_gewest,2015..2016,belgisch,T,,72.5,press,,false'))).toEqual([]);
  });

  it('names an unknown source kind ?, and an empty sex as T', () => {
    const problems = lint(plus('observations', 'rate,gent,2015,belgisch,,,61,nowhere,,false'));
    expect(problems.map((p) => p.message)).toEqual([
      'indicator rate, geo gent, period 2015, group belgisch: 60.5 (line 4, stat, statistics) vs 61 (line 12, nowhere, ?) — declare it in data/disagreements.csv with primary stat (source priority)',
    ]);
  });

  it('keeps a date apart from another date in a series without years', () => {
    expect(lint(plus('observations', 'vo_staff,vlaams_gewest,2016-06-30,buitenlands,T,,9.9,press,,false'))).toEqual([]);
  });

  it('treats another sex or another age as another slot', () => {
    expect(
      lint(
        plus(
          'observations',
          'rate,vlaams_gewest,2015,belgisch,F,,70.9,press,,false',
          'rate,vlaams_gewest,2015,belgisch,T,20-64,70.8,press,,false',
        ),
      ),
    ).toEqual([]);
  });

  it('names sex and age in the slot where they are not the defaults', () => {
    const problems = lint(
      plus('observations', 'rate,gent,2015,belgisch,F,20-64,60.1,stat,,false', 'rate,gent,2015,belgisch,F,20-64,60.2,press,,false'),
    );
    expect(where(problems)).toEqual([[OBS, 13, 'slot conflict']]);
    expect(problems[0].message).toContain('group belgisch, sex F, age 20-64:');
  });

  it('accepts the same value from two sources', () => {
    expect(lint(plus('observations', 'rate,gent,2015,belgisch,T,,60.5,press,,false'))).toEqual([]);
  });

  it('fails once the declaration of a real conflict is gone', () => {
    expect(where(lint({ ...CLEAN, disagreements: undefined as unknown as string }))).toEqual([[OBS, 5, 'slot conflict']]);
  });
});

describe('lintData: declared disagreements', () => {
  it('fails when the declared primary is not the one source priority draws', () => {
    const problems = lint(swap('disagreements', ',stat,The', ',press,The'));
    expect(where(problems)).toEqual([[DIS, 2, 'disagreement primary']]);
    expect(problems[0].message).toContain('primary "press" is not the one source priority draws, stat');
  });

  it('fails on a declaration that matches no conflict', () => {
    const problems = lint(plus('disagreements', 'rate,gent,2015,belgisch,T,,stat,No conflict here.'));
    expect(where(problems)).toEqual([[DIS, 3, 'disagreement unused']]);
    expect(problems[0].message).toBe('indicator rate, geo gent, period 2015, group belgisch: no two figures of this slot disagree');
  });

  it('fails on a declaration given twice', () => {
    const problems = lint(plus('disagreements', 'rate,vlaams_gewest,2015,belgisch,T,,stat,Again.'));
    expect(where(problems)).toEqual([[DIS, 3, 'disagreement unused']]);
    expect(problems[0].message).toBe('repeats the declaration on line 2');
  });

  it('fails on a declaration without a reason', () => {
    const problems = lint(swap('disagreements', 'The statistics office over the press.', ''));
    expect(where(problems)).toEqual([[DIS, 2, 'disagreement reason']]);
    expect(problems[0].message).toBe('gives no reason (column reason)');
  });

  it('reads an empty sex as T', () => {
    expect(lint(swap('disagreements', 'belgisch,T,,stat', 'belgisch,,,stat'))).toEqual([]);
  });
});

describe('primaryOf (docs/figure-rules.md §3)', () => {
  const sources = new Map([
    ['s_old', { kind: 'statistics', year: 2015 }],
    ['s_new', { kind: 'statistics', year: 2020 }],
    ['a', { kind: 'agency', year: 2024 }],
    ['p1', { kind: 'press', year: 2019 }],
    ['p2', { kind: 'press', year: 2019 }],
    ['p3', { kind: 'press', year: 2019 }],
    ['x', { kind: 'blog', year: 2030 }],
  ]);
  it('picks the highest kind first', () => {
    expect(
      primaryOf(
        [
          { value: 1, source: 'a' },
          { value: 2, source: 's_old' },
        ],
        sources,
      ),
    ).toEqual({ value: 2, source: 's_old' });
    expect(
      primaryOf(
        [
          { value: 1, source: 'x' },
          { value: 2, source: 'p1' },
        ],
        sources,
      ),
    ).toEqual({ value: 2, source: 'p1' });
  });
  it('then the value stated most often, then the source published last, then the first id', () => {
    expect(
      primaryOf(
        [
          { value: 5, source: 'p1' },
          { value: 6, source: 'p2' },
          { value: 6, source: 'p3' },
        ],
        sources,
      ),
    ).toEqual({ value: 6, source: 'p2' });
    expect(
      primaryOf(
        [
          { value: 1, source: 's_old' },
          { value: 2, source: 's_new' },
        ],
        sources,
      ),
    ).toEqual({ value: 2, source: 's_new' });
    expect(
      primaryOf(
        [
          { value: 2, source: 'p2' },
          { value: 1, source: 'p1' },
        ],
        sources,
      ),
    ).toEqual({ value: 1, source: 'p1' });
    expect(
      primaryOf(
        [
          { value: 1, source: 'p1' },
          { value: 2, source: 'p2' },
        ],
        sources,
      ),
    ).toEqual({ value: 1, source: 'p1' });
  });
  it('orders by source id whatever the order of the rows', () => {
    const rows = [
      { value: 3, source: 'p3' },
      { value: 1, source: 'p1' },
      { value: 2, source: 'p2' },
    ];
    expect(primaryOf(rows, sources)).toEqual({ value: 1, source: 'p1' });
    expect(primaryOf([rows[2], rows[0], rows[1]], sources)).toEqual({ value: 1, source: 'p1' });
    expect(primaryOf([rows[0], rows[2], rows[1]], sources)).toEqual({ value: 1, source: 'p1' });
  });
  it('puts an unknown source last, in either order', () => {
    expect(
      primaryOf(
        [
          { value: 2, source: 'x' },
          { value: 1, source: 'nowhere' },
        ],
        sources,
      ),
    ).toEqual({ value: 2, source: 'x' });
    expect(
      primaryOf(
        [
          { value: 2, source: 'zz' },
          { value: 1, source: 'nowhere' },
        ],
        sources,
      ),
    ).toEqual({ value: 1, source: 'nowhere' });
  });
  it('puts an unknown source last', () => {
    expect(
      primaryOf(
        [
          { value: 1, source: 'nowhere' },
          { value: 2, source: 'x' },
        ],
        sources,
      ),
    ).toEqual({ value: 2, source: 'x' });
  });
});

describe('lintData: duplicate row', () => {
  it('fails on the same figure of one slot from the same document (same URL, another passage)', () => {
    const texts = plus('observations', 'rate,gent,2015,belgisch,T,,60.5,stat_b,,false');
    texts.sources += 'stat_b,2020,https://example.org/stat,"Gent: 60,5%.",statistics\n';
    const problems = lint(texts);
    expect(where(problems)).toEqual([[OBS, 12, 'duplicate row']]);
    expect(problems[0].message).toBe(
      'repeats line 4 (indicator rate, geo gent, period 2015, group belgisch, value 60.5) from the same document (https://example.org/stat); keep one',
    );
  });

  it('fails on a figure filed under a year and again under its year-end date (also one passage filed twice)', () => {
    expect(where(lint(plus('observations', 'rate,vlaams_gewest,2016-12-31,belgisch,T,,72.0,stat,,false')))).toEqual([
      [OBS, 12, 'duplicate row'],
      [OBS, 12, 'passage filed twice'],
    ]);
  });

  it('tells documents without a URL apart by source id', () => {
    const texts = plus('observations', 'proj,vlaanderen_brussel,2015,totaal,T,,7,each_b,,false');
    texts.sources += 'each_b,2018,,Zeven projecten in 2015.,agency\n';
    expect(lint(texts)).toEqual([]);
  });
});

describe('lintData: geo level and employer', () => {
  it('fails on an indicator that declares no levels', () => {
    const problems = lint(plus('indicators', 'bare,,'));
    expect(where(problems)).toEqual([[IND, 7, 'indicator levels']]);
    expect(problems[0].message).toBe('"bare" declares no geo levels (column levels, e.g. gewest|aggregate)');
  });

  it('fails on a figure on a level its indicator does not allow', () => {
    const texts = plus('observations', 'rate,centrumsteden,2015,belgisch,T,,65.0,other,,false');
    texts.sources += 'other,2020,https://example.org/other,"Centrumsteden: 65,0%.",statistics\n';
    const problems = lint(texts);
    expect(where(problems)).toEqual([[OBS, 12, 'geo level']]);
    expect(problems[0].message).toBe(
      'geo centrumsteden is a aggregate; indicator rate allows gewest, centrumstad (data/indicators.csv line 2)',
    );
  });

  it("fails on the Flemish government's staff on another region", () => {
    const problems = lint(swap('observations', 'vo_staff,vlaams_gewest,', 'vo_staff,brussels_gewest,'));
    expect(where(problems)).toEqual([[OBS, 6, 'employer']]);
    expect(problems[0].message).toBe(
      'indicator vo_staff is about employer vlaamse_overheid, and geo brussels_gewest is not its place: the Flemish government is filed on vlaams_gewest',
    );
  });

  it("fails on a city's staff under the Flemish government's indicator, and on the Flemish government's under the city's", () => {
    expect(where(lint(swap('observations', 'city_staff,gent,', 'vo_staff,gent,')))).toEqual([
      [OBS, 7, 'geo level'],
      [OBS, 7, 'employer'],
    ]);
    expect(where(lint(swap('observations', 'vo_staff,vlaams_gewest,', 'city_staff,vlaams_gewest,')))).toEqual([
      [OBS, 6, 'geo level'],
      [OBS, 6, 'employer'],
    ]);
  });

  it('allows city staff on the 13 centrumsteden but not on another aggregate', () => {
    expect(lint(swap('observations', 'city_staff,gent,', 'city_staff,centrumsteden,'))).toEqual([]);
    const problems = lint(swap('observations', 'city_staff,gent,', 'city_staff,vlaanderen_brussel,'));
    expect(where(problems)).toEqual([[OBS, 7, 'employer']]);
    expect(problems[0].message).toBe(
      'indicator city_staff is about employer stadsbestuur, and geo vlaanderen_brussel is not its place: a city administration is filed on its city (centrumstad, gemeente) or on centrumsteden',
    );
  });

  it('files all local governments on the Flemish Region', () => {
    expect(lint(swap('observations', 'vo_staff,vlaams_gewest,', 'local_staff,vlaams_gewest,'))).toEqual([]);
    const problems = lint(swap('observations', 'vo_staff,vlaams_gewest,', 'local_staff,brussels_gewest,'));
    expect(where(problems)).toEqual([[OBS, 6, 'employer']]);
    expect(problems[0].message).toBe(
      'indicator local_staff is about employer lokale_besturen, and geo brussels_gewest is not its place: all Flemish local governments are filed on vlaams_gewest',
    );
  });

  it('checks targets too', () => {
    expect(where(lint(plus('targets', 't3,vo_staff,gent,buitenlands,10,2020,vo')))).toEqual([
      [TGT, 4, 'geo level'],
      [TGT, 4, 'employer'],
    ]);
  });

  it('leaves rows on an unknown geo or indicator to validation', () => {
    expect(
      lint(plus('observations', 'rate,atlantis,2015,belgisch,T,,50,nowhere,,false', 'nothing,gent,2015,belgisch,T,,50,nowhere,,false')),
    ).toEqual([]);
  });
});

describe('lintData: approx', () => {
  it('fails on a figure the quote states approximately and the row does not flag', () => {
    const problems = lint(swap('observations', '18,city,,true', '18,city,,false'));
    expect(where(problems)).toEqual([[OBS, 7, 'approx flag']]);
    expect(problems[0].message).toBe('the quote of city states 18 approximately; set approx to true');
  });

  it('fails on an approx flag the quote does not back', () => {
    const problems = lint(swap('observations', '60.5,stat,,false', '60.5,stat,,true'));
    expect(where(problems)).toEqual([[OBS, 4, 'approx word']]);
    expect(problems[0].message).toBe('approx is true, but the quote of stat has no approximation word right before 60.5');
  });

  it('reads an empty or missing approx as false', () => {
    expect(where(lint(swap('observations', '18,city,,true', '18,city,,')))).toEqual([[OBS, 7, 'approx flag']]);
  });

  it('skips rows whose source is unknown (validation reports them)', () => {
    expect(lint(plus('observations', 'rate,gent,2014,belgisch,T,,50,nowhere,,true'))).toEqual([]);
  });
});

describe('lintData: translation', () => {
  const withEnglish = (texts: Texts): Texts => ({
    ...texts,
    observations: texts.observations
      .trimEnd()
      .split('\n')
      .map((line, i) => `${line},${i === 0 ? 'note_en' : ''}`)
      .join('\n'),
  });

  it('a file with note_en: a note without its English is named by line; rows without a note need none', () => {
    const texts = withEnglish(swap('observations', '60.5,stat,,false', '60.5,stat,afgerond,false'));
    expect(lint(texts).map((p) => [p.file, p.line, p.rule, p.message])).toEqual([[OBS, 4, 'translation', 'note has no English (note_en)']]);
    expect(
      lint({ ...texts, observations: texts.observations.replace('60.5,stat,afgerond,false,', '60.5,stat,afgerond,false,rounded') }),
    ).toEqual([]);
  });

  it('a file without the English column is not held to it (older extracts, fixtures)', () => {
    expect(lint(swap('observations', '60.5,stat,,false', '60.5,stat,afgerond,false'))).toEqual([]);
  });

  it('sources: publisher and locator each need their English once the columns exist', () => {
    const lines = CLEAN.sources.trimEnd().split('\n');
    const sources = [
      `${lines[0]},publisher,locator,publisher_en,locator_en`,
      ...lines.slice(1).map((l, i) => (i === 0 ? `${l},Kind en Gezin,Tabel 2,,` : `${l},Kind en Gezin,Tabel 2,Kind en Gezin,Table 2`)),
    ].join('\n');
    expect(where(lint({ ...CLEAN, sources }))).toEqual([
      ['data/sources.csv', 2, 'translation'],
      ['data/sources.csv', 2, 'translation'],
    ]);
  });
});

describe('quoteApproximates', () => {
  it('finds an approximation word right before the figure, in Dutch, English, German and French', () => {
    expect(quoteApproximates('Ongeveer 80% van de gezinnen', '80')).toBe(true);
    expect(quoteApproximates('In total, some 14,500 people signed', '14500')).toBe(true);
    expect(quoteApproximates('around 23 percentage points higher', '23')).toBe(true);
    expect(quoteApproximates('Zo’n 68,7 procent van de Belgen werkt', '68.7')).toBe(true);
    expect(quoteApproximates("zo'n 68,7 procent", '68.7')).toBe(true);
    expect(quoteApproximates('hun aandeel bedraagt naar schatting 18 procent', '18')).toBe(true);
    expect(quoteApproximates('rond de 20 procent', '20')).toBe(true);
    expect(quoteApproximates('ca. 9.500 nieuwkomers', '9500')).toBe(true);
    expect(quoteApproximates('etwa 12 Prozent', '12')).toBe(true);
    expect(quoteApproximates('environ 40 pour cent', '40')).toBe(true);
    expect(quoteApproximates('bijna zeven projecten', '7')).toBe(true);
    expect(quoteApproximates('±15 %', '15')).toBe(true);
  });

  it('knows every approximation word of data/README.md', () => {
    const words = [
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
      'etwa',
      'rund',
      'fast',
      'knapp',
      'ungefähr',
      'environ',
      'près de',
      'presque',
      'quelque',
      '±',
      '~',
    ];
    expect(words.filter((w) => !quoteApproximates(`Het was ${w} 42 procent.`, '42'))).toEqual([]);
    expect(words.filter((w) => quoteApproximates(`Het was ${w}, zegt men, 42 procent.`, '42'))).toEqual([]);
  });

  it('does not take a word that governs another number, or a bound, for an approximation', () => {
    expect(quoteApproximates('Bijna 60 procent, 4.567 mensen, tekenden', '4567')).toBe(false);
    expect(quoteApproximates('Bijna 60 procent, 4.567 mensen, tekenden', '60')).toBe(true);
    expect(quoteApproximates('ongeveer op hetzelfde niveau als in België geboren personen (78,6%)', '78.6')).toBe(false);
    expect(quoteApproximates('een stijging met ruim 300 contracten', '300')).toBe(false);
    expect(quoteApproximates('meer dan 500 plaatsen', '500')).toBe(false);
    expect(quoteApproximates('Gesome 12 mensen', '12')).toBe(false);
    expect(quoteApproximates('around', '12')).toBe(false);
  });

  it('looks at every mention of the figure', () => {
    expect(quoteApproximates('In 2019 18 procent, vandaag ongeveer 18 procent', '18')).toBe(true);
  });
});

describe('lintData: passage filed twice', () => {
  it('fails on one stated figure filed under two periods', () => {
    const problems = lint(plus('observations', 'vo_staff,vlaams_gewest,2017,buitenlands,T,,8.8,vo,,false'));
    expect(where(problems)).toEqual([[OBS, 12, 'passage filed twice']]);
    expect(problems[0].message).toBe(
      'source vo states 8.8 for vo_staff, group buitenlands once, but it is filed under period 2016-12-31 (line 6) and 2017; file it once, or split the passage if it states the figure for each',
    );
  });

  it('fails on one stated figure filed under two places', () => {
    const problems = lint(plus('observations', 'rate,brussels_gewest,2016,belgisch,T,,72.0,stat,,false'));
    expect(where(problems)).toEqual([[OBS, 12, 'passage filed twice']]);
    expect(problems[0].message).toContain('filed under geo vlaams_gewest (line 3) and brussels_gewest;');
  });

  it('leaves a row repeated with the same key to validation, and names only the other filing', () => {
    expect(
      where(
        lint(
          plus(
            'observations',
            'vo_staff,vlaams_gewest,2016-12-31,buitenlands,T,,8.8,vo,,false',
            'vo_staff,vlaams_gewest,2017,buitenlands,T,,8.8,vo,,false',
          ),
        ),
      ),
    ).toEqual([
      [OBS, 12, 'duplicate row'],
      [OBS, 13, 'passage filed twice'],
    ]);
  });

  it('allows different figures of one passage for several places, periods and groups', () => {
    // The clean fixture: "stat" gives 71.2 and 72.0 for two years and 60.5 for Gent.
    expect(lint(plus('observations', 'rate,gent,2016,niet_eu,T,,72.0,stat,,false'))).toEqual([]);
  });

  it('knows every word by which a passage states a figure for each filing', () => {
    const words = ['telkens', 'elk', 'elke', 'ieder', 'iedere', 'beide', 'each', 'every', 'both', 'jeweils', 'chaque'];
    const filedTwice = (w: string) => {
      const texts = plus(
        'observations',
        'proj,vlaanderen_brussel,2015,niet_eu,T,,9,w,,false',
        'proj,vlaanderen_brussel,2016,niet_eu,T,,9,w,,false',
      );
      texts.sources += `w,2018,,"In 2015 en 2016 ${w} 9 projecten.",agency\n`;
      return lint(texts).length > 0;
    };
    expect(words.filter(filedTwice)).toEqual([]);
    expect(filedTwice('samen')).toBe(true);
    expect(filedTwice('elkaar')).toBe(true);
  });

  it('allows a figure the passage states once per filing, or once with "telkens"; not a third filing of a figure stated twice', () => {
    // The clean fixture: "table" states 7.2 twice (2015, 2017); "each" says "telkens 7" for 2015 and 2016.
    expect(where(lint(plus('observations', 'rate,brussels_gewest,2020,totaal,T,,7.2,table,,false')))).toEqual([
      [OBS, 11, 'passage filed twice'],
      [OBS, 12, 'passage filed twice'],
    ]);
  });
});

describe('the real data', () => {
  it('lint clean (npm run data fails otherwise)', () => {
    const read = (name: string) => {
      const file = join(REAL_DATA_DIR, `${name}.csv`);
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    };
    const texts = Object.fromEntries(
      ['indicators', 'geos', 'sources', 'observations', 'targets', 'disagreements'].map((n) => [n, read(n)]),
    ) as Partial<Texts>;
    expect(texts.disagreements).toBeDefined();
    expect(lint(texts).map(formatLintProblem)).toEqual([]);
  });
});
