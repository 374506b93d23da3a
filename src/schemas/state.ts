import { z } from 'astro/zod';
import { partialDate } from './partial-date.ts';
import { citedSource } from './cited-source.ts';
import type { References } from './reference.ts';
import { smartQuotes } from './our-words.ts';

export const MEMBERSHIP_ACTIONS = {
  signed: 'Signed the Treaty',
  joined: 'Joined',
  'did-not-renew': 'Did not renew',
  rejoined: 'Rejoined',
  suspended: 'Membership suspended',
  froze: 'Froze participation',
} as const;

export type MembershipAction = keyof typeof MEMBERSHIP_ACTIONS;

/** A state's history with the Collective Security Treaty, for the membership chart. */
export function stateSchema(references: References) {
  const change = z.strictObject({
    action: z.enum(Object.keys(MEMBERSHIP_ACTIONS) as [MembershipAction, ...MembershipAction[]]),
    date: partialDate,
    note: z.string().transform(smartQuotes).optional(),
    sources: z.array(citedSource(references)).min(1),
  });
  return z.strictObject({
    name: z.string().min(1),
    changes: z.array(change).min(1),
  });
}
