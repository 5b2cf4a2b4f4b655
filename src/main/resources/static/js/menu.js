// The header's menu button, which hides the navigation on phones (app.css). Loaded in the head
// without defer: the "js" class must be on the page before its first paint, or a phone would show
// the open menu and then close it. Without this script the button stays hidden and the menu shows.
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  function toggle(button, open) {
    button.setAttribute("aria-expanded", String(open));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".menu-button");
    if (button) {
      toggle(button, button.getAttribute("aria-expanded") !== "true");
    }
  });

  // Escape closes the open menu and puts the focus back on its button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || document.querySelector("details.user-menu[open]")) {
      return; // an open account menu closes first (app.js)
    }
    var button = document.querySelector('.menu-button[aria-expanded="true"]');
    if (button && getComputedStyle(button).display !== "none") {
      toggle(button, false);
      button.focus();
    }
  });
})();
