import type { PartialDate } from '../schemas/partial-date.ts';
import type { MembershipAction } from '../schemas/state.ts';

/**
 * A state's membership spans, from its list of changes: free of Astro's content layer, so that the
 * locator map can ask who was a member when the social images are drawn, before the pages' bundle.
 */
export type MembershipStatus = 'member' | 'frozen';

export interface MembershipSpan {
  status: MembershipStatus;
  from: PartialDate;
  /** Open at the end of the period covered when undefined. */
  until?: PartialDate;
}

/** What the spans are made from: a state's changes, as its file in content/states lists them. */
export interface MembershipChange {
  action: MembershipAction;
  date: PartialDate;
}

const STARTS: MembershipAction[] = ['signed', 'joined', 'rejoined'];
const ENDS: MembershipAction[] = ['did-not-renew', 'suspended'];

/** Turns a state's list of changes into the spans the chart draws: member, then (for Armenia) frozen. */
export function membershipSpans(changes: readonly MembershipChange[]): MembershipSpan[] {
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

/** Whether the spans make the state a party to the Treaty on the day `iso` (a frozen participation still counts). */
export function memberOn(spans: MembershipSpan[], iso: string): boolean {
  return spans.some((span) => span.from.iso <= iso && (!span.until || span.until.iso > iso));
}

/** A partial date as a fractional year, for drawing: a year alone sits at its middle, a month at its middle. */
export function yearPosition(date: PartialDate): number {
  const [year = 0, month, day] = date.iso.split('-').map(Number);
  if (month === undefined) return year + 0.5;
  return year + (month - 1) / 12 + (day === undefined ? 1 / 24 : (day - 1) / 365);
}
