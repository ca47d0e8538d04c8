/**
 * Row validation driven by data/initiatives.schema.json (a frictionless Table Schema), so the
 * documented schema and the pipeline's checks cannot drift apart. Supports what that schema
 * uses: required, pattern, enum, maxLength, unique (checked by the caller) and format "uri"
 * (restricted to http and https, the only links the app follows).
 */
import initiativesSchema from '../../../data/initiatives.schema.json';

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

/** data/initiatives.schema.json, bundled: the browser checks rows against the same file. */
export const INITIATIVES_SCHEMA = initiativesSchema as TableSchema;

const HTTP_URL = /^https?:\/\/[^\s/?#@:]+(:[0-9]{1,5})?([/?#][^\s]*)?$/i;

/** An absolute http(s) URL with a host and no spaces (the only links the app follows). */
export function isHttpUrl(value: string): boolean {
  return HTTP_URL.test(value);
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

export interface RowValidator {
  /** Every problem of the row, in schema order (at most one per column). */
  (row: Readonly<Record<string, string>>): FieldProblem[];
  /**
   * True exactly when the validator would return no problem, without allocating: the hot
   * path of a large file, where almost every row is good. Same checks, same order.
   */
  isValid(row: Readonly<Record<string, string>>): boolean;
}

/** Compiles the schema once into a per-row check. */
export function compileRowValidator(schema: TableSchema): RowValidator {
  const checks = schema.fields.map((field) => {
    const constraints = field.constraints ?? {};
    const pattern = constraints.pattern ? new RegExp(constraints.pattern) : undefined;
    const allowed = constraints.enum ? new Set(constraints.enum) : undefined;
    const { required, maxLength } = constraints;
    const isUri = field.format === 'uri';
    /** The reason a value is refused, or undefined when it is accepted. */
    const check = (value: string): string | undefined => {
      if (value === '') return required ? 'valeur obligatoire manquante' : undefined;
      if (maxLength !== undefined && value.length > maxLength) return `trop long : ${value.length} caractères (maximum ${maxLength})`;
      if (allowed && !allowed.has(value)) return `« ${shorten(value)} » n’est pas une valeur permise (${[...allowed].join(', ')})`;
      if (pattern && !pattern.test(value)) return `format invalide : « ${shorten(value)} »`;
      if (isUri && !isHttpUrl(value)) return `adresse web invalide (http:// ou https:// attendu) : « ${shorten(value)} »`;
      return undefined;
    };
    return { name: field.name, check };
  });
  const validate = (row: Readonly<Record<string, string>>): FieldProblem[] => {
    const problems: FieldProblem[] = [];
    for (const { name, check } of checks) {
      const reason = check(row[name] ?? '');
      if (reason !== undefined) problems.push({ column: name, reason });
    }
    return problems;
  };
  // Messages are only built for a refused value, so a good row allocates nothing here.
  const isValid = (row: Readonly<Record<string, string>>): boolean => {
    for (const { name, check } of checks) if (check(row[name] ?? '') !== undefined) return false;
    return true;
  };
  return Object.assign(validate, { isValid });
}
