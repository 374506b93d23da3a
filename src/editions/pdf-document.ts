import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import type { PdfEdition } from './pdf-editions.ts';
import type { Heading } from './pdf-printer.ts';
import { squash } from './printed-edition-check.ts';

/** The text of each page of a PDF. */
export async function pdfText(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  return text;
}

/**
 * The outline's titles from the headings' own text. Chromium writes each outline entry from the laid
 * out lines of its heading and loses the space where a heading wraps ("withBelarus"); each entry is
 * matched, in order, to the heading whose text is the same once white space is ignored.
 */
function retitleOutline(pdf: PDFDocument, headings: Heading[]): number {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return 0;
  let next = 0;
  let retitled = 0;
  const visit = (item: PDFDict | undefined) => {
    for (let entry = item; entry; entry = entry.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = entry.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
      const index = headings.findIndex((heading, position) => position >= next && squash(heading.text) === squash(title));
      if (index >= 0) {
        next = index + 1;
        if (headings[index]!.text !== title) {
          entry.set(PDFName.of('Title'), PDFHexString.fromText(headings[index]!.text));
          retitled++;
        }
      }
      visit(entry.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(outlines.lookupMaybe(PDFName.of('First'), PDFDict));
  return retitled;
}

/** The document's own metadata, which Chromium leaves empty. */
export async function withMetadata(
  printed: Uint8Array,
  edition: PdfEdition,
  path: string,
  headings: Heading[],
): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  retitleOutline(pdf, headings);
  pdf.setTitle(edition.title, { showInWindowTitleBar: true });
  pdf.setAuthor(edition.author);
  pdf.setSubject(edition.subject);
  pdf.setLanguage(edition.lang);
  pdf.setCreator(`${edition.author}, from ${path}`);
  pdf.setProducer('Chromium (Playwright) and pdf-lib');
  pdf.setCreationDate(new Date());
  // The explainer's own date of its last change, not the moment of printing.
  pdf.setModificationDate(new Date(edition.updated));
  return { bytes: await pdf.save(), pages: pdf.getPageCount() };
}
