import { useCallback, useEffect, useState } from 'react'

/** Fullscreen API toggle (F key or the on-screen button); the listener is released on unmount. */
export function useFullscreen() {
  const [active, setActive] = useState(() => document.fullscreenElement !== null)
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
    else void document.documentElement.requestFullscreen?.().catch(() => undefined)
  }, [])
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null)
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 'f' || e.key === 'F') && !e.ctrlKey && !e.metaKey && !e.altKey) toggle()
    }
    document.addEventListener('fullscreenchange', onChange)
    window.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('fullscreenchange', onChange)
      window.removeEventListener('keydown', onKey)
    }
  }, [toggle])
  return { active, toggle }
}
