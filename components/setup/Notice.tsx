import type { ReactNode } from 'react';
import { AlertIcon } from './icons';

interface NoticeProps {
  title: string;
  children: ReactNode;
  /** Announce at once: the notice appeared in reaction to something. */
  alert?: boolean;
  /** `h1` when the notice is the whole screen (in-app browsers), else a plain paragraph. */
  titleAs?: 'h1' | 'p';
}

/** A warning box inside a step, or standing in for one. */
export function Notice({ title, children, alert = false, titleAs: Title = 'p' }: NoticeProps) {
  return (
    <div
      role={alert ? 'alert' : undefined}
      className="rounded-xl border border-border border-s-4 border-s-destructive bg-card p-4 text-start"
    >
      <Title
        tabIndex={Title === 'h1' ? -1 : undefined}
        className="flex items-start gap-2 font-semibold text-text outline-none"
      >
        <AlertIcon className="mt-0.5 size-5 text-destructive" />
        <span>{title}</span>
      </Title>
      <div className="mt-2 space-y-3 text-sm text-muted-text">{children}</div>
    </div>
  );
}
