/**
 * Issue 9, Link and Embed: the `v` and `embed` parameters, the permalink of a view and the embed
 * snippet. Expected URLs and HTML are written out by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/lib/data/catalog';
import { embedSnippet } from '../../src/lib/export/embed';
import { embedUrl, isEmbed, parseUrl, permalink, serialiseState, withPageParams } from '../../src/lib/state/url';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { syntheticExtract } from '../helpers/extract';

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await syntheticExtract()).boot.catalog;
});

describe('parseUrl: the data version (v) and embed mode', () => {
  it('reads neither by default', () => {
    expect(parseUrl('?lang=en', catalog).page).toEqual({ embed: false, version: null });
  });

  it('reads a data version and embed mode without touching the view', () => {
    const { state, notices, page } = parseUrl('?lang=en&embed=1&v=0a3923ee0000', catalog);
    expect(page).toEqual({ embed: true, version: '0a3923ee0000' });
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...defaultState(catalog), lang: 'en' });
  });

  it('takes embed=1 or embed=true as on, embed=0 or embed=false as off, without a notice', () => {
    expect(parseUrl('?embed=true', catalog)).toMatchObject({ page: { embed: true }, notices: [] });
    expect(parseUrl('?embed=0', catalog)).toMatchObject({ page: { embed: false }, notices: [] });
    expect(parseUrl('?embed=false', catalog)).toMatchObject({ page: { embed: false }, notices: [] });
  });

  it('names an invalid embed value and shows the full app', () => {
    expect(parseUrl('?embed=yes&lang=en', catalog)).toEqual({
      state: { ...defaultState(catalog), lang: 'en' },
      notices: [{ param: 'embed', value: 'yes', reason: 'unknown_value' }],
      page: { embed: false, version: null },
    });
    expect(parseUrl('?embed=', catalog).notices).toEqual([{ param: 'embed', value: '', reason: 'unknown_value' }]);
  });

  it('names an invalid version and reads the link as naming none', () => {
    expect(parseUrl('?v=%3Cscript%3E', catalog)).toEqual({
      state: defaultState(catalog),
      notices: [{ param: 'v', value: '<script>', reason: 'unknown_value' }],
      page: { embed: false, version: null },
    });
    expect(parseUrl('?v=', catalog).notices).toEqual([{ param: 'v', value: '', reason: 'unknown_value' }]);
    expect(parseUrl('?v=.hidden', catalog).notices).toEqual([{ param: 'v', value: '.hidden', reason: 'unknown_value' }]);
    expect(parseUrl(`?v=${'a'.repeat(65)}`, catalog).page.version).toBeNull();
    expect(parseUrl(`?v=${'a'.repeat(64)}`, catalog).page.version).toBe('a'.repeat(64));
  });

  it('uses the first of a repeated version and says so', () => {
    expect(parseUrl('?v=aaa&v=bbb', catalog)).toMatchObject({
      page: { version: 'aaa' },
      notices: [{ param: 'v', value: 'aaa, bbb', reason: 'duplicate_param' }],
    });
  });

  it('keeps both out of the view state, so the URLs the app writes never carry them', () => {
    const { state } = parseUrl('?view=table&embed=1&v=0a3923ee0000', catalog);
    expect(serialiseState(state, catalog)).toBe('?view=table');
  });
});

describe('isEmbed', () => {
  it('agrees with parseUrl before the catalog is loaded', () => {
    expect(isEmbed('?embed=1')).toBe(true);
    expect(isEmbed('embed=true&lang=en')).toBe(true);
    expect(isEmbed('?lang=en&embed=1')).toBe(true);
    expect(isEmbed('')).toBe(false);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(isEmbed('?embed=yes')).toBe(false);
    expect(isEmbed('?embedded=1')).toBe(false);
    expect(isEmbed('?embed=0&embed=1')).toBe(false);
  });
});

describe('withPageParams', () => {
  it('appends embed and version after the view, or makes a query of them alone', () => {
    expect(withPageParams('', {})).toBe('');
    expect(withPageParams('?lang=en', { embed: false, version: null })).toBe('?lang=en');
    expect(withPageParams('', { embed: true })).toBe('?embed=1');
    expect(withPageParams('?lang=en', { embed: true, version: 'abc' })).toBe('?lang=en&embed=1&v=abc');
    expect(withPageParams('', { version: 'a b&c' })).toBe('?v=a%20b%26c');
  });
});

describe('permalink', () => {
  const BASE = 'https://example.org/herkomstkloof/';

  it('gives the default view as the base with the version alone', () => {
    expect(permalink(defaultState(catalog), catalog, '0a3923ee0000', BASE)).toBe('https://example.org/herkomstkloof/?v=0a3923ee0000');
  });

  it('writes every non-default part of the view, then the version', () => {
    const state: ViewState = {
      lang: 'en',
      view: 'gap',
      indicator: 'rate',
      geos: ['vlaams_gewest', 'gent'],
      groups: ['niet_eu'],
      years: [2014, 2015],
      year: 2017,
      ref: 'belgisch',
      sort: null,
    };
    expect(permalink(state, catalog, 'v2', 'http://127.0.0.1:4173/')).toBe(
      'http://127.0.0.1:4173/?lang=en&view=gap&ind=rate&geo=vlaams_gewest~gent&grp=niet_eu&yrs=2014..2015&yr=2017&ref=belgisch&v=v2',
    );
  });

  it('opens as the same view and names its version', () => {
    const state: ViewState = { ...defaultState(catalog, 'rate', 'en', 'table'), sort: '-value' };
    const url = new URL(permalink(state, catalog, '0a3923ee0000', BASE));
    expect(parseUrl(url.search, catalog)).toEqual({ state, notices: [], page: { embed: false, version: '0a3923ee0000' } });
  });
});

describe('embedUrl', () => {
  it('gives the view in embed mode with its version, which opens as that view, embedded', () => {
    const state: ViewState = { ...defaultState(catalog), view: 'gap' };
    const url = embedUrl(state, catalog, '0a3923ee0000', 'https://example.org/herkomstkloof/');
    expect(url).toBe('https://example.org/herkomstkloof/?view=gap&embed=1&v=0a3923ee0000');
    expect(parseUrl(new URL(url).search, catalog)).toEqual({ state, notices: [], page: { embed: true, version: '0a3923ee0000' } });
    expect(embedUrl(defaultState(catalog), catalog, 'x1', 'http://127.0.0.1:4173/')).toBe('http://127.0.0.1:4173/?embed=1&v=x1');
  });
});

describe('embedSnippet', () => {
  it('gives a responsive, titled, lazy iframe and a script that listens to that frame on the app’s origin only', () => {
    expect(
      embedSnippet({
        src: 'https://example.org/herkomstkloof/?view=gap&embed=1&v=0a3923ee0000',
        title: 'Origin gap in the employment rate, Flemish Region',
        appOrigin: 'https://example.org',
      }),
    ).toBe(
      `<iframe id="herkomstkloof" src="https://example.org/herkomstkloof/?view=gap&amp;embed=1&amp;v=0a3923ee0000" title="Origin gap in the employment rate, Flemish Region" width="100%" height="480" loading="lazy" style="display: block; width: 100%; height: 480px; border: 0;"></iframe>
<script>
  (function () {
    var frame = document.getElementById("herkomstkloof");
    window.addEventListener("message", function (event) {
      if (!frame || event.origin !== "https://example.org" || event.source !== frame.contentWindow) return;
      var data = event.data;
      if (!data || data.type !== "herkomstkloof:height" || typeof data.height !== "number" || !(data.height > 0 && data.height < 20000)) return;
      frame.style.height = Math.ceil(data.height) + "px";
    });
  })();
</script>`,
    );
  });

  it('escapes the title and address in attributes and the origin in the script', () => {
    const html = embedSnippet({
      src: 'https://example.org/?a="b"&c=<d>',
      title: 'Kloof "werk" & <onderwijs>',
      appOrigin: 'https://example.org"</script><script>alert(1)//',
      id: 'kloof-1',
    });
    expect(html).toContain('id="kloof-1"');
    expect(html).toContain('src="https://example.org/?a=&quot;b&quot;&amp;c=&lt;d&gt;"');
    expect(html).toContain('title="Kloof &quot;werk&quot; &amp; &lt;onderwijs&gt;"');
    expect(html).toContain('event.origin !== "https://example.org\\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)//"');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('document.getElementById("kloof-1")');
  });

  it('keeps an id to letters, digits, - and _, starting with a letter', () => {
    expect(embedSnippet({ src: 'x', title: 't', appOrigin: 'o', id: 'a b"c' })).toContain('<iframe id="a-b-c"');
    expect(embedSnippet({ src: 'x', title: 't', appOrigin: 'o', id: '2' })).toContain('<iframe id="herkomstkloof-2"');
    expect(embedSnippet({ src: 'x', title: 't', appOrigin: 'o', id: '' })).toContain('<iframe id="herkomstkloof"');
  });
});
