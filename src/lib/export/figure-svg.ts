/**
 * A Figure as one standalone SVG file: title, subtitle, unit, legend, caption, the chart, notes,
 * the source line, the data version and the permalink, all drawn in. No external reference: text
 * is text in a generic font stack, the chart is Plot's own SVG nested inside. Text is wrapped to
 * the image's width by a conservative estimate of its width, so nothing runs past the edge.
 */
import * as Plot from '@observablehq/plot';
import type { Figure } from '../figure/types';
import { sourceLineText } from '../figure/documents';
import { t } from '../i18n';
import type { Lang } from '../state/view-state';

export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const PAD = 16;

export interface ImageInput {
  figure: Figure;
  lang: Lang;
  /** Width of the image in CSS pixels. */
  width: number;
  version: string;
  permalink: string;
  /** The document Plot draws into (the page's, or a jsdom one in tests). */
  document: Document;
}

/** Characters escaped for XML text and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Lines of at most `maxPx` (by an estimate of 0.62 em per character, wider than the average
 * glyph of common sans-serif fonts); a word longer than a line (a URL) is cut into pieces.
 */
export function wrapText(text: string, maxPx: number, fontPx: number): string[] {
  const perLine = Math.max(8, Math.floor(maxPx / (fontPx * 0.62)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.length > perLine ? (word.match(new RegExp(`.{1,${perLine}}`, 'g')) ?? [word]) : [word];
    for (const piece of pieces) {
      if (!line) line = piece;
      else if (line.length + 1 + piece.length <= perLine) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Block {
  height: number;
  svg: (y: number) => string;
}

function textBlock(
  text: string,
  width: number,
  o: { size: number; weight?: number; colour?: string; italic?: boolean; gap?: number },
): Block {
  const lines = wrapText(text, width - 2 * PAD, o.size);
  const lineHeight = Math.round(o.size * 1.35);
  const gap = o.gap ?? 6;
  return {
    height: lines.length * lineHeight + gap,
    svg: (y) =>
      lines
        .map(
          (l, i) =>
            `<text x="${PAD}" y="${y + (i + 1) * lineHeight - Math.round(lineHeight * 0.25)}" font-size="${o.size}"` +
            `${o.weight ? ` font-weight="${o.weight}"` : ''}${o.italic ? ' font-style="italic"' : ''} fill="${o.colour ?? '#1a1a1a'}">${xmlEscape(l)}</text>`,
        )
        .join(''),
  };
}

function legendBlock(f: Figure, width: number): Block | null {
  if (f.series.length < 2) return null;
  const size = 12;
  const rows: { x: number; label: string; colour: string }[][] = [[]];
  let x = PAD;
  for (const s of f.series) {
    const w = 16 + s.label.length * size * 0.62 + 14;
    if (x + w > width - PAD && rows.at(-1)!.length) {
      rows.push([]);
      x = PAD;
    }
    rows.at(-1)!.push({ x, label: s.label, colour: s.colour });
    x += w;
  }
  const lineHeight = 18;
  return {
    height: rows.length * lineHeight + 6,
    svg: (y) =>
      rows
        .flatMap((row, r) =>
          row.map(
            (item) =>
              `<circle cx="${item.x + 5}" cy="${y + r * lineHeight + 9}" r="5" fill="${xmlEscape(item.colour)}"/>` +
              `<text x="${item.x + 16}" y="${y + r * lineHeight + 13}" font-size="${size}" fill="#1a1a1a">${xmlEscape(item.label)}</text>`,
          ),
        )
        .join(''),
  };
}

/** The chart: Plot's SVG (without its figure wrapper) nested at the padding. */
function chartBlock(f: Figure, width: number, doc: Document): Block | null {
  if (!f.plot) return null;
  const options = f.plot(width - 2 * PAD);
  // The caption is drawn as text of its own; Plot would wrap the SVG in an HTML <figure> for it.
  const node = Plot.plot({ ...options, caption: undefined, document: doc });
  // With a legend, Plot returns a <figure> holding the swatches (small SVGs of their own) and the
  // chart: the chart is the figure's own SVG child.
  const svg = node.tagName.toLowerCase() === 'svg' ? node : [...node.children].find((c) => c.tagName.toLowerCase() === 'svg');
  if (!svg) return null;
  const height = Number(svg.getAttribute('height')) || 300;
  svg.setAttribute('x', String(PAD));
  const serializer = new (doc.defaultView as unknown as { XMLSerializer: typeof XMLSerializer }).XMLSerializer();
  return {
    height: height + 8,
    svg: (y) => {
      svg.setAttribute('y', String(y));
      return serializer.serializeToString(svg);
    },
  };
}

/** A table row as one line: cells joined with " · ", without empty cells at the end (a row with no note). */
function rowText(cells: string[]): string {
  const last = cells.findLastIndex((c) => c !== '');
  return cells.slice(0, last + 1).join(' · ');
}

/** The table view has no chart: its rows are written out, one line per row. */
function tableBlock(f: Figure, width: number): Block | null {
  if (f.plot || f.table.rows.length === 0) return null;
  const blocks = [
    textBlock(f.table.columns.map((c) => c.label).join(' · '), width, { size: 12, weight: 600 }),
    ...f.table.rows.map((r) => textBlock(rowText(f.table.columns.map((c) => r.cells[c.key] ?? '')), width, { size: 12, gap: 2 })),
  ];
  return stack(blocks);
}

function stack(blocks: (Block | null)[]): Block {
  const present = blocks.filter((b): b is Block => b !== null);
  return {
    height: present.reduce((a, b) => a + b.height, 0),
    svg: (y) => {
      let at = y;
      return present
        .map((b) => {
          const out = b.svg(at);
          at += b.height;
          return out;
        })
        .join('');
    },
  };
}

/** The standalone SVG text of a Figure, and its size in CSS pixels. */
export function figureSvg(i: ImageInput): { svg: string; width: number; height: number } {
  const { figure: f, lang, width } = i;
  const sources = sourceLineText(f.sources, { one: t(lang, 'source'), many: t(lang, 'sources') });
  const body = stack([
    textBlock(f.title, width, { size: 18, weight: 700 }),
    f.subtitle ? textBlock(f.subtitle, width, { size: 13, colour: '#444' }) : null,
    f.unit ? textBlock(t(lang, 'unitLine', { unit: f.unit }), width, { size: 12, colour: '#444' }) : null,
    legendBlock(f, width),
    f.caption ? textBlock(f.caption, width, { size: 12, italic: true, colour: '#5a3e00' }) : null,
    f.status === 'ready' ? null : textBlock(f.message ?? '', width, { size: 13 }),
    chartBlock(f, width, i.document),
    tableBlock(f, width),
    ...f.notes.map((n) => textBlock(n.text, width, { size: 12, colour: '#333', gap: 4 })),
    sources ? textBlock(sources, width, { size: 11, colour: '#333', gap: 4 }) : null,
    textBlock(`Herkomstkloof · ${t(lang, 'dataVersion', { version: i.version })}`, width, { size: 11, colour: '#555', gap: 2 }),
    textBlock(i.permalink, width, { size: 11, colour: '#555' }),
  ]);
  const height = Math.ceil(body.height + 2 * PAD);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${xmlEscape(FONT_STACK)}" role="img" aria-label="${xmlEscape(f.title)}">` +
    `<title>${xmlEscape(f.title)}</title><desc>${xmlEscape(f.summary)}</desc>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${body.svg(PAD)}</svg>`;
  return { svg, width, height };
}

/** Pixel width of a print-size image: `cm` wide at 300 dots per inch. */
export const printPixels = (cm: number) => Math.round((cm / 2.54) * 300);
