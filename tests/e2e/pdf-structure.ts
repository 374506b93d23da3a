import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';

/**
 * What a PDF holds besides its text, read with pdf-lib for the PDF tests: its link annotations,
 * its named destinations and its outline (bookmarks).
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

  const outline: { title: string; depth: number }[] = [];
  const visit = (item: PDFDict | undefined, depth: number) => {
    for (let entry = item; entry; entry = entry.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      outline.push({ title: text(entry.get(PDFName.of('Title'))) ?? '', depth });
      visit(entry.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  visit(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);

  return { links, destinations, destinationPages, outline, pages: pdf.getPageCount() };
}
