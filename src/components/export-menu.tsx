import { useCallback, useRef, useState } from 'react'
import { chartExport, type ChartView } from '@/lib/charts/chart-view'
import { THEMES } from '@/lib/theme/themes'
import { useOutsidePress } from './use-outside-press'
import { downloadBlob } from '@/lib/download'
import './export-menu.css'

const RATIOS = [2, 3, 4] as const

/**
 * 导出: a chart as a PNG at 2×, 3× or 4× (re-rendered, with title band and footer), or copied to
 * the clipboard. The rendering code loads only when used.
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

  useOutsidePress(
    ref,
    open,
    useCallback(() => setOpen(false), []),
  )

  async function run(ratio: number, target: 'file' | 'clipboard') {
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

  return (
    <div className="export-menu" ref={ref}>
      <button
        type="button"
        className="button button--ghost button--small"
        aria-label="导出图片"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        导出
      </button>
      {open && (
        <div className="export-menu__list" role="menu">
          {RATIOS.map((r) => (
            <button
              key={r}
              type="button"
              role="menuitem"
              disabled={busy}
              onClick={() => run(r, 'file')}
            >
              PNG 图片 {r}×
            </button>
          ))}
          <button type="button" role="menuitem" disabled={busy} onClick={() => run(2, 'clipboard')}>
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
