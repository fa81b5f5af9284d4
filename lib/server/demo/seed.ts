import 'server-only';
import type { Db } from '../db/client';
import { box } from '@/lib/shared/box';
import { env } from '../env';
import type { CustomerId } from '../ids';
import { createApiKey, ensureProject } from '../projects';
import type { Scope } from '../scope';
import { listCustomers } from '../customers/queries';
import { createCustomer } from '../customers/write';
import { listSetupLinks } from '../setup-links/queries';
import { setupLinkCreateSchema } from '../setup-links/schema';
import { linkUrl } from '../setup-links/token';
import { createSetupLink } from '../setup-links/write';

// `npm start` on a fresh clone: a demo partner project, one customer and an active setup link
// whose redirects land on the built-in demo partner page (app/demo/partner), so the whole flow
// can be tried with no configuration. Runs at every boot in dev mode, creating only what is missing.

export const DEMO_PROJECT = 'Demo Partner';
const DEMO_CUSTOMER = { name: 'Demo Customer', external_customer_id: 'demo-customer' };

/** `projectName` is for tests, which must not depend on what an earlier run left in the database. */
export async function seedDemo(db: Db, projectName = DEMO_PROJECT): Promise<void> {
  const { project, created } = await ensureProject(db, projectName);
  // Only a hash of a key is stored, so the key can be shown at creation and never again.
  const apiKey = created ? await createApiKey(db, project.id) : null;
  const scope = { db, projectId: project.id };
  const customerId = await ensureDemoCustomer(scope);
  const link = await ensureActiveLink(scope, { customerId });
  printDemoBox(projectName, apiKey, link);
}

const FIRST = { page: 1, perPage: 1 };

async function ensureDemoCustomer(scope: Scope): Promise<CustomerId> {
  const filters = { external_customer_id: DEMO_CUSTOMER.external_customer_id };
  const [existing] = (await listCustomers(scope, { filters, page: FIRST })).items;
  return (existing ?? (await createCustomer(scope, { input: DEMO_CUSTOMER }))).id;
}

/** The customer's active link, or a new one once it was used, expired or revoked. */
async function ensureActiveLink(scope: Scope, { customerId }: { customerId: CustomerId }) {
  const [active] = (await listSetupLinks(scope, { customerId, filters: { status: 'active' }, page: FIRST })).items;
  if (active) return { url: linkUrl(active), created: false, redirects: !!active.successRedirectUrl };
  // Redirects only when the rules allow them (an http APP_URL other than localhost would not).
  const withRedirects = setupLinkCreateSchema.safeParse({
    success_redirect_url: `${env.appUrl}/demo/partner/success`,
    failure_redirect_url: `${env.appUrl}/demo/partner/failure`,
  });
  const input = withRedirects.success ? withRedirects.data : setupLinkCreateSchema.parse({});
  const link = await createSetupLink(scope, { customerId, input });
  return { url: linkUrl(link), created: true, redirects: withRedirects.success };
}

/**
 * Straight to stdout, not through the JSON logger: this is the one place a secret (the demo key)
 * is printed on purpose, to the operator's own terminal, once.
 */
function printDemoBox(
  projectName: string,
  apiKey: string | null,
  link: { url: string; created: boolean; redirects: boolean },
) {
  const lines = [
    `Project "${projectName}" with customer "${DEMO_CUSTOMER.name}" (external id ${DEMO_CUSTOMER.external_customer_id}).`,
    '',
  ];
  if (apiKey) {
    lines.push('API key, shown only this once (only its hash is stored): copy it now.', `  ${apiKey}`, '');
    lines.push('Try it:', `  curl ${env.appUrl}/platform/v1/customers \\`, `    -H "X-API-Key: ${apiKey}"`);
  } else {
    lines.push('API key: printed once, at the first start. For a new one:');
    lines.push(
      `  ${env.databaseUrl ? '' : 'stop the server, then '}npm run api-key -- create --project "${projectName}"`,
    );
  }
  lines.push(
    '',
    `Setup link (${link.created ? 'new' : 'still active'}), open it to try the onboarding:`,
    `  ${link.url}`,
  );
  lines.push(
    link.redirects
      ? `Redirects go to the demo partner page, ${env.appUrl}/demo/partner/…`
      : 'It has no redirect URLs: APP_URL is not https or localhost, which redirects require.',
  );
  process.stdout.write(box('Demo (dev mode; DISABLE_DEMO=true turns it off)', lines));
}
