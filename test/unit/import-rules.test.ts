/**
 * The house rules of README "Architecture", checked on every import in src/ and components/:
 * layers import downwards only, no file circles, nothing in src/ loads React, Ink or a component
 * (the CLI's lazy launch of the explorer aside), and only view/ sanitises for the screen.
 * Type-only imports count: a type is a dependency too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What each layer may import besides itself (ground files, src/paths.ts and src/trace.ts, are open to all). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  text: [],
  model: ['text'],
  store: ['model', 'text'],
  ingest: ['model', 'text'],
  // The only room that knows both a file and the store; it also builds the indexes it owns.
  load: ['ingest', 'store', 'query', 'insights', 'model', 'text'],
  sources: ['ingest', 'model', 'text'],
  query: ['store', 'model', 'text'],
  insights: ['query', 'store', 'model', 'text'],
  export: ['store', 'model', 'text'],
  view: ['insights', 'export', 'query', 'store', 'model', 'text'],
  tui: ['view', 'insights', 'export', 'query', 'store', 'model', 'text'],
  config: ['tui', 'view', 'insights', 'export', 'query', 'store', 'model', 'text'],
  sample: ['model', 'text'],
  cli: ['config', 'tui', 'view', 'insights', 'export', 'query', 'load', 'ingest', 'sources', 'store', 'model', 'text', 'sample'],
  components: ['tui', 'view', 'model', 'text'],
};

/** Edges allowed by name: the one place src/ starts the Ink explorer (lazily, so `query` never loads React). */
const ALLOWED_EDGES = new Set(['src/cli/open-command.ts -> components/run-explorer.tsx']);

/** Where the screen's strings are made safe: nowhere above view/ (so no screen can forget it, or do it twice). */
const SANITISED_ONLY_BELOW = ['components', 'tui'];

interface Edge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:type\s)?[^'"]*?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import of every file: relative ones resolved to repository paths, packages by name. */
function importsOf(file: string): Edge[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const edges: Edge[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2];
    if (!spec.startsWith('.')) {
      edges.push({ from: file, to: spec });
      continue;
    }
    const base = relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, '');
    const to = ['.ts', '.tsx'].map((ext) => base + ext).find((candidate) => existsFile(candidate)) ?? base;
    edges.push({ from: file, to });
  }
  return edges;
}

const existsFile = (path: string) => {
  try {
    return statSync(join(ROOT, path)).isFile();
  } catch {
    return false;
  }
};

/** `components`, a directory under src/, `ground` for files directly in src/, or null for a package. */
function layerOf(path: string): string | null {
  if (path.startsWith('components/')) return 'components';
  const match = /^src\/([^/]+)\//.exec(path);
  if (match) return match[1];
  return path.startsWith('src/') ? 'ground' : null;
}

const UI_PACKAGES = /^(react|react\/.*|ink|ink-.*)$/;

function breaksOf(edge: Edge): string[] {
  const name = `${edge.from} -> ${edge.to}`;
  if (ALLOWED_EDGES.has(name)) return [];
  const from = layerOf(edge.from)!;
  const to = layerOf(edge.to);
  const breaks: string[] = [];
  if (to === null) {
    if (from !== 'components' && UI_PACKAGES.test(edge.to)) breaks.push(`${name} (src/ loads a UI package)`);
    return breaks;
  }
  if (to !== from && to !== 'ground' && from !== 'ground' && !(MAY_IMPORT[from] ?? []).includes(to)) breaks.push(`${name} (${from} may not import ${to})`);
  if (from === 'ground' && to !== 'ground') breaks.push(`${name} (ground files import nothing above them)`);
  if (SANITISED_ONLY_BELOW.includes(from) && edge.to === 'src/text/sanitize.ts') breaks.push(`${name} (sanitising belongs in view/)`);
  return breaks;
}

/** Strongly connected groups of more than one file (Tarjan). */
function fileCircles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) if (layerOf(to) !== null) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let counter = 0;
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) === index.get(file)) {
      const circle: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        circle.push(member);
      } while (member !== file);
      if (circle.length > 1) circles.push(circle.sort());
    }
  };
  for (const file of next.keys()) if (!index.has(file)) visit(file);
  return circles;
}

/**
 * Top-level `let`s and top-level caches (`const x = new Map/WeakMap`): state shared by every
 * caller of a module. Constant lookup sets are fine; the one memo of Intl formatters per zone
 * (text/time-zone.ts) is a pure function's cache and allowed by name.
 */
const PURE_MEMOS = new Set(['src/text/time-zone.ts: formatters', 'src/tui/frame-parts.ts: detailLineMemo', 'src/tui/find-hits.ts: hitMemo', 'src/text/width.ts: measured']);
function moduleState(): string[] {
  const found: string[] = [];
  for (const file of FILES) {
    if (file.startsWith('src/sample/')) continue;
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const match of text.matchAll(/^(?:export )?(?:let ([A-Za-z_$][\w$]*)|const ([A-Za-z_$][\w$]*)(?::[^=]+)? = new (?:Weak)?Map\b)/gm)) {
      const name = `${file}: ${match[1] ?? match[2]}`;
      if (!PURE_MEMOS.has(name)) found.push(name);
    }
  }
  return found;
}

const FILES = [...sourceFiles('src'), ...sourceFiles('components')];
const EDGES = FILES.flatMap(importsOf);

describe('import rules', () => {
  it('reads the imports of every source file', () => {
    // A guard on the reader itself: were the regex to miss imports, every rule would pass.
    expect(FILES.length).toBeGreaterThan(100);
    expect(EDGES.some((edge) => edge.from === 'src/cli/main.ts' && edge.to === 'yargs')).toBe(true);
    expect(EDGES.some((edge) => edge.from === 'src/cli/open-command.ts' && edge.to === 'components/run-explorer.tsx')).toBe(true);
  });

  it('knows the layer of every file', () => {
    const unknown = FILES.map(layerOf).filter((layer) => layer !== 'ground' && !(layer! in MAY_IMPORT));
    expect(unknown).toEqual([]);
  });

  it('imports run down the layers only', () => {
    expect([...new Set(EDGES.flatMap(breaksOf))].sort()).toEqual([]);
  });

  it('has no file circles', () => {
    expect(fileCircles(EDGES).map((circle) => circle.join(' <-> '))).toEqual([]);
  });

  it('has no source file over 400 lines (sample data aside)', () => {
    expect(FILES.filter((file) => !file.startsWith('src/sample/') && readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1 > 400)).toEqual([]);
  });

  it('keeps no mutable state at module level', () => {
    expect(moduleState()).toEqual([]);
  });
});
