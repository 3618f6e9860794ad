/**
 * The KQL `kql` prints and `--workspace` sends, checked by Microsoft's own Kusto parser and
 * semantic analyser (@kusto/language-service-next, a pinned devDependency, loaded here only):
 * every query of a set of filters, for every pane, parses and analyses with no error against the
 * Log Analytics tables' declared schemas, also a workspace's that lacks the optional columns.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileKql, pastableQuery } from '../../src/query/kql/compile-kql.js';
import { isOptionalColumn, TABLES, type TableSpec } from '../../src/query/kql/tables.js';
import { parseQuery } from '../../src/query/parse.js';

// The Bridge.NET build is a global script: it sets globalThis.Bridge and globalThis.Kusto.
const require = createRequire(import.meta.url);
const scope = globalThis as unknown as Record<string, unknown>;
scope.Bridge = require('@kusto/language-service-next/bridge.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.js');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the analyser's generated Bridge API has no usable types for this
const Kusto = scope.Kusto as any;

/** Column types as Microsoft's table references give them; a column not listed here is a string. */
const DATETIME = new Set(['TimeGenerated', 'CreatedDateTime', 'ActivityDateTime']);
const DYNAMIC: Record<string, ReadonlySet<string>> = {
  AuditLogs: new Set(['InitiatedBy', 'TargetResources', 'AdditionalDetails']),
  AADCustomSecurityAttributeAuditLogs: new Set(['InitiatedBy', 'TargetResources', 'AdditionalDetails']),
  SigninLogs: new Set(['ConditionalAccessPolicies', 'Status', 'LocationDetails', 'DeviceDetail']),
  // The non-interactive, service principal, managed identity and provisioning tables keep their JSON as text.
};
const TYPED: Record<string, string> = { IsInteractive: 'bool', DurationMs: 'long' };

function schema(table: TableSpec, withOptional: boolean): string {
  const columns = table.columns.filter((column) => withOptional || !isOptionalColumn(table, column));
  const typeOf = (column: string) => (DATETIME.has(column) ? 'datetime' : DYNAMIC[table.name]?.has(column) ? 'dynamic' : TYPED[column] ?? 'string');
  return `(${columns.map((column) => `${column}: ${typeOf(column)}`).join(', ')})`;
}

function globalsFor(withOptional: boolean) {
  const S = Kusto.Language.Symbols;
  const tables = TABLES.map((table) => new S.TableSymbol.$ctor7(table.name, schema(table, withOptional), ''));
  return Kusto.Language.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.ctor('workspace', tables));
}

/** Error diagnostics of a query, as text: empty when it analyses cleanly. */
function errorsOf(kql: string, globals: unknown): string[] {
  const code = Kusto.Language.KustoCode.ParseAndAnalyze(kql, globals);
  const diagnostics = scope.Bridge && (scope.Bridge as { toArray: (list: unknown) => Array<{ Severity: string; Message: string; Start: number }> }).toArray(code.GetDiagnostics());
  return (diagnostics ?? []).filter((d) => d.Severity === 'Error').map((d) => `${d.Message} at ${d.Start}: ${kql.slice(Math.max(0, d.Start - 20), d.Start + 30)}`);
}

const FILTERS = [
  '',
  'actor:maren ip:203.0.113.66',
  'activity:="Add member to role" -actor:MS-PIM',
  '(activity:consent OR activity:"service principal credentials") status:success',
  'target:"Global Administrator" prop:Role',
  'NOT (ip:198.51.100.10 OR ip:198.51.100.20) corr:6af289ce',
  'error:=50126|50053 app:"Office 365"',
  'ca:failure location:Ashburn device:Windows risklevel:high',
  'agent:python-requests type:User id:Directory_',
  'job:ServiceNow system:ServiceNow action:Create status:failure',
  'since:2026-11-19T02:00:00Z until:2026-11-19T04:00:00Z maren',
  'value:PasswordCredentials op:Update category:ApplicationManagement service:"Core Directory"',
];
const WINDOW = { fromMs: Date.parse('2026-10-01T00:00:00Z'), toMs: Date.parse('2026-12-01T00:00:00Z') };

describe('the compiled KQL, analysed by the Kusto language service', () => {
  for (const withOptional of [true, false]) {
    const globals = globalsFor(withOptional);
    it.each(FILTERS)(`analyses with no error ${withOptional ? '' : '(a workspace without the optional columns) '}for %j`, (filter) => {
      const parsed = parseQuery(filter, { now: WINDOW.toMs });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const plan = compileKql(parsed.query.terms, { pane: 'all', window: WINDOW });
      expect(plan.queries.map((query) => query.table.name)).toEqual(TABLES.map((table) => table.name));
      for (const query of plan.queries) expect(errorsOf(pastableQuery(query, plan.window), globals), query.table.name).toEqual([]);
    });
  }

  it('catches what it is here to catch: a column no table has is an error', () => {
    expect(errorsOf('AuditLogs | where NoSuchColumn contains h"x"', globalsFor(true)).length).toBeGreaterThan(0);
  });
});
