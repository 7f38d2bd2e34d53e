// A fake Zoom Apps SDK (window.zoomSdk) for browser tests, injected before the page's own scripts. It follows
// @zoom/appssdk 0.16.41 dist/sdk.d.ts: the same method names, option and event shapes, "Supported roles" and the rule
// that only APIs asked for in config() may be used. The test drives Zoom's side through window.__zoomFake.
// Before this file, the test sets window.__zoomFakeUser = {participantUUID, screenName, role}.
(() => {
  const user = window.__zoomFakeUser;
  // sdk.d.ts: "Supported roles: Host, Co-Host" for each of these.
  const HOST_ONLY = new Set(['addParticipantSpotlight', 'removeParticipantSpotlights', 'removeAllFeedbackReaction',
    'getMeetingParticipants', 'toggleParticipantMediaAudio', 'getMeetingContext', 'onActiveSpeakerChange', 'onParticipantChange']);
  const FEEDBACK = ['yes', 'no', 'slowDown', 'speedUp', 'away', 'raiseHand'];
  const calls = [];
  const refused = [];
  const handlers = {};
  let capabilities = null;

  function allowed(api) {
    if (!capabilities) return 'config() must be called first';
    if (!capabilities.includes(api)) return `${api} was not asked for in config()`;
    if (HOST_ONLY.has(api) && !['host', 'coHost'].includes(user.role)) return `${api} is for the host and co-hosts`;
    return null;
  }

  function call(api, args, result) {
    const why = allowed(api);
    if (why) {
      refused.push({ api, args, why });
      return Promise.reject(Object.assign(new Error(why), { code: 'refused' }));
    }
    calls.push({ api, args });
    return Promise.resolve(result);
  }

  function on(event, handler) {
    if (typeof handler !== 'function') throw new TypeError(`${event} needs a handler`);
    if (allowed(event)) { refused.push({ api: event, args: [], why: allowed(event) }); return; }
    (handlers[event] = handlers[event] || []).push(handler);
  }

  const ok = { message: 'Success' }; // GeneralMessageResponse

  window.zoomSdk = {
    config(options) {
      if (!options || !Array.isArray(options.capabilities)) return Promise.reject(new TypeError('capabilities: Apis[]'));
      capabilities = options.capabilities.slice();
      calls.push({ api: 'config', args: [options] });
      return Promise.resolve({ // ConfigResponse
        runningContext: 'inMeeting', unsupportedApis: [], clientVersion: '6.2.0.0', browserVersion: 'cef/120',
        auth: { status: 'authorized', upgradable: false }, userAgent: navigator.userAgent, launchContext: 'default',
      });
    },
    getUserContext() {
      return call('getUserContext', [], { // GetUserContextResponse
        status: 'authorized', screenName: user.screenName, participantId: '16778240',
        participantUUID: user.participantUUID, role: user.role,
      });
    },
    setFeedbackReaction(options) {
      if (!options || !FEEDBACK.includes(options.feedback)) return Promise.reject(new TypeError('feedback: FeedbackReactions'));
      return call('setFeedbackReaction', [options], ok);
    },
    removeFeedbackReaction() { return call('removeFeedbackReaction', [], ok); },
    removeAllFeedbackReaction() { return call('removeAllFeedbackReaction', [], ok); },
    addParticipantSpotlight(options) {
      if (!options || typeof options.participantUUID !== 'string') return Promise.reject(new TypeError('participantUUID: string'));
      return call('addParticipantSpotlight', [options], ok);
    },
    removeParticipantSpotlights(options) {
      if (!options || !Array.isArray(options.participantUUIDs)) return Promise.reject(new TypeError('participantUUIDs: string[]'));
      return call('removeParticipantSpotlights', [options], ok);
    },
    onFeedbackReaction(handler) { on('onFeedbackReaction', handler); },
    onRemoveFeedbackReaction(handler) { on('onRemoveFeedbackReaction', handler); },
  };

  window.__zoomFake = {
    calls,
    refused,
    /** Zoom tells the app something, e.g. emit('onFeedbackReaction', {participantUUID, timestamp, feedback}). */
    emit(event, payload) { for (const h of handlers[event] || []) h(payload); },
    listening(event) { return (handlers[event] || []).length; },
    callsTo(api) { return calls.filter((c) => c.api === api).map((c) => c.args); },
  };
})();
