// Small behaviours shared by every page (no inline handlers: the Content-Security-Policy forbids them).
document.addEventListener("click", function (event) {
  var target = event.target;
  if (target.closest("[data-print]")) {
    window.print();
  } else if (target.matches("input.copy-link")) {
    target.select();
  }
});
