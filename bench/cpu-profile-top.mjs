#!/usr/bin/env node
/**
 * Where the time goes, from a `node --cpu-prof` profile: self time per function, as a share of
 * the samples taken while `ROOT` (a function name) was on the stack — so a benchmark's loading
 * and set-up drop out and only, say, the search bench's `rowsReady` is counted.
 *
 *   node bench/cpu-profile-top.mjs PROFILE.cpuprofile [ROOT] [TOP]
 *
 * Prints self time (the function itself) and total time (it and what it called) per function.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const [file, root, top = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/cpu-profile-top.mjs PROFILE.cpuprofile [ROOT-FUNCTION] [TOP]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const label = ({ callFrame: f }) => `${f.functionName || '(anonymous)'} ${f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim();

const self = new Map();
const total = new Map();
let counted = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  const stack = [];
  for (let at = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at));
  if (root && !stack.some((node) => node.callFrame.functionName === root)) return;
  counted += ms;
  const leaf = label(stack[0]);
  self.set(leaf, (self.get(leaf) ?? 0) + ms);
  for (const name of new Set(stack.map(label))) total.set(name, (total.get(name) ?? 0) + ms);
});

console.log(`${counted.toFixed(0)} ms of samples${root ? ` under ${root}` : ''}`);
const share = (ms) => `${((100 * ms) / counted).toFixed(1).padStart(5)}%`;
console.log('\nself time');
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${share(ms)} ${ms.toFixed(0).padStart(7)} ms  ${name}`);
console.log('\ntotal time (incl. callees)');
for (const [name, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${share(ms)} ${ms.toFixed(0).padStart(7)} ms  ${name}`);
