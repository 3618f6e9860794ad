import { resolveTimeZone, type TimeZoneChoice } from '../text/time-zone.js';
import { PANE_CHOICES, type PaneChoice } from '../model/pane.js';
import { CliError, EXIT } from './errors.js';

/** `--tz`: times in UTC by default, as Entra exports them; `local` or an IANA zone on request. */
export const timeZoneOption = {
  type: 'string' as const,
  // No yargs default: an unset --tz falls back to the config file's timeZone, then UTC.
  describe: 'Show times in utc (default, or the config file\'s timeZone), local, or an IANA zone such as Europe/Paris',
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
  describe: 'Which pane: Directory, Custom Security or both',
};
