/**
 * Right answers from shapes seen in files written by others (issue 12): Microsoft's own Graph beta
 * example, Microsoft's Mesh audit sample and a Purview export quoted in a CTF write-up (unified
 * audit log), Microsoft's 2018 Azure Monitor schema page. Each record here is invented
 * (contoso.example, RFC 5737 addresses) in the exact shape of its source.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/ingest/read-input.js';
import type { AuditEvent } from '../../src/model/audit-event.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const temp = tempDir();

async function eventsIn(path: string): Promise<AuditEvent[]> {
  const loaded = await loadAll([{ kind: 'file', path }]);
  expect(loaded.problems).toEqual([]);
  expect(loaded.reports[0].error).toBeUndefined();
  return loaded.events.map((e) => e.event);
}

const eventsOf = (name: string, records: unknown[]) => eventsIn(temp.write(name, records.map((r) => JSON.stringify(r)).join('\n') + '\n'));

describe('Graph targets typed only by @odata.type (Microsoft’s 2019 beta example)', () => {
  it('gives each target the type its subclass names, so the Type column and type: filter see it', async () => {
    const [event] = await eventsIn(join(FIXTURES, 'graph-beta-odata-typed.json'));
    expect(event.targetResources.map((t) => [t.displayName ?? t.userPrincipalName, t.type])).toEqual([
      ['Finance Approvers', 'Group'],
      ['tomas.rieger@contoso.example', 'User'],
      ['Contoso Payroll Sync', 'ServicePrincipal'],
    ]);
  });

  it('keeps a type the record states over its subclass', async () => {
    const [event] = await eventsOf('typed.jsonl', [
      {
        id: 'Directory_x',
        activityDisplayName: 'Update user',
        activityDateTime: '2019-01-09T21:20:02Z',
        targetResources: [{ '@odata.type': '#microsoft.graph.targetResourceOther', id: 'u1', type: 'User' }],
      },
    ]);
    expect(event.targetResources[0].type).toBe('User');
  });
});
