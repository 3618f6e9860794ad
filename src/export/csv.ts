/**
 * CSV of events, one row per event, safe to open in a spreadsheet: a cell that a spreadsheet
 * would run as a formula gets a leading `'`, unless it is a plain number. A formula is a leading
 * `=`, `+`, `-`, `@`, tab or CR, also after leading whitespace (` =1+1`: spreadsheets trim it
 * on import) and in the full-width and small forms (`＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫`), which East Asian
 * input methods type and some spreadsheets fold to ASCII before deciding. Modified-property values travel inside the JSON of the `targets` column,
 * which starts with `[` and so is never altered. Extra columns (the rule an event falls under,
 * see insights/extra-columns.ts) follow the record's own, formula-safe like every other cell.
 */
import { stringify } from 'csv-stringify/sync';
import type { LoadedEvent } from '../model/loaded-event.js';
import { initiatorOf, userAgentOf } from '../model/accessors.js';

export const CSV_COLUMNS = [
  'activityDateTime',
  'pane',
  'loggedByService',
  'category',
  'activityDisplayName',
  'operationType',
  'result',
  'resultReason',
  'initiatorType',
  'initiatedBy',
  'ipAddress',
  'userAgent',
  'firstTargetType',
  'firstTarget',
  'correlationId',
  'id',
  'targetResources',
  'additionalDetails',
] as const;

// `\s` is JavaScript's whitespace: ASCII spaces and breaks, NBSP, U+3000 and the other Unicode spaces.
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b])/;
/** A number a spreadsheet reads as one (ASCII digits only): `-42`, `+3.5`, `1e5`, also with spaces around it. */
const PLAIN_NUMBER = /^ *[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)? *$/;

/** A column after the record's own, computed per store index (`risk`: `high:role-outside-pim`). */
export interface CsvExtraColumn {
  name: string;
  value(index: number): string;
}

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

function rowOf(loaded: LoadedEvent): string[] {
  const { event } = loaded;
  const initiator = initiatorOf(event);
  const first = event.targetResources[0];
  return [
    event.activityDateTime,
    loaded.pane,
    event.loggedByService,
    event.category,
    event.activityDisplayName,
    event.operationType,
    event.result,
    event.resultReason,
    initiator.kind,
    initiator.label,
    initiator.ipAddress ?? '',
    userAgentOf(event) ?? '',
    first?.type ?? '',
    first ? first.displayName || first.userPrincipalName || first.id || '' : '',
    event.correlationId,
    event.id,
    JSON.stringify(event.targetResources),
    JSON.stringify(event.additionalDetails),
  ].map(neutraliseFormula);
}

/**
 * csv-stringify quotes a cell holding the record delimiter (CRLF) but not a lone CR or LF, which
 * spreadsheets read as the end of the row: `Bob\n=1+1` would put `=1+1` at the start of a row of
 * its own, a formula. Quoting every cell with a line break keeps the break inside its cell.
 */
const OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

export const csvHeaderLine = (extras: readonly CsvExtraColumn[] = []): string => stringify([[...CSV_COLUMNS, ...extras.map((c) => c.name)]], OPTIONS);

/** Event `index` of the store, as `loaded` from it, with its extra columns. */
export const csvLine = (loaded: LoadedEvent, index: number, extras: readonly CsvExtraColumn[] = []): string =>
  stringify([[...rowOf(loaded), ...extras.map((c) => neutraliseFormula(c.value(index)))]], OPTIONS);

/**
 * `--excel`: a UTF-8 byte order mark before the header, without which Excel reads a CSV as the
 * machine's ANSI code page and shows `Müller` as `MÃ¼ller`. Rows already end in CRLF (RFC 4180).
 */
export const EXCEL_PREAMBLE = '\uFEFF';
