/**
 * On every page: registers the service worker, and asks it to store the page being read (the first page of a
 * visit is opened before the worker runs, so it would not be stored otherwise). A report page says "Available
 * offline" once it and its search files are stored.
 */
import { SERVICE_WORKER_URL } from '../lib/offline/policy.ts';
import { askToStore, canStore } from './offline-store.ts';

if (canStore()) {
  navigator.serviceWorker.register(SERVICE_WORKER_URL).catch(() => {
    // Refused (a private window, a browser or test that blocks workers): the site works as without one.
  });
  const status = document.querySelector<HTMLElement>('[data-offline-status]');
  const path = location.pathname;
  void askToStore([{ path, searchFiles: status?.dataset.searchFiles }]).then(({ stored }) => {
    if (status && stored.includes(path)) status.hidden = false;
  });
}
