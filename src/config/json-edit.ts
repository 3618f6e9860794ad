/**
 * Setting one value in a JSON document by editing its text, not by re-serialising it: the rest
 * of the file (its order, spacing, line breaks, how numbers and escapes are written) stays
 * byte for byte as the person wrote it. Only valid JSON is edited (the caller checked it parses).
 */

interface Member {
  key: string;
  /** Where the member's key starts, and where its value starts and ends. */
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text[at])) at++;
  return at;
}

function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error('unterminated string');
}

/** Where the value starting at `at` ends. */
function valueEnd(text: string, at: number): number {
  const c = text[at];
  if (c === '"') return stringEnd(text, at);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const d = text[i];
      if (d === '"') i = stringEnd(text, i) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') if (--depth === 0) return i + 1;
    }
    throw new Error('unterminated object or array');
  }
  let i = at;
  while (i < text.length && !isSpace(text[i]) && text[i] !== ',' && text[i] !== '}' && text[i] !== ']') i++;
  return i;
}

/** The members of the object starting at `open` (its `{`), and where its `}` is. */
function membersOf(text: string, open: number): { members: Member[]; close: number } {
  const members: Member[] = [];
  let at = skipSpace(text, open + 1);
  while (text[at] !== '}') {
    const keyEnd = stringEnd(text, at);
    const key = JSON.parse(text.slice(at, keyEnd)) as string;
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const end = valueEnd(text, valueStart);
    members.push({ key, keyStart: at, valueStart, valueEnd: end });
    at = skipSpace(text, end);
    if (text[at] === ',') at = skipSpace(text, at + 1);
  }
  return { members, close: at };
}

/** The indentation of the line `at` is on. */
function lineIndent(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/** `value` as JSON, objects spread over lines at `indent` + `unit` (lists of plain values stay on one line). */
function render(value: unknown, indent: string, unit: string): string {
  if (Array.isArray(value)) return `[${value.map((item) => render(item, indent, unit)).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${indent}${unit}${JSON.stringify(key)}: ${render(item, indent + unit, unit)}`);
    return entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/**
 * `text` with the value at `path` (object keys from the root) set to `value`: replaced where it
 * is, or added as the object's last member (objects on the way made as needed). The last
 * occurrence of a repeated key is the one edited, as JSON.parse keeps the last.
 */
export function setJsonValue(text: string, path: readonly string[], value: unknown): string {
  const open = skipSpace(text, text.startsWith('\uFEFF') ? 1 : 0);
  if (text[open] !== '{') throw new Error('the file is not a JSON object');
  const members = membersOf(text, open);
  // The file's own indentation unit (two spaces when it has no member to learn it from).
  const first = members.members[0];
  const unit = first ? lineIndent(text, first.keyStart).slice(lineIndent(text, open).length) || '  ' : '  ';
  return setIn(text, open, path, value, unit);
}

function setIn(text: string, open: number, path: readonly string[], value: unknown, unit: string): string {
  const [key, ...rest] = path;
  const { members, close } = membersOf(text, open);
  const member = members.filter((m) => m.key === key).at(-1);
  const indent = lineIndent(text, open);
  if (member && rest.length > 0 && text[member.valueStart] === '{') return setIn(text, member.valueStart, rest, value, unit);
  const wanted = rest.reduceRight<unknown>((inner, name) => ({ [name]: inner }), value);
  if (member) {
    const rendered = render(wanted, lineIndent(text, member.keyStart), unit);
    return text.slice(0, member.valueStart) + rendered + text.slice(member.valueEnd);
  }
  const multiline = members.length === 0 ? true : text.slice(open, members[0].keyStart).includes('\n');
  const memberIndent = members.length > 0 ? lineIndent(text, members[0].keyStart) : indent + unit;
  const entry = `${JSON.stringify(key)}: ${render(wanted, multiline ? memberIndent : indent, unit)}`;
  if (members.length === 0) return `${text.slice(0, open + 1)}\n${memberIndent}${entry}\n${indent}${text.slice(close)}`;
  const last = members[members.length - 1];
  const separator = multiline ? `,\n${memberIndent}` : ', ';
  return text.slice(0, last.valueEnd) + separator + entry + text.slice(last.valueEnd, close) + text.slice(close);
}
