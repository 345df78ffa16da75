import { useEffect, type RefObject } from 'react'

/**
 * While `active`, a press (mouse, pen or touch) anywhere outside `ref` calls `onOutside`: how an
 * open menu or a pinned popover closes when the user clicks or taps elsewhere.
 */
export function useOutsidePress(
  ref: RefObject<HTMLElement | null>,
  active: boolean,
  onOutside: () => void,
) {
  useEffect(() => {
    if (!active) return
    const onPointerDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onOutside()
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [ref, active, onOutside])
}
