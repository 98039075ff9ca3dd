// Marks the page as one where GOV.UK Frontend's scripts run (its template does this inline, which
// our Content-Security-Policy forbids) and starts its components: the skip link, the header's menu,
// the error summary (which takes the focus).
import { initAll } from "/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
