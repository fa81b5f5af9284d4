import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeOnboarding } from '@/lib/server/onboarding/complete';
import { resolveLinkToken } from '@/lib/server/setup-links/resolve';
import { startDeliveryWorker } from '@/lib/server/webhooks/worker';
import { testProject } from '../support/fixtures';
import { insertTestLink, startTestMeta } from '../support/onboarding';
import { startReceiver, waitFor } from '../support/receiver';
import { newEndpoint } from './support';

let meta: Awaited<ReturnType<typeof startTestMeta>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  meta = await startTestMeta();
  receiver = await startReceiver();
});
afterAll(async () => {
  await meta.emulator.close();
  await receiver.close();
});

describe('a completed onboarding', () => {
  it('delivers setup_link.used and whatsapp.phone_number.created, signed, to the subscribed endpoint', async () => {
    const { db, project } = await testProject();
    const { secret } = await newEndpoint(db, project.id, receiver.url, [
      'setup_link.used',
      'whatsapp.phone_number.created',
    ]);
    const { token } = await insertTestLink(db, project.id);
    const link = (await resolveLinkToken(db, token))!;
    const d = await meta.dialog('finish');
    const result = await completeOnboarding(db, {
      link,
      graph: meta.graph,
      completion: {
        connectionType: 'dedicated',
        outcome: 'finish',
        code: d.code!,
        event: d.event,
        wabaId: d.data.waba_id,
        phoneNumberId: d.data.phone_number_id,
        businessId: d.data.business_id,
      },
    });
    expect(result.status).toBe('completed');
    const worker = startDeliveryWorker(db, { projectId: project.id, pollMs: 20 });
    try {
      await waitFor(() => receiver.received.length >= 2, 10_000, 'two deliveries');
    } finally {
      await worker.stop();
    }
    const wh = new Webhook(secret);
    const bodies = receiver.received.map(
      (r) => wh.verify(r.body, r.headers as Record<string, string>) as { type: string; data: Record<string, unknown> },
    );
    expect(bodies.map((b) => b.type).sort()).toEqual(['setup_link.used', 'whatsapp.phone_number.created']);
    const used = bodies.find((b) => b.type === 'setup_link.used')!;
    expect(JSON.stringify(used.data)).toContain(link.id);
    const phone = bodies.find((b) => b.type === 'whatsapp.phone_number.created')!;
    expect(JSON.stringify(phone.data)).toContain(d.data.phone_number_id);
    // No secrets in what partners receive: Meta tokens, the link token, signing secrets.
    for (const r of receiver.received) {
      expect(r.body).not.toMatch(/EAA[A-Za-z0-9]{8,}|whsec_|sl_[A-Za-z0-9_-]{8,}/);
      expect(r.body).not.toContain(token);
    }
    expect(receiver.received.map((r) => r.headers['x-webhook-event']).sort()).toEqual([
      'setup_link.used',
      'whatsapp.phone_number.created',
    ]);
  });
});
