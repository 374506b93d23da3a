import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataCollections } from '../../src/data/catalog.ts';
import { groupExplainers } from '../../src/data/explainer-structure.ts';
import { locatorMapProps } from '../../src/map/explainer-map.ts';
import { socialCards } from '../../src/social/social-cards.ts';
import { ATLAS_STATES, KARABAKH, locatorMap, PATH_SCALE, type LocatorMap, type StateInput } from '../../src/map/locator-map.ts';
import { memberOn, membershipSpans } from '../../src/data/membership-spans.ts';

/** The real states of content/states: the map must place every one the editors may add. */
const { data, problems } = readDataCollections();
const states: StateInput[] = [...data.states].map(([id, { name, changes }]) => ({ id, name, changes }));
const UNTIL = '2024-06-13';
const accent = states.slice(0, 2).map((state) => state.id);
const map = locatorMap({ states, until: UNTIL, accent });

/** The points of a path written as the map writes it (relative m and l, z back to the subpath's start), in map units. */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  for (const [, command, numbers = ''] of d.matchAll(/([mlz])([^mlz]*)/g)) {
    if (command === 'z') {
      [x, y] = start;
      continue;
    }
    const values = (numbers.match(/-?\d+/g) ?? []).map(Number);
    for (let index = 0; index < values.length; index += 2) {
      x += values[index]!;
      y += values[index + 1]!;
      if (command === 'm' && index === 0) start = [x, y];
      out.push([x * PATH_SCALE, y * PATH_SCALE]);
    }
  }
  return out;
}

function bounds(d: string): { left: number; right: number; top: number; bottom: number } {
  const all = points(d);
  return {
    left: Math.min(...all.map(([x]) => x)),
    right: Math.max(...all.map(([x]) => x)),
    top: Math.min(...all.map(([, y]) => y)),
    bottom: Math.max(...all.map(([, y]) => y)),
  };
}

const inside = (point: { x: number; y: number }, box: ReturnType<typeof bounds>) =>
  point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom;

describe('the locator map', () => {
  it('reads valid data', () => {
    expect(problems).toEqual([]);
  });

  it('places every state of content/states, each with a shape on the map', () => {
    for (const state of states) expect(ATLAS_STATES[state.id], `${state.id} has no atlas id`).toBeDefined();
    expect(map.states.map((state) => state.id).toSorted()).toEqual(states.map((state) => state.id).toSorted());
    for (const state of map.states) expect(points(state.d).length, state.id).toBeGreaterThan(3);
  });

  it('draws members, the accented states and the rest as the data says', () => {
    for (const state of map.states) {
      const input = states.find((candidate) => candidate.id === state.id)!;
      const expected = accent.includes(state.id) ? 'accent' : memberOn(membershipSpans(input.changes), UNTIL) ? 'member' : 'other';
      expect(state.role, state.id).toBe(expected);
    }
    // The accented states come last, so their outline is drawn over their neighbours'.
    expect(map.states.slice(-accent.length).map((state) => state.role)).toEqual(accent.map(() => 'accent'));
  });

  it('writes paths with no NaN, every point within the map', () => {
    for (const d of [map.land, ...map.states.map((state) => state.d)]) {
      expect(d).toMatch(/^m[-\d ml z]+$/);
      for (const [x, y] of points(d)) {
        expect(x).toBeGreaterThanOrEqual(-0.05);
        expect(x).toBeLessThanOrEqual(map.width + 0.05);
        expect(y).toBeGreaterThanOrEqual(-0.05);
        expect(y).toBeLessThanOrEqual(map.height + 0.05);
      }
    }
    for (const { label } of map.states) expect(Number.isFinite(label.x) && Number.isFinite(label.y)).toBe(true);
  });

  it('puts the Nagorno-Karabakh point inside the projected bounds of the state that holds it', () => {
    const holder = map.states.find((state) => state.id === KARABAKH.within);
    expect(holder).toBeDefined();
    expect(inside(map.point, bounds(holder!.d))).toBe(true);
    // and not inside a small neighbour's: a wrong projection or a swapped coordinate would show here
    for (const state of map.states.filter((candidate) => candidate.id !== KARABAKH.within)) {
      const box = bounds(state.d);
      if (box.right - box.left < 40) expect(inside(map.point, box), state.id).toBe(false);
    }
  });

  it('stays small: the shapes under 12 KB', () => {
    const bytes = [map.land, ...map.states.map((state) => state.d)].join('').length;
    expect(bytes).toBeLessThan(12_000);
  });

  it('refuses a state it cannot place, naming the file and the fix', () => {
    const unknown = { id: 'atlantis', name: 'Atlantis', changes: [] };
    expect(() => locatorMap({ states: [...states, unknown], until: UNTIL, accent: [] })).toThrow(
      /content\/states\/atlantis\.yaml.*ATLAS_STATES in src\/map\/locator-map\.ts/,
    );
  });

  it('gives the same map for the same options, computed once', () => {
    const again: LocatorMap = locatorMap({ states, until: UNTIL, accent });
    expect(again).toBe(map);
  });
});

describe("an overview's locator map props", () => {
  const frontmatter = '---\ntitle: "A <b> title {with braces}"\n---\n\n';
  it('reads the props of <LocatorMap />', () => {
    expect(locatorMapProps(`${frontmatter}Text.\n\n<LocatorMap until="2024-06-13" accent="a b" karabakh="./x/#y" />\n`)).toEqual({
      until: '2024-06-13',
      accent: 'a b',
      karabakh: './x/#y',
    });
  });
  it('finds none in an overview without one, or only in a comment', () => {
    expect(locatorMapProps(`${frontmatter}Text.\n`)).toBeUndefined();
    expect(locatorMapProps(`${frontmatter}{/* <LocatorMap until="2024-06-13" /> */}\n`)).toBeUndefined();
  });
});

describe("an explainer's social card", () => {
  it('carries the map its overview shows, and none when the overview shows none', () => {
    const explainers = groupExplainers(data.chapters);
    const cards = socialCards(explainers);
    for (const { overview } of explainers) {
      const card = cards.find(({ path }) => path === `${overview.data.explainer}/`)!.card;
      const props = locatorMapProps(readFileSync(overview.filePath, 'utf8'));
      expect(Boolean(card.map), overview.filePath).toBe(Boolean(props));
      if (props) expect(card.map!.until).toBe(props.until);
    }
  });
});
