// DuckDB as a peer, in its own process: loads @duckdb/node-api from the bench's cache folder (it
// is no dependency of the project), runs the SQL statements given as a JSON array in argv[3],
// and prints the first value of the last statement's first row, the time the statements took,
// this process's CPU time (DuckDB's threads included) and its peak RSS, as JSON for bench/duckdb.ts.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { peakRssKb } from './peak-rss.mjs';

const require = createRequire(join(process.argv[2], 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');
const statements = JSON.parse(process.argv[3]);

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const started = performance.now();
let value = null;
for (const sql of statements) {
  const reader = await connection.runAndReadAll(sql);
  const rows = reader.getRows();
  value = rows.length > 0 && rows[0].length > 0 ? rows[0][0] : null;
}
const ms = performance.now() - started;
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ ms, value: typeof value === 'bigint' ? Number(value) : value, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: peakRssKb() }) + '\n');
connection.closeSync?.();
