// Shared behaviour of every page. No inline scripts anywhere: the CSP allows only our own files.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // Every htmx request that changes something carries the CSRF token, like the page's forms do.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // Forms and buttons marked data-confirm ask before they act (deleting, revoking).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  // Buttons marked data-opens-dialog load content into a dialog with htmx, then open it.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target && target.id === "dialog-content") {
      var dialog = target.closest("dialog");
      if (dialog && !dialog.open) {
        dialog.showModal();
      }
    }
  });
  document.addEventListener("click", function (event) {
    var dialog = event.target;
    if (dialog instanceof HTMLDialogElement && dialog.open) {
      dialog.close(); // a click on the backdrop
    }
  });

  // Tabs inside a dialog: show the panel of the chosen tab (its content may load with htmx).
  document.addEventListener("click", function (event) {
    var tab = event.target.closest("[data-tab]");
    if (!tab) {
      return;
    }
    tab.parentElement.querySelectorAll("[data-tab]").forEach(function (other) {
      var selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      var panel = document.getElementById(other.getAttribute("aria-controls"));
      if (panel) {
        panel.hidden = !selected;
      }
    });
  });

  // Ticket-form suggestions: once dismissed they stay away for this draft; opening one says what happened.
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt.id === "suggestions" && event.detail.elt.hasAttribute("data-dismissed")) {
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    var dismiss = event.target.closest("[data-dismiss]");
    if (dismiss) {
      var slot = document.getElementById(dismiss.getAttribute("data-dismiss"));
      if (slot) {
        slot.setAttribute("data-dismissed", "");
        slot.innerHTML = "";
      }
      return;
    }
    var suggestion = event.target.closest("[data-suggestion]");
    if (suggestion) {
      var panel = suggestion.closest(".suggestions");
      if (panel) {
        window.setTimeout(function () {
          panel.innerHTML = "<p><strong>We opened the article in a new tab.</strong> If it answers your question, " +
            "you are done; if not, finish your ticket below.</p>";
        }, 0);
      }
    }
  });

  // The experiment form's "+ Add variant": a copy of the last row, emptied.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-add-variant]");
    if (!button) {
      return;
    }
    var body = document.getElementById(button.getAttribute("data-add-variant"));
    if (!body || body.rows.length >= 10) {
      return;
    }
    var row = body.rows[body.rows.length - 1].cloneNode(true);
    row.querySelectorAll("input").forEach(function (input) {
      input.value = "";
      input.setAttribute("aria-label", input.getAttribute("aria-label").replace(/\d+$/, String(body.rows.length + 1)));
    });
    body.appendChild(row);
    var count = document.getElementById("variant-count");
    if (count) {
      count.value = String(body.rows.length);
    }
    row.querySelector("input").focus();
  });

  // Forms that refresh themselves when the ticket changes elsewhere (data-live-form) do so only while
  // untouched: once the agent has changed something, the refresh is skipped and a notice says why,
  // so nothing they chose or typed is lost (the server applies only the fields they changed).
  document.addEventListener("input", markDirty, true);
  document.addEventListener("change", markDirty, true);
  function markDirty(event) {
    var form = event.target.closest && event.target.closest("form[data-live-form]");
    if (form) {
      form.setAttribute("data-dirty", "");
    }
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (form.matches && form.matches("form[data-live-form][data-dirty]") && event.detail.requestConfig.verb === "get") {
      event.preventDefault();
      var notice = form.querySelector(".live-notice");
      if (notice) {
        notice.hidden = false;
      }
    }
  });

  // Live updates: the page says when its event stream is connected (and tests wait for it).
  document.addEventListener("htmx:sseOpen", function () { document.body.setAttribute("data-live", "connected"); });

  // A stream that the browser reconnects by itself sends the id of the last event it got
  // (Last-Event-ID) and is sent what it missed, or "reload". A stream that failed for good (an error
  // status, e.g. from a proxy while an instance restarts) is replaced by htmx with a new EventSource,
  // which starts without that id: the page names the last id it saw in the address instead. It sees
  // the ids of the events it listens to only, so a replay may hold a few events it does not use.
  var lastEventId = null;
  document.addEventListener("htmx:sseMessage", function (event) {
    if (event.detail && event.detail.lastEventId) {
      lastEventId = event.detail.lastEventId;
    }
  });
  if (window.htmx) {
    window.htmx.createEventSource = function (url) {
      var resumed = lastEventId === null ? url
        : url + (url.indexOf("?") < 0 ? "?" : "&") + "lastEventId=" + encodeURIComponent(lastEventId);
      return new EventSource(resumed, { withCredentials: true });
    };
  }
  document.addEventListener("htmx:sseError", function () { document.body.setAttribute("data-live", "reconnecting"); });

  // Closing a ticket is final: a status form asks before it closes one.
  function confirmClosing(form) {
    var status = form.querySelector("select[name=status]");
    if (!status || status.value !== "closed" || status.getAttribute("data-current") === "closed") {
      return true;
    }
    return window.confirm(form.getAttribute("data-close-question") ||
      "Close this ticket? A closed ticket cannot be reopened, and the customer can no longer reply to it.");
  }
  document.addEventListener("htmx:confirm", function (event) {
    var form = event.detail.elt;
    if (event.detail.verb === "post" && form.matches && form.matches("form[data-close-question]")) {
      event.preventDefault();
      if (confirmClosing(form)) {
        event.detail.issueRequest(true);
      }
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("form[data-close-question]") && !form.hasAttribute("hx-post") && !confirmClosing(form)) {
      event.preventDefault();
    }
  }, true);

  // A form shown again with an error summary: start at its first field in error, and take each
  // message away (next to the field and in the summary) as soon as the field is fixed.
  function followErrors(summary) {
    var form = summary.closest("form");
    if (!form) {
      return;
    }
    var fields = form.querySelectorAll('[aria-invalid="true"]');
    fields.forEach(function (field) {
      var rejected = field.value;
      field.addEventListener("input", function () {
        if (field.value !== rejected && field.value.trim() !== "" && field.checkValidity()) {
          clearError(form, field);
        }
      });
    });
    if (fields.length > 0) {
      fields[0].focus();
    }
    // A link in the summary takes the reader into the field itself, not just near it.
    summary.addEventListener("click", function (event) {
      var link = event.target.closest('a[href^="#"]');
      var field = link && document.getElementById(link.getAttribute("href").substring(1));
      if (field) {
        event.preventDefault();
        field.focus();
      }
    });
  }
  function clearError(form, field) {
    field.removeAttribute("aria-invalid");
    var message = document.getElementById(field.id + "-error");
    if (message) {
      message.remove();
    }
    var described = (field.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && id !== field.id + "-error";
    });
    if (described.length > 0) {
      field.setAttribute("aria-describedby", described.join(" "));
    } else {
      field.removeAttribute("aria-describedby");
    }
    var summary = form.querySelector("[data-error-summary]");
    if (summary) {
      summary.querySelectorAll('[data-error-for="' + field.id + '"]').forEach(function (item) { item.remove(); });
      if (!summary.querySelector("li")) {
        summary.remove();
      }
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-error-summary]").forEach(followErrors);
  });

  // Times are rendered in UTC on the server; show them in the reader's own time zone.
  function localizeTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (element) {
      var date = new Date(element.getAttribute("datetime"));
      if (!isNaN(date)) {
        element.title = element.getAttribute("datetime");
        element.textContent = date.toLocaleString(undefined, {dateStyle: "medium", timeStyle: "short"});
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { localizeTimes(document); });
  document.addEventListener("htmx:afterSettle", function (event) { localizeTimes(event.detail.elt); });

  // Macros in a ticket's reply box (the macros feature renders the picker into #macro-picker). A
  // picked macro's text goes into the message where the cursor is (the agent edits it there), its
  // public-or-internal choice is selected, and sending the form then goes, with htmx, to the macro's
  // address, which sends the reply and applies the macro's actions; a refusal comes back into the
  // picker, so nothing typed is lost. Without a macro picked the form sends as it always did.
  function replyMessage(form) {
    return form && form.querySelector("textarea[name=body]");
  }
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    var chosen = target && target.querySelector && target.querySelector("[data-macro-chosen]:not([data-inserted])");
    var form = chosen && chosen.closest("form");
    var message = replyMessage(form);
    if (!message) {
      return;
    }
    chosen.setAttribute("data-inserted", "");
    var text = chosen.getAttribute("data-text") || "";
    if (message.value.trim() === "") {
      message.value = text;
    } else {
      var atEnd = message.selectionStart === message.value.length;
      var gap = atEnd && !/\n$/.test(message.value) ? "\n\n" : "";
      message.setRangeText(gap + text, message.selectionStart, message.selectionEnd, "end");
    }
    var visibility = form.querySelector('input[name=visibility][value="' + chosen.getAttribute("data-reply-visibility") + '"]');
    if (visibility) {
      visibility.checked = true;
    }
    message.focus();
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var chosen = form.querySelector && form.querySelector("[data-macro-chosen]");
    if (!chosen || event.defaultPrevented || !window.htmx) {
      return;
    }
    event.preventDefault();
    if (form.hasAttribute("data-sending")) {
      return; // a second click while the first is on its way would send the reply twice
    }
    form.setAttribute("data-sending", "");
    window.htmx.ajax("POST", chosen.getAttribute("data-send"), {source: form, target: "#" + chosen.parentElement.id, swap: "innerHTML"})
      .finally(function () { form.removeAttribute("data-sending"); });
  });
  document.addEventListener("click", function (event) {
    var control = event.target.closest("[data-macro-remove], [data-macro-close]");
    var slot = control && control.closest("#macro-picker");
    if (!slot) {
      return;
    }
    var form = slot.closest("form");
    slot.innerHTML = "";
    var focus = control.hasAttribute("data-macro-remove") ? replyMessage(form) : document.getElementById("macro-button");
    if (focus) {
      focus.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    var picker = event.target.closest && event.target.closest("[data-macro-picker]");
    if (!picker) {
      return;
    }
    if (event.key === "Enter" && event.target.hasAttribute("data-no-submit")) {
      event.preventDefault(); // a search box inside the reply form: Enter searches, it does not send the reply
      var first = picker.querySelector(".macro-choice");
      if (first) {
        first.focus();
      }
    } else if (event.key === "Escape") {
      picker.parentElement.innerHTML = "";
      var button = document.getElementById("macro-button");
      if (button) {
        button.focus();
      }
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var items = Array.prototype.slice.call(picker.querySelectorAll("#macro-search, .macro-choice"));
      var at = items.indexOf(event.target);
      var next = items[at + (event.key === "ArrowDown" ? 1 : -1)];
      if (at >= 0 && next) {
        event.preventDefault();
        next.focus();
      }
    }
  });

  // Close the account menu when clicking elsewhere or pressing Escape.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.user-menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) {
        menu.removeAttribute("open");
      }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      document.querySelectorAll("details.user-menu[open]").forEach(function (menu) {
        menu.removeAttribute("open");
        menu.querySelector("summary").focus();
      });
    }
  });
})();
