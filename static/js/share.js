// "Copy link" on article pages: copies the story's address with the Clipboard API and says so.
// Without JavaScript, or where the Clipboard API is missing (plain http, old browsers), the
// plain "Link to copy" link stays. No third-party script is involved.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll("button.share__copy-button[data-copy-url]").forEach(function (button) {
    var item = button.parentNode;
    var link = item.querySelector("a.share__copy");
    var share = button.closest(".share");
    var status = share ? share.querySelector(".share__status") : null;
    function say(text) {
      if (status) status.textContent = text;
    }
    button.hidden = false;
    if (link) link.hidden = true;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-url")).then(
        function () {
          button.textContent = "Link copied";
          say("The link to this story is copied. Paste it anywhere to share it.");
          window.setTimeout(function () { button.textContent = "Copy link"; }, 4000);
        },
        function () {
          if (link) link.hidden = false;
          button.hidden = true;
          say("Your browser did not let us copy. Copy the link instead.");
        }
      );
    });
  });
})();
