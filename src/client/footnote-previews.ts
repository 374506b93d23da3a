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

/** The interface strings, read from the page (FootnotePreviews.astro), so they stay in the one dictionary. */
function pageLabels(): Labels {
  const settings = document.querySelector<HTMLElement>('[data-footnote-previews]')?.dataset;
  return { goToNote: settings?.['goToNote'] ?? 'Go to the note', goToCard: settings?.['goToCard'] ?? 'See the full card' };
}

export function initFootnotePreviews(): void {
  const labels = pageLabels();
  const markers = [
    ...document.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]'),
    ...[...document.querySelectorAll<HTMLAnchorElement>('a.person')].filter(cardFor),
  ];
  if (markers.length === 0 || !('showPopover' in HTMLElement.prototype)) return;

  const preview = document.createElement('div');
  preview.popover = 'auto';
  preview.className = 'footnote-preview';
  preview.setAttribute('role', 'tooltip');
  document.body.append(preview);

  let current: HTMLAnchorElement | undefined;
  let highlighted: HTMLElement | undefined;
  let showTimer: number | undefined;
  let hideTimer: number | undefined;
  let lastPointer = 'mouse';

  const show = (marker: HTMLAnchorElement) => {
    const note = noteFor(marker);
    if (note && isSidenote(note)) {
      hide();
      highlighted = note;
      note.classList.add('sidenote-hover');
      return;
    }
    const card = cardFor(marker);
    const contents = card
      ? [...(card.content.cloneNode(true) as DocumentFragment).childNodes, link(marker.href, labels.goToCard)]
      : note && noteContents(marker, note, labels.goToNote);
    if (!contents) return;
    current = marker;
    open(preview, marker, contents, card ? 'person' : 'note');
  };
  const hide = () => {
    highlighted?.classList.remove('sidenote-hover');
    highlighted = undefined;
    if (preview.matches(':popover-open')) preview.hidePopover();
    current = undefined;
  };
  const cancel = () => {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
  };
  const scheduleHide = () => {
    cancel();
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  };
  for (const marker of markers) {
    marker.setAttribute('aria-haspopup', 'true');
    marker.addEventListener('pointerenter', (event) => {
      lastPointer = event.pointerType;
      if (event.pointerType !== 'mouse') return;
      cancel();
      showTimer = window.setTimeout(() => show(marker), SHOW_DELAY_MS);
    });
    marker.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse') scheduleHide();
    });
    marker.addEventListener('pointerdown', (event) => (lastPointer = event.pointerType));
    marker.addEventListener('focus', () => {
      // Keyboard focus only; a pointer's focus is handled by hover (mouse) or the tap (touch).
      if (!marker.matches(':focus-visible')) return;
      cancel();
      show(marker);
    });
    marker.addEventListener('blur', scheduleHide);
    marker.addEventListener('click', (event) => {
      // On touch, the first tap previews the note; a second tap on the same marker goes to it.
      if (lastPointer !== 'touch' || current === marker || isSidenote(noteFor(marker))) return hide();
      event.preventDefault();
      cancel();
      show(marker);
    });
  }
  preview.addEventListener('pointerenter', cancel);
  preview.addEventListener('pointerleave', (event) => {
    if (event.pointerType === 'mouse') scheduleHide();
  });
  preview.addEventListener('toggle', (event) => {
    if (event.newState === 'closed') current = undefined;
  });
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

/** Shows the preview beside the marker with these contents (a note's, or a person's card). */
function open(preview: HTMLElement, marker: HTMLAnchorElement, contents: Node[], kind: 'note' | 'person'): void {
  preview.replaceChildren(...contents);
  preview.dataset['kind'] = kind;
  if (preview.matches(':popover-open')) preview.hidePopover();
  try {
    preview.showPopover({ source: marker });
  } catch {
    preview.showPopover();
  }
  if (!CSS.supports('position-area: top')) placeBeside(preview, marker);
}
