// Loaded in <head> without defer, so it runs before the first paint: it marks the page as scripted
// (<html class="js">). The stylesheet then keeps the questions that only some people are asked
// (data-applies-when, data-born-by) out of the first paint, and questions.js shows those that apply
// and marks the page "questions-ready"; nothing moves once the page is on screen (issue 23: the form
// jumped when the script hid them after the first paint). Without JavaScript the class is never set
// and every question shows. Should questions.js not arrive, every question shows once the page has
// loaded, as without JavaScript.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  window.addEventListener("load", function () { root.classList.add("questions-ready"); });
})();
