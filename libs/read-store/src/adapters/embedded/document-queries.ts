import type Database from 'better-sqlite3';
import type { DocumentQuery, FindOptions, ReadDocument } from '../../read-store.port';
import { matchesArrayTerm, type ArrayTerm } from './array-match';
import type { ArrayPaths } from './array-paths';
import { orderBy, planQuery } from './query-plan';
import { sqlLiteral, type SqlCondition, type SqlParam } from './sql-text';

const STATEMENT_CACHE_LIMIT = 500;

/**
 * Answers `find` and `count` in SQL, with sort, skip and limit, except for conditions on paths
 * that have held arrays: those are tested on the rows SQL returns, and skip and limit counted
 * after them.
 */
export class DocumentQueries {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly arrayPaths: ArrayPaths,
  ) {}

  find(collection: string, query: DocumentQuery, options: FindOptions = {}): ReadDocument[] {
    const skip = nonNegative('skip', options.skip);
    // MongoDB reads a limit of 0 as "no limit".
    const limit = nonNegative('limit', options.limit) || Infinity;
    const sqlMayRead = (path: string): boolean => this.arrayPaths.sqlMayRead(collection, path);
    const plan = planQuery(query, sqlMayRead);
    const where = whereClause(collection, plan);
    const order = options.sort ? orderBy(options.sort, sqlMayRead, plan.pinnedRanks) : 'id ASC';
    // Without sort, skip or limit the order is unspecified, and skipping ORDER BY saves a sort.
    const ordered = options.sort || skip > 0 || limit < Infinity ? ` ORDER BY ${order}` : '';
    if (plan.arrayTerms.length === 0) {
      const sql = `SELECT body FROM documents WHERE ${where}${ordered} LIMIT ? OFFSET ?`;
      return this.bodies(sql, [...plan.params, limit === Infinity ? -1 : limit, skip]).map(parse);
    }
    const statement = this.statement(`SELECT body FROM documents WHERE ${where}${ordered}`);
    const found: ReadDocument[] = [];
    let toSkip = skip;
    for (const body of statement.iterate(...plan.params) as IterableIterator<string>) {
      const document = parse(body);
      if (!matchesAll(document, plan.arrayTerms)) continue;
      if (toSkip > 0) toSkip -= 1;
      else found.push(document);
      if (found.length >= limit) break;
    }
    return found;
  }

  count(collection: string, query: DocumentQuery): number {
    const plan = planQuery(query, (path) => this.arrayPaths.sqlMayRead(collection, path));
    const where = whereClause(collection, plan);
    if (plan.arrayTerms.length === 0) {
      return this.statement(`SELECT COUNT(*) FROM documents WHERE ${where}`).get(
        ...plan.params,
      ) as number;
    }
    let matched = 0;
    for (const body of this.bodies(`SELECT body FROM documents WHERE ${where}`, plan.params)) {
      if (matchesAll(parse(body), plan.arrayTerms)) matched += 1;
    }
    return matched;
  }

  private bodies(sql: string, params: SqlParam[]): string[] {
    return this.statement(sql).all(...params) as string[];
  }

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      // Queries differ by shape (how many `$in` values…); an unbounded cache would only grow.
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
      prepared = this.db.prepare(sql).pluck();
      this.statements.set(sql, prepared);
    }
    return prepared;
  }
}

/** The collection is a literal, so SQLite can use the collection's partial indexes. */
export function whereClause(collection: string, plan: SqlCondition): string {
  return `collection = ${sqlLiteral(collection)} AND ${plan.sql}`;
}

function matchesAll(document: ReadDocument, terms: readonly ArrayTerm[]): boolean {
  return terms.every((term) => matchesArrayTerm(document, term));
}

function parse(body: string): ReadDocument {
  return JSON.parse(body) as ReadDocument;
}

function nonNegative(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}
