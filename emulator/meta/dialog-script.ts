// Browser script of the emulated Embedded Signup popup. It asks the server for the outcome's ids
// (and code), then posts to the opener what Meta's popup posts: the WA_EMBEDDED_SIGNUP message and
// the result the SDK turns into the FB.login callback, in the chosen order, then closes itself.
import type { ConnectionType } from '@/lib/shared/vocabulary';
import type { MetaDelivery, MetaOutcome } from './scenario.js';
import { AUTH_MESSAGE_TYPE, jsLiteral } from './sdk-script.js';

export interface DialogScriptConfig {
  appId: string;
  state: string;
  /** postMessage targetOrigin: the opener's origin from the SDK, or '*' when unknown. */
  targetOrigin: string;
  flow: ConnectionType;
  auto: MetaOutcome | null;
  delivery: MetaDelivery;
  nonce: string;
}

export function dialogScript(cfg: DialogScriptConfig): string {
  return `(function () {
  'use strict';
  var CFG = ${jsLiteral(cfg)};
  var AUTH_TYPE = ${jsLiteral(AUTH_MESSAGE_TYPE)};
  var GAP_MS = 40; // real popups deliver the two results as separate tasks, never "at once"
  var statusEl = document.getElementById('status');
  var resultEl = document.getElementById('result');
  var buttons = Array.prototype.slice.call(document.querySelectorAll('button[data-outcome]'));
  var busy = false;

  function say(text) { statusEl.textContent = text; }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function field(id) { var el = document.getElementById(id); return el ? el.value : ''; }
  function readDelivery() {
    return {
      order: document.getElementById('callback_first').checked ? 'callback_first' : 'message_first',
      deliver: field('deliver') || 'both',
      hostile: document.getElementById('hostile').checked
    };
  }

  // A look-alike result from an opaque ("null") origin: a sandboxed srcdoc frame can still reach
  // top.opener, so this is what a hostile frame could send. Both the SDK and the page must drop it.
  function sendHostile() {
    return new Promise(function (resolve) {
      var forged = JSON.stringify({ type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH', version: '3',
        data: { phone_number_id: '100000000000001', waba_id: '100000000000002', business_id: '100000000000003' } });
      var forgedAuth = { type: AUTH_TYPE, code: 'AQforgedByAnotherOrigin000000000000', state: CFG.state };
      var frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.setAttribute('title', 'Forged sender (emulator test)');
      frame.hidden = true;
      frame.srcdoc = '<script nonce="' + CFG.nonce + '">try{top.opener.postMessage(' + JSON.stringify(forged) +
        ',"*");top.opener.postMessage(' + JSON.stringify(forgedAuth) + ',"*");}catch(e){}parent.postMessage("hostile-sent","*");<\\/script>';
      function onMessage(ev) {
        if (ev.data === 'hostile-sent' && ev.source === frame.contentWindow) { window.removeEventListener('message', onMessage); resolve(); }
      }
      window.addEventListener('message', onMessage);
      document.body.appendChild(frame);
      setTimeout(resolve, 1500);
    });
  }

  function complete(outcome) {
    if (busy) return;
    busy = true;
    buttons.forEach(function (b) { b.disabled = true; });
    var delivery = readDelivery();
    say('Completing: ' + outcome + '…');
    fetch('/dialog/complete', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ outcome: outcome, flow: CFG.flow, app_id: CFG.appId,
        display_phone_number: field('display_phone_number'), verified_name: field('verified_name') })
    }).then(function (res) {
      return res.json().then(function (body) { if (!res.ok) throw new Error(body && body.error ? body.error.message : 'HTTP ' + res.status); return body; });
    }).then(function (result) {
      var message = JSON.stringify({ type: 'WA_EMBEDDED_SIGNUP', event: result.event, data: result.data, version: '3' });
      var auth = { type: AUTH_TYPE, code: result.code, state: CFG.state };
      resultEl.textContent = JSON.stringify({ message: JSON.parse(message), callback_code: result.code }, null, 2);
      var opener = window.opener;
      if (!opener || opener.closed) {
        say('Done, but this window has no opener (it was not opened by FB.login), so nothing was sent.');
        return;
      }
      return (delivery.hostile ? sendHostile() : Promise.resolve()).then(function () {
        // Unrelated traffic, as Meta's own cross-domain channel produces: pages must ignore it.
        opener.postMessage('fb_xd_fragment#xd_sig=emulator&cb=f' + Math.random().toString(36).slice(2) + '&relation=opener', CFG.targetOrigin);
        var steps = delivery.order === 'callback_first' ? ['callback', 'message'] : ['message', 'callback'];
        return steps.reduce(function (chain, step) {
          return chain.then(function () {
            if (step === 'message' && delivery.deliver !== 'callback_only') opener.postMessage(message, CFG.targetOrigin);
            if (step === 'callback' && delivery.deliver !== 'message_only') opener.postMessage(auth, CFG.targetOrigin);
            return sleep(GAP_MS);
          });
        }, Promise.resolve());
      }).then(function () {
        say('Done. This window closes itself.');
        setTimeout(function () { window.close(); }, 150);
      });
    }).catch(function (err) {
      say('Could not complete: ' + err.message);
      busy = false;
      buttons.forEach(function (b) { b.disabled = false; });
    });
  }

  buttons.forEach(function (b) { b.addEventListener('click', function () { complete(b.getAttribute('data-outcome')); }); });
  if (CFG.auto) {
    say('Scenario "' + CFG.auto + '" is set: completing without clicks.');
    complete(CFG.auto);
  }
})();`;
}
