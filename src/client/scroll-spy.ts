/**
 * Scroll-spy for the chapter's contents ("On this page"): the entry of the section being read carries
 * aria-current="location", which the style marks and a screen reader announces. The section being
 * read is the last whose heading has passed the top fifth of the window. Nothing moves, so there is
 * no motion to reduce; the mark itself changes without a transition when the reader asks for less motion
 * (global.css).
 */
export function initScrollSpy(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-toc] a[href^="#"]')];
  const ids = [...new Set(links.map((link) => decodeURIComponent(link.hash.slice(1))))];
  const headings = ids.map((id) => document.getElementById(id)).filter((heading): heading is HTMLElement => heading !== null);
  if (headings.length === 0 || !('IntersectionObserver' in window)) return;

  let current: string | undefined;
  const update = (): void => {
    const line = window.innerHeight * 0.2;
    const passed = headings.filter((heading) => heading.getBoundingClientRect().top <= line).at(-1);
    // At the very end of the page the last section is the one being read, even if its heading cannot reach the line.
    const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    const id = atEnd && passed ? headings.at(-1)!.id : passed?.id;
    if (id === current) return;
    current = id;
    for (const link of links) {
      if (id !== undefined && decodeURIComponent(link.hash.slice(1)) === id) link.setAttribute('aria-current', 'location');
      else link.removeAttribute('aria-current');
    }
  };
  // The observer says when a heading crosses the line; the update then reads where each one is.
  const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -80% 0px' });
  for (const heading of headings) observer.observe(heading);
  window.addEventListener('scrollend', update, { passive: true });
  update();
}
