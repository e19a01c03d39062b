import { describe, expect, it } from 'vitest';
import { formatProblem, quoteStatesValue, validateDataset } from '../../src/lib/data/validate';
import { SYNTHETIC_FIXTURE, withRows, withTable } from '../helpers/fixture';

function problemsOf(texts: Parameters<typeof validateDataset>[0]) {
  return validateDataset(texts).problems;
}

describe('validateDataset', () => {
  it('accepts the synthetic fixture and derives period columns', () => {
    const { dataset, problems } = validateDataset(SYNTHETIC_FIXTURE);
    expect(problems).toEqual([]);
    expect(dataset!.observations).toHaveLength(9);
    const first = dataset!.observations[0];
    expect(first).toMatchObject({ period: '2014', period_kind: 'year', year_start: 2014, year_end: 2014, value: 70 });
  });

  it('rejects an observation whose source does not exist, naming file, line and column', () => {
    const problems = problemsOf(withRows('observations', 'rate,vlaams_gewest,2016,belgisch,T,20-64,72.0,nowhere,'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'data/observations.csv', line: 11, column: 'source', rule: 'reference' });
    expect(formatProblem(problems[0])).toBe(
      'data/observations.csv:11: column "source": "nowhere" is not an id in data/sources.csv [rule: reference]',
    );
  });

  it('rejects an observation with an empty source', () => {
    const problems = problemsOf(withRows('observations', 'rate,vlaams_gewest,2016,belgisch,T,20-64,72.0,,'));
    expect(problems.map((p) => [p.line, p.column, p.rule])).toEqual([[11, 'source', 'required']]);
  });

  it('rejects an unknown group', () => {
    const problems = problemsOf(withRows('observations', 'rate,vlaams_gewest,2014,marsbewoners,T,20-64,70.0,old,'));
    expect(problems.map((p) => [p.column, p.rule])).toEqual([['group', 'reference']]);
    expect(problems[0].message).toContain('marsbewoners');
  });

  it('rejects a non-numeric value and a value written with a decimal comma', () => {
    const problems = problemsOf(
      withRows('observations', 'rate,vlaams_gewest,2016,belgisch,T,20-64,veel,old,', 'rate,vlaams_gewest,2016,niet_eu,T,20-64,"52,0",old,'),
    );
    expect(problems.map((p) => [p.line, p.column, p.rule])).toEqual([
      [11, 'value', 'numeric value'],
      [12, 'value', 'numeric value'],
    ]);
  });

  it('rejects a duplicate key (same measure, same source twice)', () => {
    const problems = problemsOf(withRows('observations', 'rate,vlaams_gewest,2014,belgisch,T,20-64,70.0,old,'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 11, rule: 'unique key' });
    expect(problems[0].message).toContain('line 2');
  });

  it('allows the same measure from two different sources', () => {
    // 2015 belgisch is stated by "old" (71.2) and "new" (71.4) in the fixture.
    expect(problemsOf(SYNTHETIC_FIXTURE)).toEqual([]);
  });

  it('rejects a percentage outside 0–100 and a fractional count', () => {
    const indicators = SYNTHETIC_FIXTURE.indicators + 'n,werk,Aantal,Number,count,higher,0,x,x,false\n';
    const problems = problemsOf({
      ...withRows('observations', 'rate,vlaams_gewest,2018,belgisch,T,20-64,170.0,old,', 'n,vlaams_gewest,2018,belgisch,T,,12.5,old,'),
      indicators,
    });
    expect(problems.filter((p) => p.rule === 'unit range').map((p) => p.line)).toEqual([11, 12]);
  });

  it('rejects a figure that its quoted phrase does not state', () => {
    const problems = problemsOf(withRows('observations', 'rate,vlaams_gewest,2016,belgisch,T,20-64,72.5,old,'));
    expect(problems.map((p) => p.rule)).toEqual(['quoted figure']);
  });

  it('rejects a source with neither URL nor page', () => {
    const problems = problemsOf(withRows('sources', 'nopage,Synthetic,Report,2018,,Hoofdstuk 2,"70,0%",2026-11-29,agency'));
    expect(problems.map((p) => [p.file, p.column, p.rule])).toEqual([['data/sources.csv', 'url', 'citable source']]);
  });

  it('rejects a source without a kind or with an unknown kind, naming file, line and column', () => {
    const problems = problemsOf(
      withRows(
        'sources',
        'blog,Synthetic,Blog,2018,https://example.org/blog,intro,"70,0%",2026-11-29,gossip',
        'nokind,Synthetic,Report,2018,https://example.org/r,intro,"70,0%",2026-11-29,',
      ),
    );
    expect(problems.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([
      ['data/sources.csv', 5, 'kind', 'allowed values'],
      ['data/sources.csv', 6, 'kind', 'required'],
    ]);
    expect(formatProblem(problems[0])).toBe(
      'data/sources.csv:5: column "kind": "gossip" is not one of statistics, agency, parliament, research, press [rule: allowed values]',
    );
  });

  it('rejects a colour that is not #rrggbb and a reference that is not true/false', () => {
    const problems = problemsOf(withRows('groups', 'eu,EU-herkomst,EU origin,origin,30,x,x,green,ja'));
    expect(problems.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([
      ['data/groups.csv', 5, 'colour', 'format'],
      ['data/groups.csv', 5, 'reference', 'true or false'],
    ]);
    expect(formatProblem(problems[0])).toBe('data/groups.csv:5: column "colour": "green" is not a colour written #rrggbb [rule: format]');
  });

  it('rejects two reference groups of one kind, on the later line', () => {
    const problems = problemsOf(withRows('groups', 'eu,EU-herkomst,EU origin,origin,30,x,x,#009E73,true'));
    expect(problems.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([
      ['data/groups.csv', 5, 'reference', 'one reference per kind'],
    ]);
    expect(formatProblem(problems[0])).toBe(
      'data/groups.csv:5: column "reference": "eu" is a second reference of kind origin (the first is "belgisch" on line 2) [rule: one reference per kind]',
    );
  });

  it('rejects a comparable kind without a reference group, and a reference of a kind that has none', () => {
    const groups = SYNTHETIC_FIXTURE.groups.replace('origin,10,x,x,#0072B2,true', 'origin,10,x,x,#0072B2,false');
    const problems = problemsOf(withTable('groups', groups + 'totaal,Totaal,Total,total,900,x,x,#555555,true\n'));
    expect(problems.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([
      ['data/groups.csv', 2, 'reference', 'one reference per kind'],
      ['data/groups.csv', 5, 'reference', 'one reference per kind'],
    ]);
    expect(problems[0].message).toBe('no group of kind origin has reference=true (exactly one must)');
    expect(problems[1].message).toContain('groups of kind total have none');
  });

  it('rejects two groups of one kind with one colour that share an indicator, naming the indicator and the other group', () => {
    const problems = problemsOf(
      withRows(
        'groups',
        'eu,EU-herkomst,EU origin,origin,30,x,x,#cc79a7,false',
        // Same colour as belgisch, but another kind: allowed.
        'geboren_eu,Geboren in de EU,Born in the EU,country_of_birth,120,x,x,#0072B2,false',
      ),
    );
    expect(problems).toEqual([]);
    const withFigures = withRows(
      'groups',
      'eu,EU-herkomst,EU origin,origin,30,x,x,#cc79a7,false',
      'geboren_eu,Geboren in de EU,Born in the EU,country_of_birth,120,x,x,#0072B2,false',
    );
    withFigures.observations += 'rate,vlaams_gewest,2014,eu,T,20-64,70.0,old,\nrate,vlaams_gewest,2015,geboren_eu,T,20-64,71.2,old,\n';
    const clash = problemsOf(withFigures);
    expect(clash.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([['data/groups.csv', 5, 'colour', 'distinct colours']]);
    expect(formatProblem(clash[0])).toBe(
      'data/groups.csv:5: column "colour": #cc79a7 is also the colour of "niet_eu" (line 3), of the same kind (origin), and both have figures for indicator "rate" [rule: distinct colours]',
    );
  });

  it('rejects a domain without a default indicator and a domain with two', () => {
    const none = problemsOf(
      withTable(
        'indicators',
        SYNTHETIC_FIXTURE.indicators.replace(
          ',lower,1,Synthetisch (test),Synthetic (test),true',
          ',lower,1,Synthetisch (test),Synthetic (test),false',
        ),
      ),
    );
    expect(none.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([
      ['data/indicators.csv', 2, 'domain_default', 'one default per domain'],
    ]);
    expect(formatProblem(none[0])).toBe(
      'data/indicators.csv:2: column "domain_default": no indicator of domain "werk" has domain_default=true (exactly one must) [rule: one default per domain]',
    );
    const two = problemsOf(withRows('indicators', 'n,werk,Aantal,Number,count,higher,0,x,x,true'));
    expect(two.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([
      ['data/indicators.csv', 4, 'domain_default', 'one default per domain'],
    ]);
    expect(two[0].message).toBe('"n" is a second default of domain "werk" (the first is "gap" on line 3)');
    const noFigures = problemsOf(withTable('indicators', SYNTHETIC_FIXTURE.indicators + 'leeg,onderwijs,Leeg,Empty,%,higher,1,x,x,true\n'));
    expect(noFigures.map((p) => [p.line, p.column, p.rule])).toEqual([[4, 'domain_default', 'default has figures']]);
  });

  it('rejects bad periods, unknown columns and missing files', () => {
    expect(problemsOf(withRows('observations', 'rate,vlaams_gewest,2015/2017,belgisch,T,20-64,70.0,old,'))[0].rule).toBe('period');
    const header = problemsOf(withTable('geos', 'id,nis,name_nl,name_en,level,colour\n'));
    expect(header[0]).toMatchObject({ file: 'data/geos.csv', line: 1, rule: 'header' });
    expect(header[0].message).toContain('unknown column(s) colour');
    const { targets: _targets, ...rest } = SYNTHETIC_FIXTURE;
    expect(problemsOf(rest)[0]).toMatchObject({ file: 'data/targets.csv', rule: 'file present' });
  });

  it('reports an unclosed quote with its line', () => {
    const problems = problemsOf(withRows('observations', 'rate,vlaams_gewest,2016,belgisch,T,20-64,72.0,old,"never closed'));
    expect(problems.some((p) => p.rule === 'csv structure' && p.line === 11)).toBe(true);
  });
});

describe('validateDataset: columns added for the data lint (issue 8)', () => {
  const obsWithApprox = (...rows: string[]) =>
    withTable(
      'observations',
      SYNTHETIC_FIXTURE.observations
        .trim()
        .split('\n')
        .map((l, i) => (i === 0 ? `${l},approx` : `${l},false`))
        .join('\n') +
        '\n' +
        rows.join('\n') +
        '\n',
    );

  it('reads approx as false where the column is absent (older files) or the cell is empty', () => {
    const { dataset } = validateDataset(SYNTHETIC_FIXTURE);
    expect(dataset!.observations.every((o) => o.approx === false)).toBe(true);
    const { dataset: withEmpty, problems } = validateDataset(obsWithApprox('rate,gent,2015,niet_eu,T,20-64,52.0,old,,'));
    expect(problems).toEqual([]);
    expect(withEmpty!.observations.at(-1)).toMatchObject({ geo: 'gent', approx: false });
  });

  it('reads approx=true, and rejects an approx that is not true or false', () => {
    const { dataset } = validateDataset(obsWithApprox('rate,gent,2015,niet_eu,T,20-64,52.0,old,,true'));
    expect(dataset!.observations.at(-1)).toMatchObject({ geo: 'gent', approx: true });
    const problems = problemsOf(obsWithApprox('rate,gent,2015,niet_eu,T,20-64,52.0,old,,ongeveer'));
    expect(problems.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([['data/observations.csv', 11, 'approx', 'true or false']]);
  });

  it('reads levels and employer of an indicator, and rejects unknown levels and employers', () => {
    const header = 'id,domain,label_nl,label_en,unit,better,decimals,definition_nl,definition_en,domain_default,levels,employer';
    const [, ...rows] = SYNTHETIC_FIXTURE.indicators.trim().split('\n');
    const indicators = (a: string, b: string) => [header, `${rows[0]},${a}`, `${rows[1]},${b}`].join('\n') + '\n';
    const { dataset } = validateDataset(withTable('indicators', indicators('gewest|centrumstad,', 'gewest,vlaamse_overheid')));
    expect(dataset!.indicators.map((i) => [i.id, i.levels, i.employer])).toEqual([
      ['rate', 'gewest|centrumstad', null],
      ['gap', 'gewest', 'vlaamse_overheid'],
    ]);
    const problems = problemsOf(withTable('indicators', indicators('gewest|stad,', 'gewest,de_stad')));
    // (the two indicators then are unknown to observations.csv and targets.csv too)
    expect(problems.filter((p) => p.file === 'data/indicators.csv').map((p) => [p.line, p.column, p.rule])).toEqual([
      [2, 'levels', 'format'],
      [3, 'employer', 'allowed values'],
    ]);
  });
});

describe('quoteStatesValue', () => {
  it('finds Dutch and English notations, with trailing zeros and thousands separators', () => {
    expect(quoteStatesValue('bedroeg 53,0%', '53.0')).toBe(true);
    expect(quoteStatesValue('stands at 79.7%', 79.7)).toBe(true);
    expect(quoteStatesValue('in totaal 17.262 trajecten', '17262')).toBe(true);
    expect(quoteStatesValue('in totaal 17 262 trajecten', 17262)).toBe(true);
  });

  it('finds small numbers written out as words, but not "een" (also an article)', () => {
    expect(quoteStatesValue('telkens zeven projecten gesubsidieerd', '7')).toBe(true);
    expect(quoteStatesValue('one of the seven physical locations', 7)).toBe(true);
    expect(quoteStatesValue('een project', 1)).toBe(false);
    expect(quoteStatesValue('zeventien projecten', 7)).toBe(false);
  });

  it('does not match a number inside a longer number', () => {
    expect(quoteStatesValue('bedroeg 153 huizen', 53)).toBe(false);
    expect(quoteStatesValue('bedroeg 53,07%', '53.0')).toBe(false);
    expect(quoteStatesValue('bedroeg 2016', 16)).toBe(false);
  });
});
