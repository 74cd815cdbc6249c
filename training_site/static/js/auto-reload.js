// Reload the page every few seconds while a background job runs (progress bars).
setTimeout(function () { window.location.reload(); }, 3000);
