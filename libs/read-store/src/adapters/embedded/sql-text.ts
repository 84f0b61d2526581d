/** A value bound to a `?` of a statement. */
export type SqlParam = string | number | null;

/** A piece of SQL with the values of its placeholders, in order. */
export interface SqlCondition {
  sql: string;
  params: SqlParam[];
}

/**
 * How SQL reads one field of a document: its value, its JSON type (NULL when missing) and its
 * type rank, MongoDB's order of types: 0 null or missing, 1 number, 2 string, 3 object, 4 array,
 * 5 boolean. Indexes lead with the rank, so one index serves type-bracketed comparisons (`rank = 2
 * AND value > ?`) and sorts across types alike.
 */
export interface FieldSql {
  value: string;
  type: string;
  rank: string;
}

/**
 * A SQL string literal. Collection names and JSON paths are inlined rather than bound, because
 * SQLite matches a partial or expression index only against literal text in the query.
 */
export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

// A path segment SQLite's JSON path can quote and MongoDB reads as a plain field name: digits
// could be array indexes to MongoDB, and quotes or backslashes cannot be quoted in a JSON path.
const PLAIN_SEGMENT = /^(?!\d+$)(?!\$)[^"\\\u0000-\u001f]+$/;

/** The SQL that reads dotted `path` of the `body` column, or undefined when SQL cannot say it. */
export function fieldSql(path: string): FieldSql | undefined {
  if (path === '_id') return { value: 'id', type: `'text'`, rank: '2' };
  const segments = path.split('.');
  if (!segments.every((segment) => PLAIN_SEGMENT.test(segment))) return undefined;
  const jsonPath = sqlLiteral(`$${segments.map((segment) => `."${segment}"`).join('')}`);
  const type = `json_type(body, ${jsonPath})`;
  return {
    value: `json_extract(body, ${jsonPath})`,
    type,
    rank: `CASE ${type} WHEN 'integer' THEN 1 WHEN 'real' THEN 1 WHEN 'text' THEN 2 WHEN 'object' THEN 3 WHEN 'array' THEN 4 WHEN 'true' THEN 5 WHEN 'false' THEN 5 ELSE 0 END`,
  };
}

/** Every prefix of a dotted path, the path itself last: `a.b.c` → `a`, `a.b`, `a.b.c`. */
export function pathPrefixes(path: string): string[] {
  const segments = path.split('.');
  return segments.map((_, index) => segments.slice(0, index + 1).join('.'));
}
