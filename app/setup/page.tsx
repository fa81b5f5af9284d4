import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { HostedShell } from '@/components/setup/HostedShell';
import { LinkMismatchGuard } from '@/components/setup/LinkMismatchGuard';
import { LinkStateScreen } from '@/components/setup/LinkStateScreen';
import { SetupFlow } from '@/components/setup/SetupFlow';
import { getCurrentLink } from '@/lib/server/hosted/current-link';
import { loadSetupPage } from '@/lib/server/hosted/setup-page';
import { NONCE_HEADER } from '@/lib/server/security/csp';

// The hosted page. The link comes from the cookie set by /s/{token}; never from the URL. The page
// names its link in every call, so once another link is opened in this browser (a new cookie)
// its calls are refused and it shows the "you opened another setup link" screen.

export async function generateMetadata(): Promise<Metadata> {
  const [t, tNotFound, link] = await Promise.all([
    getTranslations('Common'),
    getTranslations('NotFound'),
    getCurrentLink(),
  ]);
  return {
    // No link: the page renders not-found.tsx, whose title must match (Next keeps this page's metadata).
    title: link ? t('pageTitle', { partner: link.project.name }) : tNotFound('title'),
    robots: { index: false, follow: false },
  };
}

export default async function SetupPage() {
  const [h, locale] = await Promise.all([headers(), getLocale()]);
  const page = await loadSetupPage({ locale, userAgent: h.get('user-agent'), nonce: h.get(NONCE_HEADER) });

  if (page.view === 'invalid') notFound();
  if (page.view === 'state') {
    return (
      <HostedShell partner={page.partner} customer={page.binding.customer}>
        <LinkMismatchGuard>
          <LinkStateScreen
            status={page.status}
            partner={page.partner}
            setupLinkId={page.binding.setupLinkId}
            renewal={page.renewal}
          />
        </LinkMismatchGuard>
      </HostedShell>
    );
  }
  return (
    <HostedShell partner={page.props.partner} customer={page.binding.customer} intro>
      <NoScript />
      <LinkMismatchGuard>
        <SetupFlow {...page.props} />
      </LinkMismatchGuard>
    </HostedShell>
  );
}

async function NoScript() {
  const t = await getTranslations('Common');
  return (
    <noscript>
      <p className="mb-4 rounded-xl border border-border border-s-4 border-s-destructive bg-card p-4 font-medium text-text">
        {t('needsJavaScript')}
      </p>
    </noscript>
  );
}
