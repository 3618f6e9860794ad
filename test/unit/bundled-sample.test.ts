import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundledSamplePath } from '../../src/paths.js';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleEvents } from '../../src/sample/generate.js';

describe('data/sample-tenant.jsonl.gz', () => {
  it('is exactly what `entra-audit sample` writes with the default options (regenerate with npm run sample)', () => {
    const bundled = gunzipSync(readFileSync(bundledSamplePath())).toString('utf8');
    let expected = '';
    for (const event of generateSampleEvents(DEFAULT_SAMPLE_OPTIONS)) expected += JSON.stringify(event) + '\n';
    expect(bundled === expected).toBe(true);
  });
});
