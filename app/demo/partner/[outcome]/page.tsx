import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getDb } from '@/lib/server/db/client';
import { env } from '@/lib/server/env';
import { checkRedirectSignature, type SignatureCheck } from '@/lib/server/demo/verify';
import { RAW_QUERY_HEADER } from '@/lib/server/security/csp';

// The built-in stand-in for a partner's platform: the demo link's success and failure redirects
// land here, so `npm start` shows the whole round trip, parameters and signature check included.
// Operator-facing, English only: proxy.ts pins the locale of /demo/* to "en", so the root
// layout renders <html lang="en" dir="ltr"> here whatever the browser's language.
// What it shows comes from the verified parameters only: the path (/success, /failure) and any
// unsigned parameter are the visitor's to change, so they decide nothing.

export const metadata: Metadata = { title: 'Demo partner page', robots: { index: false, follow: false } };

const OUTCOMES = {
  completed: {
    heading: 'Onboarding completed',
    intro: 'The customer connected a WhatsApp number. The hosted page sent them here, to the success redirect URL.',
  },
  failed: {
    heading: 'Onboarding did not complete',
    intro: 'The hosted page sent the customer here, to the failure redirect URL. error_code says why.',
  },
  unverified: {
    heading: 'Redirect not verified',
    intro: 'Nothing on this page can be trusted: the parameters below are only what the address says.',
  },
} as const;

const VERDICTS: Record<SignatureCheck['state'], { label: string; detail: string; tone: string }> = {
  valid: {
    label: 'Signature valid',
    detail:
      "The parameters were signed with this link's project signing secret: they can be trusted without an API call.",
    tone: 'border-primary bg-secondary text-secondary-foreground',
  },
  invalid: {
    label: 'Signature NOT valid',
    detail:
      'The parameters do not match the signature: they were changed, or signed with another secret. Do not trust them.',
    tone: 'border-destructive bg-card text-destructive',
  },
  missing: {
    label: 'No signature',
    detail: 'There is no signature parameter, so nothing here can be trusted.',
    tone: 'border-destructive bg-card text-destructive',
  },
  unknown_link: {
    label: 'Cannot verify',
    detail: 'setup_link_id does not name a setup link on this server, so there is no signing secret to check with.',
    tone: 'border-border bg-muted text-text',
  },
};

export default async function DemoPartnerPage(props: PageProps<'/demo/partner/[outcome]'>) {
  const { outcome } = await props.params;
  // The demo partner exists in development only: production serves no demo (404).
  if (!env.devMode || (outcome !== 'success' && outcome !== 'failure')) notFound();
  const query = (await headers()).get(RAW_QUERY_HEADER) ?? '';
  const check = await checkRedirectSignature(await getDb(), query);
  const verdict = VERDICTS[check.state];
  const shown = OUTCOMES[check.state === 'valid' ? check.redirect.status : 'unverified'];
  const rows = [...new URLSearchParams(query).entries()];

  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8 text-text">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-medium text-muted-text">Demo partner (stands in for your platform)</p>
        <h1 className="text-2xl font-semibold">{shown.heading}</h1>
        <p className="text-muted-text">{shown.intro}</p>
      </header>

      <section aria-labelledby="signature-heading" className={`rounded-lg border-2 p-4 ${verdict.tone}`}>
        <h2 id="signature-heading" className="text-lg font-semibold">
          {verdict.label}
        </h2>
        <p>{verdict.detail}</p>
        {check.state === 'invalid' && <p className="mt-2 text-sm">Why: {check.reason}.</p>}
      </section>

      <section aria-labelledby="params-heading" className="flex flex-col gap-2">
        <h2 id="params-heading" className="text-lg font-semibold">
          Query parameters, as received
        </h2>
        {rows.length === 0 ? (
          <p>This page was opened without any query parameters.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-border bg-card">
            <table className="w-full border-collapse text-start text-sm">
              <caption className="sr-only">Parameters received in the redirect URL, in order</caption>
              <thead className="bg-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start font-semibold">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2 text-start font-semibold">
                    Value
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([name, value], i) => (
                  <tr key={`${i}-${name}`} className="border-t border-border">
                    <th scope="row" className="px-3 py-2 text-start font-mono font-normal">
                      {name}
                    </th>
                    <td className="px-3 py-2 font-mono break-all">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="how-heading" className="flex flex-col gap-2">
        <h2 id="how-heading" className="text-lg font-semibold">
          How a partner checks it
        </h2>
        <p>
          <code>signature</code> is the last parameter. Before it stands the signed run: our parameters, from{' '}
          <code>setup_link_id</code> to <code>timestamp</code>, exactly as they appear in the URL. Accept only when the
          hex HMAC-SHA256 of that run, keyed with your project&apos;s signing secret, equals the signature (compare in
          constant time), none of our parameters appears twice or outside the run, and the timestamp is at most 15
          minutes old. Then read the values from the run, never from elsewhere in the URL.
        </p>
      </section>
    </main>
  );
}
