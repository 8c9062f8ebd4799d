// Hand-off from a kiosk to a phone (advisor/web/handoff.py writes the QR code).
// The kiosk's code opens this page with the answers after "#a=", a part of the address that
// browsers never send to a server. This script takes them out of the address bar and history
// first, then fills the page's form and submits it as a POST, so the answers reach the server
// in the request body like typed answers, and never in a URL or a server log.
(function () {
  "use strict";
  var script = document.currentScript;
  var MARKER = "#a=";
  var MAX_ANSWERS = 60;
  if (!script || location.hash.indexOf(MARKER) !== 0) { return; }
  var answers = new URLSearchParams(location.hash.slice(MARKER.length));
  history.replaceState(null, "", location.pathname + location.search);
  var names = JSON.parse(script.getAttribute("data-fields") || "{}");  // short key -> field name

  function fill(form) {
    var values = {};  // field name -> every value sent for it (checkboxes send several)
    var count = 0;
    answers.forEach(function (value, key) {
      count += 1;
      if (count > MAX_ANSWERS) { return; }
      var name = Object.prototype.hasOwnProperty.call(names, key) ? names[key] : null;
      if (!name) { return; }
      (values[name] = values[name] || []).push(value);
    });
    Object.keys(values).forEach(function (name) {
      var controls = Array.prototype.filter.call(form.elements, function (control) { return control.name === name; });
      if (controls.length === 0) {
        // More amount boxes than the empty page shows: the server reads these just the same.
        values[name].forEach(function (value) {
          var hidden = document.createElement("input");
          hidden.type = "hidden";
          hidden.name = name;
          hidden.value = value;
          form.appendChild(hidden);
        });
        return;
      }
      controls.forEach(function (control) {
        if (control.type === "radio" || control.type === "checkbox") {
          control.checked = values[name].indexOf(control.value) !== -1;
        } else if (control.type !== "button" && control.type !== "submit") {
          control.value = values[name][0];
        }
      });
    });
  }

  function submit() {
    var form = document.querySelector("main form.form[method=post]");
    if (!form) { return; }
    fill(form);
    // requestSubmit() without a button: no "quick choice" or "add another" is sent, only the answers.
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", submit); }
  else { submit(); }
})();
