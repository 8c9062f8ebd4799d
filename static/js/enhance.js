// Progressive enhancement only: every page works without this file.
// After htmx replaces a result region, its aria-live container announces the change politely.
// When the change came from a tap or a click (a choice, a box, a list), the result's headline is
// brought into view and focused, so the answer is seen without scrolling. While someone is typing
// (a number, a date) or moving through the form with the keyboard, the result updates where it is and
// is announced, and the keyboard stays where it was; only the first time a result appears is it
// scrolled into view (smoothly, unless the reader asked for reduced motion).
(function () {
  "use strict";
  var TYPED = /^(text|number|search|tel|email|url|password|textarea)$/;
  var lastPointer = 0;  // when a finger or mouse last pressed; a key press resets it
  document.addEventListener("pointerdown", function () { lastPointer = Date.now(); }, true);
  document.addEventListener("keydown", function () { lastPointer = 0; }, true);
  function byPointer() { return Date.now() - lastPointer < 3000; }

  function whileTyping(event) {
    // Typing (and leaving a box just typed in) never moves the page: the next box may be in use.
    var source = event && event.target;
    if (!source || !source.tagName) { return false; }
    if (event.type === "input" || source.tagName === "TEXTAREA") { return true; }
    return source.tagName === "INPUT" && TYPED.test(source.type || "text");
  }

  // Whether a result region held a result before this swap: the first time a result appears (the last
  // required answer was just given), it is brought into view even while typing, once; the keyboard stays put.
  var hadResult = new WeakMap();
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (target) { hadResult.set(target, !!target.querySelector("[data-result-heading]")); }
  });
  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target) { return; }
    var heading = target.querySelector("[data-result-heading]") || target.querySelector("h2");
    if (!heading) { return; }
    var config = event.detail.requestConfig || {};
    if (heading.hasAttribute("data-result-heading") && hadResult.get(target) === false &&
        whileTyping(config.triggeringEvent)) {
      heading.scrollIntoView({ block: "start", behavior: reducedMotion() ? "auto" : "smooth" });
      return;
    }
    var focusInside = target.contains(document.activeElement) && document.activeElement !== document.body;
    if ((whileTyping(config.triggeringEvent) || !byPointer()) && !focusInside) { return; }
    if (!heading.hasAttribute("data-result-heading") && !focusInside) { return; }
    heading.setAttribute("tabindex", "-1");
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  });
  // A failed live update leaves the page as it was; the submit button still works.
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail && event.detail.target) { event.detail.target.setAttribute("aria-busy", "false"); }
  });
  // A Print button (it has no use without JavaScript, so it stays hidden until now).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) { window.print(); }
  });
  // "Copy the link" beside a saved-result link.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) { return; }
    var box = document.getElementById(button.getAttribute("data-copy"));
    if (!box) { return; }
    box.select();
    var done = function () {
      var status = document.getElementById(button.getAttribute("data-copy") + "-status");
      if (status) { status.textContent = button.getAttribute("data-copied"); }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(box.value).then(done, function () { document.execCommand("copy"); done(); });
    } else { document.execCommand("copy"); done(); }
  });
  function reveal() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-needs-script]"), function (element) {
      element.hidden = false;
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", reveal); } else { reveal(); }
  document.addEventListener("htmx:afterSwap", reveal);
})();
