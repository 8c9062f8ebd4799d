// Progressive enhancement only: every page works without this file.
// After htmx replaces a result region, its aria-live container announces the change; if the
// user's focus was inside the replaced content, move it to the new heading so it is not lost.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target) { return; }
    if (!target.contains(document.activeElement) && document.activeElement !== document.body) { return; }
    var heading = target.querySelector("h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  });
  // A failed live update leaves the page as it was; the submit button still works.
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail && event.detail.target) { event.detail.target.setAttribute("aria-busy", "false"); }
  });
})();
