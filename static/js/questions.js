// Only the questions that apply: a question with data-applies-when="sex=female" (or
// "hukou=guangdong|other_province;insured_before=yes": every part must hold, and a question
// hidden itself counts as unanswered) is hidden until the answers bring it up. Without this file
// every question shows, each saying whom it is for; the server ignores answers that do not apply.
(function () {
  "use strict";
  function answer(form, name) {
    var controls = form.elements[name];
    if (!controls) { return null; }
    var list = controls.length !== undefined && !controls.tagName ? controls : [controls];
    for (var i = 0; i < list.length; i += 1) {
      var control = list[i];
      if ((control.type === "radio" || control.type === "checkbox") ? control.checked : control.value) {
        if (!isShown(form, control)) { return null; }
        return control.value;
      }
    }
    return null;
  }
  function isShown(form, control) {
    var holder = control.closest("[data-applies-when]");
    return !holder || !holder.hidden;
  }
  function applies(form, rule) {
    return rule.split(";").every(function (part) {
      var pair = part.split("=");
      return pair[1].split("|").indexOf(answer(form, pair[0])) !== -1;
    });
  }
  function update(form) {
    // In document order, so a question that depends on a hidden one is hidden too.
    Array.prototype.forEach.call(form.querySelectorAll("[data-applies-when]"), function (question) {
      var show = applies(form, question.getAttribute("data-applies-when"));
      question.hidden = !show;
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form"), function (form) {
      if (!form.querySelector("[data-applies-when]")) { return; }
      update(form);
      form.addEventListener("change", function () { update(form); });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
