import { z } from 'astro/zod';

/** How much of a date is known. Sources often give only a month ("March 2023") or a year ("1993"). */
export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  /** ISO 8601 prefix: `2024`, `2024-06` or `2024-06-13`. Sorts correctly as a string. */
  iso: string;
  precision: DatePrecision;
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export const DATE_EXPECTED = 'a date written YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known (e.g. 2024-06-13)';

/** True when the string is a real calendar date at the precision written (no 2024-02-30, no month 13). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return false;
  if (day === undefined) return true;
  const date = new Date(Date.UTC(Number(year), monthNumber - 1, Number(day)));
  return date.getUTCMonth() === monthNumber - 1 && date.getUTCDate() === Number(day);
}

export function toPartialDate(iso: string): PartialDate {
  const parts = iso.split('-').length;
  return { iso, precision: parts === 3 ? 'day' : parts === 2 ? 'month' : 'year' };
}

/**
 * A date of known precision. YAML turns an unquoted `2024-06-13` into a Date at midnight UTC,
 * so a Date is read back as its day, and an unquoted year into a number; anything else must be a
 * string in one of the three forms.
 */
export const partialDate = z.preprocess(
  (value) =>
    value instanceof Date && !Number.isNaN(value.getTime())
      ? value.toISOString().slice(0, 10)
      : // A year alone, unquoted, is a number to YAML: `from: 2014`.
        Number.isInteger(value)
        ? String(value)
        : value,
  z
    .string({ error: `expected ${DATE_EXPECTED}` })
    .refine(isCalendarDate, { error: (issue) => `"${String(issue.input)}" is not ${DATE_EXPECTED}` })
    .transform(toPartialDate),
);
