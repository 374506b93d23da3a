import { SITE } from '../site.config.ts';

const names = new Intl.DisplayNames([SITE.locale], { type: 'language' });

/** "Russian" for `ru`, in the edition's language, as readers are told a source's language; the code itself where none is known. */
export function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
