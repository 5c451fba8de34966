// The site's own script, loaded as a module on every page (overrides/main.html):
// 1. the mobile menu drawer follows keyboard focus;
// 2. search, which loads Pagefind only once the reader shows intent.

// On narrow screens Material's navigation sits in an off-canvas drawer that
// only a pointer can open, yet its links stay in the Tab order, invisible.
// Open the drawer while focus is inside it and close it when focus leaves,
// so keyboard users (and anyone zoomed in) see where they are.
(function setUpDrawer() {
  var toggle = document.getElementById("__drawer");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !drawer) return;

  function setOpen(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));
  }

  function isOffCanvas() {
    // The drawer is off-canvas exactly when Material shows the menu button.
    var button = document.querySelector('.md-header__button[for="__drawer"]');
    return !!button && getComputedStyle(button).display !== "none";
  }

  // Nested menus slide over their parent: show exactly the level that holds
  // the focused element, so it is never hidden behind another panel.
  function showLevelOf(element) {
    drawer.querySelectorAll("input.md-nav__toggle:checked").forEach(function (toggle) {
      var level = toggle.parentElement.querySelector(":scope > nav.md-nav");
      if (level && !level.contains(element)) toggle.checked = false;
    });
    // Sections and the current page's table of contents are both levels.
    for (var item = element.closest(".md-nav__item"); item; item = item.parentElement.closest(".md-nav__item")) {
      var toggle = item.querySelector(":scope > input.md-nav__toggle");
      var level = item.querySelector(":scope > nav.md-nav");
      if (toggle && level && level.contains(element)) toggle.checked = true;
    }
  }

  drawer.addEventListener("focusin", function (event) {
    if (!isOffCanvas()) return;
    setOpen(true);
    showLevelOf(event.target);
    // Focusing a link in a panel still sliding in makes the browser scroll
    // its container sideways; undo that so the panel lands in place.
    for (var box = event.target.parentElement; box && box !== drawer.parentElement; box = box.parentElement) {
      box.scrollLeft = 0;
    }
  });
  drawer.addEventListener("focusout", function (event) {
    if (isOffCanvas() && !drawer.contains(event.relatedTarget)) setOpen(false);
  });
  drawer.addEventListener("keydown", function (event) {
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
(function setUpSearch() {
  const box = document.querySelector("[data-cpc-search]");
  const toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  const input = box.querySelector("[data-cpc-search-input]");
  const form = input.form;
  const status = document.getElementById("cpc-search-status");
  const list = document.getElementById("cpc-search-results");
  const strings = JSON.parse(box.querySelector("[data-cpc-search-strings]").textContent);
  // This file is assets/javascripts/cpc-site.js, two folders below the site root.
  const siteRoot = new URL("../../", import.meta.url);
  const MAX_RESULTS = 10;
  let engine = null;
  let serial = 0;

  function load() {
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
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load();
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }

  // Pagefind marks hits with <mark>; keep those, and only text besides.
  function excerpt(html) {
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
  }

  function show(results, total) {
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
    status.textContent = total === 0 ? strings.none : total === 1 ? strings.one : strings.many.replace("{count}", total);
  }

  async function run() {
    const query = input.value.trim();
    const mine = ++serial;
    if (!query) {
      list.replaceChildren();
      status.textContent = engine ? strings.prompt : status.textContent;
      return;
    }
    try {
      const pagefind = await load();
      const found = await pagefind.search(query);
      if (mine !== serial || !found) return;
      const results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (mine === serial) show(results, found.results.length);
    } catch (error) {
      if (mine === serial) status.textContent = strings.failed;
    }
  }

  input.addEventListener("focus", open);
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
