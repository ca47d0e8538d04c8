/** The CLI's side of the row rules (core/row-schema.ts): the schema read from its file. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TableSchema } from './core/row-schema';

export { compileRowValidator, isHttpUrl, type FieldProblem, type RowValidator, type TableSchema } from './core/row-schema';

export const SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/initiatives.schema.json');

export function loadTableSchema(path: string = SCHEMA_PATH): TableSchema {
  return JSON.parse(readFileSync(path, 'utf8')) as TableSchema;
}
