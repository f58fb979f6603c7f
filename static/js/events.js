// Event times in the reader's own zone, written the way the site writes every time
// ("Sat 5 Dec 2026, 07:00 GMT-5 in New York"). The zone picker starts at the browser's zone,
// remembered in the `tz` cookie so the server shows it on the next page. Without JavaScript the
// server's UTC and event-zone times stay as they are and the picker starts empty.
(function () {
  "use strict";
  if (!window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";

  var picker = document.querySelector("select[data-zone-picker]");
  var hasCookie = /(?:^|; )tz=/.test(document.cookie);
  if (picker && zone && !picker.value && !hasCookie) {
    var listed = Array.prototype.some.call(picker.options, function (option) { return option.value === zone; });
    if (listed) {
      picker.value = zone;
      document.cookie = "tz=" + zone + "; path=/; max-age=31536000; SameSite=Lax";
    }
  }

  var nodes = document.querySelectorAll("time[data-event-time]");
  if (!nodes.length) return;
  var format = new Intl.DateTimeFormat("en-GB", {
    weekday: "short", day: "numeric", month: "short", year: "numeric",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"
  });
  var place = zone.indexOf("/") > 0 ? " in " + zone.split("/").pop().replace(/_/g, " ") : "";
  nodes.forEach(function (node) {
    var when = new Date(node.getAttribute("datetime"));
    if (isNaN(when.getTime())) return;
    var parts = {};
    format.formatToParts(when).forEach(function (part) { parts[part.type] = part.value; });
    node.title = node.textContent;
    node.textContent = parts.weekday + " " + parts.day + " " + parts.month + " " + parts.year + ", " +
      parts.hour + ":" + parts.minute + " " + parts.timeZoneName + place;
  });
})();
