/**
 * Sidenotes, as in Tufte CSS and Distill: on a wide screen each note sits in the right margin, level
 * with its first marker; a note that would overlap the one above moves down below it. The notes stay
 * where they are in the document (one list after the chapter, for print, search engines and assistive
 * technology): this only sets each note's `top`, and CSS takes the notes out of the flow while
 * `.has-sidenotes` is set. Without JavaScript, or on a narrower screen, the list stays at the end.
 */
const WIDE = '(min-width: 80rem)';
const GAP_PX = 10;
/**
 * A note's height in the margin, at most (global.css, `.has-sidenotes .footnotes li`), so an opened
 * note does not push the others: four lines, or two for a note already pushed below its marker by the
 * ones above, so that a dense passage's notes catch up with it.
 */
const NOTE_MAX_REM = 4.7;
const COMPACT_MAX_REM = 2.5;

export function initSidenotes(): void {
  const wide = window.matchMedia(WIDE);
  for (const body of document.querySelectorAll<HTMLElement>('[data-sidenotes]')) {
    const notes = [...body.querySelectorAll<HTMLLIElement>('section[data-footnotes] li[id]')];
    if (notes.length === 0) continue;
    const prose = body.querySelector<HTMLElement>('.chapter-prose') ?? body;
    const markerFor = new Map(
      notes.map((note) => [note, body.querySelector<HTMLElement>(`a[data-footnote-ref][href="#${CSS.escape(note.id)}"]`)]),
    );
    let frame = 0;

    const layout = () => {
      frame = 0;
      const on = wide.matches;
      body.classList.toggle('has-sidenotes', on);
      if (!on) {
        for (const note of notes) {
          note.style.removeProperty('top');
          note.classList.remove('is-clipped', 'is-compact');
        }
        body.style.removeProperty('min-height');
        return;
      }
      const origin = body.getBoundingClientRect().top;
      // Level with the marker's line: its line box's top, read from the marker's sup.
      const placed = notes
        .map((note) => ({ note, top: (markerFor.get(note)?.getBoundingClientRect().top ?? Infinity) - origin }))
        .toSorted((a, b) => a.top - b.top);
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      let floor = 0;
      for (const { note, top } of placed) {
        const wanted = Number.isFinite(top) ? top - 4 : floor;
        const y = Math.max(wanted, floor);
        const compact = y > wanted + rem;
        const noteMax = (compact ? COMPACT_MAX_REM : NOTE_MAX_REM) * rem;
        note.classList.toggle('is-compact', compact);
        note.style.top = `${Math.round(y)}px`;
        // Shown in part (global.css caps a note's height): the fade says there is more.
        note.classList.toggle('is-clipped', note.scrollHeight > noteMax + 1);
        floor = y + Math.min(note.offsetHeight, noteMax) + GAP_PX;
      }
      // The last notes may run past the chapter's end: the body grows to hold them.
      body.style.minHeight = `${Math.ceil(floor)}px`;
    };
    const schedule = () => {
      if (frame === 0) frame = window.requestAnimationFrame(layout);
    };

    layout();
    // Text reflows when fonts arrive, the window resizes, a table scrolls or a details element opens.
    new ResizeObserver(schedule).observe(prose);
    wide.addEventListener('change', schedule);
    window.addEventListener('resize', schedule);
    void document.fonts?.ready.then(schedule);
  }
}
