import { z } from 'astro/zod';
import { ourWords } from './our-words.ts';

/**
 * Who directs an outlet's editorial line, as readers are told in notes, previews and on the sources
 * page. `state-controlled` outlets carry a visible label, and a sentence may not rest on them alone
 * unless it names them (the `state-media-alone` content check).
 */
export const OUTLET_CONTROL = {
  'state-controlled': 'A state directs its editorial line',
  'publicly-funded': 'Funded by a state, editorially independent by law or charter',
  independent: 'Independent of any state',
  official: 'A government or organisation publishing its own statements',
} as const;

export type OutletControl = keyof typeof OUTLET_CONTROL;

/** One outlet or organisation that publishes sources. The id is the file name: `content/outlets/tass.yaml`. */
export const outletSchema = z
  .strictObject({
    /** The outlet's name as readers know it, e.g. `TASS`; a sentence that names it names it so. */
    name: z.string().min(1),
    control: z.enum(Object.keys(OUTLET_CONTROL) as [OutletControl, ...OutletControl[]], {
      error: `expected one of: ${Object.keys(OUTLET_CONTROL).join(', ')}`,
    }),
    /** What readers see beside the source: "Russian state news agency". */
    label: ourWords.optional(),
    /** Why the label applies, in one sentence a reader can check: ownership, funding, who appoints the editors. */
    basis: ourWords,
  })
  .refine((outlet) => outlet.label !== undefined || outlet.control === 'independent' || outlet.control === 'official', {
    error: 'a state-controlled or publicly funded outlet needs a `label` that readers see, e.g. "Russian state news agency"',
    path: ['label'],
  });

export type Outlet = z.output<typeof outletSchema>;

/** An outlet's label as readers see it beside a source, in notes and on the sources page: "(Russian state news agency)". */
export function outletLabelText(label: string): string {
  return `(${label})`;
}
