// Contact form: validation, sending with fetch and a timeout, a draft kept in
// sessionStorage, and a mailto fallback whenever sending fails. Without this
// script the form still posts natively to the endpoint (see the partial).
// User input and server text only ever go into the page through textContent.
(function () {
  "use strict";

  var form = document.querySelector("form[data-cpc-contact-form]");
  var stringsBlock = document.getElementById("cpc-form-strings");
  if (!form || !stringsBlock || !window.fetch || !window.AbortController) return;

  var strings = JSON.parse(stringsBlock.textContent);
  var button = form.querySelector("button[type=submit]");
  var status = document.getElementById("cpc-form-status");
  var fallback = document.getElementById("cpc-form-fallback");
  var mailtoLink = fallback.querySelector("a");
  var counter = form.querySelector("[data-cpc-count]");
  var lang = form.getAttribute("data-cpc-lang");
  var pagePath = form.getAttribute("data-cpc-page");
  var email = form.getAttribute("data-cpc-email");
  var maxLength = Number(form.getAttribute("data-cpc-max"));
  var draftKey = "cpc-contact-form:" + location.pathname;
  // The honeypot and hidden fields are never part of the draft.
  var DRAFT_FIELDS = ["name", "organisation", "email", "phone", "topic", "message", "consent"].filter(function (name) {
    return Boolean(form.elements[name]);
  });
  var EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  var sending = false;

  // Our own messages replace the browser's validation bubbles.
  form.noValidate = true;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? String(values[key]) : match;
    });
  }

  function field(name) {
    return form.elements[name];
  }

  function value(name) {
    var element = field(name);
    return element.type === "checkbox" ? element.checked : element.value;
  }

  // Characters as people count them (an emoji is one, not two UTF-16 units).
  function length(text) {
    return Array.from(text).length;
  }

  // A sign-up form names its event instead of a topic.
  function topicLabel() {
    var select = field("topic");
    return select ? select.options[select.selectedIndex].text : value("event");
  }

  // --- Draft -------------------------------------------------------------

  function saveDraft() {
    var draft = {};
    DRAFT_FIELDS.forEach(function (name) {
      draft[name] = value(name);
    });
    try {
      sessionStorage.setItem(draftKey, JSON.stringify(draft));
    } catch (error) {
      // Storage can be full or disabled; the form still works without a draft.
    }
  }

  function restoreDraft() {
    var draft;
    try {
      draft = JSON.parse(sessionStorage.getItem(draftKey) || "null");
    } catch (error) {
      draft = null;
    }
    if (!draft || typeof draft !== "object") return;
    DRAFT_FIELDS.forEach(function (name) {
      if (!(name in draft)) return;
      var element = field(name);
      if (element.type === "checkbox") {
        element.checked = draft[name] === true;
      } else if (typeof draft[name] === "string") {
        element.value = draft[name];
      }
    });
  }

  function clearDraft() {
    try {
      sessionStorage.removeItem(draftKey);
    } catch (error) {
      // Nothing was stored.
    }
  }

  // --- Messages ----------------------------------------------------------

  function updateCounter() {
    counter.textContent = fill(strings.form_message_count, { count: length(value("message")), max: maxLength });
  }

  function setError(name, text) {
    var input = field(name);
    var error = document.getElementById("cpc-form-" + name + "-error");
    var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
      return id && id !== error.id;
    });
    if (text) {
      error.textContent = text;
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      ids.unshift(error.id);
    } else {
      error.textContent = "";
      error.hidden = true;
      input.removeAttribute("aria-invalid");
    }
    if (ids.length) {
      input.setAttribute("aria-describedby", ids.join(" "));
    } else {
      input.removeAttribute("aria-describedby");
    }
  }

  function hasErrorSlot(name) {
    return Boolean(name && field(name) && document.getElementById("cpc-form-" + name + "-error"));
  }

  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll(".cpc-form__error"), function (error) {
      setError(error.id.replace(/^cpc-form-|-error$/g, ""), "");
    });
  }

  function mailtoHref() {
    var lines = [
      strings.form_name_label + ": " + value("name"),
      strings.form_org_label + ": " + value("organisation"),
      strings.form_email_label + ": " + value("email"),
      strings.form_phone_label + ": " + value("phone"),
      (field("topic") ? strings.form_topic_label : strings.signup_event_label + ":") + " " + topicLabel(),
      "",
      value("message"),
    ];
    // RFC 6068: line breaks in a mailto body are CRLF.
    var body = lines.join("\n").replace(/\r?\n/g, "\r\n");
    return "mailto:" + email +
      "?subject=" + encodeURIComponent(subject()) +
      "&body=" + encodeURIComponent(body);
  }

  function showFallback() {
    mailtoLink.href = mailtoHref();
    fallback.hidden = false;
  }

  function subject() {
    return form.getAttribute("data-cpc-subject") ||
      fill(strings.form_subject, { topic: topicLabel(), language: lang, page: pagePath });
  }

  // --- Validation --------------------------------------------------------

  function validate() {
    var errors = [];
    if (!value("name").trim()) errors.push(["name", strings.form_error_name]);
    var address = value("email").trim();
    if (!address) {
      errors.push(["email", strings.form_error_email_missing]);
    } else if (!EMAIL_SHAPE.test(address)) {
      errors.push(["email", strings.form_error_email_invalid]);
    }
    var message = value("message");
    if (!message.trim() && field("message").required) {
      errors.push(["message", strings.form_error_message_missing]);
    } else if (length(message) > maxLength) {
      errors.push(["message", fill(strings.form_error_message_long, { count: length(message), max: maxLength })]);
    }
    if (!value("consent")) errors.push(["consent", strings.form_error_consent]);
    return errors;
  }

  // --- Sending -----------------------------------------------------------

  // Read the endpoint's answer into {ok} or {failure, fieldErrors, details}.
  function interpret(response, text) {
    if (response.ok) return { ok: true };
    var body = null;
    try {
      body = JSON.parse(text);
    } catch (error) {
      body = null;
    }
    if (response.status === 429) return { failure: "form_fail_rate_limited" };
    if (response.status >= 500) return { failure: "form_fail_server" };
    if (!body || typeof body !== "object") return { failure: "form_fail_invalid" };
    var fieldErrors = [];
    var details = [];
    (Array.isArray(body.errors) ? body.errors : []).forEach(function (item) {
      if (!item || typeof item.message !== "string") return;
      if (hasErrorSlot(item.field)) {
        fieldErrors.push([item.field, item.message]);
      } else {
        details.push(item.message);
      }
    });
    if (!fieldErrors.length && !details.length && typeof body.error === "string") details.push(body.error);
    if (!fieldErrors.length && !details.length) return { failure: "form_fail_invalid" };
    return { failure: "form_fail_rejected", fieldErrors: fieldErrors, details: details };
  }

  function setSending(on) {
    sending = on;
    button.disabled = on;
    if (on) {
      form.setAttribute("aria-busy", "true");
    } else {
      form.removeAttribute("aria-busy");
    }
  }

  function finish(result) {
    var hadFocus = document.activeElement === button || document.activeElement === document.body;
    setSending(false);
    if (result.ok) {
      clearDraft();
      form.reset();
      updateCounter();
      status.textContent = strings.form_success;
      if (hadFocus) button.focus();
      return;
    }
    (result.fieldErrors || []).forEach(function (pair) {
      setError(pair[0], pair[1]);
    });
    var parts = [strings[result.failure]].concat(result.details || [], [strings.form_fail_kept]);
    status.textContent = parts.join(" ");
    showFallback();
    if (result.fieldErrors && result.fieldErrors.length) {
      field(result.fieldErrors[0][0]).focus();
    } else if (hadFocus) {
      button.focus();
    }
  }

  function send() {
    var data = new FormData(form);
    data.set("_subject", subject());
    data.set("_replyto", value("email").trim());
    var controller = new AbortController();
    var timedOut = false;
    var timeout = Number(form.getAttribute("data-cpc-timeout")) || 15000;
    var timer = setTimeout(function () {
      timedOut = true;
      controller.abort();
    }, timeout);
    setSending(true);
    status.textContent = strings.form_sending;
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(data),
      headers: { Accept: "application/json" },
      credentials: "omit",
      signal: controller.signal,
    })
      .then(function (response) {
        return response.text().then(function (text) {
          return interpret(response, text);
        });
      })
      .catch(function () {
        return { failure: timedOut ? "form_fail_timeout" : "form_fail_network" };
      })
      .then(function (result) {
        clearTimeout(timer);
        finish(result);
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) return;
    clearErrors();
    fallback.hidden = true;
    var errors = validate();
    if (errors.length) {
      errors.forEach(function (pair) {
        setError(pair[0], pair[1]);
      });
      status.textContent = strings.form_error_summary;
      field(errors[0][0]).focus();
      return;
    }
    send();
  });

  function onEdit(event) {
    var name = event.target.name;
    if (DRAFT_FIELDS.indexOf(name) === -1) return;
    saveDraft();
    if (name === "message") updateCounter();
    // A shown fallback always carries what is in the form now.
    if (!fallback.hidden) mailtoLink.href = mailtoHref();
  }

  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);

  restoreDraft();
  counter.hidden = false;
  updateCounter();
})();
