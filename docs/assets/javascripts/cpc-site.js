// The site's one script, loaded on every page after Material's, once the page
// has painted (overrides/main.html):
// 1. the mobile menu drawer follows keyboard focus;
// 2. search, which loads Pagefind only once the reader shows intent;
// 3. the contact and sign-up form;
// 4. the 404 page in the reader's language.
// Text from data/ui.yml, search results and what readers type only ever
// reach the page through textContent.

// Fills {name} placeholders of a data/ui.yml string (hooks/cpc/strings.py has its twin).
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));

// On narrow screens Material's navigation sits in an off-canvas drawer that
// only a pointer can open, yet its links stay in the Tab order, invisible.
// Open the drawer while focus is inside it and close it when focus leaves,
// so keyboard users (and anyone zoomed in) see where they are.
(() => {
  const toggle = document.getElementById("__drawer");
  const drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !drawer) return;

  const setOpen = (open) => {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));
  };

  // The drawer is off-canvas exactly when Material shows the menu button.
  const isOffCanvas = () => {
    const button = document.querySelector('.md-header__button[for="__drawer"]');
    return Boolean(button) && getComputedStyle(button).display !== "none";
  };

  // Nested menus slide over their parent: show exactly the level that holds
  // the focused element, so it is never hidden behind another panel.
  const showLevelOf = (element) => {
    drawer.querySelectorAll("input.md-nav__toggle:checked").forEach((levelToggle) => {
      const level = levelToggle.parentElement.querySelector(":scope > nav.md-nav");
      if (level && !level.contains(element)) levelToggle.checked = false;
    });
    // Sections and the current page's table of contents are both levels.
    for (let item = element.closest(".md-nav__item"); item; item = item.parentElement.closest(".md-nav__item")) {
      const levelToggle = item.querySelector(":scope > input.md-nav__toggle");
      const level = item.querySelector(":scope > nav.md-nav");
      if (levelToggle && level && level.contains(element)) levelToggle.checked = true;
    }
  };

  drawer.addEventListener("focusin", (event) => {
    if (!isOffCanvas()) return;
    setOpen(true);
    showLevelOf(event.target);
    // Focusing a link in a panel still sliding in makes the browser scroll
    // its container sideways; undo that so the panel lands in place.
    for (let box = event.target.parentElement; box && box !== drawer.parentElement; box = box.parentElement) {
      box.scrollLeft = 0;
    }
  });
  drawer.addEventListener("focusout", (event) => {
    if (isOffCanvas() && !drawer.contains(event.relatedTarget)) setOpen(false);
  });
  drawer.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && isOffCanvas()) {
      setOpen(false);
      document.getElementById("main").focus();
    }
  });
})();

// Search. Nothing is fetched until the reader focuses the field, opens
// search or presses "/". A query typed or pasted while the index is still
// loading runs as soon as it is ready; results follow each keystroke.
// Result text only ever reaches the page through textContent.
(() => {
  const box = document.querySelector("[data-cpc-search]");
  const toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  const input = box.querySelector("[data-cpc-search-input]");
  const form = input.form;
  const status = document.getElementById("cpc-search-status");
  const list = document.getElementById("cpc-search-results");
  const strings = JSON.parse(box.querySelector("[data-cpc-search-strings]").textContent);
  // This file is assets/javascripts/cpc-site.js, two folders below the site root.
  const siteRoot = new URL("../../", document.currentScript.src);
  const MAX_RESULTS = 10;
  let engine = null;
  let serial = 0;

  const load = () => {
    if (!engine) {
      status.textContent = strings.loading;
      engine = import(new URL("pagefind/pagefind.js", siteRoot).href).then(async (pagefind) => {
        await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 24 });
        await pagefind.init();
        return pagefind;
      });
      engine.then(() => {
        if (!input.value.trim()) status.textContent = strings.prompt;
      }, () => {
        status.textContent = strings.failed;
      });
    }
    return engine;
  };

  const open = () => {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load();
  };

  const close = () => {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  };

  // Pagefind marks hits with <mark>; keep those, and only text besides.
  const excerpt = (html) => {
    const paragraph = document.createElement("p");
    const parsed = new DOMParser().parseFromString(html, "text/html").body;
    parsed.childNodes.forEach((node) => {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  };

  // The list names the query its results answer (data-cpc-query), so a
  // slower earlier search is never taken for the current one.
  const show = (query, results, total) => {
    list.dataset.cpcQuery = query;
    list.replaceChildren(...results.map((result) => {
      const item = document.createElement("li");
      item.className = "md-search-result__item";
      const link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = result.url;
      const article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      const title = document.createElement("div");
      title.className = "cpc-search-result__title";
      title.textContent = result.meta.title || result.url;
      article.append(title, excerpt(result.excerpt));
      link.append(article);
      item.append(link);
      return item;
    }));
    status.textContent = total === 0 ? strings.none : total === 1 ? strings.one : fill(strings.many, { count: total });
  };

  const run = async () => {
    const query = input.value.trim();
    const mine = ++serial;
    if (!query) {
      delete list.dataset.cpcQuery;
      list.replaceChildren();
      status.textContent = engine ? strings.prompt : status.textContent;
      return;
    }
    try {
      const pagefind = await load();
      const found = await pagefind.search(query);
      if (mine !== serial || !found) return;
      const results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (mine === serial) show(query, results, found.results.length);
    } catch (error) {
      if (mine === serial) status.textContent = strings.failed;
    }
  };

  input.addEventListener("focus", open);
  // Typed or pasted before this script arrived (it loads after the first paint): search it now.
  if (input.value.trim()) {
    open();
    run();
  }
  input.addEventListener("input", run);
  toggle.addEventListener("change", () => {
    if (toggle.checked && document.activeElement !== input) {
      load();
      input.focus();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) first.focus();
  });
  form.addEventListener("reset", () => {
    setTimeout(run);
    input.focus();
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const links = [...list.querySelectorAll("a")];
      if (!links.length) return;
      event.preventDefault();
      const at = links.indexOf(document.activeElement);
      const next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
      (next < 0 ? input : links[next]).focus();
    }
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
      input.focus();
    }
  });
})();

// The contact form and an event's sign-up form (overrides/partials/cpc-forms.html):
// validation, sending with fetch and a timeout, a draft kept in
// sessionStorage, and a mailto fallback whenever sending fails. Without
// this script the form still posts natively to the endpoint.
(() => {
  const form = document.querySelector("form[data-cpc-contact-form]");
  const stringsBlock = document.getElementById("cpc-form-strings");
  if (!form || !stringsBlock || !window.fetch || !window.AbortController) return;

  const strings = JSON.parse(stringsBlock.textContent);
  const button = form.querySelector("button[type=submit]");
  const status = document.getElementById("cpc-form-status");
  const fallback = document.getElementById("cpc-form-fallback");
  const mailtoLink = fallback.querySelector("a");
  const counter = form.querySelector("[data-cpc-count]");
  const lang = form.getAttribute("data-cpc-lang");
  const pagePath = form.getAttribute("data-cpc-page");
  const email = form.getAttribute("data-cpc-email");
  const maxLength = Number(form.getAttribute("data-cpc-max"));
  const draftKey = "cpc-contact-form:" + location.pathname;
  // The honeypot and hidden fields are never part of the draft.
  const DRAFT_FIELDS = ["name", "organisation", "email", "phone", "topic", "message"].filter((name) => {
    return Boolean(form.elements[name]);
  });
  const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  let sending = false;

  // Our own messages replace the browser's validation bubbles.
  form.noValidate = true;

  const field = (name) => {
    return form.elements[name];
  };

  const value = (name) => {
    return field(name).value;
  };

  // Characters as people count them (an emoji is one, not two UTF-16 units).
  const length = (text) => {
    return Array.from(text).length;
  };

  // A sign-up form names its event instead of a topic.
  const topicLabel = () => {
    const select = field("topic");
    return select ? select.options[select.selectedIndex].text : value("event");
  };

  // --- Draft -------------------------------------------------------------

  const saveDraft = () => {
    const draft = {};
    DRAFT_FIELDS.forEach((name) => {
      draft[name] = value(name);
    });
    try {
      sessionStorage.setItem(draftKey, JSON.stringify(draft));
    } catch (error) {
      // Storage can be full or disabled; the form still works without a draft.
    }
  };

  const restoreDraft = () => {
    let draft;
    try {
      draft = JSON.parse(sessionStorage.getItem(draftKey) || "null");
    } catch (error) {
      draft = null;
    }
    if (!draft || typeof draft !== "object") return;
    DRAFT_FIELDS.forEach((name) => {
      if (!(name in draft)) return;
      if (typeof draft[name] === "string") field(name).value = draft[name];
    });
  };

  const clearDraft = () => {
    try {
      sessionStorage.removeItem(draftKey);
    } catch (error) {
      // Nothing was stored.
    }
  };

  // --- Messages ----------------------------------------------------------

  const updateCounter = () => {
    counter.textContent = fill(strings.form_message_count, { count: length(value("message")), max: maxLength });
  };

  const setError = (name, text) => {
    const input = field(name);
    const error = document.getElementById("cpc-form-" + name + "-error");
    const ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => {
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
  };

  const hasErrorSlot = (name) => {
    return Boolean(name && field(name) && document.getElementById("cpc-form-" + name + "-error"));
  };

  const clearErrors = () => {
    form.querySelectorAll(".cpc-form__error").forEach((error) => {
      setError(error.id.replace(/^cpc-form-|-error$/g, ""), "");
    });
  };

  const mailtoHref = () => {
    const lines = [
      strings.form_name_label + ": " + value("name"),
      strings.form_org_label + ": " + value("organisation"),
      strings.form_email_label + ": " + value("email"),
      strings.form_phone_label + ": " + value("phone"),
      (field("topic") ? strings.form_topic_label : strings.signup_event_label + ":") + " " + topicLabel(),
      "",
      value("message"),
    ];
    // RFC 6068: line breaks in a mailto body are CRLF.
    const body = lines.join("\n").replace(/\r?\n/g, "\r\n");
    return "mailto:" + email +
      "?subject=" + encodeURIComponent(subject()) +
      "&body=" + encodeURIComponent(body);
  };

  const showFallback = () => {
    mailtoLink.href = mailtoHref();
    fallback.hidden = false;
  };

  const subject = () => {
    return form.getAttribute("data-cpc-subject") ||
      fill(strings.form_subject, { topic: topicLabel(), language: lang, page: pagePath });
  };

  // --- Validation --------------------------------------------------------

  const validate = () => {
    const errors = [];
    if (!value("name").trim()) errors.push(["name", strings.form_error_name]);
    const address = value("email").trim();
    if (!address) {
      errors.push(["email", strings.form_error_email_missing]);
    } else if (!EMAIL_SHAPE.test(address)) {
      errors.push(["email", strings.form_error_email_invalid]);
    }
    const message = value("message");
    if (!message.trim() && field("message").required) {
      errors.push(["message", strings.form_error_message_missing]);
    } else if (length(message) > maxLength) {
      errors.push(["message", fill(strings.form_error_message_long, { count: length(message), max: maxLength })]);
    }
    return errors;
  };

  // --- Sending -----------------------------------------------------------

  // Read the endpoint's answer into {ok} or {failure, fieldErrors, details}.
  const interpret = (response, text) => {
    if (response.ok) return { ok: true };
    let body = null;
    try {
      body = JSON.parse(text);
    } catch (error) {
      body = null;
    }
    if (response.status === 429) return { failure: "form_fail_rate_limited" };
    if (response.status >= 500) return { failure: "form_fail_server" };
    if (!body || typeof body !== "object") return { failure: "form_fail_invalid" };
    const fieldErrors = [];
    const details = [];
    (Array.isArray(body.errors) ? body.errors : []).forEach((item) => {
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
  };

  const setSending = (on) => {
    sending = on;
    button.disabled = on;
    if (on) {
      form.setAttribute("aria-busy", "true");
    } else {
      form.removeAttribute("aria-busy");
    }
  };

  const finish = (result) => {
    const hadFocus = document.activeElement === button || document.activeElement === document.body;
    setSending(false);
    if (result.ok) {
      clearDraft();
      form.reset();
      updateCounter();
      status.textContent = strings.form_success;
      if (hadFocus) button.focus();
      return;
    }
    (result.fieldErrors || []).forEach((pair) => {
      setError(pair[0], pair[1]);
    });
    const parts = [strings[result.failure]].concat(result.details || [], [strings.form_fail_kept]);
    status.textContent = parts.join(" ");
    showFallback();
    if (result.fieldErrors && result.fieldErrors.length) {
      field(result.fieldErrors[0][0]).focus();
    } else if (hadFocus) {
      button.focus();
    }
  };

  const send = () => {
    const data = new FormData(form);
    data.set("_subject", subject());
    data.set("_replyto", value("email").trim());
    const controller = new AbortController();
    let timedOut = false;
    const timeout = Number(form.getAttribute("data-cpc-timeout")) || 15000;
    const timer = setTimeout(() => {
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
      .then((response) => {
        return response.text().then((text) => {
          return interpret(response, text);
        });
      })
      .catch(() => {
        return { failure: timedOut ? "form_fail_timeout" : "form_fail_network" };
      })
      .then((result) => {
        clearTimeout(timer);
        finish(result);
      });
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors();
    fallback.hidden = true;
    const errors = validate();
    if (errors.length) {
      errors.forEach((pair) => {
        setError(pair[0], pair[1]);
      });
      status.textContent = strings.form_error_summary;
      field(errors[0][0]).focus();
      return;
    }
    send();
  });

  const onEdit = (event) => {
    const name = event.target.name;
    if (!DRAFT_FIELDS.includes(name)) return;
    saveDraft();
    if (name === "message") updateCounter();
    // A shown fallback always carries what is in the form now.
    if (!fallback.hidden) mailtoLink.href = mailtoHref();
  };

  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);

  restoreDraft();
  counter.hidden = false;
  updateCounter();
})();

// The 404 page holds every language; show the one whose folder the missing
// path is in (the longest matching root wins, so /en/... beats /).
(() => {
  const sections = [...document.querySelectorAll(".cpc-not-found")];
  if (!sections.length) return;
  const path = location.pathname;
  let best = null;
  sections.forEach((section) => {
    const root = new URL(section.getAttribute("data-cpc-root"), location.href).pathname;
    if (path.startsWith(root) && (!best || root.length > best.root.length)) best = { section, root };
  });
  best = best || { section: sections[0] };
  sections.forEach((section) => {
    section.hidden = section !== best.section;
  });
  const heading = best.section.querySelector("h1, h2");
  if (heading.tagName === "H2") {
    const h1 = document.createElement("h1");
    h1.textContent = heading.textContent;
    heading.replaceWith(h1);
  }
  const skip = document.querySelector(".cpc-skip");
  if (skip) skip.textContent = best.section.getAttribute("data-cpc-skip");
  // The menu, the drawer and the footer in the reader's language too.
  document.querySelectorAll(".cpc-lang-part").forEach((part) => {
    part.hidden = part.dataset.cpcLang !== best.section.lang;
  });
  const search = document.querySelector("[data-cpc-search-input]");
  const words = JSON.parse(best.section.getAttribute("data-cpc-search") || "{}");
  if (search) Object.entries(words).forEach(([name, value]) => search.setAttribute(name, value));
  document.documentElement.lang = best.section.lang;
  document.title = `${best.section.getAttribute("data-cpc-title")} - ${document.title.split(" - ").pop()}`;
})();

// Dated content stays right between builds: an event leaves "upcoming" when
// it ends, and its sign-up closes at the deadline, by the reader's clock.
// The built HTML is right whenever the daily build runs; this covers the days it did not.
(() => {
  const now = Date.now();
  document.querySelectorAll("[data-cpc-upcoming]").forEach((block) => {
    const items = [...block.querySelectorAll("[data-cpc-ends]")];
    items.forEach((item) => {
      if (Date.parse(item.dataset.cpcEnds) < now) item.hidden = true;
    });
    if (items.length && items.every((item) => item.hidden)) block.hidden = true;
  });
  const signup = document.querySelector("[data-cpc-closes]");
  if (signup && Date.parse(signup.dataset.cpcCloses) <= now) {
    document.querySelectorAll("[data-cpc-signup-open]").forEach((part) => {
      part.hidden = true;
    });
    document.querySelectorAll("[data-cpc-signup-closed]").forEach((part) => {
      part.hidden = false;
    });
  }
})();

// Both scripts have run: tests and measurements wait for this, not for time.
document.documentElement.dataset.cpcReady = "";
