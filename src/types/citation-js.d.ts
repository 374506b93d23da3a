// citation-js publishes no type declarations; these cover the calls the site makes.
declare module '@citation-js/core' {
  export interface CslDate {
    'date-parts': number[][];
  }
  export interface CslItem {
    id: string;
    type: string;
    title: string;
    URL?: string;
    publisher?: string;
    'container-title'?: string;
    issued?: CslDate;
    accessed?: CslDate;
    author?: { literal: string }[];
    language?: string;
    note?: string;
  }
  export interface FormatOptions {
    format?: 'html' | 'text';
    template?: string;
    lang?: string;
  }
  export class Cite {
    constructor(data: CslItem[] | CslItem);
    format(kind: 'bibliography', options?: FormatOptions): string;
    format(kind: 'bibtex' | 'biblatex' | 'ris', options?: FormatOptions): string;
    format(kind: 'data', options?: { format?: 'object' | 'string' }): string;
  }
  interface Registry<T> {
    get(name: string): T;
    add(name: string, value: T): void;
    has(name: string): boolean;
  }
  export const plugins: {
    config: { get(name: '@csl'): { locales: Registry<string>; templates: Registry<string> } };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
