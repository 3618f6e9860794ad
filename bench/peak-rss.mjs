// Peak resident memory of this process. On Linux, getrusage's maxrss of a child starts from its
// parent's peak at fork time (a benchmark parent holding a big store would inflate every child),
// so read VmHWM, which belongs to the process's own address space, when /proc has it.
import { readFileSync } from 'node:fs';

export function peakRssKb() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}
