// Kiosk mode only (the page loads this file when the deployment turns kiosk mode on).
// A stranger uses the terminal next, so nothing typed may outlive the person who typed it:
//  - idle timeout: after data-idle-seconds without a touch or key, a warning; after
//    data-warning-seconds more, back to the start page. The server also writes a
//    <noscript> meta refresh for browsers without JavaScript; with JavaScript that meta is
//    never parsed, so it cannot cut short someone who is still typing.
//  - the warning counts the seconds down on screen; a screen reader hears it when it opens and
//    once more in the last seconds (data-last-seconds), not every second.
//  - "Finish and clear" and the timeout replace the current history entry with the start page
//    and begin a new session, and every page turns its own entry into a plain GET
//    (history.replaceState), so Back never re-posts a previous person's answers; forms are not
//    saved for history restoration (autocomplete off) and are emptied when the page is left, and
//    a page brought back from the back/forward cache is fetched again (the server sends no-store).
//  - Back cannot walk into the previous person's pages: JavaScript cannot clear the history, so
//    each entry is marked with the session it belongs to (history.state) and the tab remembers
//    the current session (sessionStorage: a random number, nothing anyone typed). A page reached
//    through an entry of an ended session goes straight on to the start page, replacing that entry.
//  - an on-screen number pad under the focused number box, for terminals without a keyboard.
(function () {
  "use strict";
  var script = document.currentScript;
  var startUrl = script.getAttribute("data-start-url");
  var onStartPage = script.hasAttribute("data-start-page");
  var idleMs = Number(script.getAttribute("data-idle-seconds")) * 1000;
  var warningMs = Number(script.getAttribute("data-warning-seconds")) * 1000;
  var ACTIVITY = ["pointerdown", "keydown", "input", "wheel", "touchstart", "scroll"];

  // Sessions: which one this tab is in now, and which one this history entry belongs to.
  var SESSION_KEY = "kiosk-session";
  function newSessionId() {
    var bytes = new Uint32Array(2);
    window.crypto.getRandomValues(bytes);
    return bytes[0].toString(36) + bytes[1].toString(36);
  }
  function currentSession() {
    try {
      var id = sessionStorage.getItem(SESSION_KEY);
      if (!id) { id = newSessionId(); sessionStorage.setItem(SESSION_KEY, id); }
      return id;
    } catch (error) { return null; }  // storage switched off: no session marks, the rest still works
  }
  // To the start page in place of this history entry. Going to the address already shown counts as a reload,
  // which keeps the entry's state: it is emptied first, so the start page belongs to the session now running.
  function goToStart() {
    if (window.history && history.replaceState) { history.replaceState(null, "", location.href); }
    location.replace(startUrl);
  }
  function startNewSession() {
    try { sessionStorage.setItem(SESSION_KEY, newSessionId()); } catch (error) { /* see currentSession */ }
  }
  var session = currentSession();
  var entry = window.history && history.state;
  var endedSession = Boolean(session && entry && entry.kioskSession && entry.kioskSession !== session);
  if (endedSession) {
    // Reached with Back (or Forward) from a newer session: this page was the previous person's.
    document.documentElement.classList.add("kiosk-leaving");
    goToStart();
    return;
  }
  // A POST result's history entry becomes a GET of the same address: Back or reload then shows
  // the empty page instead of offering to send the answers again. It is marked with the session.
  if (window.history && history.replaceState) {
    history.replaceState(session ? { kioskSession: session } : null, "", location.href);
  }

  function forEachForm(action) { Array.prototype.forEach.call(document.forms, action); }

  function emptyForms() {
    forEachForm(function (form) {
      Array.prototype.forEach.call(form.elements, function (control) {
        if (control.type === "radio" || control.type === "checkbox") { control.checked = false; }
        else if (control.tagName === "SELECT") { control.selectedIndex = -1; }
        else if (control.type !== "button" && control.type !== "submit") { control.value = ""; }
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".result-region"), function (region) {
      region.textContent = "";
    });
  }

  function leave() {
    emptyForms();
    startNewSession();
    goToStart();
  }

  document.addEventListener("DOMContentLoaded", function () {
    forEachForm(function (form) { form.setAttribute("autocomplete", "off"); });
    Array.prototype.forEach.call(document.querySelectorAll("input[autocomplete]"), function (input) {
      input.setAttribute("autocomplete", "off");
    });
    setUpIdleTimeout();
    setUpKeypad();
    Array.prototype.forEach.call(document.querySelectorAll("[data-kiosk-finish]"), function (link) {
      link.addEventListener("click", function (event) { event.preventDefault(); leave(); });
    });
  });

  window.addEventListener("pagehide", emptyForms);
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { location.reload(); }
  });

  // Idle timeout ----------------------------------------------------------------------------------
  // While the warning is open, only a finished tap or click (or Enter, Space, Escape) dismisses it,
  // and that tap goes nowhere else: closing it on the first touch would let the rest of the tap land
  // on whatever lies under the warning (a button that changes the answers or sends the form).
  function setUpIdleTimeout() {
    var dialog = document.getElementById("kiosk-idle");
    var announce = document.getElementById("kiosk-idle-announce");
    var warnTimer = null;
    var leaveTimer = null;

    function warning() { return Boolean(dialog && dialog.open); }
    function arm() {
      clearTimeout(warnTimer);
      clearTimeout(leaveTimer);
      warnTimer = setTimeout(warn, idleMs);
    }
    // The seconds left, written into the warning each second; the page clears when they run out.
    var counters = dialog ? dialog.querySelectorAll("[data-kiosk-countdown]") : [];
    var lastCall = announce ? Number(announce.getAttribute("data-last-seconds")) : 0;
    var warningSeconds = Math.round(warningMs / 1000);
    var deadline = 0;
    function show(seconds) {
      Array.prototype.forEach.call(counters, function (counter) { counter.textContent = String(seconds); });
    }
    function tick() {
      var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      show(left);
      // The one announcement besides the opening one, when the warning is long enough for two.
      if (announce && left === lastCall && warningSeconds >= 2 * lastCall) {
        announce.textContent = announce.getAttribute("data-last-message");
      }
      if (left === 0) { leave(); return; }
      leaveTimer = setTimeout(tick, Math.max(50, deadline - Date.now() - (left - 1) * 1000));
    }
    function warn() {
      deadline = Date.now() + warningMs;
      show(warningSeconds);
      if (dialog && dialog.showModal) { dialog.showModal(); }
      if (announce) { announce.textContent = announce.getAttribute("data-message"); }
      leaveTimer = setTimeout(tick, 1000);
    }
    function dismiss() {
      if (warning()) { dialog.close(); }
    }
    // Any touch or key counts as activity, except inside the warning, which waits for its tap.
    function activity() {
      if (!warning()) { arm(); }
    }
    ACTIVITY.forEach(function (name) {
      window.addEventListener(name, activity, { capture: true, passive: true });
    });
    // The warning's tap: caught on the window before anything on the page sees it, and spent there.
    window.addEventListener("click", function (event) {
      if (!warning()) { return; }
      event.preventDefault();
      event.stopImmediatePropagation();
      dismiss();
    }, true);
    window.addEventListener("keydown", function (event) {
      if (!warning()) { return; }
      if (event.key === "Enter" || event.key === " " || event.key === "Escape") {
        event.preventDefault();
        event.stopImmediatePropagation();
        dismiss();
      }
    }, true);
    if (dialog) {
      // Closed by any means (the tap, a key, the browser's own Escape): the page goes on as it was.
      dialog.addEventListener("close", function () {
        if (announce) { announce.textContent = ""; }
        arm();
      });
    }
    // An untouched start page has nothing to clear; once someone uses it, it counts like any page.
    if (!onStartPage) { arm(); }
  }

  // Number pad ------------------------------------------------------------------------------------
  function setUpKeypad() {
    var template = document.getElementById("kiosk-keypad");
    if (!template) { return; }
    var pad = template.content.firstElementChild.cloneNode(true);
    var decimal = pad.querySelector('[data-key="."]');
    var input = null;

    function isNumberBox(element) {
      return element && element.tagName === "INPUT" &&
        (element.getAttribute("inputmode") === "decimal" || element.getAttribute("inputmode") === "numeric");
    }
    function open(box) {
      input = box;
      var anchor = box.closest(".date-input, .input-wrapper") || box;
      if (anchor.nextElementSibling !== pad) { anchor.insertAdjacentElement("afterend", pad); }
      decimal.hidden = box.getAttribute("inputmode") !== "decimal";
      pad.hidden = false;
    }
    function close() {
      pad.hidden = true;
      input = null;
    }
    function type(key) {
      var value = input.value;
      if (key === "back") { value = value.slice(0, -1); }
      else if (key === "clear") { value = ""; }
      else if (key === ".") { if (value.indexOf(".") === -1) { value += value ? "." : "0."; } }
      else { value += key; }
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }

    // The pad opens under a box and closes when the focus leaves the boxes. With a finger or mouse
    // that waits for the click: moving the pad while a tap is under way would shift the page under
    // the finger, and the tap would land on something else. Keyboard focus moves it at once.
    var pointing = false;
    document.addEventListener("pointerdown", function () { pointing = true; }, true);
    document.addEventListener("pointercancel", function () { pointing = false; }, true);
    var idle = document.getElementById("kiosk-idle");
    document.addEventListener("focusin", function (event) {
      // The idle warning takes the focus and gives it back: the pad stays as it was, so nothing moves.
      if (idle && (idle.open || idle.contains(event.target) || idle.contains(event.relatedTarget))) { return; }
      if (pointing) { return; }
      if (isNumberBox(event.target)) { open(event.target); }
      else if (!pad.contains(event.target)) { close(); }
    });
    document.addEventListener("click", function (event) {
      pointing = false;
      if (isNumberBox(event.target)) { if (input !== event.target || pad.hidden) { open(event.target); } }
      else if (!pad.contains(event.target)) { close(); }
    }, true);
    // A press on the pad must not take the focus from the box being typed into.
    pad.addEventListener("pointerdown", function (event) {
      if (event.target.closest("button")) { event.preventDefault(); }
    });
    pad.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-key]");
      if (!button || !input) { return; }
      var key = button.getAttribute("data-key");
      if (key !== "done") { type(key); return; }
      var box = input;
      box.dispatchEvent(new Event("change", { bubbles: true }));
      // Keyboard users pressed "Done" on the pad itself: their focus goes back to the box.
      if (pad.contains(document.activeElement)) { box.focus(); }
      close();
    });
    pad.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input) { var box = input; box.focus(); close(); }
    });
    close();
  }
})();
