import { existsSync, renameSync, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { StoreError } from '../errors/touchstone-error.js';
import { literal } from './sql.js';

/**
 * Rewrites the store file from its live rows (COPY FROM DATABASE into a fresh file, then an atomic
 * rename), so blocks that held updated or deleted values (erased text) are not left in the file.
 * CHECKPOINT alone rewrites the row groups it touches but may leave freed blocks with old bytes.
 * The store must be closed; a crash leaves the original untouched.
 */
export async function compactStore(path: string, options: { readonly uncompressed?: boolean } = {}): Promise<void> {
  const tmp = `${path}.compact`;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    // Tests that search the file's bytes for a text turn compression off (FSST would hide it either way).
    if (options.uncompressed === true) await con.run(`SET force_compression = 'uncompressed'`);
    await con.run(`ATTACH ${literal(path)} AS src`);
    await con.run('CHECKPOINT src');
    await con.run(`ATTACH ${literal(tmp)} AS dst`);
    await con.run('COPY FROM DATABASE src TO dst');
    await con.run('DETACH src');
    await con.run('CHECKPOINT dst');
    await con.run('DETACH dst');
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new StoreError('STORE_COMPACT', `could not rewrite ${path} without its free blocks: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  renameSync(tmp, path);
  if (existsSync(`${path}.wal`)) rmSync(`${path}.wal`);
}
