// HTML of the emulated Embedded Signup popup (GET /dialog/oauth): a small imitation of Meta's
// window with one real button per outcome, plus the delivery variants the hosted page must survive.
import { dialogScript, type DialogScriptConfig } from './dialog-script.js';
import type { MetaOutcome } from './scenario.js';

export interface DialogPageInput extends DialogScriptConfig {
  configId: string;
  locale: string;
  extras: unknown;
  displayPhoneNumber: string;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;background:#f0f2f5;color:#1c1e21}
  header{background:#0b5fcc;color:#fff;padding:10px 16px;display:flex;align-items:center;gap:10px}
  header .logo{display:inline-grid;place-items:center;width:28px;height:28px;border-radius:50%;background:#fff;color:#0b5fcc;font-weight:700;font-size:20px}
  header h1{font-size:16px;margin:0}
  .banner{background:#fff4ce;border-bottom:1px solid #e0c97a;padding:8px 16px;font-size:13px}
  main{max-width:560px;margin:16px auto;padding:0 12px}
  .card{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);padding:16px;margin-bottom:12px}
  h2{font-size:18px;margin:0 0 8px}
  dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:0;font-size:13px}
  dt{color:#4b4f56}dd{margin:0;word-break:break-all}
  fieldset{border:1px solid #ccd0d5;border-radius:6px;margin:0 0 12px;padding:8px 12px}
  legend{font-weight:600;padding:0 4px}
  label{display:block;margin:6px 0}
  input[type=text],select{font:inherit;padding:6px 8px;border:1px solid #8a8d91;border-radius:6px;width:100%}
  .actions{display:grid;gap:8px}
  button{font:inherit;font-weight:600;padding:10px 14px;border-radius:6px;border:1px solid #8a8d91;background:#fff;color:#1c1e21;cursor:pointer;text-align:start}
  button.primary{background:#0b5fcc;border-color:#0b5fcc;color:#fff}
  button:disabled{opacity:.6;cursor:progress}
  :focus-visible{outline:3px solid #1c1e21;outline-offset:2px}
  #status{min-height:1.5em;font-weight:600}
  pre:empty{display:none}
  pre{background:#f5f6f7;padding:8px;border-radius:6px;font-size:12px;overflow:auto;white-space:pre-wrap}
  .error{border-left:4px solid #b00020}
`;

function shell(title: string, nonce: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header><span class="logo" aria-hidden="true">f</span><h1>${esc(title)}</h1></header>
<div class="banner" role="note"><strong>Local Meta emulator.</strong> This is not Facebook: nothing leaves this machine, and no real account is connected.</div>
<main>${body}</main>
${script ? `<script nonce="${nonce}">${script}</script>` : ''}
</body>
</html>`;
}

/** Shown instead of the flow when FB.login was called with settings Meta would reject. */
export function dialogErrorPage(nonce: string, problems: string[]): string {
  const items = problems.map((p) => `<li>${esc(p)}</li>`).join('');
  const script = `document.getElementById('close').addEventListener('click',function(){window.close();});`;
  return shell(
    'Log in with Facebook',
    nonce,
    `<section class="card error" role="alert"><h2>Sorry, something went wrong.</h2><p>The emulator refused this login request:</p><ul>${items}</ul>
<button type="button" id="close">Close window</button></section>`,
    script,
  );
}

const OUTCOME_BUTTONS: { outcome: MetaOutcome; label: string }[] = [
  { outcome: 'finish', label: 'Finish (dedicated)' },
  { outcome: 'finish_coexistence', label: 'Finish (coexistence)' },
  { outcome: 'cancel', label: 'Cancel' },
  { outcome: 'error', label: 'Report error' },
  { outcome: 'token_exchange_error', label: 'Finish, then fail token exchange' },
  { outcome: 'register_error', label: 'Finish, then fail number registration' },
];

// Meta offers a number of one's own only when a new (dedicated) number is being added: coexistence
// keeps the WhatsApp Business app's number. Hidden until chosen, as in Meta's flow.
const OWN_NUMBER_CARD = `
<section class="card" aria-labelledby="own">
  <h2 id="own">Number from your provider</h2>
  <button type="button" id="own_start" aria-expanded="false" aria-controls="own_form">Use a number from my provider</button>
  <div id="own_form" hidden>
    <p>Meta sends a verification code to this number by SMS (through the local Twilio emulator).</p>
    <label for="own_number">Phone number, with country code</label>
    <input type="text" id="own_number" value="" autocomplete="off" inputmode="tel" placeholder="+14155550100">
    <p><button type="button" id="own_send">Send code by SMS</button></p>
    <div id="own_verify" hidden>
      <label for="own_code">Verification code</label>
      <input type="text" id="own_code" value="" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
      <p><button type="button" id="own_finish" class="primary">Verify and finish</button></p>
    </div>
    <p id="own_status" role="status" aria-live="polite"></p>
  </div>
</section>`;

export function dialogPage(input: DialogPageInput): string {
  const primary: MetaOutcome = input.flow === 'coexistence' ? 'finish_coexistence' : 'finish';
  const buttons = OUTCOME_BUTTONS.map(
    (b) =>
      `<button type="button" data-outcome="${b.outcome}"${b.outcome === primary ? ' class="primary"' : ''}>${esc(b.label)}</button>`,
  ).join('\n');
  const extras = input.extras === undefined ? '(none)' : JSON.stringify(input.extras, null, 2);
  const d = input.delivery;
  const body = `
<section class="card" aria-labelledby="intro">
  <h2 id="intro">Connect WhatsApp Business</h2>
  <dl>
    <dt>App ID</dt><dd>${esc(input.appId)}</dd>
    <dt>Configuration</dt><dd>${esc(input.configId)}</dd>
    <dt>Locale</dt><dd>${esc(input.locale)}</dd>
    <dt>Requested flow</dt><dd>${input.flow === 'coexistence' ? 'Coexistence (WhatsApp Business app)' : 'Dedicated (Cloud API only)'}</dd>
    <dt>Sending to</dt><dd>${esc(input.targetOrigin)}</dd>
  </dl>
  <details><summary>extras</summary><pre>${esc(extras)}</pre></details>
</section>
<section class="card" aria-labelledby="acct">
  <h2 id="acct">Business and number</h2>
  <label for="verified_name">Business display name (optional)</label>
  <input type="text" id="verified_name" value="" autocomplete="off">
  <label for="display_phone_number">Phone number</label>
  <input type="text" id="display_phone_number" value="${esc(input.displayPhoneNumber)}" autocomplete="off" inputmode="tel">
</section>${input.flow === 'dedicated' ? OWN_NUMBER_CARD : ''}
<section class="card" aria-labelledby="finish">
  <h2 id="finish">Choose the outcome</h2>
  <fieldset><legend>Delivery to the page</legend>
    <label><input type="checkbox" id="callback_first"${d.order === 'callback_first' ? ' checked' : ''}> Send the callback before the message</label>
    <label for="deliver">Send</label>
    <select id="deliver">
      <option value="both"${d.deliver === 'both' ? ' selected' : ''}>The message and the callback</option>
      <option value="callback_only"${d.deliver === 'callback_only' ? ' selected' : ''}>Only the callback</option>
      <option value="message_only"${d.deliver === 'message_only' ? ' selected' : ''}>Only the message</option>
    </select>
    <label><input type="checkbox" id="hostile"${d.hostile ? ' checked' : ''}> First send a forged result from another origin</label>
  </fieldset>
  <div class="actions">${buttons}</div>
  <p id="status" role="status" aria-live="polite"></p>
  <pre id="result" aria-label="Result sent"></pre>
</section>`;
  const { appId, state, targetOrigin, flow, auto, delivery, nonce } = input;
  return shell(
    'Log in with Facebook',
    nonce,
    body,
    dialogScript({ appId, state, targetOrigin, flow, auto, delivery, nonce }),
  );
}
