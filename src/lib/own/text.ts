/** Text folding shared by header, place, group and indicator matching in a researcher's own file. */

/** Lowercase, without accents, with every space and punctuation mark removed: `Sint-Niklaas` and `sint niklaas` fold alike. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The words of a text, folded: `Waarde (%)` → [`waarde`]. */
export function foldedWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** A cell as a label: trimmed, runs of spaces (also non-breaking) made one space. */
export function cleanLabel(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Strip accents and lowercase, keeping spaces and punctuation (prefix checks need the word boundary). */
export function plain(text: string): string {
  return cleanLabel(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
