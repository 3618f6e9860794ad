/**
 * The summary's sections for the logs beside the audits: sign-ins (who, with what, from where,
 * how they failed: failures by IP is the password-spray view) and provisioning. Each list is
 * over the section's own records, so an audit's activity never counts as a sign-in's app.
 */
import type { Pane } from '../model/pane.js';
import type { EventStore } from '../store/event-store.js';
import type { StringField } from '../store/event-batch.js';
import { topValues, type TopValues } from './top-values.js';

export type OtherLog = Extract<Pane, 'sign-ins' | 'provisioning'>;
export const OTHER_LOGS: readonly OtherLog[] = ['sign-ins', 'provisioning'];

export interface TitledTop {
  title: string;
  top: TopValues;
}

export interface LogSection {
  pane: OtherLog;
  inScope: number;
  lists: TitledTop[];
}

interface ListSpec {
  title: string;
  field: StringField;
  /** Only the section's records this keeps (failures, CA failures). */
  keep?: (store: EventStore, index: number) => boolean;
}

const failed = (store: EventStore, index: number): boolean => store.vocabulary.get(store.stringId(index, 'result')) !== 'success';
const caFailed = (store: EventStore, index: number): boolean => store.vocabulary.get(store.stringId(index, 'ca')) === 'failure';

const LISTS: Record<OtherLog, readonly ListSpec[]> = {
  'sign-ins': [
    { title: 'Top users', field: 'initiator' },
    { title: 'Top applications', field: 'activity' },
    { title: 'Top IP addresses', field: 'ip' },
    { title: 'Top locations', field: 'location' },
    { title: 'Top error codes', field: 'errorCode' },
    { title: 'Failed or interrupted sign-ins by IP address', field: 'ip', keep: failed },
    { title: 'Conditional Access failures by user', field: 'initiator', keep: caFailed },
  ],
  provisioning: [
    { title: 'Top actions', field: 'activity' },
    { title: 'Top identities', field: 'initiator' },
    { title: 'Top target systems', field: 'category' },
    { title: 'Top error codes', field: 'errorCode', keep: failed },
  ],
};

/** A section for each other log with records in `scope`, with `topN` values per list. */
export function logSections(store: EventStore, scope: Int32Array, topN: number): LogSection[] {
  return OTHER_LOGS.flatMap((pane) => {
    const records = scope.filter((index) => store.pane(index) === pane);
    if (records.length === 0) return [];
    const lists = LISTS[pane].map(({ title, field, keep }) => ({
      title,
      top: topValues(store, keep ? records.filter((index) => keep(store, index)) : records, field, topN),
    }));
    return [{ pane, inScope: records.length, lists }];
  });
}
