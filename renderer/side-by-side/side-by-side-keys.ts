// The side-by-side view's single keys, outside the draft editor and form fields: J/K (or
// N/P) step through the review queue, L link, U unlink, C confirm, M merge, S split,
// X not for translation, Escape lets go of the picks.
export type KeyCommand = 'next' | 'previous' | 'confirm' | 'unlink' | 'link' | 'merge' | 'split' | 'skip' | 'escape';

const KEYS: Record<string, KeyCommand> = {
  j: 'next',
  n: 'next',
  k: 'previous',
  p: 'previous',
  Enter: 'confirm',
  c: 'confirm',
  u: 'unlink',
  Delete: 'unlink',
  l: 'link',
  m: 'merge',
  s: 'split',
  x: 'skip',
  Escape: 'escape',
};

/** What this key asks of the view, or null when it is not the view's to handle. */
export function sideBySideKey(e: KeyboardEvent): KeyCommand | null {
  const target = e.target as Element | null;
  if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return null;
  // Enter or Space on a focused button presses that button, nothing else.
  if (target instanceof HTMLButtonElement && (e.key === 'Enter' || e.key === ' ')) return null;
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return Object.hasOwn(KEYS, e.key) ? KEYS[e.key]! : null;
}
