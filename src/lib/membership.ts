import { getCollection, type CollectionEntry } from 'astro:content';
import type { PartialDate } from '../schemas/partial-date';
import type { MembershipAction } from '../schemas/state';

export type MembershipStatus = 'member' | 'frozen';

export interface MembershipSpan {
  status: MembershipStatus;
  from: PartialDate;
  /** Open at the end of the period covered when undefined. */
  until?: PartialDate;
}

export interface StateHistory {
  state: CollectionEntry<'states'>;
  spans: MembershipSpan[];
  changes: CollectionEntry<'states'>['data']['changes'];
}

const STARTS: MembershipAction[] = ['signed', 'joined', 'rejoined'];
const ENDS: MembershipAction[] = ['did-not-renew', 'suspended'];

/** Turns a state's list of changes into the spans the chart draws: member, then (for Armenia) frozen. */
export function membershipSpans(changes: StateHistory['changes']): MembershipSpan[] {
  const spans: MembershipSpan[] = [];
  for (const change of changes.toSorted((a, b) => a.date.iso.localeCompare(b.date.iso))) {
    const open = spans.at(-1);
    if (STARTS.includes(change.action)) spans.push({ status: 'member', from: change.date });
    else if (open && !open.until && ENDS.includes(change.action)) open.until = change.date;
    else if (open && !open.until && change.action === 'froze') {
      open.until = change.date;
      spans.push({ status: 'frozen', from: change.date });
    }
  }
  return spans;
}

/** Every state with its spans, the original signatories first, then by the date each first took part. */
export async function getMembershipHistory(): Promise<StateHistory[]> {
  const states = await getCollection('states');
  return states
    .map((state) => ({ state, spans: membershipSpans(state.data.changes), changes: state.data.changes }))
    .toSorted(
      (a, b) =>
        (a.spans[0]?.from.iso ?? '').localeCompare(b.spans[0]?.from.iso ?? '') || a.state.data.name.localeCompare(b.state.data.name),
    );
}

/** A partial date as a fractional year, for drawing: a year alone sits at its middle, a month at its middle. */
export function yearPosition(date: PartialDate): number {
  const [year = 0, month, day] = date.iso.split('-').map(Number);
  if (month === undefined) return year + 0.5;
  return year + (month - 1) / 12 + (day === undefined ? 1 / 24 : (day - 1) / 365);
}
