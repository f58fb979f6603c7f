// Clipping from a story: select a passage in the story and press the "Clip" button that
// appears beside it; the passage goes into the briefing book chosen in the form under the
// story (the last one used). Without JavaScript that form clips a whole paragraph.
(function () {
  "use strict";
  var form = document.querySelector("form[data-clip-form]");
  var body = document.querySelector(".article__body");
  if (!form || !body || !window.fetch || !window.getSelection) return;
  var status = document.querySelector("[data-clip-status]");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "button clip-button";
  button.textContent = "Clip";
  button.setAttribute("aria-label", "Clip the selected passage to your briefing book");
  button.hidden = true;
  document.body.appendChild(button);
  var passage = "";

  function selected() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer)) return null;
    var text = selection.toString().replace(/\s+/g, " ").trim();
    return text.length >= 3 ? {text: text, rect: range.getBoundingClientRect()} : null;
  }

  function place() {
    var found = selected();
    if (!found) {
      if (document.activeElement !== button) button.hidden = true;
      return;
    }
    passage = found.text;
    button.hidden = false;
    var left = Math.min(found.rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 80);
    button.style.left = Math.max(window.scrollX + 4, left) + "px";
    button.style.top = (found.rect.bottom + window.scrollY + 6) + "px";
  }

  function say(text, link) {
    status.textContent = text + " ";
    if (link) {
      var a = document.createElement("a");
      a.href = link;
      a.textContent = "Open the briefing book";
      status.appendChild(a);
    }
  }

  document.addEventListener("selectionchange", function () { window.setTimeout(place, 0); });
  button.addEventListener("mousedown", function (event) { event.preventDefault(); });
  button.addEventListener("click", function () {
    var data = new FormData(form);
    data.set("passage", passage);
    button.disabled = true;
    fetch(form.action, {method: "POST", body: data, credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (response) { return response.json(); })
      .then(function (result) {
        if (result.ok) {
          say("Clipped to “" + result.folder + "”.", result.url);
          var select = form.querySelector("select[name=folder]");
          if (select && !select.value) window.setTimeout(function () { window.location.reload(); }, 1500);
        } else {
          say((result.errors || ["That passage could not be clipped."]).join(" "));
        }
      })
      .catch(function () { say("The clip was not saved; check your connection and try again."); })
      .then(function () {
        button.disabled = false;
        button.hidden = true;
        window.getSelection().removeAllRanges();
      });
  });
})();
