/** Dutch by default, English on request: messages, labels from the data, and number formats. */
import type { Lang } from '../state/view-state';
import { en } from './en';
import { nl, type MessageKey } from './nl';

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { nl, en };

/**
 * A message with its values filled in. `{rows|rij|rijen}` is a word that agrees with a count:
 * the first form when the value is 1, the second otherwise.
 */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key]
    .replace(/\{(\w+)\|([^|}]*)\|([^|}]*)\}/g, (whole, name, one, other) =>
      name in vars ? (String(vars[name]) === '1' ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** The label of a dimension row in the current language (`label_nl`/`label_en`, `name_nl`/`name_en`). */
export function label(lang: Lang, row: { label_nl?: string; label_en?: string; name_nl?: string; name_en?: string }): string {
  return (lang === 'en' ? (row.label_en ?? row.name_en) : (row.label_nl ?? row.name_nl)) ?? '';
}

const LOCALES: Record<Lang, string> = { nl: 'nl-BE', en: 'en-GB' };

// Making an Intl.NumberFormat costs far more than using one; a chart formats hundreds of numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Lang, value: number, decimals = 1): string {
  const key = `${lang}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** `12,5 %` in Dutch, `12.5%` in English; `-3,2 procentpunt` / `-3.2 pp`. */
export function formatValue(lang: Lang, value: number, unit: string, decimals = 1): string {
  const n = formatNumber(lang, value, unit === 'count' ? 0 : decimals);
  if (unit === '%') return lang === 'nl' ? `${n}\u00a0%` : `${n}%`;
  if (unit === 'pp') return lang === 'nl' ? `${n}\u00a0procentpunt` : `${n} pp`;
  return n;
}
