// The Embedded Signup popup: GET /dialog/oauth validates what FB.login sent (as Meta would) and
// renders the page; POST /dialog/complete is the page's click (or scenario) minting the outcome.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from './context.js';
import { dialogErrorPage, dialogPage } from './dialog-page.js';
import { isHttpOrigin, parseParams, readBody, requestOrigin, send, sendError, sendJson } from './http.js';
import { isScenario, mergeDelivery, META_SCENARIOS, type MetaOutcome } from './scenario.js';
import { fakeDisplayNumber } from './store.js';
import { CONNECTION_TYPES, isOneOf } from '@/lib/shared/vocabulary';

function pageHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // No Cross-Origin-Opener-Policy on purpose: it would cut window.opener, as it would for Meta.
  };
}

/** The settings Meta would reject, each as a sentence for the error page. */
function loginProblems(q: URLSearchParams, appId: string, expectedAppId: string): string[] {
  const problems: string[] = [];
  if (appId !== expectedAppId)
    problems.push(`Invalid App ID "${appId}": this emulator serves app "${expectedAppId}" (META_APP_ID).`);
  if (!q.get('config_id'))
    problems.push('config_id is missing: Embedded Signup needs the configuration id (META_CONFIG_ID).');
  if (q.get('response_type') !== 'code') problems.push('response_type must be "code" for Embedded Signup.');
  if (q.get('override_default_response_type') !== 'true') problems.push('override_default_response_type must be true.');
  return problems;
}

export function serveDialog(ctx: EmulatorContext, res: ServerResponse, q: URLSearchParams) {
  const nonce = randomBytes(16).toString('base64');
  const headers = pageHeaders(nonce);
  const appId = q.get('app_id') ?? q.get('client_id') ?? '';
  const problems = loginProblems(q, appId, ctx.appId);
  let extras: unknown;
  const rawExtras = q.get('extras');
  if (rawExtras) {
    try {
      extras = JSON.parse(rawExtras);
    } catch {
      problems.push('extras is not valid JSON.');
    }
  }
  if (problems.length) {
    ctx.log(`dialog refused: ${problems.join(' ')}`);
    return send(res, 400, dialogErrorPage(nonce, problems), headers);
  }
  const featureType =
    extras && typeof extras === 'object' ? (extras as Record<string, unknown>).featureType : undefined;
  const flow = featureType === 'whatsapp_business_app_onboarding' ? 'coexistence' : 'dedicated';
  // "finish" follows the flow the page asked for, as Meta's flow does; the others are explicit.
  const auto: MetaOutcome | null =
    ctx.scenario === 'finish' && flow === 'coexistence' ? 'finish_coexistence' : ctx.scenario;
  // ?order=, ?deliver= and ?hostile= override the delivery for this popup only; invalid ones are ignored.
  const variant = mergeDelivery(ctx.delivery, {
    order: q.get('order') ?? undefined,
    deliver: q.get('deliver') ?? undefined,
    hostile: q.has('hostile') ? q.get('hostile') === '1' || q.get('hostile') === 'true' : undefined,
  });
  const origin = q.get('origin') ?? '';
  const page = dialogPage({
    appId,
    configId: q.get('config_id')!,
    locale: q.get('locale') ?? 'en_US',
    extras,
    state: q.get('state') ?? '',
    targetOrigin: isHttpOrigin(origin) ? origin : '*',
    flow,
    auto,
    delivery: typeof variant === 'string' ? ctx.delivery : variant,
    nonce,
    displayPhoneNumber: fakeDisplayNumber(),
  });
  send(res, 200, page, headers);
}

export async function completeDialog(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse) {
  // Only the popup itself (or a test without Origin) may mint codes, as only Meta's page can.
  const origin = req.headers.origin;
  if (origin && origin !== requestOrigin(req, ctx.url)) return sendError(res, 403, 'Cross-origin request refused');
  const body = parseParams(await readBody(req), req.headers['content-type']);
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 100) : undefined);
  if (!isScenario(body.outcome)) return sendError(res, 400, `outcome must be one of ${META_SCENARIOS.join(', ')}`);
  if (body.app_id !== undefined && body.app_id !== ctx.appId) return sendError(res, 400, 'Unknown app_id');
  if (body.flow !== undefined && !isOneOf(CONNECTION_TYPES, body.flow))
    return sendError(res, 400, `flow must be one of ${CONNECTION_TYPES.join(', ')}`);
  const result = ctx.store.complete({
    outcome: body.outcome,
    appId: ctx.appId,
    flow: body.flow,
    displayPhoneNumber: text(body.display_phone_number),
    verifiedName: text(body.verified_name),
  });
  ctx.log(`dialog completed: ${body.outcome} -> ${result.event}`);
  sendJson(res, 200, result);
}
