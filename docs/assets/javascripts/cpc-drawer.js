// On narrow screens Material's navigation sits in an off-canvas drawer that
// only a pointer can open, yet its links stay in the Tab order, invisible.
// Open the drawer while focus is inside it and close it when focus leaves,
// so keyboard users (and anyone zoomed in) see where they are.
(function () {
  "use strict";
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
