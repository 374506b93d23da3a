import { describe, expect, test } from 'vitest';
import { parseMdx } from '../../src/checks/model.ts';
import { contentPolicyProblems, isSafeAddress } from '../../src/markdown/content-policy.ts';

const problems = (mdx: string) => contentPolicyProblems(parseMdx(mdx), 'chapter.mdx');

describe('the content policy refuses every class of code, not only the examples', () => {
  test.each([
    ['import', "import x from 'node:fs'"],
    ['export', 'export default function Layout() {}'],
    ['an expression', 'Text {globalThis.process?.env} here.'],
    ['an expression in a block', '{(() => fetch("https://evil.example"))()}'],
    ['a script, any case', '<SCRIPT>alert(1)</SCRIPT>'],
    ['an svg with a handler', '<svg onload="alert(1)" />'],
    ['an object', '<object data="x.swf"></object>'],
    ['an embed', '<embed src="x" />'],
    ['a base element', '<base href="https://evil.example/" />'],
    ['a link element', '<link rel="stylesheet" href="https://evil.example/x.css" />'],
    ['a style element', '<style>{"body{display:none}"}</style>'],
    ['an anchor element', '<a href="javascript:alert(1)">x</a>'],
    ['a spread of props', '<Quote {...{ id: "x" }} />'],
    ['an expression prop', '<Person id={"x"} />'],
    ['a flag given a value', '<Person id="x" short="yes" />'],
    ['an unknown prop', '<Quote id="x" onClick="alert(1)" />'],
    ['an unknown prop on HTML', '<span lang="ru" class="x">y</span>'],
    ['a fragment', '<>text</>'],
    ['a javascript link, any case', '[x](JaVaScRiPt:alert(1))'],
    ['a javascript link by reference', '[x][r]\n\n[r]: javascript:alert(1)'],
    ['a vbscript link', '[x](vbscript:msgbox)'],
    ['a data image', '![x](data:image/png;base64,AAAA)'],
    ['an external image', '![x](https://tracker.example/pixel.gif)'],
    ['a footnote in a heading', '## Title[^n]\n\n[^n]: note'],
  ])('%s', (_, mdx) => {
    expect(problems(mdx).length).toBeGreaterThan(0);
    for (const problem of problems(mdx)) expect(problem.fix).toBeTruthy();
  });

  test.each([
    [
      'Markdown and GFM',
      '## A heading\n\nText with *emphasis*, a [link](../other/), a [site](https://example.org/a?b=c) and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    ],
    [
      'the components with their props',
      '<Quote id="a" />\n\nShe said <Quote id="a" excerpt="words" /> then.\n\n<Person id="p" short /> <EditorsNote id="c" /> <KeyEvents ids="a, b" /> <NameSpellings /> <MembershipChart until="2024-06-13" />\n\n<LocatorMap until="2024-06-13" accent="a b" karabakh="./a/#b" />',
    ],
    ['comments', '{/* a note for editors */}\n\nText.'],
    ['escaped braces', 'A literal \\{brace\\}.'],
    [
      'allowed inline HTML',
      'The <abbr title="Collective Security Treaty Organization">CSTO</abbr>, <span lang="ru">слово</span>, H<sub>2</sub>O.',
    ],
    ['mailto and fragments', '[write](mailto:editors@example.org) or [jump](#notes)'],
    ['a local image', '![A chart](../chart.png)'],
  ])('allows %s', (_, mdx) => {
    expect(problems(mdx)).toEqual([]);
  });
});

test.each([
  ['https://example.org/', true],
  ['../people/#x', true],
  ['#note', true],
  ['mailto:a@example.org', true],
  ['javascript:alert(1)', false],
  [' javascript:alert(1)', false],
  ['java\nscript:alert(1)', false],
  ['JAVASCRIPT:alert(1)', false],
  ['data:text/html,x', false],
  ['file:///etc/passwd', false],
])('isSafeAddress(%j) is %s', (url, safe) => {
  expect(isSafeAddress(url)).toBe(safe);
});
