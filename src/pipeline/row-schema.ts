/**
 * Row validation driven by data/initiatives.schema.json (a frictionless Table Schema), so the
 * documented schema and the pipeline's checks cannot drift apart. Supports what that schema
 * uses: required, pattern, enum, maxLength, unique (checked by the caller) and format "uri"
 * (restricted to http and https, the only links the app follows).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface SchemaField {
  name: string;
  type: string;
  format?: string;
  title?: string;
  constraints?: { required?: boolean; unique?: boolean; pattern?: string; enum?: string[]; maxLength?: number };
}

export interface TableSchema {
  fields: SchemaField[];
}

export interface FieldProblem {
  column: string;
  reason: string;
}

export const SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/initiatives.schema.json');

export function loadTableSchema(path: string = SCHEMA_PATH): TableSchema {
  return JSON.parse(readFileSync(path, 'utf8')) as TableSchema;
}

const HTTP_URL = /^https?:\/\/[^\s/?#@:]+(:[0-9]{1,5})?([/?#][^\s]*)?$/i;

/** An absolute http(s) URL with a host and no spaces (the only links the app follows). */
export function isHttpUrl(value: string): boolean {
  return HTTP_URL.test(value);
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

/** Compiles the schema once into a per-row check. */
export function compileRowValidator(schema: TableSchema): (row: Record<string, string>) => FieldProblem[] {
  const checks = schema.fields.map((field) => {
    const constraints = field.constraints ?? {};
    const pattern = constraints.pattern ? new RegExp(constraints.pattern) : undefined;
    const allowed = constraints.enum ? new Set(constraints.enum) : undefined;
    return (row: Record<string, string>, problems: FieldProblem[]) => {
      const value = row[field.name] ?? '';
      if (value === '') {
        if (constraints.required) problems.push({ column: field.name, reason: 'valeur obligatoire manquante' });
        return;
      }
      if (constraints.maxLength !== undefined && value.length > constraints.maxLength) {
        problems.push({ column: field.name, reason: `trop long : ${value.length} caractères (maximum ${constraints.maxLength})` });
        return;
      }
      if (allowed && !allowed.has(value)) {
        problems.push({ column: field.name, reason: `« ${shorten(value)} » n’est pas une valeur permise (${[...allowed].join(', ')})` });
        return;
      }
      if (pattern && !pattern.test(value)) {
        problems.push({ column: field.name, reason: `format invalide : « ${shorten(value)} »` });
        return;
      }
      if (field.format === 'uri' && !isHttpUrl(value)) {
        problems.push({ column: field.name, reason: `adresse web invalide (http:// ou https:// attendu) : « ${shorten(value)} »` });
      }
    };
  });
  return (row) => {
    const problems: FieldProblem[] = [];
    for (const check of checks) check(row, problems);
    return problems;
  };
}
