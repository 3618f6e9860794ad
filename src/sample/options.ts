/**
 * What a sample run is made of. Lives apart from the generator so the incident module can
 * describe the default sample without importing the generator that imports it.
 */
export interface SampleOptions {
  /** Exact number of directory audit events to produce (routine events plus the incident's). */
  events: number;
  seed: number;
  /** Length of the window, in days, ending at `end`. */
  days: number;
  /** End of the window (exclusive), ISO 8601 date-time in UTC. */
  end: string;
  /**
   * Add the tenant's sign-ins (people, daemons, managed identities, and the incident's) to the
   * file. Their number follows the people and the days, not `events`: a bigger audit log does
   * not mean more people signing in.
   */
  signIns: boolean;
  /** Add the outbound provisioning job's records (they follow the audits' joiners and leavers). */
  provisioning: boolean;
}

/** The options the bundled data/sample-tenant.jsonl.gz is generated with. */
export const DEFAULT_SAMPLE_OPTIONS: Readonly<SampleOptions> = Object.freeze({
  events: 5300,
  seed: 42,
  days: 30,
  end: '2026-11-28T00:00:00Z',
  signIns: true,
  provisioning: true,
});
