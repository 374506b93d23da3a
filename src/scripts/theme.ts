/**
 * The theme toggle. The choice is stored; the inline script in <head> (ThemeInit.astro) applies it
 * before the first paint, so the page never flashes the wrong theme.
 */
const STORAGE_KEY = 'theme';

function effectiveTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const sync = () => button.setAttribute('aria-pressed', String(effectiveTheme() === 'dark'));
    button.hidden = false;
    sync();
    button.addEventListener('click', () => {
      const theme = effectiveTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = theme;
      try {
        localStorage.setItem(STORAGE_KEY, theme);
      } catch {
        // Private browsing may refuse storage; the choice then lasts for this page only.
      }
      sync();
    });
  }
}
