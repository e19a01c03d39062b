/**
 * A view's data in the reader's language. The words we wrote around the figures — notes, the
 * qualifiers of a publisher ("op basis van VDAB"), where in a document a passage stands — exist in
 * Dutch and English (data/*.csv `*_en` columns); in English mode they replace the Dutch here, once,
 * so every view, table, export and summary made from the data says the same. Quotes and titles stay
 * as published (marked with their language on screen).
 */
import type { Lang } from '../state/view-state';
import type { ViewData } from './types';

export function dataInLanguage(data: ViewData, lang: Lang): ViewData {
  if (lang !== 'en') return data;
  return {
    ...data,
    figures: data.figures.map((f) => (f.note_en ? { ...f, note: f.note_en } : f)),
    sources: data.sources.map((s) => ({ ...s, publisher: s.publisher_en || s.publisher, locator: s.locator_en || s.locator })),
  };
}
