// The contest page: each answer is sent as soon as it is given (fetch); an answer that cannot be
// sent (no connection) is kept and sent again when the browser is back online; the countdown
// shows the server's deadline and submits the attempt when it reaches zero (the server refuses
// later answers anyway).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
(function () {
  const sheet = document.getElementById("attempt");
  if (!sheet) return;
  const answered = document.getElementById("answered");
  const connection = document.getElementById("connection");
  const pending = new Map();

  function count() {
    answered.textContent = sheet.querySelectorAll("form[data-saved]").length;
    connection.textContent = pending.size ? sheet.dataset.lost : "";
  }

  function send(form) {
    const state = form.querySelector(".answer-state");
    state.textContent = sheet.dataset.saving;
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    }).then(async (response) => {
      pending.delete(form.dataset.question);
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        form.dataset.saved = "1";
        state.textContent = sheet.dataset.saved;
        state.classList.remove("problem");
      } else {
        state.textContent = body.error || response.statusText;
        state.classList.add("problem");
      }
      count();
    }).catch(() => {
      pending.set(form.dataset.question, form);
      state.textContent = sheet.dataset.offline;
      state.classList.add("problem");
      count();
    });
  }

  sheet.addEventListener("change", (event) => {
    const form = event.target.closest("form");
    if (form) send(form);
  });
  sheet.addEventListener("submit", (event) => {
    event.preventDefault();
    send(event.target);
  });
  window.addEventListener("online", () => { [...pending.values()].forEach(send); });

  const timer = document.getElementById("timer");
  const end = Date.now() + Number(timer.dataset.seconds) * 1000;
  function tick() {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    timer.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    if (left === 0) {
      clearInterval(clock);
      document.getElementById("submit-form").submit();
    }
  }
  const clock = setInterval(tick, 1000);
  tick();
})();
