import type { PartialDate } from '../schemas/partial-date.ts';
import { SITE } from '../site.config.ts';

/** The house date style, in the edition's locale: "13 June 2024", "March 2023", "1993". */
const OPTIONS: Record<PartialDate['precision'], Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

// Made once: making a formatter costs some 70 µs, 75 times what formatting a date with it does, and
// the source list of a long explainer writes thousands of dates.
const FORMATS = Object.fromEntries(
  Object.entries(OPTIONS).map(([precision, options]) => [precision, new Intl.DateTimeFormat(SITE.locale, options)]),
) as Record<PartialDate['precision'], Intl.DateTimeFormat>;

function toUtcDate(date: PartialDate): Date {
  const [year = 1970, month = 1, day = 1] = date.iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function formatDate(date: PartialDate): string {
  return FORMATS[date.precision].format(toUtcDate(date));
}

/** Between the two ends of a period: a spaced en dash. */
export const PERIOD_SEPARATOR = ' – ';

/** "15 May 1992 – 13 June 2024": the period an explainer covers, both ends written in full. */
export function formatPeriod(from: PartialDate, to: PartialDate): string {
  return `${formatDate(from)}${PERIOD_SEPARATOR}${formatDate(to)}`;
}

/** "15–17 May 2024", "27 September – 10 November 2020": a span written as compactly as the locale allows. */
export function formatDateRange(from: PartialDate, until: PartialDate | undefined): string {
  if (!until) return formatDate(from);
  if (from.precision !== until.precision) return formatPeriod(from, until);
  return FORMATS[from.precision].formatRange(toUtcDate(from), toUtcDate(until));
}
