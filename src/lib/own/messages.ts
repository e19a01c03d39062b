/**
 * What the own-file checks say, in Dutch (default) and English: rejection reasons, mapping
 * problems and why a column got its role. The texts are plain text with the user's cells quoted
 * in them: render them as text, never as HTML.
 */
import type { Lang } from '../state/view-state';
import type { ContentKind, MappingProblem, Role, RoleReason } from './mapping';
import type { OwnReason } from './validate';

const ROLE_NAMES: Record<Lang, Record<Role, string>> = {
  nl: {
    indicator: 'indicator',
    place: 'plaats',
    period: 'periode',
    group: 'groep',
    value: 'waarde',
    sex: 'geslacht',
    age: 'leeftijd',
    note: 'opmerking',
  },
  en: { indicator: 'indicator', place: 'place', period: 'period', group: 'group', value: 'value', sex: 'sex', age: 'age', note: 'note' },
};

export function roleName(lang: Lang, role: Role): string {
  return ROLE_NAMES[lang][role];
}

const LONGEST_QUOTE = 60;

/** A cell quoted in a message, cut short when long (the report keeps it whole). */
function quoted(cell: string): string {
  const t = cell.trim();
  return `“${t.length > LONGEST_QUOTE ? `${t.slice(0, LONGEST_QUOTE - 1)}…` : t}”`;
}

type Texts<T extends { code: string }> = { [C in T['code']]: (x: Extract<T, { code: C }>) => string };

const REASONS: Record<Lang, Texts<OwnReason>> = {
  nl: {
    row_empty: () => 'De rij is leeg.',
    cell_empty: (r) => `De cel voor ${roleName('nl', r.role)} is leeg.`,
    period_unreadable: (r) =>
      `${quoted(r.cell)} is geen periode die de app kan lezen (bv. 2019, 2019-2020, 2019/2020, 2019-01, 2018-04-01 of 2012..2014).`,
    no_figure: (r) =>
      `Geen cijfer (${r.cell.trim() === '' ? 'lege cel' : quoted(r.cell)}): een ontbrekend cijfer wordt niet als nul gelezen.`,
    value_not_a_number: (r) => `${quoted(r.cell)} is geen getal.`,
    sex_unreadable: (r) => `${quoted(r.cell)} is geen geslacht (M, V of T; man, vrouw of totaal).`,
    age_unreadable: (r) => `${quoted(r.cell)} is geen leeftijdsgroep (bv. 20-64 of 65+).`,
    place_unknown: (r) => `${quoted(r.cell)} is geen plaats uit de catalogus (NIS-code of naam).`,
    group_unknown: (r) => `${quoted(r.cell)} is geen groep uit de catalogus.`,
    duplicate: (r) =>
      `Dubbel: hetzelfde cijfer (indicator, plaats, periode, groep, geslacht en leeftijd) staat al op regel ${r.firstLine}.`,
  },
  en: {
    row_empty: () => 'The row is empty.',
    cell_empty: (r) => `The ${roleName('en', r.role)} cell is empty.`,
    period_unreadable: (r) =>
      `${quoted(r.cell)} is not a period the app can read (e.g. 2019, 2019-2020, 2019/2020, 2019-01, 2018-04-01 or 2012..2014).`,
    no_figure: (r) => `No figure (${r.cell.trim() === '' ? 'empty cell' : quoted(r.cell)}): a missing figure is not read as zero.`,
    value_not_a_number: (r) => `${quoted(r.cell)} is not a number.`,
    sex_unreadable: (r) => `${quoted(r.cell)} is not a sex (M, F or T; male, female or total).`,
    age_unreadable: (r) => `${quoted(r.cell)} is not an age group (e.g. 20-64 or 65+).`,
    place_unknown: (r) => `${quoted(r.cell)} is not a place in the catalogue (NIS code or name).`,
    group_unknown: (r) => `${quoted(r.cell)} is not a group in the catalogue.`,
    duplicate: (r) => `Duplicate: the same figure (indicator, place, period, group, sex and age) is already on line ${r.firstLine}.`,
  },
};

/** Why a row was rejected, in Dutch or English. */
export function ownReasonText(lang: Lang, reason: OwnReason): string {
  return (REASONS[lang][reason.code] as (r: OwnReason) => string)(reason);
}

/** A column as the user sees it: its number from 1 and its header. */
function columnText(lang: Lang, column: number, header: string[]): string {
  const word = lang === 'nl' ? 'kolom' : 'column';
  const name = header[column];
  return name === undefined ? `${word} ${column + 1}` : `${word} ${column + 1} (${quoted(name)})`;
}

const roleOrWide = (lang: Lang, role: Role | 'wide') =>
  role === 'wide' ? (lang === 'nl' ? 'brede kolommen' : 'wide columns') : roleName(lang, role);

const PROBLEMS: Record<Lang, (p: MappingProblem, header: string[]) => string> = {
  nl: (p, header) => {
    switch (p.code) {
      case 'no_columns':
        return 'Het bestand heeft geen kolommen.';
      case 'role_missing':
        return p.role === 'indicator'
          ? 'Kies een kolom voor de indicator, of geef de indicator een naam.'
          : `Kies een kolom voor de ${roleName('nl', p.role)}.`;
      case 'indicator_twice':
        return 'Kies een kolom voor de indicator óf geef hem een naam, niet allebei.';
      case 'column_unknown':
        return `${columnText('nl', p.column, header)} bestaat niet (gekozen voor ${roleOrWide('nl', p.role)}).`;
      case 'column_shared':
        return `${columnText('nl', p.column, header)} is gekozen voor meer dan één rol: ${p.roles.map((r) => roleOrWide('nl', r)).join(', ')}.`;
      case 'wide_replaces':
        return `In een brede tabel komt de ${roleName('nl', p.role)} uit de brede kolommen: kies er geen aparte kolom voor.`;
      case 'wide_empty':
        return 'Kies minstens één kolom per jaar of per groep.';
      case 'shape_mismatch':
        return 'Kies lang of breed: een brede tabel heeft kolommen per jaar of per groep, een lange niet.';
    }
  },
  en: (p, header) => {
    switch (p.code) {
      case 'no_columns':
        return 'The file has no columns.';
      case 'role_missing':
        return p.role === 'indicator'
          ? 'Choose a column for the indicator, or give the indicator a name.'
          : `Choose a column for the ${roleName('en', p.role)}.`;
      case 'indicator_twice':
        return 'Choose a column for the indicator or give it a name, not both.';
      case 'column_unknown':
        return `${columnText('en', p.column, header)} does not exist (chosen for ${roleOrWide('en', p.role)}).`;
      case 'column_shared':
        return `${columnText('en', p.column, header)} is chosen for more than one role: ${p.roles.map((r) => roleOrWide('en', r)).join(', ')}.`;
      case 'wide_replaces':
        return `In a wide table the ${roleName('en', p.role)} comes from the wide columns: do not choose a column for it.`;
      case 'wide_empty':
        return 'Choose at least one column per year or per group.';
      case 'shape_mismatch':
        return 'Choose long or wide: a wide table has a column per year or per group, a long one does not.';
    }
  },
};

/** Why a mapping cannot be used, in Dutch or English; `header` names the columns it mentions. */
export function ownMappingProblemText(lang: Lang, problem: MappingProblem, header: string[] = []): string {
  return PROBLEMS[lang](problem, header);
}

const KINDS: Record<Lang, Record<ContentKind, string>> = {
  nl: {
    period: 'jaartallen of schooljaren',
    nis: 'NIS-codes van plaatsen in de catalogus',
    place_name: 'namen van plaatsen in de catalogus',
    group_label: 'groepen uit de catalogus',
    indicator_label: 'indicatoren uit de catalogus',
    number: 'getallen',
    sex: 'geslachten',
    age: 'leeftijdsgroepen',
  },
  en: {
    period: 'years or school years',
    nis: 'NIS codes of places in the catalogue',
    place_name: 'names of places in the catalogue',
    group_label: 'groups in the catalogue',
    indicator_label: 'indicators in the catalogue',
    number: 'numbers',
    sex: 'sexes',
    age: 'age groups',
  },
};

const SHOWN_HEADERS = 4;

/** Why a column got its role, in Dutch or English. */
export function ownRoleReasonText(lang: Lang, reason: RoleReason): string {
  const nl = lang === 'nl';
  switch (reason.by) {
    case 'header':
      return `${nl ? 'kolomnaam' : 'column name'} ${quoted(reason.header)}`;
    case 'content':
      return nl
        ? `inhoud: ${reason.matched} van de ${reason.of} ingevulde cellen zijn ${KINDS.nl[reason.kind]}`
        : `content: ${reason.matched} of the ${reason.of} filled cells are ${KINDS.en[reason.kind]}`;
    case 'wide': {
      const shown = reason.headers.slice(0, SHOWN_HEADERS).map(quoted).join(', ');
      const more = reason.headers.length > SHOWN_HEADERS ? ', …' : '';
      return `${nl ? 'brede tabel, kolommen' : 'wide table, columns'} ${shown}${more}`;
    }
    case 'file_name':
      return `${nl ? 'bestandsnaam' : 'file name'} ${quoted(reason.name)}`;
    case 'user':
      return nl ? 'zelf gekozen' : 'chosen by you';
  }
}
