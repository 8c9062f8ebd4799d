// Progressive enhancement for the outreach pages; every page works without this file.
// Slides and quiz steps: → / Page Down follow the page's rel="next" link, ← / Page Up its rel="prev"
// link (the same links the Previous and Next buttons are), F or a button goes full screen. Handout: a Print button.
(function () {
  "use strict";
  var KEYS = { ArrowRight: "next", PageDown: "next", ArrowLeft: "prev", PageUp: "prev" };

  function isTyping(element) {
    if (!element) { return false; }
    var tag = element.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    var direction = KEYS[event.key];
    if (!direction || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    if (isTyping(document.activeElement)) { return; }
    var link = document.querySelector('main a[rel~="' + direction + '"]');
    if (!link) { return; }
    event.preventDefault();
    link.click();  // a plain link navigates; a link with hx-get reveals in place as when clicked
  });

  // Slides: a Full screen button (and the F key) for the room's projector. With JavaScript the
  // Previous and Next links are boosted by htmx (the new slide replaces the page's body in place),
  // so the screen stays full from one slide to the next.
  function toggleFullScreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else { document.documentElement.requestFullscreen().catch(function () {}); }
  }
  function showFullScreenButton() {
    var button = document.querySelector("[data-fullscreen]");
    if (!button || !document.fullscreenEnabled) { return; }
    button.hidden = false;
    button.setAttribute("aria-pressed", document.fullscreenElement ? "true" : "false");
  }
  showFullScreenButton();
  document.addEventListener("htmx:afterSettle", showFullScreenButton);
  document.addEventListener("fullscreenchange", showFullScreenButton);
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-fullscreen]")) { toggleFullScreen(); }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "f" || event.key === "F") && document.querySelector("[data-fullscreen]") &&
        document.fullscreenEnabled && !event.altKey && !event.ctrlKey && !event.metaKey &&
        !isTyping(document.activeElement)) {
      event.preventDefault();
      toggleFullScreen();
    }
  });

  var printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
})();
