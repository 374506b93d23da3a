/**
 * The theme control: automatic (the system's setting), light or dark, in that order at each press.
 * A light or dark choice is stored; automatic removes it. The inline script in <head> (ThemeInit.astro)
 * applies a stored choice before the first paint, so the page never flashes the wrong theme.
 */
const STORAGE_KEY = 'theme';
const CHOICES = ['auto', 'light', 'dark'] as const;
type Choice = (typeof CHOICES)[number];

function currentChoice(): Choice {
  const chosen = document.documentElement.dataset['theme'];
  return chosen === 'light' || chosen === 'dark' ? chosen : 'auto';
}

export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const sync = () => {
      const choice = currentChoice();
      button.dataset['choice'] = choice;
      button.setAttribute('aria-label', button.dataset[`label${choice[0]!.toUpperCase()}${choice.slice(1)}`] ?? choice);
    };
    button.hidden = false;
    sync();
    button.addEventListener('click', () => {
      const next = CHOICES[(CHOICES.indexOf(currentChoice()) + 1) % CHOICES.length]!;
      try {
        if (next === 'auto') {
          delete document.documentElement.dataset['theme'];
          localStorage.removeItem(STORAGE_KEY);
        } else {
          document.documentElement.dataset['theme'] = next;
          localStorage.setItem(STORAGE_KEY, next);
        }
      } catch {
        // Private browsing may refuse storage; the choice then lasts for this page only.
        if (next !== 'auto') document.documentElement.dataset['theme'] = next;
      }
      sync();
    });
  }
}
