// Harbour's one script, loaded as a module from this server (the Content-Security-Policy allows
// no inline script). It starts govuk-frontend's components and the upload page's drag and drop.
import { initAll } from '/assets/govuk-frontend.min.js';

document.body.classList.add('govuk-frontend-supported');
initAll();

// The upload page: files dropped on the drop zone join those chosen, and the form is sent with a
// progress bar. Without this script the form still works as a plain upload.
const form = document.getElementById('upload-form');
if (form) {
  const input = document.getElementById('files');
  const zone = document.getElementById('drop-zone');
  const progress = document.getElementById('upload-progress');
  const bar = document.getElementById('upload-bar');
  const status = document.getElementById('upload-status');
  let dropped = [];
  for (const kind of ['dragenter', 'dragover']) {
    zone.addEventListener(kind, (e) => { e.preventDefault(); zone.classList.add('app-drop--over'); });
  }
  for (const kind of ['dragleave', 'drop']) {
    zone.addEventListener(kind, () => zone.classList.remove('app-drop--over'));
  }
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    dropped = dropped.concat(Array.from(e.dataTransfer.files));
    status.textContent = `${dropped.length + input.files.length} file(s) ready to upload`;
    progress.hidden = false;
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    for (const f of dropped) data.append('files', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    progress.hidden = false;
    xhr.upload.addEventListener('progress', (p) => {
      if (p.lengthComputable) {
        const pct = Math.round((100 * p.loaded) / p.total);
        bar.value = pct;
        bar.textContent = `${pct}%`;
        status.textContent = pct < 100 ? `Uploading: ${pct}%` : 'Checking and loading the files…';
      }
    });
    xhr.addEventListener('load', () => {
      if (xhr.status === 200 && xhr.responseURL && !xhr.responseURL.endsWith('/upload')) {
        window.location.assign(xhr.responseURL);
        return;
      }
      // A refusal: show the page's own account of the problems.
      const doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      const result = doc.getElementById('upload-result');
      document.getElementById('upload-result').replaceWith(result ?? doc.body);
      status.textContent = 'Nothing was stored.';
      bar.value = 0;
      dropped = [];
      document.querySelector('.govuk-error-summary')?.focus();
    });
    xhr.addEventListener('error', () => { status.textContent = 'The upload failed: check the connection and try again.'; });
    xhr.send(data);
  });
}
