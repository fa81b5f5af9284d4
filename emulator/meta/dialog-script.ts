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

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().then(function (b) { if (!res.ok) throw new Error(b && b.error ? b.error.message : 'HTTP ' + res.status); return b; });
      });
  }

  function setBusy(on) {
    busy = on;
    buttons.forEach(function (b) { b.disabled = on; });
  }

  // Hands a minted result ({code, event, data}) to the opener, as Meta's popup does, then closes.
  function deliver(result, delivery) {
    var message = JSON.stringify({ type: 'WA_EMBEDDED_SIGNUP', event: result.event, data: result.data, version: '3' });
    var auth = { type: AUTH_TYPE, code: result.code, state: CFG.state };
    resultEl.textContent = JSON.stringify({ message: JSON.parse(message), callback_code: result.code }, null, 2);
    var opener = window.opener;
    if (!opener || opener.closed) {
      say('Done, but this window has no opener (it was not opened by FB.login), so nothing was sent.');
      return Promise.resolve();
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
  }

  function complete(outcome) {
    if (busy) return;
    setBusy(true);
    var delivery = readDelivery();
    say('Completing: ' + outcome + '…');
    post('/dialog/complete', { outcome: outcome, flow: CFG.flow, app_id: CFG.appId,
      display_phone_number: field('display_phone_number'), verified_name: field('verified_name') })
      .then(function (result) { return deliver(result, delivery); })
      .catch(function (err) {
        say('Could not complete: ' + err.message);
        setBusy(false);
      });
  }

  // "Use a number from my provider" (dedicated flow only): the code goes out by SMS, the customer
  // types it, and the right code finishes like "finish" with that number (own-number.ts).
  function wireOwnNumber() {
    var start = document.getElementById('own_start');
    if (!start) return;
    var form = document.getElementById('own_form');
    var verify = document.getElementById('own_verify');
    var codeEl = document.getElementById('own_code');
    var ownStatus = document.getElementById('own_status');
    var verificationId = null;
    start.addEventListener('click', function () {
      form.hidden = false;
      start.setAttribute('aria-expanded', 'true');
      document.getElementById('own_number').focus();
    });
    document.getElementById('own_send').addEventListener('click', function () {
      var send = this;
      if (busy || send.disabled) return;
      send.disabled = true;
      ownStatus.textContent = 'Sending a code…';
      post('/dialog/own_number', { phone_number: field('own_number'), app_id: CFG.appId }).then(function (r) {
        verificationId = r.verification_id;
        verify.hidden = false;
        codeEl.value = '';
        codeEl.focus();
        ownStatus.textContent = 'We sent a 6-digit code by SMS to ' + r.phone_number + '. Enter it below.';
      }, function (err) {
        ownStatus.textContent = 'Could not send the code: ' + err.message;
      }).then(function () { send.disabled = false; });
    });
    document.getElementById('own_finish').addEventListener('click', function () {
      if (busy || !verificationId) return;
      setBusy(true);
      var delivery = readDelivery();
      ownStatus.textContent = 'Checking the code…';
      post('/dialog/own_number/verify', { verification_id: verificationId, code: codeEl.value, app_id: CFG.appId,
        verified_name: field('verified_name') }).then(function (result) {
        ownStatus.textContent = 'Number verified.';
        return deliver(result, delivery);
      }).catch(function (err) {
        ownStatus.textContent = err.message;
        setBusy(false);
        codeEl.focus();
        codeEl.select();
      });
    });
  }

  buttons.forEach(function (b) { b.addEventListener('click', function () { complete(b.getAttribute('data-outcome')); }); });
  wireOwnNumber();
  if (CFG.auto) {
    say('Scenario "' + CFG.auto + '" is set: completing without clicks.');
    complete(CFG.auto);
  }
})();`;
}
