"use client";

/** A desktop notification, only while the tab is hidden and when the user allowed them. */
export function notifyIfHidden(title: string, body: string, url: string): void {
  if (typeof Notification === "undefined" || !document.hidden) return;
  if (Notification.permission !== "granted") return;
  const n = new Notification(title, { body, tag: url });
  n.onclick = () => {
    window.focus();
    window.location.assign(url);
  };
}

/** Asks once, on a user gesture (browsers ignore requests made without one). */
export function askForNotifications(): void {
  if (typeof Notification !== "undefined" && Notification.permission === "default") void Notification.requestPermission();
}
