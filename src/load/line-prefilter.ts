/**
 * Which lines of a JSON Lines chunk a pre-filter keeps (the pattern is made by
 * query/text-prefilter.ts, which says why it is exact): the bytes are read as Latin-1, one
 * character per byte, so match positions are byte offsets, and the pattern runs once over the
 * chunk instead of once per line. Finding nothing in most of a 1 GB file costs about a tenth of
 * parsing it.
 */
export class LinePrefilter {
  private readonly pattern: RegExp;

  constructor(source: string) {
    this.pattern = new RegExp(source, 'gi');
  }

  /**
   * The offsets in `data` of the first match on each line of `data[from, to)` that has one, in
   * order (`to` just past a line break, or the end of the last line).
   */
  matchesIn(data: Buffer, from: number, to: number): number[] {
    const text = data.toString('latin1', from, to);
    const found: number[] = [];
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      found.push(from + match.index);
      // One match is enough for a line: go on from the next one.
      const lineEnd = text.indexOf('\n', match.index);
      if (lineEnd === -1) break;
      pattern.lastIndex = lineEnd + 1;
    }
    return found;
  }
}
