/**
 * Hostile text in an extract: a synthetic fixture (tests/helpers/fixture.ts, labelled synthetic) whose
 * labels, names, publishers and titles are HTML, SVG, formula and bidi payloads, drawn through the
 * views and exported. The standalone SVG must carry them as text only (no element or attribute made
 * from them), and the CSV must neutralise every text cell a spreadsheet would run as a formula.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import type { Catalog } from '../../src/lib/data/catalog';
import type { BootData } from '../../src/lib/data/manifest';
import type { Figure } from '../../src/lib/figure/types';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { figureOf } from '../../src/lib/views/index';
import { loadView } from '../../src/lib/views/load';
import { figureCsv } from '../../src/lib/export/figure-csv';
import { figureSvg } from '../../src/lib/export/figure-svg';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTempExtract } from '../helpers/extract';
import { SYNTHETIC_FIXTURE } from '../helpers/fixture';

const P = {
  img: '<img src=x onerror=alert(1)>',
  script: '"><script>window.__pwned=1</script>',
  link: '=HYPERLINK("http://evil.example","klik")',
  cmd: "+cmd|' /C calc'!A0",
  cdata: 'Graad ]]><!-- & \u202Eesrever',
  at: '@SUM(1+1)',
  minus: '-2+3 <b>vet</b>',
  text: '</text><foreignObject><iframe src="https://evil.example"/></foreignObject>',
};
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The synthetic fixture with hostile labels (synthetic data, for tests only). */
const HOSTILE = {
  ...SYNTHETIC_FIXTURE,
  indicators: `id,domain,label_nl,label_en,unit,better,decimals,definition_nl,definition_en,domain_default
rate,werk,${q(P.cdata)},${q(P.text)},%,higher,1,${q(P.img)},Synthetic (test),false
gap,werk,Synthetische kloof,Synthetic gap,pp,lower,1,Synthetisch (test),Synthetic (test),true
`,
  groups: `id,label_nl,label_en,group_kind,sort,definition_nl,definition_en,colour,reference
belgisch,${q(P.img)},${q(P.img)},origin,10,x,x,#0072B2,true
niet_eu,${q(P.script)},${q(P.script)},origin,40,x,x,#CC79A7,false
geboren_belgie,Geboren in België,Born in Belgium,country_of_birth,110,x,x,#0072B2,true
`,
  geos: `id,nis,name_nl,name_en,level
vlaams_gewest,02000,${q(P.link)},${q(P.link)},gewest
gent,44021,${q(P.cmd)},${q(P.cmd)},centrumstad
`,
  sources: SYNTHETIC_FIXTURE.sources
    .replace('old,Synthetic,Old synthetic source', `old,${q(P.at)},${q(P.minus)}`)
    .replace('new,Synthetic,New synthetic source', `new,Synthetic,${q(P.text)}`),
};

let catalog: Catalog;
let figure: (s: ViewState) => Promise<Figure>;
beforeAll(async () => {
  const dir = await buildTempExtract(HOSTILE);
  catalog = (JSON.parse(readFileSync(join(dir, 'boot.json'), 'utf8')) as BootData).catalog;
  const conn = await openExtract(dir);
  figure = async (s) => figureOf(catalog, s, await loadView({ query: (sql) => runQuery(conn, sql) }, catalog, s));
}, 60_000);

const states = (): [string, ViewState][] => {
  const base: ViewState = { ...defaultState(catalog, 'rate'), groups: ['belgisch', 'niet_eu'] };
  return [
    ['trend', base],
    ['trend, two places', { ...base, geos: ['vlaams_gewest', 'gent'] }],
    ['compare', { ...base, view: 'compare' }],
    ['gap', { ...base, view: 'gap', groups: ['niet_eu'] }],
    ['table', { ...base, view: 'table' }],
    ['target', { ...base, view: 'target' }],
  ];
};

/** A CSV text split into cells (RFC 4180 quoting), for checking; written here, not taken from src/. */
function cells(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) endCell();
    else if (ch === '\r' && body[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe('hostile labels in a synthetic extract', () => {
  it('the figures use the hostile labels (the test reaches the text it means to)', async () => {
    const f = await figure(states()[0][1]);
    expect(f.status).toBe('ready');
    expect(`${f.title} ${JSON.stringify(f.series ?? '')} ${f.summary}`).toContain(P.img);
  });

  for (const [name, lang] of [
    ['nl', 'nl'],
    ['en', 'en'],
  ] as const) {
    it(`the standalone SVG carries payloads as text only (${name})`, async () => {
      for (const [view, s] of states()) {
        const f = await figure({ ...s, lang });
        const { document } = new JSDOM('').window;
        const out = figureSvg({ figure: f, lang, width: 800, version: 'v1', permalink: 'https://example.org/?v=v1', document });
        const xml = new new JSDOM('').window.DOMParser().parseFromString(out.svg, 'image/svg+xml');
        expect(xml.getElementsByTagName('parsererror').length, view).toBe(0);
        const names = [...xml.getElementsByTagName('*')].map((e) => e.localName);
        for (const bad of ['script', 'img', 'iframe', 'foreignObject', 'b']) expect(names, `${view}: <${bad}>`).not.toContain(bad);
        const handlers = [...xml.getElementsByTagName('*')]
          .flatMap((e) => [...e.attributes].map((a) => a.name))
          .filter((n) => /^on/i.test(n));
        expect(handlers, view).toEqual([]);
        // The payloads are there, as text a reader can see.
        const text = xml.documentElement.textContent ?? '';
        if (f.status === 'ready') expect(text, view).toMatch(/<img src=x onerror=alert\(1\)>|"><script>window.__pwned=1<\/script>/);
      }
    });
  }

  it('the CSV neutralises every text cell that starts like a formula, and keeps the text otherwise', async () => {
    for (const [view, s] of states()) {
      const f = await figure(s);
      for (const [dialect, sep] of [
        ['excel-nl', ';'],
        ['plain', ','],
      ] as const) {
        const rows = cells(figureCsv(f, catalog, f.sources, 'nl', dialect), sep);
        const all = rows.slice(1).flat();
        const formulas = all.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(?:[.,]\d+)?$/.test(c));
        expect(formulas, `${view} ${dialect}`).toEqual([]);
        if (f.status === 'ready' && view !== 'gap') {
          // Written by hand: the place names, neutralised with a leading apostrophe.
          expect(all, `${view} ${dialect}`).toContain(`'=HYPERLINK("http://evil.example","klik")`);
        }
      }
    }
  });
});
