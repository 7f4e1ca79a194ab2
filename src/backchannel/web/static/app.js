// backchannel workbench: the round timer and a confirmation on forms that change much.
// No inline scripts (the Content-Security-Policy forbids them); everything starts here.
"use strict";

document.documentElement.classList.add("js");

function formatSeconds(total) {
  const over = total < 0;
  const s = Math.abs(total);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(h ? 2 : 1, "0");
  const text = (h ? h + ":" : "") + mm + ":" + String(sec).padStart(2, "0");
  return over ? "+" + text + " over" : text;
}

function startTimers(root) {
  root.querySelectorAll("[data-seconds-left]").forEach(function (el) {
    if (el.dataset.started) {
      return;
    }
    el.dataset.started = "1";
    let left = parseInt(el.dataset.secondsLeft, 10);
    const running = el.dataset.running === "true";
    const show = function () {
      el.textContent = formatSeconds(left);
      el.classList.toggle("over", left < 0);
    };
    show();
    if (!running) {
      return;
    }
    const tick = window.setInterval(function () {
      if (!document.body.contains(el)) {
        window.clearInterval(tick);
        return;
      }
      left -= 1;
      show();
    }, 1000);
  });
}

function confirmForms(root) {
  root.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
}

document.addEventListener("DOMContentLoaded", function () {
  startTimers(document);
  confirmForms(document);
});

document.addEventListener("htmx:load", function (event) {
  startTimers(event.target);
});
