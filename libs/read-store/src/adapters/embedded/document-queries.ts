import type Database from 'better-sqlite3';
import { find as mingoFind, Query } from 'mingo';
import type { DocumentQuery, FindOptions, ReadDocument } from '../../read-store.port';
import type { ArrayPaths } from './array-paths';
import { orderBy, planQuery } from './query-plan';
import { sqlLiteral, type SqlCondition, type SqlParam } from './sql-text';

const STATEMENT_CACHE_LIMIT = 500;

/**
 * Answers `find` and `count`. The translated part of a query runs in SQL (with sort, skip and
 * limit when nothing is left for mingo); what SQL cannot say is tested by mingo on the rows SQL
 * returned, and a sort SQL cannot do is done by mingo over the whole filtered set.
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
    if (order === undefined) {
      const candidates = this.bodies(`SELECT body FROM documents WHERE ${where}`, plan.params);
      let cursor = mingoFind(candidates.map(parse), plan.residual ?? {}).sort(options.sort ?? {});
      if (skip > 0) cursor = cursor.skip(skip);
      if (limit < Infinity) cursor = cursor.limit(limit);
      return cursor.all() as ReadDocument[];
    }
    // Without sort, skip or limit the order is unspecified, and skipping ORDER BY saves a sort.
    const ordered = options.sort || skip > 0 || limit < Infinity ? ` ORDER BY ${order}` : '';
    if (!plan.residual) {
      const sql = `SELECT body FROM documents WHERE ${where}${ordered} LIMIT ? OFFSET ?`;
      return this.bodies(sql, [...plan.params, limit === Infinity ? -1 : limit, skip]).map(parse);
    }
    const residual = new Query(plan.residual);
    const statement = this.statement(`SELECT body FROM documents WHERE ${where}${ordered}`);
    const found: ReadDocument[] = [];
    let toSkip = skip;
    for (const body of statement.iterate(...plan.params) as IterableIterator<string>) {
      const document = parse(body);
      if (!residual.test(document)) continue;
      if (toSkip > 0) toSkip -= 1;
      else found.push(document);
      if (found.length >= limit) break;
    }
    return found;
  }

  count(collection: string, query: DocumentQuery): number {
    const plan = planQuery(query, (path) => this.arrayPaths.sqlMayRead(collection, path));
    const where = whereClause(collection, plan);
    if (!plan.residual) {
      return this.statement(`SELECT COUNT(*) FROM documents WHERE ${where}`).get(
        ...plan.params,
      ) as number;
    }
    const residual = new Query(plan.residual);
    let matched = 0;
    for (const body of this.bodies(`SELECT body FROM documents WHERE ${where}`, plan.params)) {
      if (residual.test(parse(body))) matched += 1;
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
