// The end date cannot be before the start date: keep the browser's minimum in step.
(function () {
  var start = document.getElementById("id_preferred_start");
  var end = document.getElementById("id_preferred_end");
  if (!start || !end) return;
  function sync() { if (start.value) { end.min = start.value; } }
  start.addEventListener("change", sync);
  sync();
})();
