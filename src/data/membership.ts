import type { CollectionEntry } from 'astro:content';
import { entriesOf } from './collections.ts';
import { membershipSpans, type MembershipSpan } from './membership-spans.ts';

export { membershipSpans, yearPosition, memberOn, type MembershipSpan, type MembershipStatus } from './membership-spans.ts';

export interface StateHistory {
  state: CollectionEntry<'states'>;
  spans: MembershipSpan[];
  changes: CollectionEntry<'states'>['data']['changes'];
}

/** Every state with its spans, the original signatories first, then by the date each first took part. */
export async function getMembershipHistory(): Promise<StateHistory[]> {
  const states = await entriesOf('states');
  return states
    .map((state) => ({ state, spans: membershipSpans(state.data.changes), changes: state.data.changes }))
    .toSorted(
      (a, b) =>
        (a.spans[0]?.from.iso ?? '').localeCompare(b.spans[0]?.from.iso ?? '') || a.state.data.name.localeCompare(b.state.data.name),
    );
}
