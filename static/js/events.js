// Shows event start times in the reader's own time zone. Without JavaScript
// the server's UTC and event-zone times stay as they are.
(function () {
  "use strict";
  var nodes = document.querySelectorAll("time[data-event-time]");
  if (!nodes.length || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  var format = new Intl.DateTimeFormat(undefined, {
    weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
  });
  nodes.forEach(function (node) {
    var when = new Date(node.getAttribute("datetime"));
    if (isNaN(when.getTime())) return;
    node.title = node.textContent;
    node.textContent = format.format(when) + (zone ? " (" + zone + ")" : "");
  });
})();
