import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` (on the minute by default, so clocks tick in step). */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: number | undefined;
    const tick = () => {
      setNow(new Date());
      // Align to the next boundary (a clock showing HH:mm should change when the minute does).
      const delay = intervalMs - (Date.now() % intervalMs) + 50;
      timer = window.setTimeout(tick, delay);
    };
    timer = window.setTimeout(tick, intervalMs - (Date.now() % intervalMs) + 50);
    return () => window.clearTimeout(timer);
  }, [intervalMs]);
  return now;
}
