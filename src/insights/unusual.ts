/**
 * The unusual, first: an incident's clues are rare (an IP seen on one night only, a user agent
 * seen nowhere else, an account acting at 03:00 for the first time), so every list ranked by
 * frequency hides them. Every measure is here, in one place, with its thresholds as settings
 * (the config file's `unusual`); the README explains them.
 *
 * Per value of a few fields of a pane (IP, user agent, initiator; for sign-ins also application
 * and location), counted over all of the pane's events (the baseline, whatever the filter):
 *  - first seen late: its first event comes after `lateShare` of the export's span (and the
 *    export spans at least `minSpanDays`): new to the tenant;
 *  - one day: every event on one UTC day (two events or more);
 *  - off hours: every event outside the tenant's usual hours (the hours of day, UTC, holding at
 *    least `usualHourOfPeak` of the busiest hour's events: relative, because a tenant spread over
 *    time zones and apps that run all night leave no hour empty);
 *  - rare: at most `rareMax` events;
 *  - a burst (initiators): its busiest hour holds at least `burstMin` events and `burstFactor`
 *    times its own average per active day;
 *  - a lone user agent (IPs): every user agent its events carry is seen from no other IP;
 *  - sensitive: some of its events fall under a sensitive-operation rule.
 * A value is unusual when its weights add up to `minScore`; the strongest come first. Below
 * `minEvents` events in the pane nothing is: on twenty events everything looks rare and new.
 */
import type { Pane } from '../model/pane.js';
import type { FieldName } from '../query/ast.js';
import type { StringField } from '../store/event-batch.js';
import type { EventStore } from '../store/event-store.js';

export interface UnusualSettings {
  minEvents: number;
  rareMax: number;
  lateShare: number;
  minSpanDays: number;
  usualHourOfPeak: number;
  burstMin: number;
  burstFactor: number;
  minScore: number;
  /** Lines kept per pane. */
  limit: number;
}

export const DEFAULT_UNUSUAL_SETTINGS: UnusualSettings = {
  minEvents: 200,
  rareMax: 3,
  lateShare: 0.5,
  minSpanDays: 3,
  usualHourOfPeak: 0.4,
  burstMin: 10,
  burstFactor: 4,
  minScore: 3,
  limit: 10,
};

/** How much each measure weighs: new and off-hours speak loudest, rarity alone never lists a value. */
export const UNUSUAL_WEIGHTS = { late: 3, offHours: 2, burst: 3, sensitive: 2, oneDay: 1, rare: 1, loneAgent: 1 } as const;
export type UnusualMeasure = keyof typeof UNUSUAL_WEIGHTS;

export interface UnusualField {
  storeField: StringField;
  queryField: FieldName;
  /** As a line names it: `IP 203.0.113.66`. */
  label: string;
}

const IP: UnusualField = { storeField: 'ip', queryField: 'ip', label: 'IP' };
const AGENT: UnusualField = { storeField: 'userAgent', queryField: 'agent', label: 'User agent' };

/** The fields judged per pane. */
export const UNUSUAL_FIELDS: Record<Pane, readonly UnusualField[]> = {
  directory: [IP, AGENT, { storeField: 'initiator', queryField: 'actor', label: 'Initiator' }],
  'custom-security': [IP, AGENT, { storeField: 'initiator', queryField: 'actor', label: 'Initiator' }],
  'sign-ins': [IP, AGENT, { storeField: 'initiator', queryField: 'actor', label: 'User' }, { storeField: 'activity', queryField: 'app', label: 'Application' }, { storeField: 'location', queryField: 'location', label: 'Location' }],
  provisioning: [{ storeField: 'errorCode', queryField: 'error', label: 'Error code' }, { storeField: 'category', queryField: 'system', label: 'Target system' }],
};

export interface UnusualValue {
  field: UnusualField;
  value: string;
  /** The value's vocabulary id in its field. */
  valueId: number;
  count: number;
  firstMs: number;
  lastMs: number;
  days: number;
  /** The measures it meets, strongest first. */
  measures: UnusualMeasure[];
  score: number;
  /** A burst: the busiest hour's start and its events, and the value's average per active day. */
  burst?: { startMs: number; count: number; perDay: number };
  /** A lone user agent: the agent its events carry. */
  loneAgent?: string;
  /** How many of its events fall under a sensitive-operation rule. */
  sensitive: number;
}

export interface UnusualReport {
  values: UnusualValue[];
  /** The tenant's usual hours of day (UTC), for the words `outside usual hours (07–18 UTC)`. */
  usualHours: boolean[];
  /** Whether the export spans enough days for "first seen late" to mean anything. */
  spanDays: number;
  /** Measured while a load was still streaming in: new values may be old ones not read yet. */
  partial?: boolean;
  /** The pane's events, when too few (under `minEvents`) to tell what is usual. */
  tooFew?: { events: number; needed: number };
}

interface Tally {
  count: number;
  firstMs: number;
  lastMs: number;
  days: number;
  lastDay: number;
  offHours: number;
  sensitive: number;
  /** The hour being counted (events come oldest first), its count, and the busiest hour so far. */
  hour: number;
  inHour: number;
  busiestHour: number;
  busiestCount: number;
  agents: Set<number> | null;
  lastAgent: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Past this many agents an IP is a shared egress: no single agent can be its own. */
const MAX_AGENTS_PER_IP = 8;
/** The hour of day (UTC) of a time: arithmetic, not a Date per event (this runs over every event). */
const hourOfDay = (ms: number) => ((Math.floor(ms / HOUR_MS) % 24) + 24) % 24;

/** The hours of day (UTC) holding at least `ofPeak` of the busiest hour's events. */
export function usualHoursOf(store: EventStore, events: ArrayLike<number>, ofPeak: number): boolean[] {
  const perHour = new Array<number>(24).fill(0);
  for (let k = 0; k < events.length; k++) perHour[hourOfDay(store.timeMs(events[k]))]++;
  const peak = Math.max(...perHour);
  return perHour.map((n) => peak > 0 && n >= ofPeak * peak);
}

export interface UnusualContext {
  settings?: UnusualSettings;
  /** Keep only values some event of the view has (the current filter). */
  inView?: (index: number) => boolean;
  /** Whether an event falls under a sensitive-operation rule. */
  isSensitive?: (index: number) => boolean;
}

/**
 * Every unusual value of `pane`'s fields, measured over all of the pane's events, keeping those
 * some event `inView` accepts has (the current filter), strongest first. Lists show `settings.limit`.
 */
export function findUnusual(store: EventStore, pane: Pane, context: UnusualContext = {}): UnusualReport {
  const { settings = DEFAULT_UNUSUAL_SETTINGS, inView, isSensitive } = context;
  // Newest first: read backwards, so each value's events come oldest first (days and hours count on the way).
  const events = store.paneOrder(pane);
  const usualHours = usualHoursOf(store, events, settings.usualHourOfPeak);
  if (events.length < settings.minEvents) return { values: [], usualHours, spanDays: 0, tooFew: { events: events.length, needed: settings.minEvents } };
  const startMs = store.timeMs(events[events.length - 1]);
  const endMs = store.timeMs(events[0]);
  const spanDays = (endMs - startMs) / DAY_MS;
  const lateFrom = spanDays >= settings.minSpanDays ? startMs + settings.lateShare * (endMs - startMs) : Infinity;
  const fields = UNUSUAL_FIELDS[pane];
  const agentIps = agentsToIps(store, events, fields);
  // Asked once per event, not once per field: a rule verdict can cost a compiled query.
  const sensitive = new Uint8Array(events.length);
  if (isSensitive) for (let k = 0; k < events.length; k++) sensitive[k] = isSensitive(events[k]) ? 1 : 0;
  const found: UnusualValue[] = [];
  for (const field of fields) {
    const tallies = tallyField(store, events, field, usualHours, sensitive);
    const shown = inView ? valuesInView(store, events, field.storeField, inView) : null;
    for (const [valueId, tally] of tallies) {
      if (shown && !shown.has(valueId)) continue;
      const judged = judge(field, valueId, tally, settings, lateFrom, agentIps, store);
      if (judged.score >= settings.minScore) found.push(judged);
    }
  }
  found.sort((a, b) => b.score - a.score || b.firstMs - a.firstMs || b.count - a.count);
  return { values: found, usualHours, spanDays };
}

/** One pass over the pane's events, oldest first, tallying one field's values. */
function tallyField(store: EventStore, events: Int32Array, field: UnusualField, usualHours: boolean[], sensitive: Uint8Array): Map<number, Tally> {
  const tallies = new Map<number, Tally>();
  const withAgents = field.storeField === 'ip';
  for (let k = events.length - 1; k >= 0; k--) {
    const index = events[k];
    const id = store.stringId(index, field.storeField);
    if (id === 0) continue;
    const t = store.timeMs(index);
    const day = Math.floor(t / DAY_MS);
    const hour = Math.floor(t / HOUR_MS);
    let tally = tallies.get(id);
    if (!tally) {
      tally = { count: 0, firstMs: t, lastMs: t, days: 0, lastDay: NaN, offHours: 0, sensitive: 0, hour, inHour: 0, busiestHour: hour, busiestCount: 0, agents: withAgents ? new Set() : null, lastAgent: 0 };
      tallies.set(id, tally);
    }
    tally.count++;
    tally.lastMs = t;
    if (day !== tally.lastDay) {
      tally.days++;
      tally.lastDay = day;
    }
    if (hour !== tally.hour) {
      tally.hour = hour;
      tally.inHour = 0;
    }
    if (++tally.inHour > tally.busiestCount) {
      tally.busiestCount = tally.inHour;
      tally.busiestHour = hour;
    }
    if (!usualHours[hourOfDay(t)]) tally.offHours++;
    tally.sensitive += sensitive[k];
    if (tally.agents && tally.agents.size <= MAX_AGENTS_PER_IP) {
      const agent = store.stringId(index, 'userAgent');
      if (agent !== 0 && agent !== tally.lastAgent) {
        tally.agents.add(agent);
        tally.lastAgent = agent;
      }
    }
  }
  return tallies;
}

/** Per user agent, the IPs it was seen from (two are enough to know it is not an IP's own). */
function agentsToIps(store: EventStore, events: ArrayLike<number>, fields: readonly UnusualField[]): Map<number, Set<number>> {
  const ips = new Map<number, Set<number>>();
  if (!fields.some((field) => field.storeField === 'ip')) return ips;
  for (let k = 0; k < events.length; k++) {
    const agent = store.stringId(events[k], 'userAgent');
    if (agent === 0) continue;
    let seen = ips.get(agent);
    if (!seen) ips.set(agent, (seen = new Set<number>()));
    if (seen.size < 2) seen.add(store.stringId(events[k], 'ip'));
  }
  return ips;
}

function valuesInView(store: EventStore, events: ArrayLike<number>, field: StringField, inView: (index: number) => boolean): Set<number> {
  const shown = new Set<number>();
  for (let k = 0; k < events.length; k++) if (inView(events[k])) shown.add(store.stringId(events[k], field));
  return shown;
}

function judge(field: UnusualField, valueId: number, tally: Tally, settings: UnusualSettings, lateFrom: number, agentIps: Map<number, Set<number>>, store: EventStore): UnusualValue {
  const measures: UnusualMeasure[] = [];
  const judged: UnusualValue = {
    field,
    value: store.vocabulary.get(valueId),
    valueId,
    count: tally.count,
    firstMs: tally.firstMs,
    lastMs: tally.lastMs,
    days: tally.days,
    measures,
    score: 0,
    sensitive: tally.sensitive,
  };
  if (tally.firstMs >= lateFrom) measures.push('late');
  if (tally.offHours === tally.count) measures.push('offHours');
  if (field.storeField === 'initiator' && tally.days >= 2) {
    const perDay = tally.count / tally.days;
    if (tally.busiestCount >= settings.burstMin && tally.busiestCount >= settings.burstFactor * perDay) {
      measures.push('burst');
      judged.burst = { startMs: tally.busiestHour * HOUR_MS, count: tally.busiestCount, perDay };
    }
  }
  if (tally.sensitive > 0) measures.push('sensitive');
  if (tally.days === 1 && tally.count >= 2) measures.push('oneDay');
  if (tally.count <= settings.rareMax) measures.push('rare');
  if (tally.agents && tally.agents.size > 0 && tally.agents.size <= MAX_AGENTS_PER_IP && [...tally.agents].every((agent) => (agentIps.get(agent)?.size ?? 0) === 1)) {
    measures.push('loneAgent');
    judged.loneAgent = store.vocabulary.get([...tally.agents][0]);
  }
  judged.score = measures.reduce((sum, measure) => sum + UNUSUAL_WEIGHTS[measure], 0);
  return judged;
}
