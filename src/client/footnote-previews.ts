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

export function initFootnotePreviews(labels: { goToNote: string; goToCard: string }): void {
  // A person's name previews their card the same way, from the short card the page carries for each
  // person it names (<template data-person-preview>, FootnotePreviews.astro).
  const cardFor = (marker: HTMLAnchorElement) =>
    marker.classList.contains('person')
      ? document.querySelector<HTMLTemplateElement>(
          `template[data-person-preview="${CSS.escape(decodeURIComponent(marker.hash.slice(1)))}"]`,
        )
      : null;
  const markers = [
    ...document.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]'),
    ...[...document.querySelectorAll<HTMLAnchorElement>('a.person')].filter((link) => cardFor(link) !== null),
  ];
  if (markers.length === 0 || !('showPopover' in HTMLElement.prototype)) return;

  const preview = document.createElement('div');
  preview.popover = 'auto';
  preview.className = 'footnote-preview';
  preview.setAttribute('role', 'tooltip');
  preview.id = 'footnote-preview';
  document.body.append(preview);

  const anchorPositioning = CSS.supports('position-area: top');
  let current: HTMLAnchorElement | undefined;
  let showTimer: number | undefined;
  let hideTimer: number | undefined;
  let lastPointer = 'mouse';

  const noteFor = (marker: HTMLAnchorElement) =>
    marker.classList.contains('person') ? null : document.getElementById(decodeURIComponent(marker.hash.slice(1)));

  // Where the note is already beside the marker (a sidenote), hovering or focusing the marker
  // highlights the note instead of repeating it in a preview.
  let highlighted: HTMLElement | undefined;
  const isSidenote = (note: HTMLElement | null) => note?.closest('.has-sidenotes') != null;

  function show(marker: HTMLAnchorElement) {
    const card = cardFor(marker);
    if (card) {
      const go = Object.assign(document.createElement('a'), {
        href: marker.href,
        className: 'footnote-preview-go',
        textContent: labels.goToCard,
      });
      open(marker, [...(card.content.cloneNode(true) as DocumentFragment).childNodes, go], 'person');
      return;
    }
    const note = noteFor(marker);
    if (!note) return;
    if (isSidenote(note)) {
      hide();
      highlighted = note;
      note.classList.add('sidenote-hover');
      return;
    }
    const content = note.cloneNode(true) as HTMLElement;
    content.querySelectorAll('[data-footnote-backref]').forEach((link) => link.remove());
    content.querySelectorAll('[id]').forEach((element) => element.removeAttribute('id'));
    const go = document.createElement('a');
    go.href = marker.hash;
    go.className = 'footnote-preview-go';
    go.textContent = labels.goToNote;
    open(
      marker,
      [
        Object.assign(document.createElement('span'), { className: 'footnote-preview-number', textContent: marker.textContent ?? '' }),
        ...content.childNodes,
        go,
      ],
      'note',
    );
  }

  /** Shows the preview beside the marker with these contents (a note's, or a person's card). */
  function open(marker: HTMLAnchorElement, contents: Node[], kind: 'note' | 'person') {
    preview.replaceChildren(...contents);
    preview.dataset['kind'] = kind;
    if (preview.matches(':popover-open')) preview.hidePopover();
    current = marker;
    try {
      preview.showPopover({ source: marker });
    } catch {
      preview.showPopover();
    }
    if (!anchorPositioning) place(marker);
  }

  function place(marker: HTMLAnchorElement) {
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

  function hide() {
    highlighted?.classList.remove('sidenote-hover');
    highlighted = undefined;
    if (preview.matches(':popover-open')) preview.hidePopover();
    current = undefined;
  }

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
    marker.addEventListener('pointerdown', (event) => {
      lastPointer = event.pointerType;
    });
    marker.addEventListener('focus', () => {
      // Keyboard focus only; a pointer's focus is handled by hover (mouse) or the tap (touch).
      if (!marker.matches(':focus-visible')) return;
      cancel();
      show(marker);
    });
    marker.addEventListener('blur', scheduleHide);
    marker.addEventListener('click', (event) => {
      // On touch, the first tap previews the note; a second tap on the same marker goes to it.
      if (lastPointer === 'touch' && current !== marker && !isSidenote(noteFor(marker))) {
        event.preventDefault();
        cancel();
        show(marker);
      } else {
        hide();
      }
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
