// The stand-in for https://connect.facebook.net/{fb_locale}/sdk.js: a tiny window.FB with the calls
// the hosted page makes (init, login and harmless stubs), behaving like the real one where it
// matters: FB.login opens the popup synchronously, reports a blocked popup, and calls back once.

/** JSON that is also safe inside a <script> element or a JS file. */
export function jsLiteral(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export const FB_LOCALE_PATTERN = /^[a-z]{2,3}_[A-Z]{2}$/;

/** The private message the popup posts to the SDK (not a Meta format; the page must ignore it). */
export const AUTH_MESSAGE_TYPE = 'FB_EMULATOR_AUTH';

export function sdkScript(origin: string, locale: string): string {
  return `/* Local Meta emulator: stand-in for connect.facebook.net/${locale}/sdk.js. Not Meta's code. */
(function () {
  'use strict';
  var EMULATOR_ORIGIN = ${jsLiteral(origin)};
  var LOCALE = ${jsLiteral(locale)};
  var AUTH_TYPE = ${jsLiteral(AUTH_MESSAGE_TYPE)};
  // Loaded twice: keep the first instance, like the real SDK.
  if (window.FB && window.FB.__emulator) return;

  var settings = { appId: null, version: null, initialized: false };
  var pending = null;

  function unknown() { return { authResponse: null, status: 'unknown' }; }
  function randomState() {
    var a = new Uint32Array(4);
    window.crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (n) { return n.toString(36); }).join('');
  }
  // The callback runs exactly once per FB.login, whatever arrives (result, closed popup, new login).
  function settle(p, response) {
    if (p.settled) return;
    p.settled = true;
    clearInterval(p.poll);
    clearTimeout(p.grace);
    if (pending === p) pending = null;
    try { p.callback(response); } catch (err) { setTimeout(function () { throw err; }); }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== EMULATOR_ORIGIN) return; // anything else may be forged
    var msg = event.data;
    if (typeof msg === 'string') { try { msg = JSON.parse(msg); } catch (e) { return; } }
    if (!msg || msg.type !== AUTH_TYPE) return;
    var p = pending;
    if (!p || msg.state !== p.state || event.source !== p.popup) return;
    if (typeof msg.code === 'string' && msg.code) {
      settle(p, {
        authResponse: { code: msg.code, userID: null, expiresIn: null, signedRequest: null, graphDomain: 'facebook', data_access_expiration_time: null },
        status: 'connected'
      });
    } else {
      settle(p, unknown());
    }
  });

  function init(opts) {
    opts = opts || {};
    if (!opts.appId) {
      console.error('FB.init: Invalid App Id: Must be a number or numeric string representing the application id.');
      return;
    }
    if (!/^v\\d+\\.\\d+$/.test(String(opts.version || ''))) {
      console.error('FB.init: a valid "version" (for example "v25.0") is required.');
    }
    settings.appId = String(opts.appId);
    settings.version = opts.version ? String(opts.version) : null;
    settings.initialized = true;
  }

  function login(callback, options) {
    if (typeof callback !== 'function') callback = function () {};
    if (!settings.initialized) { console.error('FB.login() called before FB.init().'); return; }
    options = options || {};
    if (pending) settle(pending, unknown()); // a new login supersedes the previous one
    var state = randomState();
    var params = {
      app_id: settings.appId,
      config_id: options.config_id || '',
      response_type: options.response_type || 'token',
      override_default_response_type: options.override_default_response_type ? 'true' : 'false',
      extras: options.extras ? JSON.stringify(options.extras) : '',
      scope: options.scope || '',
      locale: LOCALE,
      origin: window.location.origin,
      state: state,
      display: 'popup'
    };
    var query = Object.keys(params).filter(function (k) { return params[k] !== ''; }).map(function (k) {
      return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]);
    }).join('&');
    var url = EMULATOR_ORIGIN + '/' + (settings.version ? settings.version + '/' : '') + 'dialog/oauth?' + query;
    var left = Math.max(0, (window.screenX || 0) + ((window.outerWidth || 600) - 600) / 2);
    var top = Math.max(0, (window.screenY || 0) + ((window.outerHeight || 700) - 700) / 2);
    var popup = null;
    // Synchronous, inside the caller's click: browsers block popups opened later.
    try { popup = window.open(url, 'fb_emulator_login', 'width=600,height=700,left=' + Math.round(left) + ',top=' + Math.round(top) + ',scrollbars=yes'); } catch (e) { popup = null; }
    var p = { callback: callback, state: state, popup: popup, settled: false, poll: 0, grace: 0 };
    if (!popup) { setTimeout(function () { settle(p, unknown()); }, 0); return; }
    pending = p;
    // A popup closed without a result (user closed it): report "unknown", after a grace period
    // because the result message may still be in flight when closed turns true.
    p.poll = setInterval(function () {
      var closed;
      try { closed = popup.closed; } catch (e) { closed = true; }
      if (closed && !p.grace) {
        clearInterval(p.poll);
        p.grace = setTimeout(function () { settle(p, unknown()); }, 800);
      }
    }, 250);
  }

  function noop() {}
  window.FB = {
    __emulator: { origin: EMULATOR_ORIGIN, locale: LOCALE, settings: settings },
    init: init,
    login: login,
    logout: function (cb) { if (typeof cb === 'function') setTimeout(function () { cb(unknown()); }, 0); },
    getLoginStatus: function (cb) { if (typeof cb === 'function') setTimeout(function () { cb(unknown()); }, 0); },
    getAuthResponse: function () { return null; },
    api: function () { console.warn('FB.api is not emulated: call the Graph API from the server.'); },
    AppEvents: { logPageView: noop, logEvent: noop, EventNames: {} },
    XFBML: { parse: noop },
    Event: { subscribe: noop, unsubscribe: noop }
  };

  if (typeof window.fbAsyncInit === 'function' && !window.fbAsyncInit.hasRun) {
    window.fbAsyncInit.hasRun = true;
    try { window.fbAsyncInit(); } catch (err) { setTimeout(function () { throw err; }); }
  }
})();
`;
}
