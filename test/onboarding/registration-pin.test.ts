import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decryptSecret } from '@/lib/server/crypto';
import { completeOnboarding } from '@/lib/server/onboarding/complete';
import { resolveLinkToken } from '@/lib/server/setup-links/resolve';
import { testProject } from '../support/fixtures';
import { insertTestLink, linkState, startTestMeta } from '../support/onboarding';

// The PIN a dedicated number is registered with is stored (encrypted) before Meta's register
// call, and a retry after a failed registration registers with the same PIN: Meta's two-step PIN
// is set by the first register call that reaches it.

let meta: Awaited<ReturnType<typeof startTestMeta>>;
let ctx: Awaited<ReturnType<typeof testProject>>;
beforeAll(async () => {
  meta = await startTestMeta();
  ctx = await testProject();
});
afterAll(() => meta.emulator.close());
beforeEach(() => fetch(`${meta.emulator.url}/_emulator/reset`, { method: 'POST' }));

describe('the registration PIN', () => {
  it('is stored encrypted before register; a retry uses it and the config keeps it; the link forgets it', async () => {
    const { token } = await insertTestLink(ctx.db, ctx.project.id);
    const link = (await resolveLinkToken(ctx.db, token))!;
    // What Meta is asked to register with, seen on the way out (the real client, the emulator behind it).
    const pins: string[] = [];
    const graph = {
      ...meta.graph,
      registerNumber: (id: string, pin: string, accessToken: string) => {
        pins.push(pin);
        return meta.graph.registerNumber(id, pin, accessToken);
      },
    };
    const attempt = async (outcome: 'register_error' | 'finish') => {
      const d = await meta.dialog(outcome);
      const completion = {
        connectionType: 'dedicated' as const,
        outcome: 'finish' as const,
        code: d.code!,
        wabaId: d.data.waba_id,
        phoneNumberId: d.data.phone_number_id,
      };
      return completeOnboarding(ctx.db, { link, completion, graph });
    };

    expect(await attempt('register_error')).toMatchObject({ status: 'failed', errorCode: 'phone_registration_failed' });
    const failed = (await linkState(ctx.db, link.id)).link;
    expect(failed.status).toBe('active');
    expect(failed.completionLeaseId).toBeNull(); // released: the customer may try again at once
    expect(failed.pendingPinEnc).toBeTruthy();
    expect(failed.pendingPinEnc).not.toContain(pins[0]);
    expect(decryptSecret(failed.pendingPinEnc!, { column: 'setup_links.pending_pin_enc', row: link.id })).toBe(pins[0]);

    expect(await attempt('finish')).toMatchObject({ status: 'completed' });
    expect(pins).toHaveLength(2);
    expect(pins[1]).toBe(pins[0]);
    const { link: used, configs } = await linkState(ctx.db, link.id);
    expect(used.pendingPinEnc).toBeNull();
    expect(decryptSecret(configs[0].pinEnc!, { column: 'whatsapp_configs.pin_enc', row: configs[0].id })).toBe(pins[0]);
    expect((await meta.counts()).registrations).toBe(1);
  });
});
