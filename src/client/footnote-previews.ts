/**
 * Footnote previews, as Wikipedia's reference previews: hovering or focusing a footnote marker shows
 * its note in place, and a person's name their card; on touch, the first tap previews and the second follows the link. Escape closes
 * (the platform's popover light dismiss). Without JavaScript, or if anything here fails, the marker
 * stays an ordinary link to the note.
 *
 * The preview is one shared `popover` element, placed by CSS anchor positioning (`showPopover({ source })`
 * makes the marker its anchor); where anchor positioning is missing we place it from the marker's box.
 */
const SHOW_DELAY_MS = 150;
const HIDE_DELAY_MS = 300;

interface Labels {
  goToNote: string;
  goToCard: string;
}

export function initFootnotePreviews(labels: Labels): void {
  const markers = [
    ...document.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]'),
    ...[...document.querySelectorAll<HTMLAnchorElement>('a.person')].filter((link) => cardFor(link) !== null),
  ];
  if (markers.length === 0 || !('showPopover' in HTMLElement.prototype)) return;
  const preview = new Preview(labels);
  for (const marker of markers) preview.attach(marker);
}

/**
 * A person's name previews their card the same way, from the short card the page carries for each
 * person it names (<template data-person-preview>, FootnotePreviews.astro).
 */
function cardFor(marker: HTMLAnchorElement): HTMLTemplateElement | null {
  return marker.classList.contains('person')
    ? document.querySelector<HTMLTemplateElement>(`template[data-person-preview="${CSS.escape(decodeURIComponent(marker.hash.slice(1)))}"]`)
    : null;
}

function noteFor(marker: HTMLAnchorElement): HTMLElement | null {
  return marker.classList.contains('person') ? null : document.getElementById(decodeURIComponent(marker.hash.slice(1)));
}

/** Where the note is already beside the marker (a sidenote), the marker highlights it instead of repeating it. */
function isSidenote(note: HTMLElement | null): boolean {
  return note?.closest('.has-sidenotes') != null;
}

function link(href: string, text: string): HTMLAnchorElement {
  return Object.assign(document.createElement('a'), { href, className: 'footnote-preview-go', textContent: text });
}

/** A note's contents for its preview: its number, the note without its back links and ids, and a link to it. */
function noteContents(marker: HTMLAnchorElement, note: HTMLElement, goToNote: string): Node[] {
  const content = note.cloneNode(true) as HTMLElement;
  content.querySelectorAll('[data-footnote-backref]').forEach((backref) => backref.remove());
  content.querySelectorAll('[id]').forEach((element) => element.removeAttribute('id'));
  const number = Object.assign(document.createElement('span'), {
    className: 'footnote-preview-number',
    textContent: marker.textContent ?? '',
  });
  return [number, ...content.childNodes, link(marker.hash, goToNote)];
}

/** Places the preview from the marker's box, where the browser has no CSS anchor positioning. */
function placeBeside(preview: HTMLElement, marker: HTMLAnchorElement): void {
  const box = marker.getBoundingClientRect();
  const width = Math.min(448, window.innerWidth - 24);
  preview.style.position = 'fixed';
  preview.style.inset = 'auto';
  preview.style.width = `${width}px`;
  preview.style.left = `${Math.max(12, Math.min(box.left - width / 2, window.innerWidth - width - 12))}px`;
  const below = box.bottom + 8;
  const height = preview.offsetHeight;
  preview.style.top = `${below + height < window.innerHeight ? below : Math.max(8, box.top - height - 8)}px`;
}

/** The one shared preview, and what it is showing. */
class Preview {
  private readonly element = document.createElement('div');
  private readonly anchorPositioning = CSS.supports('position-area: top');
  private current: HTMLAnchorElement | undefined;
  private highlighted: HTMLElement | undefined;
  private showTimer: number | undefined;
  private hideTimer: number | undefined;
  private lastPointer = 'mouse';
  private readonly labels: Labels;

  constructor(labels: Labels) {
    this.labels = labels;
    Object.assign(this.element, { popover: 'auto', className: 'footnote-preview', id: 'footnote-preview' });
    this.element.setAttribute('role', 'tooltip');
    document.body.append(this.element);
    this.element.addEventListener('pointerenter', () => this.cancel());
    this.element.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse') this.scheduleHide();
    });
    this.element.addEventListener('toggle', (event) => {
      if (event.newState === 'closed') this.current = undefined;
    });
  }

  /** Hover (mouse), keyboard focus and the first tap (touch) preview; leaving, blur and Escape close. */
  attach(marker: HTMLAnchorElement): void {
    marker.setAttribute('aria-haspopup', 'true');
    marker.addEventListener('pointerenter', (event) => {
      this.lastPointer = event.pointerType;
      if (event.pointerType !== 'mouse') return;
      this.cancel();
      this.showTimer = window.setTimeout(() => this.show(marker), SHOW_DELAY_MS);
    });
    marker.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse') this.scheduleHide();
    });
    marker.addEventListener('pointerdown', (event) => {
      this.lastPointer = event.pointerType;
    });
    marker.addEventListener('focus', () => {
      // Keyboard focus only; a pointer's focus is handled by hover (mouse) or the tap (touch).
      if (!marker.matches(':focus-visible')) return;
      this.cancel();
      this.show(marker);
    });
    marker.addEventListener('blur', () => this.scheduleHide());
    marker.addEventListener('click', (event) => this.onClick(marker, event));
  }

  /** On touch, the first tap previews the note; a second tap on the same marker goes to it. */
  private onClick(marker: HTMLAnchorElement, event: MouseEvent): void {
    if (this.lastPointer === 'touch' && this.current !== marker && !isSidenote(noteFor(marker))) {
      event.preventDefault();
      this.cancel();
      this.show(marker);
    } else {
      this.hide();
    }
  }

  private show(marker: HTMLAnchorElement): void {
    const card = cardFor(marker);
    if (card) {
      const contents = [...(card.content.cloneNode(true) as DocumentFragment).childNodes, link(marker.href, this.labels.goToCard)];
      this.open(marker, contents, 'person');
      return;
    }
    const note = noteFor(marker);
    if (!note) return;
    if (isSidenote(note)) {
      this.hide();
      this.highlighted = note;
      note.classList.add('sidenote-hover');
      return;
    }
    this.open(marker, noteContents(marker, note, this.labels.goToNote), 'note');
  }

  /** Shows the preview beside the marker with these contents (a note's, or a person's card). */
  private open(marker: HTMLAnchorElement, contents: Node[], kind: 'note' | 'person'): void {
    this.element.replaceChildren(...contents);
    this.element.dataset['kind'] = kind;
    if (this.element.matches(':popover-open')) this.element.hidePopover();
    this.current = marker;
    try {
      this.element.showPopover({ source: marker });
    } catch {
      this.element.showPopover();
    }
    if (!this.anchorPositioning) placeBeside(this.element, marker);
  }

  private hide(): void {
    this.highlighted?.classList.remove('sidenote-hover');
    this.highlighted = undefined;
    if (this.element.matches(':popover-open')) this.element.hidePopover();
    this.current = undefined;
  }

  private cancel(): void {
    window.clearTimeout(this.showTimer);
    window.clearTimeout(this.hideTimer);
  }

  private scheduleHide(): void {
    this.cancel();
    this.hideTimer = window.setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }
}
