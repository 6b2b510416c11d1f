// Small behaviours that work without a framework: auto-submitting selects, the phone menu.
document.addEventListener("change", (event) => {
  if (event.target.matches("select[data-autosubmit]")) event.target.form.requestSubmit();
});
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-toggle]");
  if (!button) return;
  const target = document.getElementById(button.dataset.toggle);
  const open = target.classList.toggle("open");
  button.setAttribute("aria-expanded", open ? "true" : "false");
});
