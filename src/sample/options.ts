/**
 * What a sample run is made of. Lives apart from the generator so the incident module can
 * describe the default sample without importing the generator that imports it.
 */
export interface SampleOptions {
  /** Exact number of events to produce (routine events plus the incident's). */
  events: number;
  seed: number;
  /** Length of the window, in days, ending at `end`. */
  days: number;
  /** End of the window (exclusive), ISO 8601 date-time in UTC. */
  end: string;
}

/** The options the bundled data/sample-tenant.jsonl.gz is generated with. */
export const DEFAULT_SAMPLE_OPTIONS: Readonly<SampleOptions> = Object.freeze({
  events: 5300,
  seed: 42,
  days: 30,
  end: '2026-11-28T00:00:00Z',
});
