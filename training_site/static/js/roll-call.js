// Roll call: one button marks present every trainee not yet marked.
document.querySelector("[data-all-present]")?.addEventListener("click", () => {
  document.querySelectorAll(".roll-row").forEach((row) => {
    if (!row.querySelector("input:checked")) row.querySelector("input[value=present]").checked = true;
  });
});
