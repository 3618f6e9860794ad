import { resolveTimeZone, type TimeZoneChoice } from '../text/time-zone.js';
import { PANE_CHOICES, type PaneChoice } from '../model/pane.js';
import { CliError, EXIT } from './errors.js';

/** `--tz`: times in UTC by default, as Entra exports them; `local` or an IANA zone on request. */
export const timeZoneOption = {
  type: 'string' as const,
  // No yargs default: an unset --tz falls back to the config file's timeZone, then UTC.
  describe: 'Show times in utc (default, or the config file\'s timeZone), local, or an IANA zone such as Europe/Paris; --filter times without Z or an offset are read in it',
  resolve(name: string | undefined): TimeZoneChoice {
    const choice = resolveTimeZone(name);
    if (!choice) throw new CliError(`unknown time zone ${JSON.stringify(name)}: use utc, local or an IANA name like Europe/Paris`, EXIT.usage);
    return choice;
  },
};

/** `--pane`: the Directory pane, the Custom Security pane, or both (default). */
export const paneOption = {
  choices: PANE_CHOICES,
  default: 'all' as PaneChoice,
  describe: 'Which pane: directory, custom-security, sign-ins, provisioning, or all of them',
};

/**
 * `--max-record-mb`: one record larger than this is skipped as a problem, read past without being
 * held (a damaged file whose record never ends costs that much memory at most). Default 64 MB:
 * far above any real audit record (a few KB), well below what a 2-core jump host can hold.
 */
export const maxRecordOption = {
  type: 'number' as const,
  describe: 'Skip, as a problem, any record larger than this many MB (default 64)',
  /** The cap in bytes, or undefined for the default. */
  resolve(mb: number | undefined): number | undefined {
    if (mb === undefined) return undefined;
    if (!Number.isFinite(mb) || mb <= 0) throw new CliError(`--max-record-mb needs a positive number of megabytes${Number.isNaN(mb) ? '' : `, not ${mb}`}`, EXIT.usage);
    return Math.max(1024, Math.round(mb * 1024 * 1024));
  },
};
