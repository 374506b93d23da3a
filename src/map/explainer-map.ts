import { readFileSync } from 'node:fs';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { loadDataCollections } from '../data/catalog.ts';
import { locatorMap, type LocatorMap, type StateInput } from './locator-map.ts';

/**
 * An explainer's locator map is the one its overview shows with <LocatorMap … />: the home page's
 * card and the social image draw the same map, with the same props, and an explainer whose overview
 * has none gets none. Read from the overview's file, so that it works before Astro's content layer
 * (the social images are started when the build starts).
 */
export interface LocatorMapProps {
  /** The day whose membership the map shows (YYYY-MM-DD). */
  until: string;
  /** Ids in content/states, separated by spaces: the states the story is about. */
  accent?: string | undefined;
  /** A link to where the explainer tells what Nagorno-Karabakh is. */
  karabakh?: string | undefined;
}

/** The states of content/states, as the map takes them. */
export function mapStates(): StateInput[] {
  return [...loadDataCollections().states].map(([id, { name, changes }]) => ({ id, name, changes }));
}

/** The map for a set of props, from content/states. */
export function mapFor(props: LocatorMapProps): LocatorMap {
  return locatorMap({ states: mapStates(), until: props.until, accent: (props.accent ?? '').split(/\s+/).filter(Boolean) });
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

/** The props of the first <LocatorMap /> in an overview's MDX, or undefined when it has none. */
export function locatorMapProps(mdx: string): LocatorMapProps | undefined {
  // The frontmatter is YAML, not MDX: blanked (its lines kept, so positions hold) before parsing.
  const text = mdx.replace(FRONTMATTER, (frontmatter) => frontmatter.replace(/[^\r\n]/g, ' '));
  if (!text.includes('<LocatorMap')) return undefined;
  let props: LocatorMapProps | undefined;
  visit(unified().use(remarkParse).use(remarkMdx).parse(text), 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    if (props || node.name !== 'LocatorMap') return;
    const value = (name: string) => {
      const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
      return typeof attribute?.value === 'string' ? attribute.value : undefined;
    };
    const until = value('until');
    if (until) props = { until, accent: value('accent'), karabakh: value('karabakh') };
  });
  return props;
}

/** The locator map an explainer's overview shows, if any: its file is read (the content policy has already checked its props). */
export function explainerMap(overviewFile: string | undefined): { map: LocatorMap; props: LocatorMapProps } | undefined {
  if (!overviewFile) return undefined;
  const props = locatorMapProps(readFileSync(overviewFile, 'utf8'));
  return props && { map: mapFor(props), props };
}
