/** Column types of each table in the Parquet extract (and in DuckDB, in Node and in the browser). */
import type { TableName } from './schema';

export const STORAGE_COLUMNS: Record<TableName, [name: string, sqlType: 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN'][]> = {
  indicators: [
    ['id', 'VARCHAR'],
    ['domain', 'VARCHAR'],
    ['label_nl', 'VARCHAR'],
    ['label_en', 'VARCHAR'],
    ['unit', 'VARCHAR'],
    ['better', 'VARCHAR'],
    ['decimals', 'INTEGER'],
    ['definition_nl', 'VARCHAR'],
    ['definition_en', 'VARCHAR'],
    ['domain_default', 'BOOLEAN'],
    ['levels', 'VARCHAR'],
    ['employer', 'VARCHAR'],
    ['yardstick', 'VARCHAR'],
  ],
  groups: [
    ['id', 'VARCHAR'],
    ['label_nl', 'VARCHAR'],
    ['label_en', 'VARCHAR'],
    ['group_kind', 'VARCHAR'],
    ['sort', 'INTEGER'],
    ['definition_nl', 'VARCHAR'],
    ['definition_en', 'VARCHAR'],
    ['colour', 'VARCHAR'],
    ['reference', 'BOOLEAN'],
  ],
  geos: [
    ['id', 'VARCHAR'],
    ['nis', 'VARCHAR'],
    ['name_nl', 'VARCHAR'],
    ['name_en', 'VARCHAR'],
    ['level', 'VARCHAR'],
  ],
  sources: [
    ['id', 'VARCHAR'],
    ['publisher', 'VARCHAR'],
    ['title', 'VARCHAR'],
    ['year', 'INTEGER'],
    ['url', 'VARCHAR'],
    ['locator', 'VARCHAR'],
    ['quote', 'VARCHAR'],
    ['consulted', 'VARCHAR'],
    ['kind', 'VARCHAR'],
  ],
  targets: [
    ['id', 'VARCHAR'],
    ['indicator', 'VARCHAR'],
    ['geo', 'VARCHAR'],
    ['group', 'VARCHAR'],
    ['value', 'DOUBLE'],
    ['year', 'INTEGER'],
    ['label_nl', 'VARCHAR'],
    ['label_en', 'VARCHAR'],
    ['source', 'VARCHAR'],
  ],
  observations: [
    ['indicator', 'VARCHAR'],
    ['geo', 'VARCHAR'],
    ['period', 'VARCHAR'],
    ['period_kind', 'VARCHAR'],
    ['period_start', 'VARCHAR'],
    ['period_end', 'VARCHAR'],
    ['period_sort', 'DOUBLE'],
    ['year_start', 'INTEGER'],
    ['year_end', 'INTEGER'],
    ['group', 'VARCHAR'],
    ['sex', 'VARCHAR'],
    ['age', 'VARCHAR'],
    ['value', 'DOUBLE'],
    ['source', 'VARCHAR'],
    ['note', 'VARCHAR'],
    ['approx', 'BOOLEAN'],
  ],
};

export function createTableSql(name: TableName): string {
  const cols = STORAGE_COLUMNS[name].map(([c, t]) => `"${c}" ${t}`).join(', ');
  return `CREATE TABLE ${name} (${cols})`;
}
