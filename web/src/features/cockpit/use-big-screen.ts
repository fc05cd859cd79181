import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The 大屏 mode: the cockpit covers the window in the dark theme and, where the browser allows it, the
 * screen too. Leaving full screen with Esc leaves the mode; a browser that refuses full screen still gets
 * the covering dark page.
 */
export function useBigScreen(): { on: boolean; toggle: () => void } {
  const [on, setOn] = useState(false);
  const ownsFullscreen = useRef(false);

  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && ownsFullscreen.current) {
        ownsFullscreen.current = false;
        setOn(false);
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // Leaving the page in big-screen mode must not leave the browser in full screen.
  useEffect(
    () => () => {
      if (ownsFullscreen.current && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    },
    [],
  );

  const toggle = useCallback(() => {
    if (on) {
      setOn(false);
      if (ownsFullscreen.current && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      ownsFullscreen.current = false;
      return;
    }
    setOn(true);
    const root = document.documentElement;
    if (typeof root.requestFullscreen === 'function' && !document.fullscreenElement) {
      root.requestFullscreen().then(
        () => (ownsFullscreen.current = true),
        () => (ownsFullscreen.current = false),
      );
    }
  }, [on]);

  return { on, toggle };
}
