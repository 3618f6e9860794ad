/**
 * `entra-audit sample`: the deterministic sample-tenant generator, as JSON Lines of Graph
 * directoryAudit objects with the tenant's signIn and provisioningObjectSummary records between
 * them in time order. The bundled data/ file and the benchmark inputs both come from here.
 */
import type { CommandModule } from 'yargs';
import { FileExistsError, writeFileAtomically } from '../export/safe-write.js';
import { TemporaryFiles } from '../export/temporary-files.js';
import { DEFAULT_SAMPLE_OPTIONS, type SampleOptions } from '../sample/options.js';
import { parseTimestamp } from '../text/timestamp.js';
import { CliError, EXIT } from './errors.js';
import { OutputWriter } from './output.js';
import { removeTemporariesOnSignals } from './signal-cleanup.js';

interface SampleArgs {
  events?: number;
  seed: number;
  days: number;
  end: string;
  signIns?: boolean;
  provisioning?: boolean;
  out?: string;
  force: boolean;
}

/** The generator is loaded only when asked for: it is big, and the explorer's start-up should not pay for it. */
async function jsonLines(options: SampleOptions): Promise<Generator<string>> {
  const { generateSampleRecords } = await import('../sample/records.js');
  return batches(generateSampleRecords(options));
}

function* batches(events: Iterable<object>): Generator<string> {
  let batch = '';
  for (const event of events) {
    batch += JSON.stringify(event) + '\n';
    if (batch.length > 256 * 1024) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

export const sampleCommand: CommandModule<object, SampleArgs> = {
  command: 'sample',
  describe: 'Generate a deterministic sample tenant (JSON Lines; .gz output is compressed)',
  builder: (y) =>
    y
      .option('events', { type: 'number', describe: `Exactly this many audit events and, unless --sign-ins / --provisioning, nothing else (default ${DEFAULT_SAMPLE_OPTIONS.events}, with the other logs)` })
      .option('seed', { type: 'number', default: DEFAULT_SAMPLE_OPTIONS.seed, describe: 'Random seed (same seed, same file)' })
      .option('days', { type: 'number', default: DEFAULT_SAMPLE_OPTIONS.days, describe: 'Days of history' })
      .option('end', { type: 'string', default: DEFAULT_SAMPLE_OPTIONS.end, describe: 'End of the window (UTC)' })
      .option('sign-ins', { type: 'boolean', describe: 'Add the tenant\'s sign-ins (on without --events; --no-sign-ins for audits only)' })
      .option('provisioning', { type: 'boolean', describe: 'Add the provisioning job\'s records (on without --events; --no-provisioning to leave them out)' })
      .option('out', { type: 'string', describe: 'Write to this file instead of stdout' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite --out if it exists' })
      // Returned (not thrown) messages are usage errors: exit 2 with the message.
      .check((a) => {
        if (a.events !== undefined && (!Number.isInteger(a.events) || a.events < 1)) return '--events must be a positive whole number';
        if (!Number.isInteger(a.seed)) return '--seed must be a whole number';
        if (!(a.days > 0)) return '--days must be more than 0';
        if (!parseTimestamp(a.end)) return '--end must be a date or date-time, e.g. 2026-11-28T00:00:00Z';
        return true;
      }) as never,
  handler: async (args) => {
    // `--events N` has always meant a file of exactly N records: the other logs come with the
    // bundled sample's default size, or when asked for.
    const otherLogs = args.events === undefined;
    const options: SampleOptions = {
      events: args.events ?? DEFAULT_SAMPLE_OPTIONS.events, seed: args.seed, days: args.days, end: parseTimestamp(args.end)!.iso,
      signIns: args.signIns ?? otherLogs, provisioning: args.provisioning ?? otherLogs,
    };
    if (args.out) {
      const temporaries = new TemporaryFiles();
      const stopCleanup = removeTemporariesOnSignals(temporaries);
      try {
        await writeFileAtomically(args.out, await jsonLines(options), { force: args.force, temporaries });
      } catch (error) {
        if (error instanceof FileExistsError) throw new CliError(error.message, EXIT.dataError);
        throw error;
      } finally {
        stopCleanup();
      }
      return;
    }
    const out = new OutputWriter();
    for (const text of await jsonLines(options)) await out.write(text);
    await out.flush();
  },
};
