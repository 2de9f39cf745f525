/// <reference types="vite-plugin-pwa/client" />
// The service worker (vite.config.ts, Workbox): registered after the first chart so its precache
// download never competes with the first load; when a new build is deployed, a bar offers to
// reload (the running page keeps its own files until then). Plain DOM and textContent, no inline
// script or style (CSP).
import { registerSW } from 'virtual:pwa-register';
import { t } from '../i18n/strings';
import { decode } from '../state/url';

export function registerPwa(): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      const s = t(decode(window.location.search).lang);
      const bar = document.createElement('div');
      bar.className = 'update-bar';
      bar.setAttribute('role', 'status');
      bar.dataset.testid = 'update';
      const text = document.createElement('span');
      text.textContent = s.exp.update;
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.textContent = s.exp.reload;
      btn.addEventListener('click', () => { void update(true); });
      bar.append(text, btn);
      document.body.append(bar);
    },
    onOfflineReady() { document.body.dataset.offline = 'ready'; },
  });
}
