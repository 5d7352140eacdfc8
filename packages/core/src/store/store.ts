import { mkdirSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { StoreError } from '../errors/touchstone-error.js';
import { DDL, SCHEMA_VERSION } from './ddl.js';
import { describeHolder, readHolder, removeHolder, writeHolder } from './store-holder.js';
import { literal, type Sql, type SqlParam } from './sql.js';

export type Row = Record<string, unknown>;

export interface OpenStoreOptions {
  /** Open without writing; fails when the file does not exist. */
  readonly readOnly?: boolean;
  /** When the file is locked by another process, retry until this many milliseconds have passed. */
  readonly waitMs?: number;
  /** The command that writes (for instance `touchstone ingest traffic`), named to a process the lock turns away. */
  readonly holder?: string;
  /**
   * Write later: an existing store is opened read-only (other processes can read it meanwhile) and
   * taken for writing only by `acquire()`, which an ingest calls when its records are staged and
   * validated. A store that does not exist yet is created and held at once.
   */
  readonly deferWrite?: boolean;
  /**
   * DuckDB's cap on its buffer memory (`SET memory_limit`, for instance '512MB'): past it, temp
   * tables, sorts and aggregates spill to disk (`<store>.tmp`) instead of growing the process.
   */
  readonly memoryLimit?: string;
}

// Readers hold a store for moments; a deferred writer that has done its staging waits for them at least this long.
const ACQUIRE_WAIT_MS = 60_000;

/**
 * The embedded DuckDB store: open, run, read rows as plain objects, transactions, close.
 * One process holds a writable store at a time (DuckDB's file lock); a second gets STORE_LOCKED.
 */
export class Store {
  private pending = false;
  private holding = false;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly readOnly: boolean,
    private readonly options: OpenStoreOptions = {},
  ) {}

  static async open(path: string, options: OpenStoreOptions = {}): Promise<Store> {
    const full = path === ':memory:' ? path : resolve(path);
    if (options.deferWrite === true && options.readOnly !== true && full !== ':memory:' && existsSync(full)) return Store.openDeferred(full, options);
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
        if (options.memoryLimit !== undefined) await connection.run(`SET memory_limit = ${literal(options.memoryLimit)}`);
        const store = new Store(full, instance, connection, readOnly, options);
        if (!readOnly) await store.migrate();
        else await store.checkVersion();
        if (!readOnly && full !== ':memory:') store.hold();
        return store;
      } catch (error) {
        await retryWhileLocked(full, error, deadline);
      }
    }
  }

  /** An in-memory database with the store attached read-only as `store` (the default catalog) until `acquire()`. */
  private static async openDeferred(full: string, options: OpenStoreOptions): Promise<Store> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`SET TimeZone = 'UTC'`);
    // Temp tables spill beside the store, as they would for a store opened directly.
    await connection.run(`SET temp_directory = ${literal(`${full}.tmp`)}`);
    if (options.memoryLimit !== undefined) await connection.run(`SET memory_limit = ${literal(options.memoryLimit)}`);
    const store = new Store(full, instance, connection, false, options);
    const deadline = Date.now() + (options.waitMs ?? 0);
    for (;;) {
      try {
        await connection.run(`ATTACH ${literal(full)} AS store (READ_ONLY)`);
        break;
      } catch (error) {
        await retryWhileLocked(full, error, deadline).catch((e: unknown) => {
          store.close();
          throw e;
        });
      }
    }
    await connection.run('USE store');
    await store.checkVersion();
    store.pending = true;
    return store;
  }

  /**
   * Takes the store for writing (a no-op unless opened with `deferWrite`): reattaches it read-write,
   * waiting for readers (at least a minute, or `waitMs`), applies migrations and records the holder.
   */
  async acquire(): Promise<void> {
    if (!this.pending) return;
    await this.connection.run('USE memory');
    await this.connection.run('DETACH store');
    const deadline = Date.now() + Math.max(this.options.waitMs ?? 0, ACQUIRE_WAIT_MS);
    for (;;) {
      try {
        await this.connection.run(`ATTACH ${literal(this.path)} AS store`);
        break;
      } catch (error) {
        await retryWhileLocked(this.path, error, deadline);
      }
    }
    await this.connection.run('USE store');
    this.pending = false;
    await this.migrate();
    this.hold();
  }

  private hold(): void {
    writeHolder(this.path, this.options.holder ?? `a Touchstone process (${process.argv.slice(1, 4).join(' ')})`);
    this.holding = true;
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
    if (this.holding) removeHolder(this.path);
    this.holding = false;
  }
}

/** Waits 200 ms and returns while `error` is DuckDB's file lock and `deadline` is ahead; otherwise throws the StoreError for it. */
async function retryWhileLocked(full: string, error: unknown, deadline: number): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  if (/lock/i.test(message)) {
    if (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      return;
    }
    const holder = readHolder(full);
    throw new StoreError(
      'STORE_LOCKED',
      `the store ${full} is in use by another Touchstone process (${holder === undefined ? 'DuckDB holds a file lock' : `${describeHolder(holder)}`}); retry when it finishes, or pass --wait`,
      { cause: error },
    );
  }
  if (error instanceof StoreError) throw error;
  throw new StoreError('STORE_UNREADABLE', `cannot open the store ${full}: ${message}`, { cause: error });
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
