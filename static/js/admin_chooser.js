// Choosers with search on the article form: type part of a name, pick a match, remove a chip.
(function () {
  "use strict";

  function chip(name, id, label) {
    var li = document.createElement("li");
    li.className = "nd-chooser__chip";
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = id;
    var span = document.createElement("span");
    span.textContent = label;
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "nd-chooser__remove";
    remove.setAttribute("aria-label", "Remove " + label);
    remove.textContent = "×";
    li.append(input, span, " ", remove);
    return li;
  }

  function setUp(root) {
    if (root.dataset.ndReady) return;
    root.dataset.ndReady = "1";
    var name = root.dataset.name;
    var chosen = root.querySelector(".nd-chooser__chosen");
    var search = root.querySelector(".nd-chooser__search");
    var results = root.querySelector(".nd-chooser__results");
    var status = root.querySelector(".nd-chooser__status");
    var timer = null;
    var asked = 0;

    function chosenIds() {
      return Array.from(chosen.querySelectorAll("input")).map(function (i) { return i.value; });
    }
    function close() {
      results.hidden = true;
      results.replaceChildren();
      search.setAttribute("aria-expanded", "false");
    }
    function changed() {
      search.dispatchEvent(new Event("change", { bubbles: true }));
    }
    function pick(item) {
      if (chosenIds().indexOf(String(item.id)) === -1) {
        chosen.append(chip(name, item.id, item.label));
        status.textContent = "Added " + item.label + ".";
        changed();
      }
      search.value = "";
      close();
      search.focus();
    }
    function show(items, query) {
      results.replaceChildren();
      var have = chosenIds();
      items.forEach(function (item) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.tabIndex = -1;
        li.className = "nd-chooser__result";
        li.dataset.id = item.id;
        var label = document.createElement("span");
        label.textContent = item.label;
        li.append(label);
        if (item.detail) {
          var detail = document.createElement("small");
          detail.textContent = " " + item.detail;
          li.append(detail);
        }
        if (have.indexOf(String(item.id)) !== -1) {
          li.setAttribute("aria-selected", "true");
        }
        li.addEventListener("click", function () { pick(item); });
        li.addEventListener("keydown", function (event) {
          if (event.key === "Enter") { event.preventDefault(); pick(item); }
          if (event.key === "ArrowDown" && li.nextElementSibling) { event.preventDefault(); li.nextElementSibling.focus(); }
          if (event.key === "ArrowUp") { event.preventDefault(); (li.previousElementSibling || search).focus(); }
          if (event.key === "Escape") { close(); search.focus(); }
        });
        results.append(li);
      });
      results.hidden = items.length === 0;
      search.setAttribute("aria-expanded", items.length ? "true" : "false");
      status.textContent = items.length ? "" : "Nothing matches “" + query + "”.";
    }
    function ask() {
      var query = search.value.trim();
      if (!query) { close(); status.textContent = ""; return; }
      var ticket = ++asked;
      fetch(root.dataset.url + "?q=" + encodeURIComponent(query), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (ticket === asked) show(data.results || [], query); })
        .catch(function () { status.textContent = "Search failed; try again."; });
    }

    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        // Enter picks the first match instead of submitting the whole page.
        event.preventDefault();
        var first = results.querySelector(".nd-chooser__result");
        if (first) first.click();
      }
      if (event.key === "ArrowDown") {
        var top = results.querySelector(".nd-chooser__result");
        if (top) { event.preventDefault(); top.focus(); }
      }
      if (event.key === "Escape") close();
    });
    chosen.addEventListener("click", function (event) {
      var button = event.target.closest(".nd-chooser__remove");
      if (!button) return;
      var li = button.closest("li");
      status.textContent = "Removed " + li.querySelector("span").textContent + ".";
      li.remove();
      changed();
      search.focus();
    });
    document.addEventListener("click", function (event) {
      if (!root.contains(event.target)) close();
    });
  }

  function setUpAll() {
    document.querySelectorAll("[data-nd-chooser]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
