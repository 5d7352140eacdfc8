// The physical limit for loading a JSONL file: DuckDB's own read_json into a table of a fresh
// database file, nothing else. Usage: node duckdb-load.mjs FILE.jsonl DB.duckdb  → prints the row count.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, db] = process.argv.slice(2);
const instance = await DuckDBInstance.create(db);
const con = await instance.connect();
const escaped = file.replaceAll("'", "''");
await con.run(`CREATE TABLE labels AS SELECT * FROM read_json('${escaped}', format = 'newline_delimited')`);
await con.run('CHECKPOINT');
const n = (await con.runAndReadAll('SELECT count(*)::INTEGER AS n FROM labels')).getRowObjectsJS()[0].n;
process.stdout.write(`${n}\n`);
con.closeSync();
instance.closeSync();
