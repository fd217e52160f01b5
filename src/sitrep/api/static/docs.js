// Starts Swagger UI on /docs. A file of its own, not an inline <script>: the app's
// Content-Security-Policy (script-src 'self') runs no inline script.
"use strict";

window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.spec,
    dom_id: "#swagger-ui",
    deepLinking: true,
    // The default sends the description to validator.swagger.io for a badge: nothing leaves.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
