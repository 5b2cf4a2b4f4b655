/*!
 * SupportLab A/B testing SDK: variants and event tracking for any web page. No dependencies.
 *
 *   <script src="https://support.example.com/sdk/supportlab-ab.js"></script>
 *   SupportLabAB.getVariant("checkout-button").then(function (variant) { ... });
 *   SupportLabAB.track("checkout-button", "clicks");
 *
 * Documentation: docs/sdk.md in the SupportLab repository.
 */
(function () {
  "use strict";

  if (window.SupportLabAB) {
    return; // included twice: keep the first copy, its queue and its listeners
  }

  var VERSION = "1.0.0";
  var USER_ID_KEY = "ab_test_user_id"; // the seed's key, so returning visitors keep their id
  var ASSIGNMENTS_KEY = "ab_test_assignments";
  var MAX_BATCH = 1000; // the server's limit per call
  var BEACON_BYTES = 60000; // browsers cap beacon and keepalive bodies at 64 KiB in flight
  var MAX_RETRY_DELAY = 60000;

  var script = document.currentScript;
  var config = {
    apiBase: defaultApiBase(),
    userId: null,
    attributes: {},
    flushInterval: 2000,
    batchSize: 20,
    maxQueue: 500,
    timeout: 5000,
    cacheTtl: 30 * 24 * 3600 * 1000,
    debug: false
  };
  var storage = pickStorage();
  var remembered = new Map(); // "user\nkey" -> assignment, for this page view
  var inflight = new Map(); // "user\nkey" -> Promise of an assignment or null
  var queue = []; // events not yet sent
  var sending = []; // events of the request in flight
  var flushing = null;
  var timer = null;
  var failures = 0;

  // ---- configuration ------------------------------------------------------------------------

  function defaultApiBase() {
    var fromTag = script && script.getAttribute("data-api");
    if (fromTag) {
      return withoutTrailingSlash(fromTag);
    }
    // Served by SupportLab itself: the API lives where the script came from.
    return script && script.src ? new URL(script.src, location.href).origin : location.origin;
  }

  function withoutTrailingSlash(url) {
    return String(url).replace(/\/+$/, "");
  }

  function init(options) {
    options = options || {};
    if (options.apiBase) {
      config.apiBase = withoutTrailingSlash(options.apiBase);
    }
    if (options.userId !== undefined) {
      config.userId = options.userId === null || options.userId === "" ? null : String(options.userId);
    }
    if (options.attributes) {
      config.attributes = Object.assign({}, options.attributes);
    }
    ["flushInterval", "batchSize", "maxQueue", "timeout", "cacheTtl"].forEach(function (name) {
      if (options[name] > 0) {
        config[name] = Number(options[name]);
      }
    });
    if (options.debug !== undefined) {
      config.debug = Boolean(options.debug);
    }
    log("ready", {apiBase: config.apiBase, userId: getUserId()});
    return api;
  }

  function log() {
    if (config.debug) {
      console.log.apply(console, ["[SupportLabAB]"].concat(Array.from(arguments)));
    }
  }

  function warn() {
    console.warn.apply(console, ["[SupportLabAB]"].concat(Array.from(arguments)));
  }

  // ---- storage and identity -----------------------------------------------------------------

  function pickStorage() {
    var names = ["localStorage", "sessionStorage"];
    for (var i = 0; i < names.length; i++) {
      try {
        var candidate = window[names[i]];
        candidate.setItem("__supportlab_ab__", "1");
        candidate.removeItem("__supportlab_ab__");
        return candidate;
      } catch (e) {
        // Blocked by privacy settings or a sandboxed frame: try the next one.
      }
    }
    var values = new Map(); // last resort: this page view only
    return {
      getItem: function (key) { return values.has(key) ? values.get(key) : null; },
      setItem: function (key, value) { values.set(key, String(value)); },
      removeItem: function (key) { values.delete(key); }
    };
  }

  function read(key) {
    try {
      return storage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function write(key, value) {
    try {
      storage.setItem(key, value);
    } catch (e) {
      log("could not store " + key, e); // quota exceeded: the memory copy still serves this page
    }
  }

  function uuid() {
    var crypto = window.crypto;
    if (crypto && typeof crypto.randomUUID === "function") {
      return crypto.randomUUID(); // secure contexts (https, localhost) only
    }
    var bytes = new Uint8Array(16);
    if (crypto && crypto.getRandomValues) {
      crypto.getRandomValues(bytes);
    } else {
      for (var i = 0; i < 16; i++) {
        bytes[i] = Math.floor(Math.random() * 256);
      }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    var hex = Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  var anonymousId = null;

  function getUserId() {
    if (config.userId) {
      return config.userId;
    }
    if (!anonymousId) {
      anonymousId = read(USER_ID_KEY);
      if (!anonymousId) {
        anonymousId = uuid();
        write(USER_ID_KEY, anonymousId);
      }
    }
    return anonymousId;
  }

  // ---- assignments --------------------------------------------------------------------------

  function cacheId(user, key) {
    return user + "\n" + key;
  }

  function storedAssignments() {
    try {
      return JSON.parse(read(ASSIGNMENTS_KEY) || "{}") || {};
    } catch (e) {
      return {};
    }
  }

  function cached(user, key) {
    var id = cacheId(user, key);
    if (remembered.has(id)) {
      return remembered.get(id);
    }
    var stored = storedAssignments()[id];
    if (stored && Date.now() - stored.cached_at < config.cacheTtl) {
      remembered.set(id, stored);
      return stored;
    }
    return null;
  }

  function remember(user, requestedKey, result) {
    var assignment = {
      key: result.key,
      test_id: result.test_id,
      user_identifier: user,
      variant: result.variant,
      variant_name: result.variant_name,
      in_experiment: result.in_experiment,
      assigned_at: result.assigned_at,
      cached_at: Date.now()
    };
    remembered.set(cacheId(user, requestedKey), assignment);
    // Only real assignments outlive the page: "not in the experiment" may change once it starts.
    if (assignment.in_experiment) {
      var all = storedAssignments();
      all[cacheId(user, requestedKey)] = assignment;
      Object.keys(all).forEach(function (id) {
        if (!all[id] || Date.now() - all[id].cached_at >= config.cacheTtl) {
          delete all[id];
        }
      });
      write(ASSIGNMENTS_KEY, JSON.stringify(all));
    }
    return assignment;
  }

  /** Asks the server for the keys in one request; each key gets a shared promise in `inflight`. */
  function fetchAssignments(user, keys) {
    var request = post("/api/ab/assign", {user_identifier: user, experiments: keys, attributes: config.attributes})
      .then(function (results) {
        var found = new Map();
        results.forEach(function (result) {
          var requested = keys.indexOf(result.key) >= 0 ? result.key : result.test_id; // keys or ids
          found.set(requested, remember(user, requested, result));
          log("assigned " + requested + " → " + result.variant, result);
        });
        return found;
      })
      .catch(function (error) {
        // Not cached: the next call asks again.
        log("assignment failed for " + keys.join(", ") + "; using the fallback", error);
        return new Map();
      });
    keys.forEach(function (key) {
      var id = cacheId(user, key);
      var one = request.then(function (found) {
        if (!found.has(key)) {
          log("no experiment '" + key + "' answered; using the fallback");
        }
        return found.get(key) || null;
      });
      inflight.set(id, one);
      one.then(function () {
        if (inflight.get(id) === one) {
          inflight.delete(id);
        }
      });
    });
  }

  function assignmentsFor(keys) {
    var user = getUserId();
    var missing = keys.filter(function (key) {
      return !cached(user, key) && !inflight.has(cacheId(user, key));
    });
    if (missing.length) {
      fetchAssignments(user, missing);
    }
    return Promise.all(keys.map(function (key) {
      var hit = cached(user, key);
      return hit ? Promise.resolve(hit) : inflight.get(cacheId(user, key));
    }));
  }

  function getVariant(key, fallback) {
    var fallbackVariant = fallback === undefined ? "control" : fallback;
    if (typeof key !== "string" || !key) {
      warn("getVariant needs an experiment key");
      return Promise.resolve(fallbackVariant);
    }
    return assignmentsFor([key]).then(function (found) {
      return found[0] ? found[0].variant : fallbackVariant;
    });
  }

  /** Several experiments in one request: resolves to {key: variant}. */
  function getVariants(keys, fallbacks) {
    keys = Array.from(new Set((keys || []).filter(function (key) { return typeof key === "string" && key; })));
    fallbacks = fallbacks || {};
    return assignmentsFor(keys).then(function (found) {
      var variants = {};
      keys.forEach(function (key, i) {
        variants[key] = found[i] ? found[i].variant : (fallbacks[key] === undefined ? "control" : fallbacks[key]);
      });
      return variants;
    });
  }

  // ---- events -------------------------------------------------------------------------------

  function track(experiment, eventName, value, data) {
    if (!experiment || !eventName) {
      warn("track needs an experiment key and an event name");
      return null;
    }
    var event = {
      experiment: String(experiment),
      user_identifier: getUserId(),
      event_name: String(eventName),
      event_id: uuid(), // a retried or double-sent event is stored once
      timestamp: new Date().toISOString()
    };
    if (value !== undefined && value !== null) {
      event.event_value = Number(value);
    }
    if (data !== undefined && data !== null) {
      event.event_data = data;
    }
    queue.push(event);
    trimQueue();
    log("queued " + event.event_name + " for " + event.experiment, event);
    if (queue.length >= config.batchSize) {
      flush();
    } else {
      schedule(config.flushInterval);
    }
    return event.event_id;
  }

  function trimQueue() {
    if (queue.length > config.maxQueue) {
      var dropped = queue.splice(0, queue.length - config.maxQueue);
      warn("event queue full: dropped the " + dropped.length + " oldest events");
    }
  }

  function schedule(delay) {
    if (!timer && queue.length) {
      timer = setTimeout(function () {
        timer = null;
        flush();
      }, delay);
    }
  }

  function cancelTimer() {
    clearTimeout(timer);
    timer = null;
  }

  /** Sends the queued events now; resolves to false when they were kept for a retry. */
  function flush() {
    if (!flushing) {
      flushing = send().catch(function (error) {
        warn("unexpected error while sending events", error);
        return false;
      }).then(function (delivered) {
        flushing = null;
        schedule(delivered ? config.flushInterval : Math.min(config.flushInterval * Math.pow(2, failures), MAX_RETRY_DELAY));
        return delivered;
      });
    }
    return flushing;
  }

  function send() {
    cancelTimer();
    // The server refuses events of a user it has not assigned yet: let running assignments finish.
    return Promise.all(Array.from(inflight.values())).then(function () {
      sending = queue.splice(0, MAX_BATCH);
      if (!sending.length) {
        return true;
      }
      var batch = sending;
      return post("/api/ab/events", {events: batch}).then(function (answer) {
        failures = 0;
        sending = [];
        var rejected = (answer && answer.results || []).filter(function (r) { return r.status === "rejected"; });
        log("sent " + batch.length + " events: " + (batch.length - rejected.length) + " stored or duplicates, "
          + rejected.length + " rejected", rejected);
        return true;
      }, function (error) {
        sending = [];
        if (error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
          warn("the server refused " + batch.length + " events; dropped", error);
          return true; // the same request would fail again
        }
        failures++;
        queue = batch.concat(queue);
        trimQueue();
        log("sending " + batch.length + " events failed; will retry", error);
        return false;
      });
    });
  }

  /**
   * The page may be gone before a response arrives: hand the events to the browser, which sends
   * them after the page is unloaded. Events of a request still in flight go too; their ids make
   * the second copy a harmless duplicate.
   */
  function flushOnHide() {
    cancelTimer();
    var events = sending.concat(queue);
    if (!events.length) {
      return;
    }
    queue = [];
    var url = config.apiBase + "/api/ab/events";
    chunks(events).forEach(function (chunk) {
      if (!beacon(url, JSON.stringify({events: chunk}))) {
        queue = queue.concat(chunk.filter(function (e) { return sending.indexOf(e) < 0; }));
      }
    });
    log("sent " + (events.length - queue.length) + " events as a beacon", queue.length ? queue.length + " kept" : "");
  }

  function beacon(url, body) {
    // A string body travels as text/plain;charset=UTF-8, which is CORS-safelisted: a JSON Blob
    // would make the browser refuse the beacon cross-origin.
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(url, body)) {
        return true;
      }
    } catch (e) {
      log("sendBeacon failed", e);
    }
    try {
      fetch(url, {
        method: "POST",
        keepalive: true,
        credentials: "omit",
        headers: {"Content-Type": "text/plain;charset=UTF-8"},
        body: body
      }).catch(function () {});
      return true;
    } catch (e) {
      return false; // over the keepalive quota
    }
  }

  function chunks(events) {
    var encoder = new TextEncoder();
    var result = [];
    var current = [];
    var size = 16;
    events.forEach(function (event) {
      var bytes = encoder.encode(JSON.stringify(event)).length + 1;
      if (current.length && (size + bytes > BEACON_BYTES || current.length >= MAX_BATCH)) {
        result.push(current);
        current = [];
        size = 16;
      }
      current.push(event);
      size += bytes;
    });
    if (current.length) {
      result.push(current);
    }
    return result;
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      flushOnHide();
    }
  });
  window.addEventListener("pagehide", flushOnHide);

  // ---- HTTP ---------------------------------------------------------------------------------

  function post(path, body) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timeout = controller && setTimeout(function () { controller.abort(); }, config.timeout);
    return fetch(config.apiBase + path, {
      method: "POST",
      mode: "cors",
      credentials: "omit", // the tracking API is public; no cookie of ours travels to it
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify(body),
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      clearTimeout(timeout);
      if (!response.ok) {
        var error = new Error("POST " + path + " answered " + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    }, function (error) {
      clearTimeout(timeout);
      throw error;
    });
  }

  // ---- debugging ----------------------------------------------------------------------------

  /** For the browser console: prints and returns what the SDK knows. */
  function debug() {
    var user = getUserId();
    var assignments = {};
    var stored = storedAssignments();
    Object.keys(stored).concat(Array.from(remembered.keys())).forEach(function (id) {
      var assignment = remembered.get(id) || stored[id];
      if (assignment && id.indexOf(user + "\n") === 0) {
        assignments[id.slice(user.length + 1)] = assignment;
      }
    });
    var state = {
      version: VERSION,
      api_base: config.apiBase,
      user_id: user,
      assignments: assignments,
      queued: queue.slice(),
      sending: sending.slice()
    };
    console.log("[SupportLabAB] user id " + user + ", API " + config.apiBase);
    if (console.table) {
      console.table(assignments);
      console.table(queue);
    } else {
      console.log(state);
    }
    return state;
  }

  var api = Object.freeze({
    version: VERSION,
    init: init,
    getUserId: getUserId,
    getVariant: getVariant,
    getVariants: getVariants,
    track: track,
    flush: flush,
    debug: debug
  });
  window.SupportLabAB = api;
})();
