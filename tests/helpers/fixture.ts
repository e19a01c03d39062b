/** A small, valid synthetic dataset (labelled as such) for validation and query tests. */
import type { TableName } from '../../src/lib/data/schema';

export const SYNTHETIC_FIXTURE: Record<TableName, string> = {
  indicators: `id,domain,label_nl,label_en,unit,better,decimals,definition_nl,definition_en,domain_default
rate,werk,Synthetische graad,Synthetic rate,%,higher,1,Synthetisch (test),Synthetic (test),false
gap,werk,Synthetische kloof,Synthetic gap,pp,lower,1,Synthetisch (test),Synthetic (test),true
`,
  groups: `id,label_nl,label_en,group_kind,sort,definition_nl,definition_en,colour,reference
belgisch,Belgische herkomst,Belgian origin,origin,10,x,x,#0072B2,true
niet_eu,Niet-EU-herkomst,Non-EU origin,origin,40,x,x,#CC79A7,false
geboren_belgie,Geboren in België,Born in Belgium,country_of_birth,110,x,x,#0072B2,true
`,
  geos: `id,nis,name_nl,name_en,level
vlaams_gewest,02000,Vlaams Gewest,Flemish Region,gewest
gent,44021,Gent,Ghent,centrumstad
`,
  sources: `id,publisher,title,year,url,locator,quote,consulted,kind
old,Synthetic,Old synthetic source,2015,https://example.org/old,Tabel 1,"In 2014 was het 70,0% en 50,5%; in 2015 71,2% tegenover 52,0%.",2026-11-29,statistics
new,Synthetic,New synthetic source,2020,https://example.org/new,Tabel 2,"Voor 2015 geven we 71,4%; in 2017 was het 73,0% en 55,1%.",2026-11-29,statistics
print,Synthetic,Printed synthetic report,2018,,p. 12,"Een kloof van 19,2 procentpunt in 2015 (streefcijfer 80 %).",2026-11-29,agency
`,
  targets: `id,indicator,geo,group,value,year,label_nl,label_en,source
t1,rate,vlaams_gewest,belgisch,80,2020,Streefcijfer,Target,print
`,
  observations: `indicator,geo,period,group,sex,age,value,source,note
rate,vlaams_gewest,2014,belgisch,T,20-64,70.0,old,
rate,vlaams_gewest,2014,niet_eu,T,20-64,50.5,old,
rate,vlaams_gewest,2015,belgisch,T,20-64,71.2,old,
rate,vlaams_gewest,2015,belgisch,T,20-64,71.4,new,
rate,vlaams_gewest,2015,niet_eu,T,20-64,52.0,old,
rate,vlaams_gewest,2017,belgisch,T,20-64,73.0,new,
rate,vlaams_gewest,2017,niet_eu,T,20-64,55.1,new,
rate,gent,2017,niet_eu,T,20-64,55.1,new,
gap,vlaams_gewest,2015,niet_eu,T,20-64,19.2,print,
`,
};

/**
 * The synthetic fixture plus an indicator where lower is better, counted in school years, with a
 * target and a place (Gent) that has no reference figure, nor a figure for its own target
 * (synthetic, for tests only).
 */
export const SCHOOL_FIXTURE: Record<TableName, string> = {
  ...SYNTHETIC_FIXTURE,
  indicators:
    SYNTHETIC_FIXTURE.indicators +
    'leave,onderwijs,Synthetisch schoolverlaten,Synthetic leaving,%,lower,1,Synthetisch (test),Synthetic (test),true\n',
  sources:
    SYNTHETIC_FIXTURE.sources +
    'school,Synthetic,School synthetic source,2021,https://example.org/school,Tabel 3,"In 2016/2017 10,0% en 25,0%; in 2017/2018 9,5% en 22,0%; in 2019/2020 9,0% en 20,0%; Gent 30,0%; doel 8%.",2026-11-30,statistics\n',
  targets:
    SYNTHETIC_FIXTURE.targets +
    't2,leave,vlaams_gewest,belgisch,8,2020,Doel 8 %,Target 8%,school\n' +
    // A target for a place and group without figures.
    't3,leave,gent,belgisch,8,2020,Doel Gent 8 %,Ghent target 8%,school\n',
  observations:
    SYNTHETIC_FIXTURE.observations +
    [
      'leave,vlaams_gewest,2016/2017,belgisch,T,,10.0,school,',
      'leave,vlaams_gewest,2016/2017,niet_eu,T,,25.0,school,',
      'leave,vlaams_gewest,2017/2018,belgisch,T,,9.5,school,',
      'leave,vlaams_gewest,2017/2018,niet_eu,T,,22.0,school,',
      'leave,vlaams_gewest,2019/2020,belgisch,T,,9.0,school,',
      'leave,vlaams_gewest,2019/2020,niet_eu,T,,20.0,school,',
      'leave,gent,2019/2020,niet_eu,T,,30.0,school,',
    ].join('\n') +
    '\n',
};

/**
 * The synthetic fixture with an `approx` column and 2018 figures its source states approximately
 * ("ongeveer"), the latest of their series (synthetic, for tests only).
 */
export const APPROX_FIXTURE: Record<TableName, string> = {
  ...SYNTHETIC_FIXTURE,
  sources:
    SYNTHETIC_FIXTURE.sources +
    'rough,Synthetic,Rough synthetic source,2019,https://example.org/rough,p. 3,"In 2018 ongeveer 74% en ongeveer 56%.",2026-11-30,agency\n',
  observations:
    SYNTHETIC_FIXTURE.observations
      .trimEnd()
      .split('\n')
      .map((line, i) => `${line},${i === 0 ? 'approx' : 'false'}`)
      .join('\n') + '\nrate,vlaams_gewest,2018,belgisch,T,20-64,74,rough,,true\nrate,vlaams_gewest,2018,niet_eu,T,20-64,56,rough,,true\n',
};

/** The fixture with one table's text replaced. */
export function withTable(name: TableName, text: string): Record<TableName, string> {
  return { ...SYNTHETIC_FIXTURE, [name]: text };
}

/** The fixture with lines appended to one table. */
export function withRows(name: TableName, ...lines: string[]): Record<TableName, string> {
  return withTable(name, SYNTHETIC_FIXTURE[name] + lines.join('\n') + '\n');
}

/**
 * Staff against the population of the same place and year (synthetic, for tests only): a staff
 * indicator whose yardstick is a population indicator. Gent has pairs for two groups, one of them
 * stated approximately and one dated on 1 January; its 2019 staff figure has no population figure
 * of that year. The region's 2018 population figure is 0, so no ratio can be made. Antwerpen has a
 * population figure and no staff figure.
 */
export const REPRESENTATION_FIXTURE: Record<TableName, string> = {
  ...SYNTHETIC_FIXTURE,
  indicators: `id,domain,label_nl,label_en,unit,better,decimals,definition_nl,definition_en,domain_default,levels,employer,yardstick
staff,personeel,Synthetisch personeel,Synthetic staff,%,higher,1,Synthetisch (test),Synthetic (test),true,gewest|centrumstad,stadsbestuur,pop
pop,personeel,Synthetische bevolking,Synthetic population,%,none,1,Synthetisch (test),Synthetic (test),false,gewest|centrumstad,,
rate,werk,Synthetische graad,Synthetic rate,%,higher,1,Synthetisch (test),Synthetic (test),true,gewest|centrumstad,,
`,
  geos: `id,nis,name_nl,name_en,level
vlaams_gewest,02000,Vlaams Gewest,Flemish Region,gewest
antwerpen,11002,Antwerpen,Antwerp,centrumstad
gent,44021,Gent,Ghent,centrumstad
`,
  sources:
    SYNTHETIC_FIXTURE.sources +
    `staffsrc,Synthetic Staff,Synthetic staff report,2020,https://example.org/staff,Tabel 4,"Gent: 10,0% in 2014 (Belgisch 90,0%), ongeveer 12% in 2016, 15,0% in 2019; Vlaams Gewest 8,0% in 2016 en 9,0% in 2018.",2026-11-30,agency
popsrc,Synthetic Population,Synthetic population table,2019,https://example.org/pop,Tabel 5,"Gent 25,0% in 2014 (Belgisch 75,0%) en 28,0% op 1 januari 2016; Vlaams Gewest 16,0% in 2016 en 0 in 2018; Antwerpen 40,0%.",2026-11-30,statistics
`,
  observations: `indicator,geo,period,group,sex,age,value,source,note,approx
staff,gent,2014,niet_eu,T,,10.0,staffsrc,,false
staff,gent,2014,belgisch,T,,90.0,staffsrc,,false
staff,gent,2016,niet_eu,T,,12,staffsrc,,true
staff,gent,2019,niet_eu,T,,15.0,staffsrc,,false
staff,vlaams_gewest,2016,niet_eu,T,,8.0,staffsrc,,false
staff,vlaams_gewest,2018,niet_eu,T,,9.0,staffsrc,,false
pop,gent,2014,niet_eu,T,18-65,25.0,popsrc,,false
pop,gent,2014,belgisch,T,18-65,75.0,popsrc,,false
pop,gent,2016-01-01,niet_eu,T,,28.0,popsrc,,false
pop,vlaams_gewest,2016,niet_eu,T,,16.0,popsrc,,false
pop,vlaams_gewest,2018,niet_eu,T,,0,popsrc,,false
pop,antwerpen,2016,niet_eu,T,,40.0,popsrc,,false
rate,gent,2017,niet_eu,T,20-64,55.1,new,,false
`,
};
