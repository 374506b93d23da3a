import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

/**
 * What a PDF holds besides its text, read with pdf-lib for the PDF tests: its link annotations,
 * its named destinations, its outline (bookmarks) and its structure tree (tags).
 */

export interface LinkAnnotation {
  /** 1-based page number. */
  page: number;
  /** An address the link opens. */
  uri?: string;
  /** A named destination in the file the link goes to. */
  dest?: string;
}

const text = (object: PDFObject | undefined) =>
  object instanceof PDFString || object instanceof PDFHexString
    ? object.decodeText()
    : object instanceof PDFName
      ? object.decodeText()
      : undefined;

export async function pdfStructure(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const links: LinkAnnotation[] = [];
  pdf.getPages().forEach((page, index) => {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annotations?.size() ?? 0); i++) {
      const annotation = annotations!.lookup(i, PDFDict);
      if (annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = text(action?.get(PDFName.of('URI')));
      const dest = text(annotation.get(PDFName.of('Dest')) ?? action?.get(PDFName.of('D')));
      links.push({ page: index + 1, ...(uri !== undefined ? { uri } : {}), ...(dest !== undefined ? { dest } : {}) });
    }
  });

  // Chromium writes named destinations in the catalog's /Dests dictionary.
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const destinations = new Set((dests?.keys() ?? []).map((name) => name.decodeText()));
  // The page (from 1) each named destination is on.
  const pageOf = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const destinationPages = new Map(
    (dests?.keys() ?? []).flatMap((name) => {
      const page = pageOf.get(dests!.lookupMaybe(name, PDFArray)?.get(0)?.toString() ?? '');
      return page === undefined ? [] : [[name.decodeText(), page] as const];
    }),
  );

  const outline: { title: string; depth: number; page: number | undefined }[] = [];
  const visit = (item: PDFDict | undefined, depth: number) => {
    for (let entry = item; entry; entry = entry.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const page = pageOf.get(entry.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0)?.toString() ?? '');
      outline.push({ title: text(entry.get(PDFName.of('Title'))) ?? '', depth, page });
      visit(entry.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  visit(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);

  return { links, destinations, destinationPages, outline, pages: pdf.getPageCount(), tags: tagTree(pdf) };
}

/**
 * The structure tree: each struct element as `depth type` (with its language where it has one), in
 * reading order, and the marked content and annotations that the parent tree does not lead back to
 * the element holding them (a broken tree: assistive technology cannot find what a page shows).
 */
function tagTree(pdf: PDFDocument): { elements: string[]; unreachable: string[] } {
  const elements: string[] = [];
  const unreachable: string[] = [];
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return { elements, unreachable: ['no StructTreeRoot'] };
  const kids = (element: PDFDict) => {
    const k = element.get(PDFName.of('K'));
    return k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  };
  const walk = (ref: PDFObject | undefined, depth: number) => {
    const element = ref instanceof PDFRef ? pdf.context.lookupMaybe(ref, PDFDict) : undefined;
    if (!element?.has(PDFName.of('S'))) return;
    const lang = text(element.get(PDFName.of('Lang')));
    elements.push(`${depth} ${text(element.get(PDFName.of('S')))}${lang ? ` (${lang})` : ''}`);
    for (const kid of kids(element)) walk(kid, depth + 1);
  };
  walk(root.get(PDFName.of('K')), 0);
  const parents = new Map<number, PDFObject>();
  const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
  for (let index = 0; index + 1 < nums.length; index += 2) parents.set((nums[index] as PDFNumber).asNumber(), nums[index + 1]!);
  const holds = (element: PDFObject | undefined, test: (kid: PDFObject) => boolean) =>
    element instanceof PDFRef && kids(pdf.context.lookup(element, PDFDict)).some(test);
  pdf.getPages().forEach((page, index) => {
    const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    const list = key === undefined ? undefined : pdf.context.lookup(parents.get(key));
    (list instanceof PDFArray ? list.asArray() : []).forEach((element, mcid) => {
      const marks = (kid: PDFObject) => {
        const mark = kid instanceof PDFDict ? kid : undefined;
        return (
          (kid instanceof PDFNumber && kid.asNumber() === mcid) || mark?.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber() === mcid
        );
      };
      if (!holds(element, marks)) unreachable.push(`page ${index + 1}, marked content ${mcid}`);
    });
    for (const annotation of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      const parent = pdf.context.lookup(annotation, PDFDict).lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
      if (parent === undefined) continue;
      const points = (kid: PDFObject) => kid instanceof PDFDict && kid.get(PDFName.of('Obj')) === annotation;
      if (!holds(parents.get(parent), points)) unreachable.push(`page ${index + 1}, annotation ${annotation.toString()}`);
    }
  });
  return { elements, unreachable };
}
