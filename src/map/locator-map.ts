import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  geoConicEqualArea,
  geoContains,
  geoPath,
  type GeoContext,
  type GeoPermissibleObjects,
  type GeoProjection,
  type GeoStream,
} from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, merge } from 'topojson-client';
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import type { PartialDate } from '../schemas/partial-date.ts';
import { memberOn, membershipSpans, type MembershipChange } from '../data/membership-spans.ts';

/**
 * The locator map: where the states of the story lie, drawn at build time from Natural Earth's
 * 1:50m countries (the world-atlas package, public domain), so nothing is fetched and no script runs.
 * One computation serves the overview (LocatorMap.astro), the home page's card and the social image.
 *
 * Who is drawn how comes from content/states: a state that is a party to the Treaty on the day the
 * map shows (a frozen participation still counts) is a member; the states the story is about are
 * accented; the other states with a file there are labelled; every other country is quiet land.
 */

/** The atlas's id (ISO 3166-1 numeric) of each state in content/states, and where its label goes. */
interface AtlasState {
  iso: string;
  /** The label's offset from the middle of the state, in map units, when it would not fit inside. */
  label?: [number, number];
  /** The label's text-anchor when it sits beside the state. */
  anchor?: 'start' | 'middle' | 'end';
}
export const ATLAS_STATES: Record<string, AtlasState> = {
  armenia: { iso: '051', label: [-22, 6], anchor: 'end' },
  azerbaijan: { iso: '031', label: [18, 8], anchor: 'start' },
  belarus: { iso: '112', label: [-6, -16], anchor: 'middle' },
  georgia: { iso: '268', label: [-20, -10], anchor: 'end' },
  kazakhstan: { iso: '398' },
  kyrgyzstan: { iso: '417', label: [6, -14], anchor: 'middle' },
  russia: { iso: '643' },
  tajikistan: { iso: '762', label: [4, 15], anchor: 'middle' },
  uzbekistan: { iso: '860', label: [2, -4], anchor: 'middle' },
};

/**
 * Nagorno-Karabakh is a point, not a shape: the map draws no border for it (in the atlas it lies
 * within Azerbaijan's internationally recognised border, as it should). Its approximate centre.
 */
export const KARABAKH = { name: 'Nagorno-Karabakh', longitude: 46.75, latitude: 39.8, within: 'azerbaijan' } as const;

/**
 * Natural Earth draws borders as they are held ("de facto"), not as they are recognised. Where that
 * touches a state the map draws, it is put right: Crimea, which the atlas gives to Russia, goes back
 * to Ukraine. (Other such lines, Kosovo's, Northern Cyprus's or Kashmir's, divide countries outside
 * content/states, whose borders the map does not draw.)
 */
const RECOGNISED = [{ point: [34.1, 45.0] as Position, from: '643', to: '804' }];

/** The part of the world the map shows: the Treaty's states west of 90°E, with room for the Caucasus. */
const VIEW = { west: 22, east: 88, south: 34.5, north: 61 };
/** Drawn for a phone first: 360 units wide, so 12-unit labels are some 11 px on a 360 px screen. */
export const MAP_WIDTH = 360;
/**
 * Lines closer than this to a straight one (in map units) are straightened; a unit is some 13 km.
 * The states of content/states keep more detail than the context around them.
 */
const TOLERANCE = { state: 0.5, context: 1.2 };
/** Islands and enclaves smaller than this (square map units) are left out: they would be specks. */
const MIN_AREA = 1.5;

export type StateRole = 'accent' | 'member' | 'other';

export interface MapState {
  /** The state's id in content/states. */
  id: string;
  name: string;
  role: StateRole;
  /** The SVG path of its territory. */
  d: string;
  /** Where its label goes, and the point on the state that a leader line joins when the label sits outside. */
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end'; leader?: { x: number; y: number } };
}

export interface LocatorMap {
  width: number;
  height: number;
  /**
   * Every other country, as one shape: the context, whose borders are not drawn. That keeps the map
   * light, and clear of lines (Kashmir's, Kosovo's) that are not borders that the world recognises.
   * The states' own borders are their outlines.
   */
  land: string;
  /** The states in content/states, drawn in the order given (members above the rest). */
  states: MapState[];
  /** Nagorno-Karabakh's approximate centre, its label, and the id of the state whose borders hold it. */
  point: { name: string; within: string; x: number; y: number; label: { x: number; y: number; anchor: 'start' | 'middle' | 'end' } };
  /** The day whose membership the map shows, ISO. */
  until: string;
}

/** A state as content/states gives it (through Astro's content layer or the build's own reading). */
export interface StateInput {
  id: string;
  name: string;
  changes: readonly MembershipChange[];
}

export interface LocatorMapOptions {
  states: readonly StateInput[];
  /** The day whose membership the map shows: the end of the explainer's period. */
  until: PartialDate | string;
  /** The ids of the states the story is about, drawn in the accent. */
  accent: readonly string[];
}

const require = createRequire(import.meta.url);
let atlas: Topology | undefined;

/** The atlas as published, with Crimea moved to Ukraine and every line simplified for the map's scale. */
function loadAtlas(projection: GeoProjection): Topology {
  if (atlas) return atlas;
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const countries = topology.objects['countries'] as GeometryCollection;
  for (const { point, from, to } of RECOGNISED) {
    const holder = countries.geometries.find((geometry) => geometry.id === from) as TopoMultiPolygon;
    const index = holder.arcs.findIndex((polygon) =>
      geoContains(feature(topology, { type: 'Polygon', arcs: polygon } as TopoPolygon), point as [number, number]),
    );
    if (index < 0) throw new Error(`locator map: no polygon of ${from} holds ${point.join(', ')}; has the atlas changed?`);
    const [moved] = holder.arcs.splice(index, 1);
    const receiver = countries.geometries.find((geometry) => geometry.id === to) as TopoPolygon | TopoMultiPolygon;
    const polygons = receiver.type === 'Polygon' ? [receiver.arcs] : receiver.arcs;
    Object.assign(receiver, { type: 'MultiPolygon', arcs: [...polygons, moved!] });
  }
  const stateArcs = new Set<number>();
  const isos = new Set(Object.values(ATLAS_STATES).map(({ iso }) => iso));
  for (const geometry of countries.geometries) {
    if (!isos.has(String(geometry.id))) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
    for (const arc of polygons.flat(2)) stateArcs.add(arc < 0 ? ~arc : arc);
  }
  atlas = simplified(topology, projection, stateArcs);
  return atlas;
}

/**
 * The topology with absolute coordinates and each arc simplified once (Douglas–Peucker, in map
 * units), so that two neighbours that share a border still share every point of it: no gaps, no overlaps.
 */
function simplified(topology: Topology, projection: GeoProjection, stateArcs: Set<number>): Topology {
  const [kx, ky] = topology.transform?.scale ?? [1, 1];
  const [dx, dy] = topology.transform?.translate ?? [0, 0];
  const arcs = topology.arcs.map((arc, arcIndex) => {
    let x = 0;
    let y = 0;
    const points = arc.map(([ax = 0, ay = 0]) => {
      x = topology.transform ? x + ax : ax;
      y = topology.transform ? y + ay : ay;
      return [x * kx + dx, y * ky + dy] as Position;
    });
    const projected = points.map((point): [number, number] => projection(point as [number, number]) ?? [Number.NaN, Number.NaN]);
    const keep = new Uint8Array(points.length);
    keep[0] = keep[points.length - 1] = 1;
    douglasPeucker(projected, 0, points.length - 1, keep, stateArcs.has(arcIndex) ? TOLERANCE.state : TOLERANCE.context);
    return points.filter((_, index) => keep[index]);
  });
  const { transform: _transform, ...rest } = topology;
  return { ...rest, arcs };
}

function douglasPeucker(points: [number, number][], first: number, last: number, keep: Uint8Array, tolerance: number): void {
  if (last - first < 2) return;
  const [ax, ay] = points[first]!;
  const [bx, by] = points[last]!;
  const length = Math.hypot(bx - ax, by - ay);
  let farthest = -1;
  let distance = tolerance;
  for (let index = first + 1; index < last; index++) {
    const [px, py] = points[index]!;
    const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
    if (d > distance || Number.isNaN(d)) {
      distance = Number.isNaN(d) ? Infinity : d;
      farthest = index;
    }
  }
  if (farthest < 0) return;
  keep[farthest] = 1;
  douglasPeucker(points, first, farthest, keep, tolerance);
  douglasPeucker(points, farthest, last, keep, tolerance);
}

/** An equal-area conic centred on the region, so that Russia's size is true and does not fill the map. */
function projectionFor(): { projection: GeoProjection; height: number } {
  const projection = geoConicEqualArea().parallels([40, 58]).rotate([-56, 0]).precision(0.2);
  const view = viewOutline();
  projection.fitWidth(MAP_WIDTH, view);
  const [[, top], [, bottom]] = geoPath(projection).bounds(view);
  const height = Math.round(bottom - top);
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, height],
  ]);
  return { projection, height };
}

/** The view as a lon/lat rectangle, its edges densified so that the projection curves them. */
function viewOutline(): Polygon {
  const { west, east, south, north } = VIEW;
  const ring: Position[] = [];
  for (let lon = west; lon <= east; lon += 1) ring.push([lon, south]);
  for (let lon = east; lon >= west; lon -= 1) ring.push([lon, north]);
  ring.push([west, south]);
  return { type: 'Polygon', coordinates: [ring.toReversed()] };
}

/**
 * Paths are written in tenths of a map unit, as whole numbers, each point relative to the one
 * before ("l12-5"): a third of the bytes of absolute decimals. The SVG scales them by 0.1 (PATH_SCALE).
 */
export const PATH_SCALE = 0.1;

/** Rounds each point to a whole tenth and drops points that round onto the one before. */
function rounding(stream: GeoStream): GeoStream {
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  return {
    point(x, y) {
      const rx = Math.round(x / PATH_SCALE);
      const ry = Math.round(y / PATH_SCALE);
      if (rx === lastX && ry === lastY) return;
      lastX = rx;
      lastY = ry;
      stream.point(rx, ry);
    },
    lineStart() {
      lastX = lastY = Number.NaN;
      stream.lineStart();
    },
    lineEnd: () => stream.lineEnd(),
    polygonStart: () => stream.polygonStart(),
    polygonEnd: () => stream.polygonEnd(),
    sphere: () => stream.sphere?.(),
  };
}

/** d3's path context, writing relative moves in the fewest characters (a minus sign needs no space before it). */
function relativePath(): GeoContext & { result(): string } {
  let out = '';
  let x = 0;
  let y = 0;
  let command = '';
  let start = [0, 0];
  const pair = (dx: number, dy: number) => `${dx}${dy < 0 ? '' : ' '}${dy}`;
  const write = (next: string, dx: number, dy: number) => {
    const numbers = pair(dx, dy);
    out += next === command ? (numbers.startsWith('-') ? numbers : ` ${numbers}`) : `${next}${numbers}`;
    command = next;
  };
  return {
    moveTo(nx, ny) {
      write('m', nx - x, ny - y);
      // After a move, further pairs would be read as lines: name the command again.
      command = 'm';
      x = nx;
      y = ny;
      start = [nx, ny];
    },
    lineTo(nx, ny) {
      write('l', nx - x, ny - y);
      x = nx;
      y = ny;
    },
    closePath() {
      // A closed subpath leaves the pen at its start, from where the next move counts.
      out += 'z';
      command = 'z';
      [x = 0, y = 0] = start;
    },
    // Never called: the map draws no GeoJSON points, which is what d3 draws arcs for.
    arc() {},
    beginPath() {},
    result() {
      const d = out;
      out = '';
      x = y = 0;
      command = '';
      return d;
    },
  };
}

/** Drops the polygons too small to see at this scale. */
function withoutSpecks(shape: Feature<Polygon | MultiPolygon>, area: (object: GeoPermissibleObjects) => number): MultiPolygon {
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  return { type: 'MultiPolygon', coordinates: polygons.filter((coordinates) => area({ type: 'Polygon', coordinates }) >= MIN_AREA) };
}

const memo = new Map<string, LocatorMap>();

/** The map, computed once per set of options. Throws when a state in content/states has no place in the atlas. */
export function locatorMap(options: LocatorMapOptions): LocatorMap {
  const until = typeof options.until === 'string' ? options.until : options.until.iso;
  const key = JSON.stringify([options.states, until, options.accent]);
  let map = memo.get(key);
  if (!map) {
    map = computeMap(options.states, until, new Set(options.accent));
    memo.set(key, map);
  }
  return map;
}

function computeMap(inputs: readonly StateInput[], until: string, accent: Set<string>): LocatorMap {
  const missing = inputs.filter((state) => !ATLAS_STATES[state.id]);
  if (missing.length > 0) {
    throw new Error(
      `The locator map does not know where ${missing.map((state) => `content/states/${state.id}.yaml`).join(', ')} lies: ` +
        'add its ISO 3166-1 numeric code to ATLAS_STATES in src/map/locator-map.ts.',
    );
  }
  const { projection, height } = projectionFor();
  const topology = loadAtlas(projection);
  const countries = topology.objects['countries'] as GeometryCollection;
  const context = relativePath();
  const drawing = geoPath({ stream: (stream: GeoStream) => projection.stream(rounding(stream)) }, context);
  const path = (object: GeoPermissibleObjects): string => {
    drawing(object);
    return context.result();
  };
  const measure = geoPath(projection);
  const area = (object: GeoPermissibleObjects) => measure.area(object);
  const centroid = (object: GeoPermissibleObjects) => measure.centroid(object);
  const isoOf = new Map(inputs.map((state) => [ATLAS_STATES[state.id]!.iso, state]));
  const geometryOf = (iso: string): GeometryObject => {
    const geometry = countries.geometries.find((candidate) => candidate.id === iso);
    if (!geometry) throw new Error(`locator map: the atlas has no country with the id ${iso}`);
    return geometry;
  };

  const rest = countries.geometries.filter((geometry) => !isoOf.has(String(geometry.id)));
  const land = path(withoutSpecks({ type: 'Feature', properties: {}, geometry: merge(topology, rest as TopoPolygon[]) }, area));

  const roleOf = (state: StateInput): StateRole =>
    accent.has(state.id) ? 'accent' : memberOn(membershipSpans(state.changes), until) ? 'member' : 'other';
  const order: Record<StateRole, number> = { other: 0, member: 1, accent: 2 };
  const states = inputs
    .map((state): MapState => {
      const shape = feature(topology, geometryOf(ATLAS_STATES[state.id]!.iso) as TopoPolygon | TopoMultiPolygon) as Feature<
        Polygon | MultiPolygon
      >;
      const visible = withoutSpecks(shape, area);
      // The label goes on the largest piece (Russia's mainland, not Kaliningrad; Azerbaijan, not Nakhchivan).
      const largest = visible.coordinates.toSorted(
        (a, b) => area({ type: 'Polygon', coordinates: b }) - area({ type: 'Polygon', coordinates: a }),
      )[0];
      const [cx, cy] = largest ? centroid({ type: 'Polygon', coordinates: largest }) : [Number.NaN, Number.NaN];
      const { label: offset, anchor = 'middle' } = ATLAS_STATES[state.id]!;
      const at = (x: number, y: number) => ({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
      return {
        id: state.id,
        name: state.name,
        role: roleOf(state),
        d: path(visible),
        label: offset
          ? { ...at(cx + offset[0], cy + offset[1]), anchor, ...(Math.hypot(...offset) > 10 ? { leader: at(cx, cy) } : {}) }
          : { ...at(cx, cy), anchor },
      };
    })
    .filter((state) => state.d !== '')
    .toSorted((a, b) => order[a.role] - order[b.role]);

  const [px = 0, py = 0] = projection([KARABAKH.longitude, KARABAKH.latitude]) ?? [];
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    width: MAP_WIDTH,
    height,
    land,
    states,
    point: {
      name: KARABAKH.name,
      within: KARABAKH.within,
      x: round(px),
      y: round(py),
      label: { x: round(px - 12), y: round(py + 20), anchor: 'end' },
    },
    until,
  };
}
