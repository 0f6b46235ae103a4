/**
 * The "Save … reports for offline reading" button (src/components/SaveOffline.astro): asks the service worker to
 * store every report of the authority and says how that went, in the status line beside it.
 */
import type { PageToStore } from '../lib/offline/policy.ts';
import { askToStore, canStore, storedPaths } from './offline-store.ts';

const panel = document.querySelector<HTMLElement>('[data-offline-save]');
const button = panel?.querySelector<HTMLButtonElement>('button[data-pages]');
const status = panel?.querySelector<HTMLElement>('[role="status"]');

const reports = (n: number) => `${n} ${n === 1 ? 'report' : 'reports'}`;

if (panel && button && status && canStore()) {
  const pages = JSON.parse(button.dataset.pages ?? '[]') as PageToStore[];
  // Offered once a worker is running to do the saving (a browser can refuse one: a private window, say).
  void navigator.serviceWorker.ready.then(() => (panel.hidden = false));
  void storedPaths().then((stored) => {
    const saved = pages.filter((page) => stored.has(page.path)).length;
    if (saved > 0) status.textContent = saved === pages.length ? `All ${reports(saved)} are saved on this device.` : `${reports(saved)} of ${pages.length} saved on this device.`;
  });
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = `Saving ${reports(pages.length)}…`;
    try {
      const { stored, failed } = await askToStore(pages);
      status.textContent =
        failed.length === 0
          ? `Saved: all ${reports(stored.length)} open on this device without signal.`
          : `Saved ${reports(stored.length)} of ${pages.length}; ${failed.length} could not be saved. Check your signal and try again.`;
    } finally {
      button.disabled = false;
    }
  });
}
