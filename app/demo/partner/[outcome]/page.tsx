import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/lib/server/db/client';
import { checkRedirectSignature, type SignatureCheck } from '@/lib/server/demo/verify';

// The built-in stand-in for a partner's platform: the demo link's success and failure redirects
// land here, so `npm start` shows the whole round trip, parameters and signature check included.
// Operator-facing, English only: proxy.ts pins the locale of /demo/* to "en", so the root
// layout renders <html lang="en" dir="ltr"> here whatever the browser's language.

export const metadata: Metadata = { title: 'Demo partner page', robots: { index: false, follow: false } };

const OUTCOMES = {
  success: {
    heading: 'Onboarding completed',
    intro: 'The customer connected a WhatsApp number. The hosted page sent them here, to the success redirect URL.',
  },
  failure: {
    heading: 'Onboarding did not complete',
    intro: 'The hosted page sent the customer here, to the failure redirect URL. error_code says why.',
  },
} as const;

type SearchParams = Awaited<PageProps<'/demo/partner/[outcome]'>['searchParams']>;

/** Back to a query string, in the order received (the signature covers the parameters in order). */
function toParams(search: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

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
  if (outcome !== 'success' && outcome !== 'failure') notFound();
  const params = toParams(await props.searchParams);
  const check = await checkRedirectSignature(await getDb(), params);
  const verdict = VERDICTS[check.state];
  const rows = [...params.entries()];

  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8 text-text">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-medium text-muted-text">Demo partner (stands in for your platform)</p>
        <h1 className="text-2xl font-semibold">{OUTCOMES[outcome].heading}</h1>
        <p className="text-muted-text">{OUTCOMES[outcome].intro}</p>
      </header>

      <section aria-labelledby="signature-heading" className={`rounded-lg border-2 p-4 ${verdict.tone}`}>
        <h2 id="signature-heading" className="text-lg font-semibold">
          {verdict.label}
        </h2>
        <p>{verdict.detail}</p>
      </section>

      <section aria-labelledby="params-heading" className="flex flex-col gap-2">
        <h2 id="params-heading" className="text-lg font-semibold">
          Query parameters
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
          Take the parameters from <code>setup_link_id</code> up to (not including) <code>signature</code>, as they
          appear in the URL, joined as a query string. The signature is the hex HMAC-SHA256 of that string, keyed with
          your project&apos;s signing secret. Compare in constant time.
        </p>
      </section>
    </main>
  );
}
