import { mkdirSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { StoreError } from '../errors/touchstone-error.js';
import { DDL, SCHEMA_VERSION } from './ddl.js';
import type { Sql, SqlParam } from './sql.js';

export type Row = Record<string, unknown>;

export interface OpenStoreOptions {
  /** Open without writing; fails when the file does not exist. */
  readonly readOnly?: boolean;
  /** When the file is locked by another process, retry until this many milliseconds have passed. */
  readonly waitMs?: number;
}

/**
 * The embedded DuckDB store: open, run, read rows as plain objects, transactions, close.
 * One process holds a writable store at a time (DuckDB's file lock); a second gets STORE_LOCKED.
 */
export class Store {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly readOnly: boolean,
  ) {}

  static async open(path: string, options: OpenStoreOptions = {}): Promise<Store> {
    const full = path === ':memory:' ? path : resolve(path);
    const readOnly = options.readOnly === true;
    if (full !== ':memory:') {
      if (readOnly && !existsSync(full)) {
        throw new StoreError('STORE_NOT_FOUND', `no Touchstone store at ${full}: ingest data first (touchstone ingest …) or pass --db`);
      }
      mkdirSync(dirname(full), { recursive: true });
    }
    const deadline = Date.now() + (options.waitMs ?? 0);
    for (;;) {
      try {
        const instance = await DuckDBInstance.create(full, readOnly ? { access_mode: 'READ_ONLY' } : {});
        const connection = await instance.connect();
        await connection.run(`SET TimeZone = 'UTC'`);
        const store = new Store(full, instance, connection, readOnly);
        if (!readOnly) await store.migrate();
        else await store.checkVersion();
        return store;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/lock/i.test(message)) {
          if (Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 200));
            continue;
          }
          throw new StoreError(
            'STORE_LOCKED',
            `the store ${full} is in use by another Touchstone process (DuckDB holds a file lock); retry when it finishes, or pass --wait`,
            { cause: error },
          );
        }
        if (error instanceof StoreError) throw error;
        throw new StoreError('STORE_UNREADABLE', `cannot open the store ${full}: ${message}`, { cause: error });
      }
    }
  }

  private async migrate(): Promise<void> {
    for (const statement of DDL) await this.connection.run(statement);
    const rows = await this.all({ sql: `SELECT value FROM meta WHERE key = 'schema_version'`, params: [] });
    if (rows.length === 0) {
      await this.connection.run(`INSERT INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}')`);
    } else if (Number(rows[0]?.['value']) !== SCHEMA_VERSION) {
      throw new StoreError('STORE_VERSION', `the store ${this.path} has schema version ${String(rows[0]?.['value'])}; this Touchstone reads version ${SCHEMA_VERSION}`);
    }
  }

  private async checkVersion(): Promise<void> {
    const tables = await this.all({ sql: `SELECT table_name FROM information_schema.tables WHERE table_name = 'meta'`, params: [] });
    if (tables.length === 0) throw new StoreError('STORE_EMPTY', `${this.path} is not a Touchstone store (no meta table)`);
  }

  /** Runs a statement; returns nothing. */
  async run(statement: Sql | string): Promise<void> {
    const q = typeof statement === 'string' ? { sql: statement, params: [] } : statement;
    await this.connection.run(q.sql, toValues(q.params));
  }

  /** Runs a query and returns its rows as plain objects (BIGINT as number when safe, timestamps as ISO strings). */
  async all<T extends Row = Row>(query: Sql | string): Promise<T[]> {
    const q = typeof query === 'string' ? { sql: query, params: [] } : query;
    const reader = await this.connection.runAndReadAll(q.sql, toValues(q.params));
    return reader.getRowObjectsJS().map((row) => normalizeRow(row) as T);
  }

  /**
   * A second connection to the same database, for streaming a large result while this store's own
   * connection keeps working: a statement on a connection ends any result still streaming on it.
   * The caller closes it (closeSync).
   */
  async connect(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    await connection.run(`SET TimeZone = 'UTC'`);
    return connection;
  }

  /** Runs `work` inside BEGIN … COMMIT; rolls back on any error and rethrows it. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function toValues(params: readonly SqlParam[]): DuckDBValue[] {
  return params.map((p) => p);
}

function normalizeRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = normalizeValue(value);
  return out;
}

function normalizeValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return normalizeRow(value as Record<string, unknown>);
  }
  return value;
}
