/**
 * Exports of a Figure: CSV (both dialects, formula neutralising), citations and the standalone
 * SVG. Expected values written by hand from the synthetic fixture (tests/helpers/fixture.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import type { Catalog } from '../../src/lib/data/catalog';
import type { Source } from '../../src/lib/data/types';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { figureOf } from '../../src/lib/views/index';
import { loadView } from '../../src/lib/views/load';
import type { Figure } from '../../src/lib/figure/types';
import { csvText, figureCsv, neutralise } from '../../src/lib/export/figure-csv';
import { citeApa, citeBibtex, citePlain, longDate, type CitationInput } from '../../src/lib/export/citation';
import { figureSvg, printPixels, wrapText } from '../../src/lib/export/figure-svg';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { syntheticExtract } from '../helpers/extract';

let catalog: Catalog;
let figure: (s: ViewState) => Promise<Figure>;
beforeAll(async () => {
  const { dir, boot } = await syntheticExtract();
  catalog = boot.catalog;
  const conn = await openExtract(dir);
  figure = async (s) => figureOf(catalog, s, await loadView({ query: (q) => runQuery(conn, q) }, catalog, s));
}, 30_000);
const rate = (over: Partial<ViewState> = {}): ViewState => ({ ...defaultState(catalog, 'rate'), groups: ['belgisch', 'niet_eu'], ...over });

describe('CSV', () => {
  it('neutralises text a spreadsheet would run as a formula, and only that', () => {
    expect(['=SUM(A1)', '+31', '-2', '@cmd', '\tx', '\rx', 'a=b', ' =x'].map(neutralise)).toEqual([
      "'=SUM(A1)",
      "'+31",
      "'-2",
      "'@cmd",
      "'\tx",
      "'\rx",
      'a=b',
      ' =x',
    ]);
  });

  it('writes Flemish Excel (BOM, semicolons, decimal comma) and plain CSV; numbers are never neutralised', () => {
    const rows = [
      ['Gent', -1.5, true],
      ['=HYPERLINK("x")', 2, false],
      ['a;b, "c"', null, false],
    ];
    expect(csvText(['place', 'value', 'approx'], rows, 'excel-nl')).toBe(
      '\ufeffplace;value;approx\r\nGent;-1,5;true\r\n"\'=HYPERLINK(""x"")";2;false\r\n"a;b, ""c""";;false\r\n',
    );
    expect(csvText(['place', 'value', 'approx'], rows, 'plain')).toBe(
      'place,value,approx\r\nGent,-1.5,true\r\n"\'=HYPERLINK(""x"")",2,false\r\n"a;b, ""c""",,false\r\n',
    );
  });

  it('a gap view: one row per gap drawn, computed from two figures, naming both sources', async () => {
    const f = await figure(rate({ view: 'gap', groups: ['niet_eu'] }));
    const lines = figureCsv(f, catalog, f.sources, 'nl', 'plain').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'indicator,indicator_label,place,place_id,group,group_id,reference_group,period,age,measure,value,unit,approx,source_publisher,source_title,source_year,source_url',
    );
    // 70.0 − 50.5, 71.4 − 52.0 (the 2015 primary is the 2020 source's 71.4), 73.0 − 55.1.
    expect(lines.slice(1)).toEqual([
      'rate,Synthetische graad,Vlaams Gewest,vlaams_gewest,Niet-EU-herkomst,niet_eu,belgisch,2014,20-64,gap,19.5,pp,false,Synthetic,Old synthetic source,2015,https://example.org/old',
      'rate,Synthetische graad,Vlaams Gewest,vlaams_gewest,Niet-EU-herkomst,niet_eu,belgisch,2015,20-64,gap,19.4,pp,false,Synthetic | Synthetic,Old synthetic source | New synthetic source,2015 | 2020,https://example.org/old | https://example.org/new',
      'rate,Synthetische graad,Vlaams Gewest,vlaams_gewest,Niet-EU-herkomst,niet_eu,belgisch,2017,20-64,gap,17.9,pp,false,Synthetic,New synthetic source,2020,https://example.org/new',
    ]);
  });

  it('a trend: every figure drawn, the other source’s 2015 figure as an alternative; English labels', async () => {
    const f = await figure(rate({ lang: 'en' }));
    const rows = figureCsv(f, catalog, f.sources, 'en', 'excel-nl')
      .replace('\ufeff', '')
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';'))
      .map((c) => [c[2], c[4], c[7], c[9], c[10], c[15]].join(' '));
    expect(rows).toEqual([
      'Flemish Region Belgian origin 2014 value 70 2015',
      'Flemish Region Belgian origin 2015 value 71,4 2020',
      'Flemish Region Belgian origin 2015 alternative 71,2 2015',
      'Flemish Region Belgian origin 2017 value 73 2020',
      'Flemish Region Non-EU origin 2014 value 50,5 2015',
      'Flemish Region Non-EU origin 2015 value 52 2015',
      'Flemish Region Non-EU origin 2017 value 55,1 2020',
    ]);
  });

  it('a target view: the latest figure and the target it is measured against', async () => {
    const f = await figure(rate({ view: 'target' }));
    const rows = figureCsv(f, catalog, f.sources, 'nl', 'plain').trimEnd().split('\r\n').slice(1);
    expect(rows.map((l) => l.split(',').slice(4, 12).join(' '))).toEqual([
      'Belgische herkomst belgisch  2017 20-64 value 73 %',
      'Belgische herkomst belgisch  2020  target 80 %',
    ]);
  });
});

const SOURCES: Source[] = [
  {
    id: 'a',
    publisher: 'Steunpunt Werk',
    title: 'Werkzaamheid naar herkomst',
    year: 2024,
    url: 'https://example.org/a',
    locator: '',
    quote: '',
    consulted: '2026-11-29',
    kind: 'statistics',
  } as Source,
  {
    id: 'b',
    publisher: 'Vlaamse Regering',
    title: 'Integratiebeleidsplan_2018 & co',
    year: 2018,
    url: null,
    locator: '',
    quote: '',
    consulted: '2026-11-29',
    kind: 'agency',
  } as Source,
];
const CITE: CitationInput = {
  lang: 'nl',
  title: 'Werkzaamheidsgraad, Vlaams Gewest, 2023',
  version: '846b002cf579',
  permalink: 'https://example.org/hk/?view=compare&v=846b002cf579',
  accessed: '2026-11-30',
  sources: SOURCES,
};

describe('citations', () => {
  it('APA in Dutch and English, with the retrieval date, data version, permalink and sources', () => {
    expect(citeApa(CITE)).toBe(
      'Herkomstkloof. (2026). Werkzaamheidsgraad, Vlaams Gewest, 2023 [Datavisualisatie, dataversie 846b002cf579]. Geraadpleegd op 30 november 2026, van https://example.org/hk/?view=compare&v=846b002cf579 Op basis van: Steunpunt Werk (2024). Werkzaamheid naar herkomst. Vlaamse Regering (2018). Integratiebeleidsplan_2018 & co.',
    );
    expect(citeApa({ ...CITE, lang: 'en', sources: [] })).toBe(
      'Herkomstkloof. (2026). Werkzaamheidsgraad, Vlaams Gewest, 2023 [Data visualisation, data version 846b002cf579]. Retrieved 30 November 2026, from https://example.org/hk/?view=compare&v=846b002cf579',
    );
  });

  it('BibTeX: a @misc entry with special characters escaped', () => {
    expect(citeBibtex(CITE)).toBe(
      [
        '@misc{herkomstkloof_846b002c_20261130,',
        '  author = {{Herkomstkloof}},',
        '  title = {{Werkzaamheidsgraad, Vlaams Gewest, 2023}},',
        '  year = {2026},',
        '  howpublished = {\\url{https://example.org/hk/?view=compare&v=846b002cf579}},',
        '  urldate = {2026-11-30},',
        '  version = {846b002cf579},',
        '  note = {Dataversie 846b002cf579. Bronnen: Steunpunt Werk (2024). Werkzaamheid naar herkomst. Vlaamse Regering (2018). Integratiebeleidsplan\\_2018 \\& co.}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('plain text, and dates written out in both languages', () => {
    expect(citePlain({ ...CITE, lang: 'en', sources: [SOURCES[0]] })).toBe(
      'Werkzaamheidsgraad, Vlaams Gewest, 2023. Herkomstkloof, data version 846b002cf579. https://example.org/hk/?view=compare&v=846b002cf579 (accessed 30 November 2026). Sources: Steunpunt Werk (2024). Werkzaamheid naar herkomst.',
    );
    expect([longDate('2026-01-05', 'nl'), longDate('2026-12-31', 'en')]).toEqual(['5 januari 2026', '31 December 2026']);
  });
});

describe('the standalone SVG', () => {
  it('wraps text into lines that fit, cutting a long URL into pieces', () => {
    // 12 px at 0.62 em per character: 100 px holds 13 characters.
    expect(wrapText('een twee drie vier vijf', 100, 12)).toEqual(['een twee drie', 'vier vijf']);
    expect(wrapText('https://example.org/abcdefghij', 100, 12)).toEqual(['https://examp', 'le.org/abcdef', 'ghij']);
    expect(printPixels(16)).toBe(1890);
    expect(printPixels(2.54)).toBe(300);
  });

  it('is valid SVG with the title, every source, the data version and the permalink, and no external reference', async () => {
    const f = await figure(rate());
    const { document } = new JSDOM('').window;
    const out = figureSvg({ figure: f, lang: 'nl', width: 800, version: 'abc123', permalink: 'https://example.org/?v=abc123', document });
    const xml = new new JSDOM('').window.DOMParser().parseFromString(out.svg, 'image/svg+xml');
    expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = xml.documentElement;
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['800', String(out.height)]);
    // Wrapped lines joined again, so a phrase split over two lines still reads whole.
    const texts = [...xml.getElementsByTagName('text')].map((t) => t.textContent ?? '').join(' ');
    expect(texts).toContain('Synthetische graad naar herkomst, Vlaams Gewest, 2014–2017');
    for (const s of ['Old synthetic source', 'New synthetic source', 'Printed synthetic report']) expect(texts).toContain(s);
    expect(texts).toContain('Dataversie abc123');
    expect(texts).toContain('https://example.org/?v=abc123');
    // The legend names both series; the chart (Plot's SVG) is nested inside.
    expect(texts).toContain('Niet-EU-herkomst');
    const chart = [...root.getElementsByTagName('svg')][0];
    expect(Number(chart.getAttribute('height'))).toBeGreaterThan(200);
    expect(chart.getElementsByTagName('path').length).toBeGreaterThan(2);
    expect(out.svg).not.toMatch(/(?:href|src)\s*=|url\(|@import/);
  });

  it('an empty view exports its reason instead of a chart', async () => {
    const f = await figure(rate({ years: [2010, 2012] }));
    const { document } = new JSDOM('').window;
    const out = figureSvg({ figure: f, lang: 'nl', width: 800, version: 'v', permalink: 'p', document });
    expect(out.svg).toContain('Geen cijfers in 2010–2012 voor deze keuze.');
    expect(out.svg.match(/<svg/g)).toHaveLength(1);
  });
});
