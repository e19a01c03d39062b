/** Why a user's file could not be read, checked or added, as a message key and the detail it names. */
import { memoryShortage, OwnFileError } from './load';

export interface OwnFailure {
  key: 'own_empty' | 'own_binary' | 'own_csv' | 'own_parquet' | 'own_tooLarge' | 'own_memory' | 'own_read' | 'own_network' | 'own_http';
  detail: string;
}

export function failureOf(e: unknown): OwnFailure {
  // DuckDB out of memory, at any step: the browser's means, said as such (its figures in brackets).
  const text = e instanceof OwnFileError ? e.detail : e instanceof Error ? e.message : String(e);
  const memory = memoryShortage(text);
  if (memory !== null) return { key: 'own_memory', detail: memory };
  if (e instanceof OwnFileError) {
    const key = (
      {
        empty: 'own_empty',
        binary: 'own_binary',
        csv: 'own_csv',
        parquet: 'own_parquet',
        too_large: 'own_tooLarge',
        aborted: 'own_read',
      } as const
    )[e.problem];
    return { key, detail: e.detail };
  }
  const failure = (e as { failure?: 'own_network' | 'own_http' }).failure;
  return { key: failure ?? 'own_read', detail: e instanceof Error ? e.message : String(e) };
}
