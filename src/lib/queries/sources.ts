/** The sources behind a set of shown figures, in a stable order for the source line. */
import { placeholders, type Query } from './sql';

export function sourcesQuery(ids: string[]): Query {
  if (ids.length === 0) throw new Error('no sources asked for');
  return {
    sql: `SELECT id, publisher, title, year, url, locator, quote, consulted, kind, publisher_en, locator_en, lang
FROM sources WHERE id IN (${placeholders(ids.length)}) ORDER BY publisher, year DESC, id`,
    params: ids,
  };
}
