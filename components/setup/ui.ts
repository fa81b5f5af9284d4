// Shared class lists of the hosted page's controls (one place for focus rings and touch targets).
// Logical properties only (ms-, pe-, text-start...) so right-to-left works by construction.

const focusRing = 'outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary';
const base = `inline-flex min-h-12 items-center justify-center gap-2 rounded-xl px-5 py-3 text-base font-semibold transition-colors ${focusRing}`;

export const buttonClass = {
  primary: `${base} w-full bg-primary text-primary-foreground hover:brightness-110 aria-disabled:cursor-wait aria-disabled:opacity-70`,
  secondary: `${base} w-full border border-border bg-card text-text hover:bg-muted`,
  /** Compact outlined button (language switcher), 44px tall. */
  compact: `inline-flex min-h-11 items-center rounded-lg border border-border bg-card px-3 text-sm font-medium text-text hover:bg-muted ${focusRing}`,
  /** Low-emphasis text button, still 44px tall. */
  quiet: `inline-flex min-h-11 items-center gap-1 rounded-lg px-2 text-sm font-medium text-primary underline-offset-4 hover:underline ${focusRing}`,
};

export const cardClass = 'rounded-2xl border border-border bg-card p-5 shadow-sm sm:p-7';

export const headingClass = 'text-xl font-semibold leading-snug text-text outline-none sm:text-2xl';
