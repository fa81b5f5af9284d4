'use client';

import { useEffect, useReducer, useRef, useState } from 'react';
import { postProgress } from '@/lib/browser/embedded-signup/completion-client';
import { currentStepIndex, flowReducer, initialFlow, stepsFor, type Popup } from '@/lib/browser/embedded-signup/flow';
import type { SetupFlowProps } from '@/lib/shared/embedded-signup/types';
import type { ConnectionType } from '@/lib/shared/vocabulary';
import { ConnectionTypeScreen } from './ConnectionTypeScreen';
import { ConnectScreen, type ConnectStatus } from './ConnectScreen';
import { FailureScreen } from './FailureScreen';
import { FinishingScreen } from './FinishingScreen';
import { useEmbeddedSignup } from './hooks/useEmbeddedSignup';
import { useFocusOnChange } from './hooks/useFocusOnChange';
import { useInAppBrowser } from './hooks/useInAppBrowser';
import { InAppBrowserNotice } from './InAppBrowserNotice';
import { PopupBlockedNotice } from './PopupBlockedNotice';
import { ProvisionedNumberPanel } from './ProvisionedNumberPanel';
import { SdkBlockedNotice } from './SdkBlockedNotice';
import { StepIndicator } from './StepIndicator';
import { SuccessScreen } from './SuccessScreen';

/** The interactive hosted page: choose a type, run Meta's Embedded Signup, report to the server. */
export function SetupFlow({
  partner,
  setupLinkId,
  connectionTypes,
  attemptId,
  provisioning,
  meta,
  nonce,
  extraMessageOrigins,
  inAppBrowser,
}: SetupFlowProps) {
  const [state, dispatch] = useReducer(flowReducer, undefined, () => initialFlow(connectionTypes, attemptId));
  const [choice, setChoice] = useState<ConnectionType | null>('connectionType' in state ? state.connectionType : null);
  const [showRequired, setShowRequired] = useState(false);
  const [numberReady, setNumberReady] = useState(false);
  const inApp = useInAppBrowser(inAppBrowser?.app ?? null);
  const signup = useEmbeddedSignup({ setupLinkId, meta, nonce, extraMessageOrigins, enabled: !inAppBrowser, dispatch });
  const container = useRef<HTMLDivElement>(null);
  useFocusOnChange(state.screen, container);
  // Reported by the script, not the server's GET, so mail scanners that fetch the link never count.
  useEffect(
    () => postProgress({ setup_link_id: setupLinkId, attempt_id: attemptId, step: 'opened' }),
    [setupLinkId, attemptId],
  );

  function retry() {
    // A reload on purpose: the server renders a fresh attempt id and the link's current state.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (state.screen === 'failure' && state.retry === 'reload') window.location.assign('/setup');
    else dispatch({ type: 'retry' });
  }

  if (inApp) return <InAppBrowserNotice app={inApp} linkUrl={inAppBrowser?.linkUrl ?? null} />;

  const steps = stepsFor(connectionTypes);
  // A provisioning link's number is for an API-only connection; coexistence keeps the customer's own.
  const withNumber = (type: ConnectionType) => provisioning && type === 'dedicated';
  const connectStatus = (popup: Popup): ConnectStatus =>
    signup.sdkStatus === 'blocked'
      ? 'unavailable'
      : signup.sdkStatus === 'loading'
        ? 'preparing'
        : popup === 'open'
          ? 'waiting'
          : 'ready';

  return (
    <div ref={container}>
      <StepIndicator steps={steps} current={currentStepIndex(state.screen, steps)} />
      {state.screen === 'type' && (
        <ConnectionTypeScreen
          partner={partner}
          types={connectionTypes}
          selected={choice}
          showRequired={showRequired}
          onSelect={(type) => {
            setChoice(type);
            setShowRequired(false);
          }}
          onContinue={() => {
            if (!choice) return setShowRequired(true);
            postProgress({
              setup_link_id: setupLinkId,
              attempt_id: state.attemptId,
              step: 'connection_type_selected',
              connection_type: choice,
            });
            dispatch({ type: 'choose', connectionType: choice });
          }}
        />
      )}
      {state.screen === 'connect' && (
        <ConnectScreen
          partner={partner}
          type={state.connectionType}
          status={withNumber(state.connectionType) && !numberReady ? 'preparing' : connectStatus(state.popup)}
          number={
            withNumber(state.connectionType) && (
              <ProvisionedNumberPanel
                setupLinkId={setupLinkId}
                onReady={() => setNumberReady(true)}
                onUnavailable={() =>
                  dispatch({ type: 'failed', code: 'phone_number_unavailable', redirectUrl: null, retry: 'reload' })
                }
              />
            )
          }
          notice={
            signup.sdkStatus === 'blocked' ? (
              <SdkBlockedNotice />
            ) : state.popup === 'blocked' ? (
              <PopupBlockedNotice />
            ) : null
          }
          onChangeType={connectionTypes.length > 1 ? () => dispatch({ type: 'changeType' }) : undefined}
          onConnect={() => signup.connect(state.connectionType, state.attemptId)}
        />
      )}
      {state.screen === 'finishing' && <FinishingScreen partner={partner} />}
      {state.screen === 'success' && (
        <SuccessScreen partner={partner} phoneNumber={state.phoneNumber} redirecting={state.redirecting} />
      )}
      {state.screen === 'failure' && (
        <FailureScreen
          partner={partner}
          code={state.code}
          backHref={state.redirectUrl}
          canRetry={state.retry !== 'none'}
          onRetry={retry}
        />
      )}
    </div>
  );
}
