/**
 * The oracle against expectations written by hand from data/observations.csv and
 * data/sources.csv (each case quotes the rows it was worked out from), plus small hand-made
 * fixtures for the rules no real slot exercises (rule 2 of the priority, months, the 366-day
 * limit, "ending last", a source without a kind).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createOracle, loadOracle, parsePeriod, type Figure, type Oracle, type OracleData, type Series } from './index';

const DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

let o: Oracle;
beforeAll(async () => {
  o = await loadOracle(DATA_DIR);
});

const kindOf = (id: string) => o.data.sources.find((s) => s.id === id)?.kind;

/** A series as [slot, primary value, primary source, dashedBefore] tuples. */
const compact = (s: Series | undefined) => s?.slots.map((x) => [x.slot, x.primary.value, x.primary.source, x.dashedBefore]);

describe('periods', () => {
  it('reads the five kinds of period with their first and last year', () => {
    expect(parsePeriod('2019')).toMatchObject({ kind: 'year', yearStart: 2019, yearEnd: 2019 });
    expect(parsePeriod('2018/2019')).toMatchObject({
      kind: 'school_year',
      yearStart: 2018,
      yearEnd: 2019,
      spanFirst: 2018,
      spanLast: 2018,
    });
    expect(parsePeriod('2012..2014')).toMatchObject({ kind: 'average', yearStart: 2012, yearEnd: 2014, spanFirst: 2012, spanLast: 2014 });
    expect(parsePeriod('2019-01')).toMatchObject({ kind: 'month', yearStart: 2019, yearEnd: 2019 });
    expect(parsePeriod('2018-04-01')).toMatchObject({ kind: 'date', yearStart: 2018, yearEnd: 2018 });
    expect(() => parsePeriod('2018/2020')).toThrow();
    expect(() => parsePeriod('2019-02-30')).toThrow();
    expect(() => parsePeriod('2019-13')).toThrow();
  });

  it('parses every period in the data', () => {
    for (const row of o.data.observations) expect(() => parsePeriod(row.period), row.period).not.toThrow();
  });
});

describe('loading', () => {
  it('reads every observation and the source kinds', () => {
    // data/observations.csv has 378 figures (379 lines with the header) at the time of writing (five
    // exact duplicates were removed, issue 8); assert only a floor so adding figures does not break the oracle's own tests.
    expect(o.data.observations.length).toBeGreaterThanOrEqual(378);
    expect(o.data.observations[0]).toEqual({
      indicator: 'werkzaamheidsgraad',
      geo: 'vlaams_gewest',
      period: '2011',
      group: 'geboren_belgie',
      sex: 'T',
      age: '20-64',
      value: 73.3,
      source: 'sw_kloof_geboorteland_2011',
      note: 'Enquête naar de Arbeidskrachten',
    });
    expect(o.data.indicators.find((i) => i.id === 'ongekwalificeerde_uitstroom')?.better).toBe('lower');
  });

  it('imports nothing from src/ or scripts/', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/from\s+['"][^'"]*\/(src|scripts)\//);
    }
  });
});

describe('§1–4 series, slots, primaries, dashes (real data)', () => {
  it('werkzaamheidsgraad, Vlaams Gewest, by country of birth: missing years bridged by dashes', () => {
    // Rows 2–9 of observations.csv, and 2022 (15-64) from ow_nieuwsblad_sv_eak_2022 (72.5, 73.5, 60.5).
    const s = o.series({
      indicator: 'werkzaamheidsgraad',
      geos: ['vlaams_gewest'],
      groups: ['geboren_belgie', 'geboren_eu', 'geboren_buiten_eu'],
    });
    expect(s.map((x) => x.group)).toEqual(['geboren_belgie', 'geboren_eu', 'geboren_buiten_eu']);
    expect(compact(s[0])).toEqual([
      ['2011', 73.3, 'sw_kloof_geboorteland_2011', false],
      ['2015', 73.6, 'sw_kloof_geboorteland_2015', true],
      ['2022', 72.5, 'ow_nieuwsblad_sv_eak_2022', true],
      ['2023', 78.6, 'sw_migratieachtergrond_2023', false],
    ]);
    expect(compact(s[1])).toEqual([
      ['2022', 73.5, 'ow_nieuwsblad_sv_eak_2022', false],
      ['2023', 76.3, 'sw_migratieachtergrond_2023', false],
    ]);
    expect(compact(s[2])).toEqual([
      ['2011', 53.0, 'sw_kloof_geboorteland_2011', false],
      ['2015', 53.7, 'sw_kloof_geboorteland_2015', true],
      ['2020', 60, 'belga_sv_participatie_2022', true],
      ['2022', 60.5, 'ow_nieuwsblad_sv_eak_2022', true],
      ['2023', 63.4, 'sw_migratieachtergrond_2023', false],
    ]);
    expect(s.every((x) => x.slots.every((slot) => slot.alternatives.length === 0))).toBe(true);
  });

  it('Flemish government staff of foreign origin: 2016 and 2016-12-31 are one slot; the agency figure 8.8 is primary', () => {
    // 2016-12-31 8.9 personeel_deredactie_2017_herkomst (press, 2017)
    // 2016-12-31 8.8 personeel_13vl_2017_herkomst       (agency, 2017)
    // 2016       8.8 personeel_vrt_2018_herkomst        (press, 2018)
    // 2016       8.8 hibp2018_personeel_vo_2016         (agency, 2018) — of the two agency rows, published last
    // 2016       8.9 personeel_hln_2020_herkomst2016    (press, 2020)  — published last, still not primary
    // 2017: 9.6 personeel_vrt_2018_herkomst (press) and 9.6 hibp2018_personeel_vo_2017 (agency).
    expect(kindOf('personeel_13vl_2017_herkomst')).toBe('agency');
    expect(kindOf('hibp2018_personeel_vo_2016')).toBe('agency');
    for (const id of ['personeel_deredactie_2017_herkomst', 'personeel_vrt_2018_herkomst', 'personeel_hln_2020_herkomst2016']) {
      expect(kindOf(id), id).toBe('press');
    }
    const [s] = o.series({ indicator: 'vo_personeel_buitenlandse_herkomst_pct', geos: ['vlaams_gewest'], groups: ['buitenlands'] });
    // 2018: two agency rows (2018-12-31, 10.2, both published 2019) — rule 4: personeel_jaarverslag_2018 < personeel_ov_2018_herkomst.
    expect(compact(s)).toEqual([
      ['2016', 8.8, 'hibp2018_personeel_vo_2016', false],
      ['2017', 9.6, 'hibp2018_personeel_vo_2017', false],
      ['2018', 10.2, 'personeel_jaarverslag_2018', false],
      ['2019', 10.7, 'personeel_hln_2020_herkomst', false],
      ['2020', 11.5, 'personeel_demorgen_2022_herkomst', false],
      ['2023', 13.9, 'vo_bedrijfsinfo_2023', true],
    ]);
    expect(s.slots[0].primary.period).toBe('2016');
    expect(s.slots[0].alternatives.map((a) => [a.period, a.value, a.source]).sort()).toEqual(
      [
        ['2016-12-31', 8.8, 'personeel_13vl_2017_herkomst'],
        ['2016', 8.8, 'personeel_vrt_2018_herkomst'],
        ['2016', 8.9, 'personeel_hln_2020_herkomst2016'],
        ['2016-12-31', 8.9, 'personeel_deredactie_2017_herkomst'],
      ].sort(),
    );
    const d = o.disagreements({ indicator: 'vo_personeel_buitenlandse_herkomst_pct', geos: ['vlaams_gewest'], groups: ['buitenlands'] });
    expect(d).toHaveLength(1);
    expect(d[0].slot).toBe('2016');
    expect(d[0].others.map((f) => f.source).sort()).toEqual(['personeel_deredactie_2017_herkomst', 'personeel_hln_2020_herkomst2016']);
  });

  it('Huizen van het Kind, Flanders and Brussels: 222 (Opgroeien, agency) is primary over 266 (Kinderwelzijnsbarometer, research) in 2019', () => {
    // 2014-11 118, 2016-06 128, 2018-03-02 153 (hvk_kg_2018_03), 2018-04-01 153 (hibp2018_hvhk_aantal_2018),
    // 2019 222 (hvk_opgroeien_2019), 2019 266 (hvk_kwb_2019), 2020-01-28 224, 2022 226.
    expect(kindOf('hvk_opgroeien_2019')).toBe('agency');
    expect(kindOf('hvk_kwb_2019')).toBe('research');
    expect(kindOf('hvk_kg_2018_03')).toBe('agency');
    expect(kindOf('hibp2018_hvhk_aantal_2018')).toBe('agency');
    const q = { indicator: 'hvk_aantal_huizen', geos: ['vlaanderen_brussel'], groups: ['totaal'] };
    const [s] = o.series(q);
    // The series has calendar years, so its months and dates sit on their year.
    expect(compact(s)).toEqual([
      ['2014', 118, 'hvk_kg_beeld_2016', false],
      ['2016', 128, 'hvk_kg_beeld_2016', true],
      // Both agency, both 153, both published 2018: rule 4, hibp2018_… < hvk_kg_….
      ['2018', 153, 'hibp2018_hvhk_aantal_2018', true],
      ['2019', 222, 'hvk_opgroeien_2019', false],
      ['2020', 224, 'hvk_hln_2020_01', false],
      ['2022', 226, 'hvk_opgroeien_2022', true],
    ]);
    expect(s.slots[3].alternatives).toEqual([
      { indicator: 'hvk_aantal_huizen', geo: 'vlaanderen_brussel', group: 'totaal', period: '2019', value: 266, source: 'hvk_kwb_2019' },
    ]);
    const d = o.disagreements(q);
    expect(d.map((x) => [x.slot, x.primary.value, x.others.map((f) => f.value)])).toEqual([['2019', 222, [266]]]);
  });

  it('with a year range and no calendar year left, months and dates are their own slots', () => {
    // Same series, 2014..2018: 2014-11, 2016-06, 2018-03-02, 2018-04-01 — no plain year among them.
    const [s] = o.series({ indicator: 'hvk_aantal_huizen', geos: ['vlaanderen_brussel'], groups: ['totaal'], years: [2014, 2018] });
    expect(compact(s)).toEqual([
      ['2014-11', 118, 'hvk_kg_beeld_2016', false],
      ['2016-06', 128, 'hvk_kg_beeld_2016', true], // 19 months apart
      ['2018-03-02', 153, 'hvk_kg_2018_03', true], // month then date: 2018 > 2016 + 1
      ['2018-04-01', 153, 'hibp2018_hvhk_aantal_2018', false], // 30 days apart
    ]);
  });

  it('a year range keeps rows with year_start ≥ a and year_end ≤ b', () => {
    const [s] = o.series({
      indicator: 'vo_personeel_buitenlandse_herkomst_pct',
      geos: ['vlaams_gewest'],
      groups: ['buitenlands'],
      years: [2017, 2020],
    });
    expect(s.slots.map((x) => x.slot)).toEqual(['2017', '2018', '2019', '2020']);
    // A school year 2018/2019 spans 2018 and 2019: outside 2019..2022, inside 2018..2019.
    const esl = (years: [number, number]) =>
      o
        .series({ indicator: 'ongekwalificeerde_uitstroom', geos: ['vlaanderen_brussel'], groups: ['totaal'], years })[0]
        .slots.map((x) => x.slot);
    expect(esl([2019, 2022])).toEqual(['2019/2020', '2020/2021', '2021/2022']);
    expect(esl([2018, 2019])).toEqual(['2018/2019']);
  });

  it('early school leaving (school years): statistics office before press, dash over the missing years', () => {
    // totaal: 2009/2010 12.9 (Samenleving & Politiek, research) and 12 (Nieuwsblad, press), 2010 13.9 (Skolo),
    // 2012/2013 11.7, 2014/2015 9.7 (belga, 2024) and 11 (Knack, 2017), 2016/2017 11.0, 2017/2018 11.8 (HLN, press) and 11.9 (Statistiek Vlaanderen, statistics),
    // 2018/2019 12.1, 2019/2020 9.4, 2020/2021 12 (belga, press) and 12.0 (Statistiek Vlaanderen), 2021/2022 14.1.
    expect(kindOf('onderwijs_sv_esl_admin_2017_2018')).toBe('statistics');
    expect(kindOf('onderwijs_hln_schoolverlaters_2021_totaal')).toBe('press');
    expect(kindOf('onderwijs_sv_esl_admin_2023')).toBe('statistics');
    const q = { indicator: 'ongekwalificeerde_uitstroom', geos: ['vlaanderen_brussel'], groups: ['totaal'] };
    expect(compact(o.series(q)[0])).toEqual([
      ['2009/2010', 12.9, 'ow_sampol_esl_antwerpen_2017', false],
      ['2010', 13.9, 'ow_skolo_ssl_esl_2010', false],
      ['2012/2013', 11.7, 'ow_sampol_esl_antwerpen_2017', true],
      ['2014/2015', 9.7, 'onderwijs_belga_esl_2024_totaal', true],
      ['2016/2017', 11.0, 'ow_nieuwsblad_esl_2016_2018', true],
      ['2017/2018', 11.9, 'onderwijs_sv_esl_admin_2017_2018', false],
      ['2018/2019', 12.1, 'onderwijs_belga_esl_2024_totaal', false],
      ['2019/2020', 9.4, 'onderwijs_belga_esl_2024_totaal', false],
      ['2020/2021', 12, 'onderwijs_sv_esl_admin_2023', false],
      ['2021/2022', 14.1, 'onderwijs_belga_esl_2024_totaal', false],
    ]);
    // 12 and 12.0 are the same value: no disagreement in 2020/2021; 11.8 vs 11.9 is one, and so are 2009/2010 and 2014/2015.
    expect(o.disagreements(q).map((d) => [d.slot, d.primary.value, d.others.map((f) => [f.value, f.source])])).toEqual([
      ['2009/2010', 12.9, [[12, 'ow_nieuwsblad_esl_2016_2018']]],
      ['2014/2015', 9.7, [[11, 'ow_knack_esl_2014_2015']]],
      ['2017/2018', 11.9, [[11.8, 'onderwijs_hln_schoolverlaters_2021_totaal']]],
    ]);
  });

  it('pathways started: an average is its own slot, solid to the next year; the agency beats two press rows', () => {
    // 2012..2014 17262; 2015 19454 (plan, agency) vs 19455 (Metro, press); 2016 25574 vs 25631;
    // 2017 21725 (plan) vs 21771 (HLN); 2018 21582; 2019 22970; 2022 20754 (jaarrapport, agency) vs 14500 (VRT, press).
    expect(kindOf('hibp2018_inburgeringstrajecten_2012_2016')).toBe('agency');
    expect(kindOf('inb_metro_contracten_2015_2016')).toBe('press');
    const [s] = o.series({ indicator: 'inburgering_trajecten_gestart', geos: ['vlaanderen_brussel'], groups: ['totaal'] });
    expect(s.slots.map((x) => [x.slot, x.primary.value, x.dashedBefore])).toEqual([
      ['2012..2014', 17262, false],
      ['2015', 19454, false],
      ['2016', 25574, false],
      ['2017', 21725, false],
      ['2018', 21582, false],
      ['2019', 22970, false],
      ['2022', 20754, true],
    ]);
  });

  it('rule 3: of two press figures the one published last; rule 4: of two published the same year, the first source id', () => {
    // Brussels 2010: 2096 (inb_bruzz_bon_2010, 2011) vs 2013 (inb_belg_brussel_2010_2014, 2015).
    const [bxl] = o.series({ indicator: 'inburgering_trajecten_gestart', geos: ['brussels_gewest'], groups: ['totaal'] });
    expect(bxl.slots.find((x) => x.slot === '2010')?.primary).toMatchObject({ value: 2013, source: 'inb_belg_brussel_2010_2014' });
    // Women in top management 2014: 21 (2016) vs 24.4 (2018), both parliament.
    // 2007: 17 (2007, personeel_brusseel_barometer_top) vs 20 (2007-12-31, personeel_brusseel_top), both parliament 2009.
    const [top] = o.series({ indicator: 'vo_vrouwen_topkader_pct', geos: ['vlaams_gewest'], groups: ['totaal'] });
    expect(top.slots.find((x) => x.slot === '2014')?.primary).toMatchObject({ value: 24.4, source: 'personeel_christiaens_2018_top2014' });
    expect(top.slots.find((x) => x.slot === '2007')?.primary).toMatchObject({ value: 17, period: '2007' });
    // A date-only series: Antwerpen 2018-12-31, 23.7 vs 26.7, both press 2020.
    const [antw] = o.series({ indicator: 'stadspersoneel_buitenlandse_herkomst_pct', geos: ['antwerpen'], groups: ['buitenlands'] });
    expect(compact(antw)).toEqual([['2018-12-31', 23.7, 'personeel_antwerpen_groep_2018', false]]);
  });

  it('reads only sex T', () => {
    // Belgium 2020: T 32.5, F 40.5, M 23.8.
    const [s] = o.series({ indicator: 'herkomstkloof_werkzaamheid', geos: ['belgie'], groups: ['nationaliteit_niet_eu'] });
    expect(s.slots.find((x) => x.slot === '2020')).toMatchObject({ primary: { value: 32.5 }, alternatives: [] });
  });
});

describe('§5 views (real data)', () => {
  const cob = { indicator: 'werkzaamheidsgraad', geos: ['vlaams_gewest'], groups: ['geboren_belgie', 'geboren_eu', 'geboren_buiten_eu'] };

  it('comparison: default year is the latest any primary ends in; a group without a figure that year has no bar', () => {
    const latest = o.compare(cob);
    expect(latest.year).toBe(2023);
    expect(latest.bars.map((b) => [b.group, b.value])).toEqual([
      ['geboren_belgie', 78.6],
      ['geboren_eu', 76.3],
      ['geboren_buiten_eu', 63.4],
    ]);
    expect(o.compare({ ...cob, year: 2015 }).bars.map((b) => [b.group, b.value])).toEqual([
      ['geboren_belgie', 73.6],
      ['geboren_buiten_eu', 53.7],
    ]);
    expect(o.compare({ ...cob, year: 2019 }).bars).toEqual([]);
  });

  it('comparison of school years: 2018/2019 ends in 2019', () => {
    const q = { indicator: 'ongekwalificeerde_uitstroom', geos: ['vlaanderen_brussel'], groups: ['thuistaal_nl', 'thuistaal_niet_nl'] };
    expect(o.compare(q)).toMatchObject({ year: 2022 });
    expect(o.compare(q).bars.map((b) => [b.period, b.value])).toEqual([
      ['2021/2022', 8.5],
      ['2021/2022', 27.2],
    ]);
    expect(o.compare({ ...q, year: 2019 }).bars.map((b) => [b.period, b.value])).toEqual([
      ['2018/2019', 7.6],
      ['2018/2019', 26.1],
    ]);
  });

  it('gap from two stated figures: born in Belgium − born outside the EU, only where both have a figure', () => {
    const g = o.gaps({ ...cob, groups: ['geboren_buiten_eu'], reference: 'geboren_belgie' });
    // 73.3 − 53.0, 73.6 − 53.7 (not 19.899999999999995), 72.5 − 60.5 (2022, 15-64, ow_nieuwsblad_sv_eak_2022),
    // 78.6 − 63.4; 2020 (60) has no reference figure.
    expect(g.map((x) => [x.slot, x.reference.value, x.figure.value, x.gap])).toEqual([
      ['2011', 73.3, 53.0, 20.3],
      ['2015', 73.6, 53.7, 19.9],
      ['2022', 72.5, 60.5, 12],
      ['2023', 78.6, 63.4, 15.2],
    ]);
  });

  it('gap where lower is better: group − reference, so positive still means behind', () => {
    // Home language not Dutch 26.1 and 27.2, Dutch 7.6 and 8.5.
    const g = o.gaps({
      indicator: 'ongekwalificeerde_uitstroom',
      geos: ['vlaanderen_brussel'],
      groups: ['thuistaal_niet_nl'],
      reference: 'thuistaal_nl',
    });
    expect(g.map((x) => [x.slot, x.gap])).toEqual([
      ['2018/2019', 18.5],
      ['2021/2022', 18.7],
    ]);
  });

  it('ranking across places: largest gap first, default year the latest with a gap', () => {
    // 2023: Brussels belgisch 70.9 vs nieuwkomer_niet_eu 46.3 → 24.6; Vlaams Gewest 79.7 vs 58 → 21.7;
    // Belgium belgisch 76.5 vs niet_eu 57.4 → 19.1. (2014 newcomers have no reference figure.)
    const q = {
      indicator: 'werkzaamheidsgraad',
      geos: ['vlaams_gewest', 'brussels_gewest', 'belgie'],
      groups: ['nieuwkomer_niet_eu', 'niet_eu'],
      reference: 'belgisch',
    };
    const r = o.ranked(q);
    expect(r.year).toBe(2023);
    expect(r.rows.map((x) => [x.geo, x.group, x.gap])).toEqual([
      ['brussels_gewest', 'nieuwkomer_niet_eu', 24.6],
      ['vlaams_gewest', 'nieuwkomer_niet_eu', 21.7],
      ['belgie', 'niet_eu', 19.1],
    ]);
    // Belgium 2022: belgisch 75.8; noord_afrikaans 51.3 → 24.5, subsahara 54.3 → 21.5, turks 58.2 → 17.6, eu13 76.4 → −0.6.
    const be = o.ranked({ ...q, geos: ['belgie'], groups: ['turks', 'eu13', 'subsahara', 'noord_afrikaans'], year: 2022 });
    expect(be.rows.map((x) => [x.group, x.gap])).toEqual([
      ['noord_afrikaans', 24.5],
      ['subsahara', 21.5],
      ['turks', 17.6],
      ['eu13', -0.6],
    ]);
  });

  it('targets: the latest primary by period end, remaining = target − latest (higher is better for all of them)', () => {
    // vo_herkomst_2020: 10 by 2020, latest 2023 13.9 → −3.9; vo_migratie_2015 (old count): 4 by 2015, latest 2016 5.4 → −1.4.
    const t = o.targets({ indicator: 'vo_personeel_buitenlandse_herkomst_pct', geos: ['vlaams_gewest'], groups: ['buitenlands'] });
    expect(t.map((x) => [x.target.id, x.target.value, x.target.year, x.latest?.period, x.latest?.value, x.remaining])).toEqual([
      ['vo_herkomst_2020', 10, 2020, '2023', 13.9, -3.9],
      ['vo_migratie_2015', 4, 2015, '2016', 5.4, -1.4],
    ]);
    // hvk_gebiedsdekkend_2019: 300 municipalities, latest 2022 293 (hvk_opgroeien_2022) → 7.
    const hvk = o.targets({ indicator: 'hvk_gemeenten_gedekt', geos: ['vlaams_gewest'], groups: ['totaal'] });
    expect(hvk.map((x) => [x.target.id, x.latest?.source, x.remaining])).toEqual([['hvk_gebiedsdekkend_2019', 'hvk_opgroeien_2022', 7]]);
    // Women in top management: 40 by 2020, latest 2023 26.8 → 13.2 (not 13.200000000000003).
    const top = o.targets({ indicator: 'vo_vrouwen_topkader_pct', geos: ['vlaams_gewest'], groups: ['totaal'] });
    expect(top.map((x) => [x.target.id, x.remaining])).toEqual([
      ['vo_topkader_2020', 13.2],
      ['vo_topkader_2015', 6.2], // 33 by 2015
    ]);
    // Gent aims for 30 % city staff of foreign origin by 2025; the city staff figures 18 (2019,
    // personeel_gent_sceptr_2019) and 17.75 (2019-12-12, pers_groen_gent_2019) share the 2019 slot; both
    // press, both published 2019, so rule 4 draws pers_groen_gent_2019 → 30 − 17.75 = 12.25 to go.
    const gent = o.targets({ indicator: 'stadspersoneel_buitenlandse_herkomst_pct', geos: ['gent'], groups: ['buitenlands'] });
    expect(gent.map((x) => x.target)).toEqual([
      {
        id: 'gent_stadspersoneel_2025',
        indicator: 'stadspersoneel_buitenlandse_herkomst_pct',
        geo: 'gent',
        group: 'buitenlands',
        value: 30,
        year: 2025,
        source: 'personeel_gent_sceptr_2019_streef',
      },
    ]);
    expect(gent.map((x) => [x.latest?.period, x.latest?.value, x.latest?.source, x.remaining])).toEqual([
      ['2019-12-12', 17.75, 'pers_groen_gent_2019', 12.25],
    ]);
  });
});

describe('§6 sources (real data)', () => {
  const cob = { indicator: 'werkzaamheidsgraad', geos: ['vlaams_gewest'], groups: ['geboren_belgie', 'geboren_buiten_eu'] };

  it('trend and table name every primary and alternative', () => {
    const q = { indicator: 'hvk_aantal_huizen', geos: ['vlaanderen_brussel'], groups: ['totaal'] };
    const all = [
      'hibp2018_hvhk_aantal_2018',
      'hvk_hln_2020_01',
      'hvk_hln_menen_2020',
      'hvk_kg_2018_03',
      'hvk_kg_beeld_2016',
      'hvk_kwb_2019',
      'hvk_opgroeien_2019',
      'hvk_opgroeien_2022',
    ];
    expect(o.sourcesOf('trend', q)).toEqual(all);
    expect(o.sourcesOf('table', q)).toEqual(all);
    expect(o.sourcesOf('compare', q)).toEqual(['hvk_opgroeien_2022']);
  });

  it('the gap names both figures of every gap and nothing else', () => {
    expect(o.sourcesOf('trend', cob)).toContain('belga_sv_participatie_2022');
    expect(o.sourcesOf('gap', { ...cob, reference: 'geboren_belgie' })).toEqual([
      'ow_nieuwsblad_sv_eak_2022',
      'sw_kloof_geboorteland_2011',
      'sw_kloof_geboorteland_2015',
      'sw_migratieachtergrond_2023',
    ]);
    expect(o.sourcesOf('ranked', { ...cob, reference: 'geboren_belgie' })).toEqual(['sw_migratieachtergrond_2023']);
  });

  it('the target view names each target and its latest figure', () => {
    expect(
      o.sourcesOf('target', { indicator: 'vo_personeel_buitenlandse_herkomst_pct', geos: ['vlaams_gewest'], groups: ['buitenlands'] }),
    ).toEqual([
      'hibp2018_personeel_vo_streefcijfer_2020',
      'personeel_knack_2013_streef1',
      'personeel_spa_2017_2016',
      'vo_bedrijfsinfo_2023',
    ]);
  });
});

describe('rules no real slot exercises (hand-made fixtures)', () => {
  const fig = (period: string, value: number, source: string, group = 'a', geo = 'x'): Figure => ({
    indicator: 'i',
    geo,
    group,
    period,
    value,
    source,
  });
  const fixture = (
    figures: Figure[],
    sources: { id: string; year: number; kind?: OracleData['sources'][number]['kind'] }[],
    better: 'higher' | 'lower' | 'none' = 'higher',
  ): Oracle =>
    createOracle({
      observations: figures.map((f) => ({ ...f, sex: 'T', age: '', note: '' })),
      sources: sources.map((s) => ({ id: s.id, publisher: s.id, publisher_en: s.id, title: s.id, year: s.year, kind: s.kind ?? 'press' })),
      groups: [],
      indicators: [{ id: 'i', unit: '%', decimals: 1, better }],
      targets: [],
      geos: [],
    });
  const q = { indicator: 'i', geos: ['x'], groups: ['a'] };

  it('rule 2: the value stated by most rows of the slot; rule 1 still comes first', () => {
    const sources = [
      { id: 's1', year: 2020 },
      { id: 's2', year: 2018 },
      { id: 's3', year: 2017 },
    ];
    // 5 is stated twice (older sources), 6 once (newest source): 5 wins.
    const two = fixture([fig('2016', 6, 's1'), fig('2016', 5, 's2'), fig('2016-12-31', 5, 's3')], sources);
    expect(two.series(q)[0].slots[0].primary).toMatchObject({ value: 5, source: 's2' });
    // With s1 a statistics office, its lone 6 wins.
    const kind = fixture(
      [fig('2016', 6, 's1'), fig('2016', 5, 's2'), fig('2016-12-31', 5, 's3')],
      [{ id: 's1', year: 2020, kind: 'statistics' }, ...sources.slice(1)],
    );
    expect(kind.series(q)[0].slots[0].primary).toMatchObject({ value: 6, source: 's1' });
  });

  it('rule 1: statistics before agency before parliament before research before press', () => {
    const kinds = ['statistics', 'agency', 'parliament', 'research', 'press'] as const;
    // The lower the kind, the newer the source: publication never beats kind.
    const sources = kinds.map((kind, i) => ({ id: `s_${kind}`, year: 2000 + i, kind }));
    for (let i = 0; i < kinds.length; i++) {
      const rows = kinds.slice(i).map((kind, j) => fig('2016', j + 1, `s_${kind}`));
      expect(fixture(rows, sources).series(q)[0].slots[0].primary.source).toBe(`s_${kinds[i]}`);
    }
  });

  it('months one apart are joined, two apart bridged; dates up to 366 days joined', () => {
    const m = fixture(
      [fig('2019-11', 1, 's'), fig('2019-12', 2, 's'), fig('2020-01', 3, 's'), fig('2020-03', 4, 's')],
      [{ id: 's', year: 2020 }],
    );
    expect(m.series(q)[0].slots.map((x) => [x.slot, x.dashedBefore])).toEqual([
      ['2019-11', false],
      ['2019-12', false],
      ['2020-01', false],
      ['2020-03', true],
    ]);
    // 2019-01-01 → 2020-01-02 is 366 days (2019 has 365), → 2021-01-03 is 367 days.
    const d = fixture([fig('2019-01-01', 1, 's'), fig('2020-01-02', 2, 's'), fig('2021-01-03', 3, 's')], [{ id: 's', year: 2021 }]);
    expect(d.series(q)[0].slots.map((x) => [x.slot, x.dashedBefore])).toEqual([
      ['2019-01-01', false],
      ['2020-01-02', false],
      ['2021-01-03', true],
    ]);
  });

  it('a school year counts as its first year for the line, and sorts between its calendar years', () => {
    const s = fixture(
      [fig('2017', 1, 's'), fig('2018/2019', 2, 's'), fig('2019', 3, 's'), fig('2021/2022', 4, 's')],
      [{ id: 's', year: 2022 }],
    );
    expect(s.series(q)[0].slots.map((x) => [x.slot, x.dashedBefore])).toEqual([
      ['2017', false],
      ['2018/2019', false], // 2018 ≤ 2017 + 1
      ['2019', false], // 2019 ≤ 2018 + 1
      ['2021/2022', true], // 2021 > 2019 + 1
    ]);
  });

  it('comparison: of several primaries ending in the year, the one ending last', () => {
    const c = fixture([fig('2018-03-02', 1, 's'), fig('2018-11-30', 2, 's'), fig('2017/2018', 3, 's')], [{ id: 's', year: 2019 }]);
    expect(c.compare(q)).toEqual({ year: 2018, bars: [fig('2018-11-30', 2, 's')] });
  });

  it('comparison and target: of primaries ending on the same day, the later slot (the year after the average ending with it)', () => {
    const c = fixture([fig('2019', 1, 's'), fig('2012..2019', 2, 's')], [{ id: 's', year: 2020 }]);
    expect(c.series(q)[0].slots.map((x) => x.slot)).toEqual(['2012..2019', '2019']);
    expect(c.compare(q).bars).toEqual([fig('2019', 1, 's')]);
  });

  it('a source without a kind counts as press (sources.csv without a kind column)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oracle-'));
    const files: Record<string, string> = {
      'observations.csv':
        'indicator,geo,period,group,sex,age,value,source,note\ni,x,2016,a,T,,1,old,\ni,x,2016,a,T,,2,new,"a note, quoted"\n',
      'sources.csv': 'id,publisher,title,year,url,locator,quote,consulted\nold,P,T,2010,,,,\nnew,P,T,2020,,,,\n',
      'groups.csv': 'id,label_nl,label_en,group_kind,sort,definition_nl,definition_en\na,A,A,origin,1,,\n',
      'indicators.csv': 'id,domain,label_nl,label_en,unit,better,decimals,definition_nl,definition_en\ni,werk,I,I,%,higher,1,,\n',
      'targets.csv': 'id,indicator,geo,group,value,year,label_nl,label_en,source\n',
      'geos.csv': 'id,nis,name_nl,name_en,level\nx,,X,X,gewest\n',
    };
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const c = await loadOracle(dir);
      expect(c.data.sources.map((s) => s.kind)).toEqual(['press', 'press']);
      expect(c.data.groups[0].reference).toBe(false);
      expect(c.data.observations[1].note).toBe('a note, quoted');
      // Both press, one value each: the one published last.
      expect(c.series(q)[0].slots[0].primary.source).toBe('new');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
