// Back to a result (issue 23). A result shown by a live update (htmx) lives only in the page: a page reached by a
// POST is never kept whole for Back (browsers keep only what the server sent, and boxes marked autocomplete="off"
// come back empty), so Back from the next step would land on the questions without the result.
// So when a next-step button is pressed under a live result, this script first sends the page's own form as a
// plain POST, whose answer is the result page (it becomes the history entry Back returns to), marked with the
// next step ("then"); on arrival that page presses the same next-step button itself. Nothing is stored: the
// answers travel in the two request bodies, as they would if the person pressed the buttons themselves.
(function () {
  "use strict";
  if (document.documentElement.classList.contains("kiosk") ||
      (document.body && document.body.classList.contains("kiosk"))) { return; }
  function navigationType() {
    var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    return entries.length ? entries[0].type : "navigate";
  }
  function liveForm() { return document.querySelector("main form[hx-post][hx-target]"); }

  // A result that arrived by a live update is marked, so its next steps go through a page of their own.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (target && target.querySelector("[data-result-heading]")) { target.setAttribute("data-live-result", ""); }
  });

  document.addEventListener("submit", function (event) {
    var next = event.target;
    if (!next.classList || !next.classList.contains("next-step")) { return; }
    var live = liveForm();
    var region = live && document.querySelector(live.getAttribute("hx-target"));
    if (!region || !region.hasAttribute("data-live-result") || !region.contains(next)) { return; }
    event.preventDefault();
    var then = document.createElement("input");
    then.type = "hidden";
    then.name = "then";
    then.value = new URL(next.action, location.href).pathname;
    live.appendChild(then);
    HTMLFormElement.prototype.submit.call(live);  // a plain POST, not a live update
  });

  // The result page made on the way: go on to the step that was chosen, unless the person came Back to it.
  function goOn() {
    if (navigationType() !== "navigate") { return; }
    var next = document.querySelector("form.next-step[data-continue]");
    if (next) { HTMLFormElement.prototype.submit.call(next); }
  }
  // After the load event: a navigation started earlier would replace this page in the history instead of adding to it.
  if (document.readyState === "complete") { window.setTimeout(goOn, 0); }
  else { window.addEventListener("load", function () { window.setTimeout(goOn, 0); }); }
})();
