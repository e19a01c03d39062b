/**
 * Group colours. Each group has one fixed colour in `data/groups.csv` (Okabe–Ito and Paul Tol
 * muted, safe for colour-blind readers), the same in every view and language; the data build
 * refuses two groups of one kind that share an indicator and a colour.
 */
import type { Catalog } from '../data/catalog';

/** The colour of groups the catalog does not know (and of the whole population). */
export const UNKNOWN_COLOUR = '#555555';

/** Spare colours, for when a chart mixes kinds and two of its groups share a colour. */
const SPARE = ['#E69F00', '#56B4E9', '#000000', '#44AA99', '#AA4499', '#882255', '#999933', '#332288'];

/** The group's colour from the catalog, '#555555' if unknown. */
export function colourOf(c: Catalog, groupId: string): string {
  return c.groups.find((g) => g.id === groupId)?.colour ?? UNKNOWN_COLOUR;
}

/**
 * One colour per group for one chart: the group's own colour (from `preferred`), except that two
 * groups in one chart never share a colour — the later of two groups of different kinds that
 * share one (e.g. non-EU origin and born outside the EU) takes a spare colour instead.
 */
export function groupColours(groupIds: string[], preferred: (id: string) => string | undefined = () => undefined): string[] {
  const used = new Set<string>();
  let spare = 0;
  return groupIds.map((id) => {
    let colour = preferred(id)?.toUpperCase();
    if (!colour || used.has(colour)) {
      do colour = SPARE[spare++ % SPARE.length];
      while (used.has(colour) && spare < SPARE.length * 2);
    }
    used.add(colour);
    return colour;
  });
}
