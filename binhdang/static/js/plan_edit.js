// The plan editor's autosave: a status line while saving, the plan revision copied from each
// response into every form (so the next save says which version it was made on), 409 and 400
// answers shown instead of dropped (the fields keep what was typed), and focus kept on the
// button that moved a row after its list is re-rendered.
(function () {
  const editor = document.getElementById("plan-editor");
  if (!editor) return;
  const status = () => document.getElementById("save-status");
  let focusId = null;

  document.addEventListener("htmx:beforeRequest", (event) => {
    if (!editor.contains(event.detail.elt)) return;
    const line = status();
    if (line && !line.classList.contains("problem")) line.textContent = editor.dataset.saving;
    const active = document.activeElement;
    focusId = active && active.id ? active.id : null;
  });
  document.addEventListener("htmx:beforeSwap", (event) => {
    const code = event.detail.xhr.status;
    if (code === 400 || code === 409) {
      // The body carries only the status line (out of band); the form stays as typed.
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    const revision = event.detail.xhr && event.detail.xhr.getResponseHeader("X-Plan-Revision");
    if (!revision) return;
    editor.querySelectorAll('input[name="revision"]').forEach((input) => { input.value = revision; });
  });
  document.addEventListener("htmx:afterSettle", () => {
    if (!focusId) return;
    // Only when a swap took the focused element away: a user who has already moved on (tabbed
    // to another button while the list was re-rendered) keeps their focus. One request may
    // settle several swaps (the list, the status line), so this runs for each of them.
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const target = document.getElementById(focusId);
    if (target) target.focus();
  });
  document.addEventListener("htmx:sendError", () => {
    const line = status();
    if (line) { line.textContent = editor.dataset.offline; line.classList.add("problem"); }
  });
})();
