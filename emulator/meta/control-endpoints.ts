// /_emulator/*: how tests and dev tools drive the emulator (pick the next popup's outcome,
// inspect what happened, start over). Not part of anything Meta serves.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context.js';
import { parseParams, readBody, sendError, sendJson } from './http.js';
import { inboundMessage, resetSandbox, sandboxSnapshot } from './sandbox.js';
import { mergeDelivery, parseScenarioSpec } from './scenario.js';

export const CONTROL_ENDPOINTS = [
  'POST /_emulator/scenario',
  'GET /_emulator/state',
  'GET /_emulator/calls',
  'POST /_emulator/reset',
  'POST /_emulator/inbound_message',
];

async function setScenario(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse) {
  const body = parseParams(await readBody(req), 'application/json');
  if (body.scenario !== null && typeof body.scenario !== 'string')
    return sendError(res, 400, 'scenario must be a string or null');
  let parsed;
  try {
    parsed = parseScenarioSpec(body.scenario);
  } catch (err) {
    return sendError(res, 400, (err as Error).message);
  }
  // Explicit order/deliver/hostile fields win over the modifiers written in the spec.
  const delivery = mergeDelivery(parsed.delivery, { order: body.order, deliver: body.deliver, hostile: body.hostile });
  if (typeof delivery === 'string') return sendError(res, 400, delivery);
  ctx.scenario = parsed.scenario;
  ctx.delivery = delivery;
  ctx.log(`scenario set: ${ctx.scenario ?? 'none'} ${JSON.stringify(delivery)}`);
  sendJson(res, 200, { scenario: ctx.scenario, delivery });
}

export async function control(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, action: string) {
  if (action === 'state' && req.method === 'GET') {
    return sendJson(res, 200, {
      scenario: ctx.scenario,
      delivery: ctx.delivery,
      app_id: ctx.appId,
      ...ctx.store.snapshot(),
      ...sandboxSnapshot(ctx.sandbox),
    });
  }
  if (action === 'calls' && req.method === 'GET') return sendJson(res, 200, { calls: ctx.store.calls });
  if (action === 'reset' && req.method === 'POST') {
    ctx.store.reset();
    resetSandbox(ctx.sandbox);
    return sendJson(res, 200, { ok: true });
  }
  if (action === 'scenario' && req.method === 'POST') return setScenario(ctx, req, res);
  if (action === 'inbound_message' && req.method === 'POST') return inboundMessage(ctx, req, res);
  sendError(res, 404, 'Unknown emulator control endpoint');
}
