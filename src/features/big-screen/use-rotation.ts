import { useCallback, useEffect, useRef, useState } from 'react'

/** How long rotation stays paused after the last interaction. */
export const INTERACTION_PAUSE_MS = 20_000

/**
 * Page rotation for the big screen: advances every `seconds` (0 = never), pauses while someone
 * interacts (mouse, touch, wheel, keys) and resumes by itself; arrow keys change page. Every timer
 * and listener is released when the screen unmounts. If `count` shrinks (the layout changed), the
 * next step starts from the last page; `show` moves to a page without pausing.
 */
export function useRotation(count: number, seconds: number, initialPage = 0) {
  const [page, setPage] = useState(initialPage)
  const [pausedUntil, setPausedUntil] = useState(0)
  const [now, setNow] = useState(() => Date.now())
  const paused = pausedUntil > now

  const go = useCallback(
    (delta: number) =>
      setPage((p) =>
        count > 0 ? (((Math.min(p, count - 1) + delta) % count) + count) % count : 0,
      ),
    [count],
  )
  const lastPause = useRef(0)
  const pause = useCallback(() => {
    const t = Date.now()
    // A moving mouse fires many events a second; one state update a second is enough.
    if (t - lastPause.current < 1000) return
    lastPause.current = t
    setNow(t)
    setPausedUntil(t + INTERACTION_PAUSE_MS)
  }, [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'PageDown') go(1)
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp') go(-1)
      else return
      e.preventDefault()
      pause()
    }
    const events = ['pointermove', 'pointerdown', 'wheel', 'touchstart'] as const
    window.addEventListener('keydown', onKey)
    for (const ev of events) window.addEventListener(ev, pause, { passive: true })
    return () => {
      window.removeEventListener('keydown', onKey)
      for (const ev of events) window.removeEventListener(ev, pause)
    }
  }, [go, pause])

  useEffect(() => {
    if (seconds <= 0 || count < 2) return
    const wait = paused ? pausedUntil - Date.now() : seconds * 1000
    const id = window.setTimeout(
      () => {
        setNow(Date.now())
        if (!paused) go(1)
      },
      Math.max(wait, 50),
    )
    return () => window.clearTimeout(id)
  }, [seconds, count, paused, pausedUntil, page, go])

  return {
    page,
    show: setPage,
    setPage: (p: number) => (setPage(p), pause()),
    next: () => go(1),
    prev: () => go(-1),
    paused,
  }
}
