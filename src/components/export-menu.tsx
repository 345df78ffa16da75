import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react'
import { chartExport, type ChartView } from '@/lib/charts/chart-view'
import { THEMES } from '@/lib/theme/themes'
import { useOutsidePress } from './use-outside-press'
import { downloadBlob } from '@/lib/download'
import './export-menu.css'

const RATIOS = [2, 3, 4] as const

/** Which item takes the focus when the menu opens from the keyboard. */
type OpenFocus = 'first' | 'last'

/** The menu's items, in order. */
function menuItems(list: HTMLElement | null): HTMLElement[] {
  return Array.from(list?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
}

/** Focuses the first or last item of the menu. */
function focusItem(list: HTMLElement | null, which: OpenFocus) {
  const all = menuItems(list)
  all[which === 'first' ? 0 : all.length - 1]?.focus()
}

/**
 * 导出: a chart as a PNG at 2×, 3× or 4× (re-rendered, with title band and footer), or copied to
 * the clipboard. The rendering code loads only when used.
 *
 * A menu button (WAI-ARIA APG): a click opens or closes it; Enter, Space or ArrowDown on the button
 * open it with the focus on the first item, ArrowUp on the last. In the menu ArrowDown and ArrowUp
 * move (round), Home and End jump; Escape closes it and gives the focus back to 导出; Tab, focus
 * leaving it otherwise, or a press elsewhere closes it. The items are one tab stop: tabIndex -1.
 */
export function ExportMenu({
  view,
  chartBox,
}: {
  view: ChartView
  chartBox: () => HTMLElement | null
}) {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const ref = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  /** The item to focus once the menu has rendered (opened from the keyboard). */
  const focusOnOpen = useRef<OpenFocus | null>(null)
  const id = useId()
  const buttonId = `${id}-button`
  const menuId = `${id}-menu`

  useOutsidePress(
    ref,
    open,
    useCallback(() => setOpen(false), []),
  )

  useEffect(() => {
    const which = focusOnOpen.current
    if (!open || !which) return
    focusOnOpen.current = null
    focusItem(listRef.current, which)
  }, [open])

  /** Opens the menu (or keeps it open) and focuses its first or last item. */
  function openAt(which: OpenFocus) {
    if (open) {
      focusItem(listRef.current, which)
      return
    }
    focusOnOpen.current = which
    setOpen(true)
  }

  /** Closes the menu; from the keyboard the focus goes back to 导出 (not lost with the items). */
  function close(refocus: boolean) {
    if (refocus) buttonRef.current?.focus()
    setOpen(false)
  }

  function onButtonKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    switch (e.key) {
      case 'Enter':
      case ' ':
      case 'ArrowDown':
        e.preventDefault()
        openAt('first')
        break
      case 'ArrowUp':
        e.preventDefault()
        openAt('last')
        break
      case 'Escape':
        if (open) {
          e.preventDefault()
          e.stopPropagation()
          close(false)
        }
        break
    }
  }

  /** Space clicks a button on keyup in some browsers: its keydown has already opened the menu. */
  function onButtonKeyUp(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === ' ') e.preventDefault()
  }

  function onMenuKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const all = menuItems(listRef.current)
    const at = all.indexOf(document.activeElement as HTMLElement)
    const move = (to: number) => {
      e.preventDefault()
      all[(to + all.length) % all.length]?.focus()
    }
    switch (e.key) {
      case 'ArrowDown':
        return move(at + 1)
      case 'ArrowUp':
        return move(at < 0 ? all.length - 1 : at - 1)
      case 'Home':
        return move(0)
      case 'End':
        return move(all.length - 1)
      case 'Escape':
        e.preventDefault()
        e.stopPropagation()
        return close(true)
      case 'Tab':
        // Shift+Tab would land on 导出, inside this component: close the menu there too.
        if (e.shiftKey) {
          e.preventDefault()
          close(true)
        }
        // Tab goes on to the next control: onBlur below closes the menu.
        return
    }
  }

  /** Focus leaving the button and its menu (Tab, a click elsewhere) closes the menu. */
  function onBlur(e: FocusEvent<HTMLDivElement>) {
    if (!open) return
    const next = e.relatedTarget as Node | null
    const box = ref.current
    if (!box) return
    // With no new target the focus may only have left the window: the menu stays until it moves.
    const stays = next ? box.contains(next) : box.contains(document.activeElement)
    if (!stays) setOpen(false)
  }

  async function run(ratio: number, target: 'file' | 'clipboard') {
    if (busy) return
    const box = chartBox()
    const info = chartExport(view, new Date())
    if (!box || !info) return
    setBusy(true)
    setMessage('正在生成…')
    try {
      const { renderChartImage } = await import('@/lib/export/render')
      const image = await renderChartImage({
        option: view.option(THEMES.briefing.chart),
        cssWidth: Math.round(box.clientWidth),
        cssHeight: Math.round(box.clientHeight),
        ratio,
        accent: info.accent,
        text: info.text,
      })
      const note = image.clamped ? `(图片过大,清晰度已降为 ${image.ratio}×)` : ''
      if (target === 'clipboard') {
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': image.blob })])
        setMessage(`已复制到剪贴板 ${image.width}×${image.height}${note}`)
      } else {
        const name = info.fileName
        downloadBlob(image.blob, name)
        setMessage(`已导出 ${name} ${image.width}×${image.height}${note}`)
      }
    } catch {
      setMessage(
        target === 'clipboard' ? '复制失败:浏览器不允许写入剪贴板,请改用下载' : '导出失败,请重试',
      )
    } finally {
      setBusy(false)
    }
  }

  // While an export runs the items are aria-disabled, not disabled: a disabled button loses the
  // focus, and the keyboard user with it (and the menu would close before its status shows).
  return (
    <div className="export-menu" ref={ref} onBlur={onBlur}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className="button button--ghost button--small"
        aria-label="导出图片"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onButtonKeyDown}
        onKeyUp={onButtonKeyUp}
      >
        导出
      </button>
      {open && (
        <div
          className="export-menu__list"
          role="menu"
          id={menuId}
          aria-labelledby={buttonId}
          ref={listRef}
          onKeyDown={onMenuKeyDown}
        >
          {RATIOS.map((r) => (
            <button
              key={r}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-disabled={busy || undefined}
              onClick={() => run(r, 'file')}
            >
              PNG 图片 {r}×
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            aria-disabled={busy || undefined}
            onClick={() => run(2, 'clipboard')}
          >
            复制到剪贴板
          </button>
          <p className="export-menu__status" role="status">
            {message}
          </p>
        </div>
      )}
    </div>
  )
}
