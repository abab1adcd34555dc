import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './app/styles.css';
import { App } from './app/App.tsx';
import { bootstrap, registerServiceWorker } from './app/bootstrap.ts';

import { engine } from './app/worker/client.ts';

// Start the engine worker before anything else: its start-up then overlaps reading saved work.
engine.warm();
const root = createRoot(document.getElementById('root') as HTMLElement);
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
