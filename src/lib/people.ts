/** People in a list, ordered as a reader looks them up: by surname (the last word of the house spelling). */
export function bySurname<T extends { data: { name: string } }>(a: T, b: T): number {
  return surname(a.data.name).localeCompare(surname(b.data.name)) || a.data.name.localeCompare(b.data.name);
}

function surname(name: string): string {
  return name.split(' ').at(-1) ?? name;
}
