import type { PartialDate } from '../schemas/partial-date';

/** The house date style: "13 June 2024", "March 2023", "1993". One locale for the edition. */
export const EDITION_LOCALE = 'en-GB';

const FORMATS: Record<PartialDate['precision'], Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

function toUtcDate(date: PartialDate): Date {
  const [year = 1970, month = 1, day = 1] = date.iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function formatDate(date: PartialDate, locale = EDITION_LOCALE): string {
  return new Intl.DateTimeFormat(locale, FORMATS[date.precision]).format(toUtcDate(date));
}

/** "15 May 1992 – 13 June 2024": the period an explainer covers, both ends written in full. */
export function formatPeriod(from: PartialDate, to: PartialDate): string {
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** "15–17 May 2024", "27 September – 10 November 2020": a span written as compactly as the locale allows. */
export function formatDateRange(from: PartialDate, until: PartialDate | undefined, locale = EDITION_LOCALE): string {
  if (!until) return formatDate(from, locale);
  if (from.precision !== until.precision) return `${formatDate(from, locale)} – ${formatDate(until, locale)}`;
  return new Intl.DateTimeFormat(locale, FORMATS[from.precision]).formatRange(toUtcDate(from), toUtcDate(until));
}
