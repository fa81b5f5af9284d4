import { useTranslations } from 'next-intl';
import type { RenewalOffer } from '@/lib/shared/embedded-signup/contract';
import type { FinalLinkStatus } from '@/lib/shared/vocabulary';
import { CheckIcon, ClockIcon, LinkOffIcon } from './icons';
import { RenewalRequest } from './RenewalRequest';
import { StatusPanel } from './StatusPanel';

export type InactiveStatus = FinalLinkStatus;

const ICONS = { used: CheckIcon, expired: ClockIcon, revoked: LinkOffIcon };

interface LinkStateScreenProps {
  status: InactiveStatus;
  partner: string;
  /** The page's link (its public id); the renewal request names it (none in the theme preview). */
  setupLinkId?: string;
  /** The "ask for a new link" button, its confirmation, or neither (the body says to contact the partner). */
  renewal?: RenewalOffer;
}

/** A used, expired or revoked link without a failure URL: what happened and what to do. */
export function LinkStateScreen({ status, partner, setupLinkId, renewal = 'unavailable' }: LinkStateScreenProps) {
  const t = useTranslations('LinkState');
  const Icon = ICONS[status];
  const actions =
    renewal === 'unavailable' || !setupLinkId ? undefined : (
      <RenewalRequest partner={partner} setupLinkId={setupLinkId} requested={renewal === 'requested'} />
    );
  return (
    <StatusPanel tone="muted" icon={<Icon className="size-7" />} title={t(`${status}.title`)} actions={actions}>
      <p>{t(`${status}.body`, { partner })}</p>
    </StatusPanel>
  );
}
