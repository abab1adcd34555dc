// A resize handle between two panes: drag with the pointer, or focus it and use the arrow keys.
import { type KeyboardEvent, type PointerEvent, useRef } from 'react';

export function Splitter({
  value,
  onChange,
  orientation,
  label,
  min = 20,
  max = 80,
}: {
  /** Size of the first pane in percent of the container. */
  value: number;
  onChange: (v: number) => void;
  orientation: 'vertical' | 'horizontal';
  label: string;
  min?: number;
  max?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = ref.current;
    const box = el?.parentElement?.getBoundingClientRect();
    if (!el || !box) return;
    el.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => {
      const v =
        orientation === 'vertical'
          ? ((ev.clientX - box.left) / box.width) * 100
          : ((ev.clientY - box.top) / box.height) * 100;
      onChange(clamp(Math.round(v * 10) / 10));
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    e.preventDefault();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const dec = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const inc = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    const step = e.shiftKey ? 10 : 2;
    if (e.key === dec) onChange(clamp(value - step));
    else if (e.key === inc) onChange(clamp(value + step));
    else if (e.key === 'Home') onChange(min);
    else if (e.key === 'End') onChange(max);
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={ref}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={Math.round(value)}
      className={`splitter splitter-${orientation}`}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
