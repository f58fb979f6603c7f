// Monitor: suggests entity names as a PRO member types in a comma-separated entity field.
// The suggestions fill a <datalist>, so the browser's own list (and keyboard) does the rest;
// without JavaScript the field is plain text and the server checks the names.
(function () {
  "use strict";
  var fields = document.querySelectorAll("input[data-entity-autocomplete]");
  if (!fields.length || !window.fetch) return;

  fields.forEach(function (input, number) {
    var list = document.createElement("datalist");
    list.id = (input.id || "entity-field") + "-suggestions-" + number;
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("list", list.id);
    var timer = null;
    var asked = "";

    function parts() {
      var value = input.value;
      var cut = value.lastIndexOf(",");
      return {head: cut < 0 ? "" : value.slice(0, cut + 1) + " ", last: value.slice(cut + 1).trim()};
    }

    function fill(head, names) {
      list.textContent = "";
      names.forEach(function (item) {
        var option = document.createElement("option");
        option.value = head + item.name;
        option.label = item.kind;
        list.appendChild(option);
      });
    }

    input.addEventListener("input", function () {
      var now = parts();
      if (now.last.length < 2 || now.last === asked) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        asked = now.last;
        var url = input.getAttribute("data-entity-autocomplete") + "?q=" + encodeURIComponent(now.last);
        fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
          .then(function (response) { return response.ok ? response.json() : {results: []}; })
          .then(function (data) { fill(now.head, data.results || []); })
          .catch(function () { fill(now.head, []); });
      }, 150);
    });
  });
})();
