// Progressive enhancement for the outreach pages; every page works without this file.
// Slides and quiz steps: → / Page Down follow the page's rel="next" link, ← / Page Up its rel="prev"
// link (the same links the Previous and Next buttons are). Handout: a Print button.
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

  var printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
})();
