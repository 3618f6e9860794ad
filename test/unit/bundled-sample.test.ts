import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundledSamplePath } from '../../src/paths.js';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleEvents } from '../../src/sample/generate.js';
import { generateSampleRecords } from '../../src/sample/records.js';

/**
 * SHA-256 of the audit lines of the bundled sample before sign-ins and provisioning joined them
 * (as of commit df37594). Adding other logs must never move an audit: their tests and counts rely on it.
 */
const AUDIT_LINES_SHA256 = '72e998d8d484dfcf63acace57da91461db28ba7a723b036b13eb1e13bc3ded84';

const bundled = gunzipSync(readFileSync(bundledSamplePath())).toString('utf8');
const auditLines = bundled.split('\n').filter((line) => line.includes('"activityDisplayName":'));

describe('data/sample-tenant.jsonl.gz', () => {
  it('is exactly what `entra-audit sample` writes with the default options (regenerate with npm run sample)', () => {
    let expected = '';
    for (const record of generateSampleRecords(DEFAULT_SAMPLE_OPTIONS)) expected += JSON.stringify(record) + '\n';
    expect(bundled === expected).toBe(true);
  });

  it('holds the audits unchanged, in their order, between the other logs', () => {
    let audits = '';
    for (const event of generateSampleEvents(DEFAULT_SAMPLE_OPTIONS)) audits += JSON.stringify(event) + '\n';
    expect(auditLines).toHaveLength(DEFAULT_SAMPLE_OPTIONS.events);
    expect(auditLines.join('\n') + '\n' === audits).toBe(true);
    expect(createHash('sha256').update(audits).digest('hex')).toBe(AUDIT_LINES_SHA256);
  });

  it('is audits only without sign-ins and provisioning', () => {
    let audits = '';
    for (const record of generateSampleRecords({ ...DEFAULT_SAMPLE_OPTIONS, signIns: false, provisioning: false })) audits += JSON.stringify(record) + '\n';
    expect(createHash('sha256').update(audits).digest('hex')).toBe(AUDIT_LINES_SHA256);
  });
});
