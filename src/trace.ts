/**
 * Start-up and load milestones, for benchmarks and for diagnosing a slow start on someone's jump
 * host: `ENTRA_AUDIT_TRACE=/tmp/trace.log entra-audit big.json` appends
 * `<ms since process start> <label>` lines. Does nothing when the variable is unset.
 */
import { appendFileSync } from 'node:fs';

const target = process.env.ENTRA_AUDIT_TRACE;

export function trace(label: string): void {
  if (!target) return;
  try {
    appendFileSync(target, `${performance.now().toFixed(1)} ${label}\n`);
  } catch {
    // Tracing must never break the program.
  }
}
