import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ChatIcon } from './icons';
import { LanguageSwitcher } from './LanguageSwitcher';
import { cardClass } from './ui';

/**
 * The frame of every customer-facing screen: who is asking (the partner), the step content in a
 * card, and the language switcher. Mobile first: one column, full width from 320 px.
 */
export function HostedShell({
  partner,
  customer,
  intro = false,
  children,
}: {
  partner?: string;
  /** The link's customer (whose WhatsApp is being set up), so a customer sees the page is theirs. */
  customer?: string;
  intro?: boolean;
  children: ReactNode;
}) {
  const t = useTranslations('Common');
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-4 py-5 sm:px-6 sm:py-10">
      <header className="mb-5">
        <p className="flex items-center gap-3 font-semibold text-text">
          <span
            aria-hidden
            className="flex size-10 items-center justify-center rounded-full bg-primary text-primary-foreground"
          >
            <ChatIcon className="size-5" />
          </span>
          {partner && <span className="min-w-0 break-words">{t('partnerLabel', { partner })}</span>}
        </p>
        {customer && (
          <p className="mt-3 break-words font-medium text-text" data-testid="customer-name">
            {t('forCustomer', { customer })}
          </p>
        )}
        {partner && intro && <p className="mt-3 text-muted-text">{t('intro', { partner })}</p>}
      </header>
      <main className={cardClass}>{children}</main>
      <footer className="mt-6 pb-4">
        <LanguageSwitcher />
      </footer>
    </div>
  );
}
