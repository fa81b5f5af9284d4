'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { InAppBrowser } from '@/lib/shared/embedded-signup/types';
import { CopyIcon } from './icons';
import { Notice } from './Notice';
import { buttonClass } from './ui';

/**
 * Inside Facebook, Instagram or WhatsApp's built-in browser Meta's login window cannot work: explain
 * how to open the page in the real browser, and offer the link to copy (selectable without script).
 */
export function InAppBrowserNotice({ app, linkUrl }: { app: InAppBrowser | null; linkUrl: string | null }) {
  const t = useTranslations('InAppBrowser');
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(linkUrl ?? '');
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <Notice titleAs="h1" title={t('title')}>
      <p>{t('body', { app: app ?? 'other' })}</p>
      <p>{t('howTo')}</p>
      {linkUrl && (
        <div className="space-y-2">
          <label htmlFor="setup-link-url" className="block font-medium text-text">
            {t('linkLabel')}
          </label>
          <input
            id="setup-link-url"
            readOnly
            dir="ltr"
            value={linkUrl}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded-lg border border-border bg-background px-3 py-2 font-mono text-xs text-text focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary"
          />
          <button type="button" onClick={onCopy} className={buttonClass.primary}>
            <CopyIcon className="size-5" />
            {t('copy')}
          </button>
          <p role="status" className="min-h-5 text-text">
            {copy === 'copied' ? t('copied') : copy === 'failed' ? t('copyFailed') : ''}
          </p>
        </div>
      )}
    </Notice>
  );
}
