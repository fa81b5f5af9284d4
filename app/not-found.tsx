import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HostedShell } from '@/components/setup/HostedShell';
import { InvalidLinkScreen } from '@/components/setup/InvalidLinkScreen';

// Every unknown URL and every unknown setup link: one neutral, localized page (404).
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('NotFound');
  return { title: t('title') };
}

export default function NotFound() {
  return (
    <HostedShell>
      <InvalidLinkScreen />
    </HostedShell>
  );
}
