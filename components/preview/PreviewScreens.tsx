'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ConnectionTypeScreen } from '@/components/setup/ConnectionTypeScreen';
import { ConnectScreen } from '@/components/setup/ConnectScreen';
import { FailureScreen } from '@/components/setup/FailureScreen';
import { FinishingScreen } from '@/components/setup/FinishingScreen';
import { LinkStateScreen } from '@/components/setup/LinkStateScreen';
import { StepIndicator } from '@/components/setup/StepIndicator';
import { SuccessScreen } from '@/components/setup/SuccessScreen';
import { cardClass } from '@/components/setup/ui';
import type { PreviewScreen } from '@/lib/shared/preview/query';
import { CONNECTION_TYPES } from '@/lib/shared/vocabulary';

// The hosted screens with sample data and no handlers: what a customer would see, inert. A client
// module because the screens are the same components the live flow renders on the client.
const PARTNER = 'Acme CRM';
const STEPS = ['type', 'connect', 'finish'] as const;

function Frame({ id, children }: { id: PreviewScreen; children: ReactNode }) {
  const t = useTranslations('Preview');
  return (
    <article aria-labelledby={`preview-${id}`} data-testid={`preview-${id}`} className="grid gap-2">
      <header className="flex items-center gap-2">
        <h2 id={`preview-${id}`} className="font-semibold text-text">
          {t(`screens.${id}`)}
        </h2>
        <span className="rounded-full bg-secondary px-2 py-0.5 text-xs font-semibold text-secondary-foreground">
          {t('badge')}
        </span>
      </header>
      {/* inert: sample screens must not be focusable or clickable. */}
      <div inert className={cardClass}>
        {children}
      </div>
    </article>
  );
}

export function PreviewScreens() {
  return (
    <>
      <Frame id="connection_type">
        <StepIndicator steps={STEPS} current={0} />
        <ConnectionTypeScreen partner={PARTNER} types={CONNECTION_TYPES} selected="coexistence" />
      </Frame>
      <Frame id="connect">
        <StepIndicator steps={STEPS} current={1} />
        <ConnectScreen partner={PARTNER} type="coexistence" status="ready" />
      </Frame>
      <Frame id="finishing">
        <StepIndicator steps={STEPS} current={2} />
        <FinishingScreen partner={PARTNER} />
      </Frame>
      <Frame id="success">
        <SuccessScreen partner={PARTNER} phoneNumber="+1 555 013 4567" />
      </Frame>
      <Frame id="expired">
        <LinkStateScreen status="expired" partner={PARTNER} />
      </Frame>
      <Frame id="error">
        <FailureScreen partner={PARTNER} code="facebook_auth_failed" backHref="#" />
      </Frame>
    </>
  );
}
