// The physical limit for loading a JSONL or Parquet file: DuckDB's own read_json / read_parquet into a
// table of a fresh database file, nothing else. Usage: node duckdb-load.mjs FILE.jsonl|FILE.parquet DB.duckdb [--hash] → prints the
// row count. --hash also stores a per-row SHA-256 of the JSON array of the record's fields, the way
// Touchstone hashes a stored row (row-hash.ts: sha256(json_array(…)::VARCHAR)) less its own columns
// (seq, batch, record number): the limit for "load and hash" rather than "load".
import { DuckDBInstance } from '@duckdb/node-api';

const [file, db, flag] = process.argv.slice(2);
const instance = await DuckDBInstance.create(db);
const con = await instance.connect();
const quoted = `'${file.replaceAll("'", "''")}'`;
const source = file.endsWith('.parquet') ? `read_parquet(${quoted})` : `read_json(${quoted}, format = 'newline_delimited')`;
const select = flag === '--hash' ? `SELECT r.*, sha256(json_array(*COLUMNS(*))::VARCHAR) AS row_hash FROM ${source} r` : `SELECT * FROM ${source}`;
await con.run(`CREATE TABLE labels AS ${select}`);
await con.run('CHECKPOINT');
const n = (await con.runAndReadAll('SELECT count(*)::INTEGER AS n FROM labels')).getRowObjectsJS()[0].n;
process.stdout.write(`${n}\n`);
con.closeSync();
instance.closeSync();
