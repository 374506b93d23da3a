import { formatDate } from './dates.ts';
import type { PartialDate } from '../schemas/partial-date.ts';

/** People in a list, ordered as a reader looks them up: by surname (the last word of the house spelling). */
export function bySurname<T extends { data: { name: string } }>(a: T, b: T): number {
  return surname(a.data.name).localeCompare(surname(b.data.name)) || a.data.name.localeCompare(b.data.name);
}

function surname(name: string): string {
  return name.split(' ').at(-1) ?? name;
}

/**
 * When a role was held, as the people page and a name's preview show it: "October 2003–" while it
 * is still held, "…–April 2023" when its start is unknown; nothing when neither end is known.
 */
export function roleDates(role: { from?: PartialDate | undefined; until?: PartialDate | undefined }): string | undefined {
  if (!role.from && !role.until) return undefined;
  return `${role.from ? formatDate(role.from) : '…'}–${role.until ? formatDate(role.until) : ''}`;
}
