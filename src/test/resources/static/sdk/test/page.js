// The documentation's example, configurable from the query string for the browser tests:
// ?api=<API base>&flush=<flush interval in ms>. Loaded as a file: the CSP allows no inline script.
(function () {
  "use strict";

  var params = new URLSearchParams(location.search);
  SupportLabAB.init({
    apiBase: params.get("api") || undefined,
    flushInterval: Number(params.get("flush")) || undefined,
    debug: true
  });

  var button = document.getElementById("buy");
  SupportLabAB.getVariant("checkout-button", "fallback").then(function (variant) {
    button.style.backgroundColor = variant === "blue_button" ? "#2563eb" : "#16a34a";
    button.style.color = "#fff";
    button.hidden = false;
    document.getElementById("variant").textContent = variant;
  });
  button.addEventListener("click", function () {
    SupportLabAB.track("checkout-button", "clicks", 1, {location: "header"});
  });
})();
