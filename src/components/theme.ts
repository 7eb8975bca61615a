// The header's theme switch: system → light → dark, remembered in localStorage and applied as html[data-theme]
// (global.css keys its colour variables and Tailwind's dark: variant on it; no attribute = follow the system).

const KEY = 'vindr-theme';
const ORDER = ['system', 'light', 'dark'] as const;
type Theme = (typeof ORDER)[number];

function stored(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

function apply(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.setAttribute('aria-label', `Colour theme: ${theme}`);
    const label = button.querySelector('[data-theme-label]');
    if (label) label.textContent = `Theme: ${theme}`;
  }
}

export function initThemeToggle(): void {
  apply(stored());
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.addEventListener('click', () => {
      const next = ORDER[(ORDER.indexOf(stored()) + 1) % ORDER.length];
      try {
        if (next === 'system') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, next);
      } catch {
        // storage blocked: still switch for this page
      }
      apply(next);
    });
  }
}
