/**
 * One colour per group, stable across views and languages (Okabe–Ito, safe for colour-blind
 * readers). Groups without a fixed colour take the remaining ones in order.
 */
const FIXED: Record<string, string> = {
  belgisch: '#0072B2',
  buitenlands: '#D55E00',
  eu: '#009E73',
  niet_eu: '#CC79A7',
  totaal: '#555555',
  // Groups of other kinds that play the same role share the colour of their origin counterpart.
  geboren_belgie: '#0072B2',
  nationaliteit_belg: '#0072B2',
  geboren_eu: '#009E73',
  geboren_buiten_eu: '#CC79A7',
  nationaliteit_niet_eu: '#CC79A7',
};
const SPARE = ['#E69F00', '#56B4E9', '#F0E442', '#000000', '#8C564B', '#7F7F7F'];

export function groupColours(groupIds: string[]): string[] {
  const used = new Set<string>();
  let spare = 0;
  return groupIds.map((id) => {
    let colour = FIXED[id];
    // Two groups in one chart never share a colour (e.g. non-EU origin and born outside the EU).
    if (!colour || used.has(colour)) {
      do colour = SPARE[spare++ % SPARE.length];
      while (used.has(colour) && spare < SPARE.length * 2);
    }
    used.add(colour);
    return colour;
  });
}
