import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries } from '@/lib/server/db/schema';
import { queueEvent } from '@/lib/server/events';
import { addressProblem, type Resolver } from '@/lib/server/webhooks/address';
import { deliverNow } from '@/lib/server/webhooks/worker';
import { updateWebhookEndpoint } from '@/lib/server/webhooks/write';
import { testProject } from '../support/fixtures';
import { startReceiver } from '../support/receiver';
import { newEndpoint } from './support';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => (receiver = await startReceiver()));
afterAll(() => receiver.close());

// Names we control: what a partner's DNS answers, now and later.
const dns = new Map<string, string[]>();
const resolve: Resolver = async (host) => {
  const addresses = dns.get(host);
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const strict = { allowLoopback: false, allowPrivate: false };

describe('SSRF guard', () => {
  it('classifies addresses', () => {
    for (const ip of ['8.8.8.8', '2606:4700::1111', '172.32.0.1', '100.128.0.1'])
      expect(addressProblem(ip, strict), ip).toBeNull();
    for (const ip of [
      '10.0.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '127.0.0.1',
      '169.254.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      'fd00:ec2::254',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
      '64:ff9b::a00:1',
    ])
      expect(addressProblem(ip, strict), ip).not.toBeNull();
    expect(addressProblem('127.0.0.1', { allowLoopback: true, allowPrivate: false })).toBeNull();
    expect(addressProblem('10.0.0.1', { allowLoopback: true, allowPrivate: false })).not.toBeNull();
    expect(addressProblem('10.0.0.1', { allowLoopback: false, allowPrivate: true })).toBeNull();
    // Metadata stays closed even for operators who allow private networks.
    expect(addressProblem('169.254.169.254', { allowLoopback: true, allowPrivate: true })).not.toBeNull();
    expect(addressProblem('fd00:ec2::254', { allowLoopback: true, allowPrivate: true })).not.toBeNull();
  });

  it('refuses at registration a host that resolves to a private address (any of its addresses)', async () => {
    const { db, project } = await testProject();
    dns.set('internal.partner.test', ['10.0.0.7']);
    dns.set('mixed.partner.test', ['93.184.215.14', '192.168.1.2']);
    dns.set('public.partner.test', ['93.184.215.14']);
    for (const host of ['internal.partner.test', 'mixed.partner.test'])
      await expect(newEndpoint(db, project.id, `https://${host}/hook`, ['*'], resolve), host).rejects.toMatchObject({
        name: 'InvalidInputError',
        code: 'webhook_url_not_allowed',
        param: 'url',
      });
    const { endpoint } = await newEndpoint(db, project.id, 'https://public.partner.test/hook', ['*'], resolve);
    // PATCHing the URL checks again.
    await expect(
      updateWebhookEndpoint(
        { db, projectId: project.id },
        { endpointId: endpoint.id, changes: { url: 'https://internal.partner.test/' }, resolve },
      ),
    ).rejects.toMatchObject({ code: 'webhook_url_not_allowed' });
  });

  it('checks again at delivery time (DNS changed since registration) and never connects', async () => {
    const { db, project } = await testProject();
    const host = 'rebinding.partner.test';
    dns.set(host, ['93.184.215.14']);
    const url = `http://${host}:${receiver.port}/hooks`;
    const { endpoint } = await newEndpoint(db, project.id, url, ['*'], resolve);
    dns.set(host, ['10.0.0.9']);
    const eventId = await queueEvent({ db, projectId: project.id }, { type: 'setup_link.created', payload: {} });
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId));
    const before = receiver.received.length;
    const after = await deliverNow(db, { deliveryId: delivery.id, resolve, policy: strict, schedule: [60] });
    expect(after).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(after!.lastError).toMatch(
      /rebinding\.partner\.test resolves to a private or link-local address \(10\.0\.0\.9\)/,
    );
    expect(receiver.received.length).toBe(before);
    expect(endpoint.url).toBe(url);
  });

  it('connects to the address it checked (pinned), and refuses loopback unless allowed', async () => {
    const { db, project } = await testProject();
    const host = 'pinned.partner.test';
    dns.set(host, ['127.0.0.1']);
    const { endpoint } = await newEndpoint(db, project.id, `http://${host}:${receiver.port}/hooks`, ['*'], resolve);
    const deliveryFor = async () => {
      const eventId = await queueEvent({ db, projectId: project.id }, { type: 'setup_link.created', payload: {} });
      return (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId)))[0];
    };
    const refused = await deliverNow(db, {
      deliveryId: (await deliveryFor()).id,
      resolve,
      policy: strict,
      schedule: [],
    });
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused!.lastError).toMatch(/loopback/);
    const before = receiver.received.length;
    const ok = await deliverNow(db, {
      deliveryId: (await deliveryFor()).id,
      resolve,
      policy: { allowLoopback: true, allowPrivate: false },
    });
    expect(ok).toMatchObject({ status: 'succeeded', lastStatusCode: 200 });
    expect(receiver.received.length).toBe(before + 1);
    expect(receiver.received.at(-1)!.headers.host).toBe(`${host}:${receiver.port}`);
    expect(endpoint.id).toBeTruthy();
  });
});
