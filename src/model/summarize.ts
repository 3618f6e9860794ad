/** What the store keeps of any record: an audit's summary, or a sign-in's or provisioning record's. */
import type { EventSummary } from './event-summary.js';
import { summarizeAudit } from './event-summary.js';
import type { LoadedEvent } from './loaded-event.js';
import { summarizeOwn } from './own-summary.js';

export const summarize = (loaded: LoadedEvent): EventSummary => (loaded.own ? summarizeOwn(loaded.own, loaded) : summarizeAudit(loaded));
