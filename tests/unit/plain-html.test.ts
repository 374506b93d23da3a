import { describe, expect, it } from 'vitest';
import { parseFragment } from 'parse5';
import { readPlainElement } from '../../src/build/plain-html.ts';
import { isElement, type ChildNode } from '../../src/build/parsed-html.ts';

/** What the join reads of a node: names, decoded values and source offsets (not lines and columns). */
function shape(node: ChildNode): unknown {
  const location = node.sourceCodeLocation as
    | { startOffset: number; endOffset: number; startTag?: { endOffset: number }; endTag?: { startOffset: number }; attrs?: object }
    | null
    | undefined;
  const where = location && {
    start: location.startOffset,
    end: location.endOffset,
    startTagEnd: location.startTag?.endOffset,
    endTagStart: location.endTag?.startOffset,
    attrs: Object.entries(location.attrs ?? {}).map(([name, at]: [string, { startOffset: number; endOffset: number }]) => [
      name,
      at.startOffset,
      at.endOffset,
    ]),
  };
  if (isElement(node)) return { tag: node.tagName, attrs: node.attrs, where, children: node.childNodes.map(shape) };
  return { node: node.nodeName, value: 'value' in node ? node.value : undefined, where };
}

function asParse5ReadsIt(html: string): unknown {
  return shape(parseFragment(html, { sourceCodeLocationInfo: true }).childNodes.find(isElement)!);
}

describe('readPlainElement', () => {
  it.each([
    [
      'a chapter’s text',
      `<section data-chapter="a" class='x'><h2 id=b>Title &amp; more</h2><p>One<br>two <img src="a.png" alt="A &quot;b&quot;" /> <a href="/x?a=1&amp;b=2" aria-describedby="n">link</a><sup><a data-footnote-ref href="#fn-1">1</a></sup></p>
<ul>
<li>One</li>
<li><p>Two</p><ol><li>Inner</li></ol></li></ul><dl><dt>T</dt><dd>D</dd></dl></section>`,
    ],
    [
      'a table',
      '<div><table><caption>C</caption><thead><tr><th>A</th></tr></thead>\n<tbody><tr><td>1 <b>2</b></td></tr></tbody></table></div>',
    ],
    ['repeated and upper-case attribute names', '<p data-X="1" data-x="2" hidden title = \'t\'>text</p>'],
    ['character references in text', '<p>&lt;b&gt; &copy; &#x41;&#66; &amp; &notit; &amp</p>'],
    ['a void element alone', '<img src=a.png alt="">'],
    ['the element only, not what follows it', '<section data-chapter="z"><p>a</p></section></div></main><p>after'],
  ])('reads %s as parse5 does', (_, html) => {
    const element = readPlainElement(html);
    expect(element).toBeDefined();
    expect(shape(element!)).toEqual(asParse5ReadsIt(html));
  });

  it.each([
    ['a block inside a paragraph', '<p>a<div>b</div></p>'],
    ['a link inside a link', '<p><a href="1">a<a href="2">b</a></a></p>'],
    ['a list item inside a list item', '<ul><li>a<li>b</li></li></ul>'],
    ['a heading inside a heading', '<div><h2>a<h3>b</h3></h2></div>'],
    ['a row straight in a table', '<table><tr><td>1</td></tr></table>'],
    ['text in a table', '<table>text<tbody></tbody></table>'],
    ['misnested formatting', '<p><b><i>a</b></i></p>'],
    ['an end tag with nothing open to close', '<div></br></div>'],
    ['an element never closed', '<div><p>a</p>'],
    ['a non-void element written as self-closing', '<div><span/></div>'],
    ['an upper-case tag name', '<DIV>a</DIV>'],
    ['attributes without space between them', '<div class="a"id="b"></div>'],
    ['a comment', '<div><!-- a --></div>'],
    ['a stray less-than sign', '<div>a < b</div>'],
    ['SVG', '<figure><svg viewBox="0 0 1 1"><path d="M0 0"/></svg></figure>'],
    ['a script', '<div><script>if (a<b) {}</script></div>'],
    ['preformatted text, whose first newline the parser drops', '<div><pre>\ncode</pre></div>'],
    ['a carriage return', '<div>a\r\nb</div>'],
  ])('leaves %s to parse5', (_, html) => {
    expect(readPlainElement(html)).toBeUndefined();
  });
});
