// Roll call: one button marks present every trainee not yet marked (rows without choices, such
// as the instructor's own place, are left alone).
document.querySelector("[data-all-present]")?.addEventListener("click", () => {
  document.querySelectorAll(".roll-row").forEach((row) => {
    const present = row.querySelector("input[value=present]");
    if (present && !row.querySelector("input:checked")) present.checked = true;
  });
});
