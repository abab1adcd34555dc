// Renders the app: picks the scenario to show (bootstrap.ts), then mounts React. Loaded by main.tsx
// after app/earlyStart.ts has started the engine worker (see main.tsx for why it is a separate chunk).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { bootstrap, registerServiceWorker } from './bootstrap.ts';

export function mount(el: HTMLElement): void {
  const root = createRoot(el);
  bootstrap()
    .catch(() => {
      // Start-up problems (storage blocked, a broken link) are reported inside the app; still render.
    })
    .finally(() => {
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
      registerServiceWorker();
    });
}
