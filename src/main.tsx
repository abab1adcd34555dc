import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './app/styles.css';
import { App } from './app/App.tsx';
import { bootstrap, registerServiceWorker, startEngineEarly } from './app/bootstrap.ts';

startEngineEarly();
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
