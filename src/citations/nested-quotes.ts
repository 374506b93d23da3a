/**
 * Words quoted inside our own quotation marks (an evidence passage, a translated headline): their
 * double quotation marks become single ones, as a quotation within a quotation is printed
 * (“‘I declare …’ he said”), not doubled (““I declare …”).
 */
export function nested(text: string): string {
  return text.replace(/“/g, '‘').replace(/”/g, '’');
}
