/**
 * Group colours. Each group has one fixed colour in `data/groups.csv` (Okabe–Ito and Paul Tol
 * muted, safe for colour-blind readers), the same in every view and language; the data build
 * refuses two groups of one kind that share an indicator and a colour.
 */
import type { Catalog } from '../data/catalog';

/** The colour of groups the catalog does not know (and of the whole population). */
export const UNKNOWN_COLOUR = '#555555';

/** The group's colour from the catalog, '#555555' if unknown. */
export function colourOf(c: Catalog, groupId: string): string {
  return c.groups.find((g) => g.id === groupId)?.colour ?? UNKNOWN_COLOUR;
}
