import { useTranslations } from 'next-intl';
import { CheckIcon, ClockIcon, LinkOffIcon } from './icons';
import type { FinalLinkStatus } from '@/lib/shared/vocabulary';
import { StatusPanel } from './StatusPanel';

export type InactiveStatus = FinalLinkStatus;

const ICONS = { used: CheckIcon, expired: ClockIcon, revoked: LinkOffIcon };

/** A used, expired or revoked link without a failure URL: what happened and what to do. */
export function LinkStateScreen({ status, partner }: { status: InactiveStatus; partner: string }) {
  const t = useTranslations('LinkState');
  const Icon = ICONS[status];
  return (
    <StatusPanel tone="muted" icon={<Icon className="size-7" />} title={t(`${status}.title`)}>
      <p>{t(`${status}.body`, { partner })}</p>
    </StatusPanel>
  );
}
