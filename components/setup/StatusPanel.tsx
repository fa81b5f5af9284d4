import { useId, type ReactNode } from 'react';
import { headingClass } from './ui';

// The common shape of the outcome screens: an icon in a tinted circle, a focusable heading,
// then text and actions. Keeps every outcome screen visually identical.

const TONES = {
  primary: 'bg-secondary text-secondary-foreground',
  destructive: 'bg-destructive text-destructive-foreground',
  muted: 'bg-muted text-text',
};

interface StatusPanelProps {
  icon: ReactNode;
  tone: keyof typeof TONES;
  title: string;
  children?: ReactNode;
  /** Buttons and links, stacked full width under the text. */
  actions?: ReactNode;
}

export function StatusPanel({ icon, tone, title, children, actions }: StatusPanelProps) {
  // Unique per panel: the theme preview shows several panels on one page, and a shared id would
  // name every one of them after the first heading.
  const headingId = useId();
  return (
    <section className="text-center" aria-labelledby={headingId}>
      <div aria-hidden className={`mx-auto mb-4 flex size-14 items-center justify-center rounded-full ${TONES[tone]}`}>
        {icon}
      </div>
      <h1 id={headingId} tabIndex={-1} className={headingClass}>
        {title}
      </h1>
      <div className="mt-3 space-y-3 text-muted-text">{children}</div>
      {actions && <div className="mt-6 grid gap-3">{actions}</div>}
    </section>
  );
}
