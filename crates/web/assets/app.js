// Harbour's one script, loaded as a module from this server (the Content-Security-Policy allows
// no inline script). It starts govuk-frontend's components and the upload page's drag and drop.
import { initAll } from '/assets/govuk-frontend.min.js';

document.body.classList.add('govuk-frontend-supported');
initAll();
