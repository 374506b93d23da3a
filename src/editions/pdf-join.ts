import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  type PDFPageLeaf,
  PDFRef,
  PDFString,
  PDFHexString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';

/**
 * Joins PDFs that Chromium printed (loaded, and changed in the joining), one part of a document each, into one document that is what a
 * single print would have made: the pages in order, and the things a page copy loses rebuilt.
 *
 * Why: Chromium's print of one long page costs more per page the longer the page is (docs/performance.md,
 * "Why printing grows faster than the explainer"), so a long edition is printed in parts, all from the
 * same loaded page with the other parts hidden (src/editions/pdf-printer.ts), and joined here.
 *
 * pdf-lib copies pages but nothing that points at them, so each part's own structures are carried over
 * with the same copier as its pages (one copier maps each object once, so a struct element's page is
 * the copied page):
 * - the structure tree (the tags that make the PDF accessible): every part's Document element's children
 *   under one Document element; the parent tree renumbered, each part's keys after the previous part's,
 *   and the pages' StructParents and annotations' StructParent with them; the ID tree merged (its IDs
 *   are the page's DOM node ids, unique across the parts printed from one page);
 * - the named destinations: a link to an element printed in another part names a destination that part
 *   defines (Chromium writes `/Dest /id` whether or not the target was laid out), so merged, every link works;
 * - the outline: every part's entries in order, nested again by the level of their heading (an entry's
 *   `/SE` is its heading's struct element: H1 to H6), as one print would nest them.
 */
export async function joinPrintedParts(parts: PDFDocument[]): Promise<Uint8Array> {
  const joined = await PDFDocument.create({ updateMetadata: false });
  const document = joined.context.obj({ Type: 'StructElem', S: 'Document', K: [] });
  const documentRef = joined.context.register(document);
  const parentTree: PDFObject[] = [];
  const ids: [string, PDFObject][] = [];
  const dests = joined.context.obj({});
  const outline: OutlineEntry[] = [];
  // Copies of a container split between parts, each replaced by the one element they were made into.
  const replaced = new Map<PDFRef, PDFRef>();
  let nextKey = 0;
  for (const part of parts) {
    const copier = PDFObjectCopier.for(part.context, joined.context);
    const offset = nextKey;
    for (const page of part.getPages()) {
      const ref = copier.copy<PDFRef>(page.ref);
      const leaf = joined.context.lookup(ref) as PDFPageLeaf;
      renumber(leaf, 'StructParents', offset);
      for (const annotation of leaf.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
        const dict = joined.context.lookup(annotation);
        if (dict instanceof PDFDict) renumber(dict, 'StructParent', offset);
      }
      joined.addPage(PDFPage.of(leaf, ref, joined));
    }
    const root = part.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
    if (root) {
      const partDocument = root.lookup(PDFName.of('K'));
      const partDocumentDict = partDocument instanceof PDFDict ? partDocument : undefined;
      if (partDocumentDict && !document.has(PDFName.of('Lang'))) {
        const lang = partDocumentDict.get(PDFName.of('Lang'));
        if (lang) document.set(PDFName.of('Lang'), lang.clone());
      }
      const kids = kidsOf(partDocumentDict?.get(PDFName.of('K'))).map((kid) => {
        // The kid's parent is the part's Document element: detached, so that copying does not bring the part's whole tree.
        const kidDict = part.context.lookup(kid);
        if (kidDict instanceof PDFDict) kidDict.delete(PDFName.of('P'));
        return copier.copy(kid);
      });
      graft(joined.context, { dict: document, ref: documentRef }, kids, replaced);
      const tree = root.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
      for (const [key, value] of treeEntries(tree, 'Nums', numberKey)) parentTree.push(PDFNumber.of(key + offset), copier.copy(value));
      // (Elements made one are replaced in the parent tree at the end, once every part is in.)
      nextKey = offset + (root.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0);
      for (const [name, value] of treeEntries(root.lookupMaybe(PDFName.of('IDTree'), PDFDict), 'Names', nameKey))
        ids.push([name, copier.copy(value)]);
    }
    const partDests = part.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
    for (const [name, dest] of partDests?.entries() ?? []) {
      if (!dests.has(name)) dests.set(name, copier.copy(dest));
    }
    outline.push(...outlineEntries(part, copier));
    if (part === parts[0]) copyCatalogEntries(part, joined);
  }
  for (const [index, value] of parentTree.entries()) parentTree[index] = replace(joined.context, value, replaced);
  // The copies made one with another are referred to by nothing now.
  for (const copy of replaced.keys()) joined.context.delete(copy);
  unmark(joined.context, document, document.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText() ?? '');
  const treeRoot = joined.context.obj({
    Type: 'StructTreeRoot',
    K: documentRef,
    ParentTree: joined.context.register(joined.context.obj({ Nums: parentTree })),
    ParentTreeNextKey: nextKey,
  });
  ids.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (ids.length > 0)
    treeRoot.set(PDFName.of('IDTree'), joined.context.obj({ Names: ids.flatMap(([name, value]) => [PDFString.of(name), value]) }));
  const treeRootRef = joined.context.register(treeRoot);
  document.set(PDFName.of('P'), treeRootRef);
  joined.catalog.set(PDFName.of('StructTreeRoot'), treeRootRef);
  joined.catalog.set(PDFName.of('Dests'), joined.context.register(dests));
  if (outline.length > 0) joined.catalog.set(PDFName.of('Outlines'), buildOutline(joined, outline));
  return joined.save();
}

/** The catalog's entries that say how the document reads (marked, its language, its title shown), from the first part. */
function copyCatalogEntries(part: PDFDocument, joined: PDFDocument): void {
  for (const key of ['MarkInfo', 'Lang', 'ViewerPreferences', 'PageMode']) {
    const value = part.catalog.get(PDFName.of(key));
    if (value) joined.catalog.set(PDFName.of(key), value.clone(joined.context));
  }
}

/** A container's struct element, as the printer marked it (src/editions/pdf-printer.ts, markParts): its language's private-use subtag. */
const CONTAINER = /-x-c\d+$/;

function containerMark(dict: PDFDict | undefined): string | undefined {
  const lang = dict?.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText();
  return lang && CONTAINER.test(lang) ? lang : undefined;
}

/**
 * Puts struct elements under `parent`, in order. A container split between parts comes first in the
 * later part, and its copy is made one with the same container at the end of what is there already:
 * its kids go under that one (so the body and the article are each one element, as in a single print).
 * A container keeps its language, without the mark.
 */
function graft(context: PDFContext, parent: { dict: PDFDict; ref: PDFRef }, kids: PDFObject[], replaced: Map<PDFRef, PDFRef>): void {
  const list = parent.dict.lookup(PDFName.of('K'), PDFArray);
  for (const kid of kids) {
    const dict = kid instanceof PDFRef ? context.lookupMaybe(kid, PDFDict) : undefined;
    const mark = containerMark(dict);
    const lastRef = list.size() > 0 ? list.get(list.size() - 1) : undefined;
    const last = lastRef instanceof PDFRef ? context.lookupMaybe(lastRef, PDFDict) : undefined;
    if (dict && mark && lastRef instanceof PDFRef && last && containerMark(last) === mark) {
      replaced.set(kid as PDFRef, lastRef);
      const page = dict.get(PDFName.of('Pg'));
      // Marked content right under the copy names its page through the copy: it says so itself now.
      const moved = kidsOf(dict.get(PDFName.of('K'))).map((item) =>
        item instanceof PDFNumber && page ? context.obj({ Type: 'MCR', Pg: page, MCID: item }) : item,
      );
      if (!(last.get(PDFName.of('K')) instanceof PDFArray)) last.set(PDFName.of('K'), context.obj(kidsOf(last.get(PDFName.of('K')))));
      graft(context, { dict: last, ref: lastRef }, moved, replaced);
      continue;
    }
    if (dict) dict.set(PDFName.of('P'), parent.ref);
    list.push(kid);
  }
}

/**
 * Takes the printer's marks off the containers (the ancestors of every marked one are marked too), and
 * the language the printer gave what a container holds where it is the container's own: as one print
 * would have them, a language only where it differs from the element's parent.
 */
function unmark(context: PDFContext, dict: PDFDict, inherited: string): void {
  for (const kid of kidsOf(dict.get(PDFName.of('K')))) {
    const element = kid instanceof PDFRef ? context.lookupMaybe(kid, PDFDict) : undefined;
    const lang = element?.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText();
    if (!element || lang === undefined) continue;
    const own = lang.replace(CONTAINER, '');
    if (own === inherited || own === 'und' || own === '') element.delete(PDFName.of('Lang'));
    else element.set(PDFName.of('Lang'), PDFString.of(own));
    if (CONTAINER.test(lang)) unmark(context, element, own === 'und' ? inherited : own);
  }
}

/** A parent tree's value (a struct element, or a page's array of them) with every element made one with another replaced by that one. */
function replace(context: PDFContext, value: PDFObject, replaced: Map<PDFRef, PDFRef>): PDFObject {
  const target = value instanceof PDFRef ? context.lookup(value) : value;
  if (!(target instanceof PDFArray)) return replaced.get(value as PDFRef) ?? value;
  target.asArray().forEach((item, index) => target.set(index, (item instanceof PDFRef && replaced.get(item)) || item));
  return value;
}

function renumber(dict: PDFDict, key: string, offset: number): void {
  const value = dict.lookupMaybe(PDFName.of(key), PDFNumber);
  if (value) dict.set(PDFName.of(key), PDFNumber.of(value.asNumber() + offset));
}

/** A struct element's `/K`: one kid, or an array of them. */
function kidsOf(k: PDFObject | undefined): PDFObject[] {
  if (k instanceof PDFArray) return k.asArray();
  return k ? [k] : [];
}

/**
 * The entries of a number tree (`/Nums`) or a name tree (`/Names`), in order: the leaf's pairs, then
 * those of the nodes under `/Kids`. Each key is read by `key`; a pair whose key it cannot read is skipped.
 */
function treeEntries<Key>(
  node: PDFDict | undefined,
  leaf: 'Nums' | 'Names',
  key: (object: PDFObject) => Key | undefined,
): [Key, PDFObject][] {
  if (!node) return [];
  const pairs = node.lookupMaybe(PDFName.of(leaf), PDFArray)?.asArray() ?? [];
  const entries: [Key, PDFObject][] = [];
  for (let index = 0; index + 1 < pairs.length; index += 2) {
    const read = key(pairs[index]!);
    if (read !== undefined) entries.push([read, pairs[index + 1]!]);
  }
  for (const kid of node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) {
    entries.push(...treeEntries(node.context.lookup(kid) as PDFDict, leaf, key));
  }
  return entries;
}

const numberKey = (object: PDFObject) => (object instanceof PDFNumber ? object.asNumber() : undefined);
const nameKey = (object: PDFObject) => (object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined);

/** An outline entry as copied into the joined document, with the level of the heading it leads to. */
interface OutlineEntry {
  level: number;
  entry: PDFDict;
}

/** A part's outline entries, depth first, copied; their links to one another are dropped, to be made again. */
function outlineEntries(part: PDFDocument, copier: PDFObjectCopier): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const visit = (item: PDFDict | undefined, depth: number) => {
    for (let entry = item; entry; entry = entry.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const heading = entry.lookupMaybe(PDFName.of('SE'), PDFDict)?.lookupMaybe(PDFName.of('S'), PDFName)?.asString();
      const level = /^\/H([1-6])$/.exec(heading ?? '')?.[1];
      const copy = part.context.obj({});
      for (const key of ['Title', 'Dest', 'A', 'SE', 'C', 'F']) {
        const value = entry.get(PDFName.of(key));
        if (value) copy.set(PDFName.of(key), value);
      }
      entries.push({ level: level ? Number(level) : depth, entry: copier.copy<PDFDict>(copy) });
      visit(entry.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  visit(part.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 1);
  return entries;
}

/** The outline's root, the entries nested by level (an entry is the child of the last entry of a lower level), all open. */
function buildOutline(joined: PDFDocument, entries: OutlineEntry[]): PDFRef {
  const context = joined.context;
  const root = context.obj({ Type: 'Outlines' });
  const rootRef = context.register(root);
  const refs = entries.map(({ entry }) => context.register(entry));
  const open: { level: number; dict: PDFDict; ref: PDFRef; children: PDFRef[] }[] = [];
  const top: PDFRef[] = [];
  const children = new Map<PDFRef, PDFRef[]>([[rootRef, top]]);
  entries.forEach(({ level, entry }, index) => {
    while (open.length > 0 && open.at(-1)!.level >= level) open.pop();
    const parent = open.at(-1);
    entry.set(PDFName.of('Parent'), parent?.ref ?? rootRef);
    (parent?.children ?? top).push(refs[index]!);
    const node = { level, dict: entry, ref: refs[index]!, children: [] as PDFRef[] };
    children.set(node.ref, node.children);
    open.push(node);
  });
  // Link siblings and count every entry below each node (all open: a positive count).
  const link = (ref: PDFRef, dict: PDFDict): number => {
    const kids = children.get(ref) ?? [];
    let count = 0;
    kids.forEach((kid, index) => {
      const kidDict = context.lookup(kid, PDFDict);
      if (index > 0) kidDict.set(PDFName.of('Prev'), kids[index - 1]!);
      if (index < kids.length - 1) kidDict.set(PDFName.of('Next'), kids[index + 1]!);
      count += 1 + link(kid, kidDict);
    });
    if (kids.length > 0) {
      dict.set(PDFName.of('First'), kids[0]!);
      dict.set(PDFName.of('Last'), kids.at(-1)!);
      dict.set(PDFName.of('Count'), PDFNumber.of(count));
    }
    return count;
  };
  link(rootRef, root);
  return rootRef;
}
