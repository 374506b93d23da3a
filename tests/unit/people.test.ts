import { describe, expect, it } from 'vitest';
import { bySurname, roleDates } from '../../src/data/people.ts';
import { toPartialDate } from '../../src/schemas/partial-date.ts';

describe('people', () => {
  it('gives when a role was held, open-ended while it is held and with an ellipsis for an unknown start', () => {
    expect(roleDates({ from: toPartialDate('2003-10'), until: toPartialDate('2023-04') })).toBe('October 2003–April 2023');
    expect(roleDates({ from: toPartialDate('2003-10') })).toBe('October 2003–');
    expect(roleDates({ until: toPartialDate('2023') })).toBe('…–2023');
    expect(roleDates({})).toBeUndefined();
  });

  it('orders people by surname, then by whole name', () => {
    const people = ['Nikol Pashinyan', 'Ilham Aliyev', 'Ararat Mirzoyan', 'Anna Aliyev'].map((name) => ({ data: { name } }));
    expect(people.toSorted(bySurname).map((person) => person.data.name)).toEqual([
      'Anna Aliyev',
      'Ilham Aliyev',
      'Ararat Mirzoyan',
      'Nikol Pashinyan',
    ]);
  });
});
