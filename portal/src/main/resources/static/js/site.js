/* Progressive enhancement only: every page works without this file. */

/* Phones: the header's menu collapses behind a "Menu" button (without this file it simply wraps). */
(function () {
  "use strict";
  var toggle = document.querySelector("[data-menu-toggle]");
  var header = document.querySelector(".site-header");
  if (!toggle || !header) {
    return;
  }
  toggle.hidden = false;
  header.classList.add("menu-ready");
  toggle.addEventListener("click", function () {
    var open = header.classList.toggle("menu-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();

/* The profile menu closes when the reader clicks elsewhere or presses Escape. */
(function () {
  "use strict";
  var menu = document.querySelector("[data-profile-menu]");
  if (!menu) {
    return;
  }
  document.addEventListener("click", function (event) {
    if (menu.open && !menu.contains(event.target)) {
      menu.open = false;
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();
