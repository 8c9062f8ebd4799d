// Only the questions that apply: a question with data-applies-when="sex=female" (or
// "hukou=guangdong|other_province;insured_before=yes": every part must hold, and a question
// hidden itself counts as unanswered) is hidden until the answers bring it up. Without this file
// every question shows, each saying whom it is for; the server ignores answers that do not apply.
// Until this file has run, the stylesheet keeps them all out of the first paint (see head.js).
// The questions about paying on past retirement age (data-born-by) wait for the birth date and sex.
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
  // The birth date typed in the three boxes as "YYYY-MM-DD", or null while it is not a whole date.
  function birthDate(form) {
    var parts = ["year", "month", "day"].map(function (part) {
      var box = form.elements["birth_date-" + part];
      return box ? box.value.replace(/[\uff10-\uff19]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0xfee0); }).trim() : "";
    });
    if (!/^\d{4}$/.test(parts[0]) || !/^\d{1,2}$/.test(parts[1]) || !/^\d{1,2}$/.test(parts[2])) { return null; }
    return parts[0] + "-" + ("0" + parts[1]).slice(-2) + "-" + ("0" + parts[2]).slice(-2);
  }
  // data-born-by="male=1970-06-30;female=…;female/f55=…;female/f50=…": the latest birth date at or near
  // retirement age today, worked out by the server from the retirement rules (CheckForm.near_retirement_rule).
  function bornBy(form, rule) {
    var born = birthDate(form), sex = answer(form, "sex");
    if (!born || !sex) { return false; }
    var limits = {};
    rule.split(";").forEach(function (part) { var pair = part.split("="); limits[pair[0]] = pair[1]; });
    var category = sex === "female" ? answer(form, "female_category") : null;
    var limit = limits[sex + "/" + category] || limits[sex];
    return Boolean(limit) && born <= limit;
  }
  // A question folded for readers without JavaScript (<details> under a line saying whom it is for) simply
  // shows, open and without that line, once it applies: here only those it applies to see it at all.
  function show(question, shown) {
    question.hidden = !shown;
    if (shown && question.tagName === "DETAILS") {
      question.open = true;
      var line = question.querySelector(":scope > summary");
      if (line) { line.hidden = true; }
    }
  }
  function update(form) {
    // In document order, so a question that depends on a hidden one is hidden too.
    Array.prototype.forEach.call(form.querySelectorAll("[data-applies-when]"), function (question) {
      show(question, applies(form, question.getAttribute("data-applies-when")));
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-born-by]"), function (group) {
      show(group, bornBy(form, group.getAttribute("data-born-by")));
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form"), function (form) {
      if (!form.querySelector("[data-applies-when], [data-born-by]")) { return; }
      update(form);
      form.addEventListener("change", function () { update(form); });
      form.addEventListener("input", function () { update(form); });
    });
    // From now on each question's own `hidden` decides: the stylesheet stops holding them all back (head.js).
    document.documentElement.classList.add("questions-ready");
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
