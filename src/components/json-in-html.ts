/**
 * JSON to place inside a <script> element (JSON-LD). JSON.stringify leaves `<`, `>` and `&` as they
 * are, so a string holding `</script>` would close the element and what follows would run as
 * script; U+2028 and U+2029 end lines in older JavaScript parsers. Each is written as its \u escape,
 * which every JSON reader reads back as the same character (OWASP's rule for JSON in HTML).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
