// The baseline of the page figure (issue 9): a bare React page, built and served exactly like the app
// (Vite production build, `vite preview`). It marks `bare-painted` the way GraphPanel marks
// `gwsim-graph-painted`: after commit, on the first animation frame where its content is in the DOM,
// then in a following task.
import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

function Bare() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const check = () => {
      if (ref.current?.querySelector('li')) setTimeout(() => performance.mark('bare-painted'), 0);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, []);
  return (
    <div ref={ref}>
      <h1>Bare React page</h1>
      <ul>
        {['GatewayClass', 'Gateway', 'Listener', 'Route', 'Backend'].map((k) => (
          <li key={k}>{k}</li>
        ))}
      </ul>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Bare />
  </StrictMode>,
);
