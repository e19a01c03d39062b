/**
 * Prebuilt view data: at build time the data of every indicator's opening choice in every view are
 * written to small files named after their need key (`views/<id>.json`), so a link to any of them
 * draws without the engine. The name is a hash of the need key — the same key the app's data cache
 * uses — computed identically in Node and in the browser (FNV-1a, no crypto API needed, so it works
 * on plain http too).
 */

/** 64-bit FNV-1a of a string's UTF-16 code units, as 16 hex digits (two 32-bit halves). */
export function fnv1a64(text: string): string {
  // Two independent 32-bit FNV-1a hashes with different offsets make a 64-bit name; collisions
  // among a few thousand keys are then out of the question.
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ (a >>> 16), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The file (under the data folder) of a prebuilt need, by its hash (as boot.json lists them). */
export const prebuiltPath = (hash: string) => `views/${hash}.json`;

/** The file (under the data folder) that holds a need's prebuilt data. */
export const prebuiltFile = (needKey: string) => prebuiltPath(fnv1a64(needKey));
