/**
 * Valid files of every shape real exports take, grown from the fixtures' records: each record is
 * cloned with a unique identity (its id, or the correlation ID where a shape has no id), and the
 * byte span of every record in the file is known, so a mutation can say which records it touched.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface Shape {
  name: string;
  bytes: Buffer;
  /** Each record's identity and byte span [start, end) in `bytes`, in file order. */
  records: Array<{ id: string; start: number; end: number }>;
  /** Gzip and other shapes where bytes cannot be mapped to records: only cuts and the budgets are checked. */
  opaque?: boolean;
  /**
   * Where the header ends in a CSV read by column name: damage before it may cost every record
   * (a lost separator shifts every column after it; the file is then refused, in words).
   */
  headerEnd?: number;
}

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/formats/${name}`, import.meta.url)), 'utf8').replace(/^\uFEFF/, '');

type Json = Record<string, unknown>;

/** `count` copies of the template records (in turn), each with `identity` made unique in its text. */
function clones(templates: Json[], identity: (record: Json) => string, count: number): Array<{ id: string; record: Json }> {
  return Array.from({ length: count }, (_, k) => {
    const template = templates[k % templates.length];
    const id = identity(template);
    const unique = `${id}-fz${k}`;
    return { id: unique, record: JSON.parse(JSON.stringify(template).split(id).join(unique)) as Json };
  });
}

/** The text and each element's span, locating each element's own serialisation in order. */
function located(name: string, text: string, elements: Array<{ id: string; text: string }>): Shape {
  const bytes = Buffer.from(text, 'utf8');
  const records: Shape['records'] = [];
  let from = 0;
  for (const element of elements) {
    const at = text.indexOf(element.text, from);
    if (at === -1) throw new Error(`${name}: element ${element.id} not found`);
    const start = Buffer.byteLength(text.slice(0, at));
    records.push({ id: element.id, start, end: start + Buffer.byteLength(element.text) });
    from = at + element.text.length;
  }
  return { name, bytes, records };
}

const indented = (record: Json, indent: number, depth: number) => JSON.stringify(record, null, indent).split('\n').join(`\n${' '.repeat(indent * depth)}`);

const graphRecords = (count: number) => clones((JSON.parse(fixture('graph-page.json')) as { value: Json[] }).value, (r) => String(r.id), count);

export function shapes(count = 40): Shape[] {
  const graph = graphRecords(count);
  const page = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits', value: graph.map((c) => c.record) };
  const hub = clones((JSON.parse(fixture('eventhub-batch.json')) as { records: Json[] }).records, (r) => String((r.properties as Json).id), count);
  const portal = clones(JSON.parse(fixture('portal-download.json')) as Json[], (r) => String(r.id), count);
  const analytics = clones(JSON.parse(fixture('log-analytics-rows.json')) as Json[], (r) => String(r.Id), count);
  const list: Shape[] = [
    located('pretty Graph page', JSON.stringify(page, null, 2), graph.map((c) => ({ id: c.id, text: indented(c.record, 2, 2) }))),
    located('one-line Graph page', JSON.stringify(page), graph.map((c) => ({ id: c.id, text: JSON.stringify(c.record) }))),
    located('pretty array (portal JSON)', JSON.stringify(portal.map((c) => c.record), null, 2), portal.map((c) => ({ id: c.id, text: indented(c.record, 2, 1) }))),
    located('pretty array, 4 spaces and CRLF (Log Analytics rows)', JSON.stringify(analytics.map((c) => c.record), null, 4).replace(/\n/g, '\r\n'), analytics.map((c) => ({ id: c.id, text: indented(c.record, 4, 1).replace(/\n/g, '\r\n') }))),
    located('JSON Lines', graph.map((c) => JSON.stringify(c.record)).join('\n') + '\n', graph.map((c) => ({ id: c.id, text: JSON.stringify(c.record) }))),
    located('Event Hub batch', JSON.stringify({ records: hub.map((c) => c.record) }, null, 2), hub.map((c) => ({ id: c.id, text: indented(c.record, 2, 2) }))),
    located('Event Hub batches, one per line', chunk(hub, 8).map((part) => JSON.stringify({ records: part.map((c) => c.record) })).join('\n') + '\n', hub.map((c) => ({ id: c.id, text: JSON.stringify(c.record) }))),
    located('arrays back to back', chunk(graph, 10).map((part) => JSON.stringify(part.map((c) => c.record), null, 2)).join('\n'), graph.map((c) => ({ id: c.id, text: indented(c.record, 2, 1) }))),
    csvShape('portal CSV', 'portal-download.csv', '\r\n', count, 1),
    csvShape('Log Analytics CSV', 'log-analytics-export.csv', '\n', count, 19, true),
  ];
  const lines = list.find((shape) => shape.name === 'JSON Lines')!;
  list.push({ name: 'gzip JSON Lines', bytes: gzipSync(lines.bytes), records: lines.records.map((r) => ({ ...r, start: 0, end: 0 })), opaque: true });
  return list;
}

function chunk<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));
}

/** A CSV export: its header, then rows cloned from the fixture's with a unique value in column `idColumn`. */
function csvShape(name: string, file: string, newline: string, count: number, idColumn: number, byName = false): Shape {
  const [header, ...rows] = fixture(file).split(/\r?\n/).filter((line) => line !== '');
  const cells = (row: string) => [...row.matchAll(/"((?:[^"]|"")*)"|([^,]*)/g)];
  const rowsOut = Array.from({ length: count }, (_, k) => {
    const row = rows[k % rows.length];
    const value = cells(row).filter((m) => m.index === 0 || row[m.index - 1] === ',')[idColumn];
    const id = value[1] ?? value[2];
    const unique = `${id}-fz${k}`;
    return { id: unique, text: row.split(id).join(unique) };
  });
  const text = '\uFEFF' + header + newline + rowsOut.map((r) => r.text).join(newline) + newline;
  const shape = located(name, text, rowsOut);
  return byName ? { ...shape, headerEnd: Buffer.byteLength('\uFEFF' + header + newline) } : shape;
}
