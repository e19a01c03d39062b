/**
 * Representation chart spec: per place and year, two bars — the staff share (in the group's
 * colour) above the population share (grey) — each with its value written after it, the ratio
 * with the staff bar.
 */
import * as Plot from '@observablehq/plot';
import { t } from '../i18n';
import type { Lang } from '../state/view-state';
import { bandAxis, chartFontPx, textWidth, valueAxis, X_AXIS } from './common';

export interface RepresentationRow {
  key: string;
  label: string;
  colour: string;
  staff: number;
  population: number;
  staffText: string;
  populationText: string;
  /** Shorter texts (values only) for narrow charts, where a caption says which bar is which. */
  staffShort: string;
  populationShort: string;
}

/** Height of one place-and-year band: two bars and the gap between bands. */
const ROW_PX = 56;
const POPULATION_GREY = '#8a8a8a';

export function representationSpec(ctx: {
  lang: Lang;
  width: number;
  rows: RepresentationRow[];
  unit: string;
  shortCaption: string;
}): Plot.PlotOptions {
  const { width, lang } = ctx;
  const font = chartFontPx(width);
  const axis = bandAxis(
    ctx.rows.map((r) => r.label),
    width,
    font,
  );
  const widest = (rows: { staffText: string; populationText: string }[]) =>
    Math.max(0, ...rows.flatMap((r) => [textWidth(r.staffText, font), textWidth(r.populationText, font)]));
  // Texts after the bars get at most 45 % of the width; where the long ones do not fit, the values
  // alone are written and the caption says which bar is which.
  const long = widest(ctx.rows) + 14 <= width * 0.45;
  const rows = long ? ctx.rows : ctx.rows.map((r) => ({ ...r, staffText: r.staffShort, populationText: r.populationShort }));
  const marginRight = Math.round(widest(rows)) + 14;
  // Each band holds two bars: the staff bar in its upper half, the population bar in its lower half.
  const half = (ROW_PX - 12) / 2;
  const bar = { y: 'label', className: 'representation-bar' };
  return {
    width,
    height: rows.length * ROW_PX + 70,
    marginLeft: axis.marginLeft,
    marginRight,
    marginBottom: X_AXIS.marginBottom,
    style: { fontSize: `${font}px` },
    caption: long ? undefined : ctx.shortCaption,
    x: valueAxis({
      label: t(lang, 'reprAxis', { unit: ctx.unit }),
      unit: ctx.unit,
      lang,
      width,
      marginLeft: axis.marginLeft,
      marginRight,
      fontPx: font,
    }),
    y: { label: null, domain: rows.map((r) => r.label), axis: null, paddingInner: 12 / ROW_PX, paddingOuter: 0.1 },
    marks: [
      axis.mark,
      Plot.barX(rows, { ...bar, x: 'staff', fill: 'colour', insetBottom: half, className: 'representation-staff' }),
      Plot.barX(rows, { ...bar, x: 'population', fill: POPULATION_GREY, insetTop: half, className: 'representation-population' }),
      Plot.text(rows, {
        y: 'label',
        x: 'staff',
        text: 'staffText',
        dx: 6,
        dy: -half / 2,
        textAnchor: 'start',
        fontSize: font,
        className: 'representation-label',
      }),
      Plot.text(rows, {
        y: 'label',
        x: 'population',
        text: 'populationText',
        dx: 6,
        dy: half / 2,
        textAnchor: 'start',
        fontSize: font,
        className: 'representation-label',
      }),
      Plot.ruleX([0]),
    ],
  };
}
