import { useCallback, useRef, useState } from 'react'
import type { ChartOption } from '@/lib/echarts/types'
import { briefingText, exportFileName, type BriefingMeta } from '@/lib/export/compose'
import { useOutsidePress } from './use-outside-press'

export interface ChartExport {
  meta: Omit<BriefingMeta, 'exportedAt'>
  year: number
  accent: string
  /** The chart's option in the light briefing theme. */
  buildOption: () => ChartOption
}

const RATIOS = [2, 3, 4] as const

/**
 * 导出: a chart as a PNG at 2×, 3× or 4× (re-rendered, with title band and footer), or copied to
 * the clipboard. The rendering code loads only when used.
 */
export function ExportMenu({
  info,
  chartBox,
}: {
  info: ChartExport
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
    if (!box) return
    setBusy(true)
    setMessage('正在生成…')
    try {
      const { renderChartImage, download } = await import('@/lib/export/render')
      const exportedAt = new Date()
      const image = await renderChartImage({
        option: info.buildOption(),
        cssWidth: Math.round(box.clientWidth),
        cssHeight: Math.round(box.clientHeight),
        ratio,
        accent: info.accent,
        text: briefingText({ ...info.meta, exportedAt }),
      })
      const note = image.clamped ? `(图片过大,清晰度已降为 ${image.ratio}×)` : ''
      if (target === 'clipboard') {
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': image.blob })])
        setMessage(`已复制到剪贴板 ${image.width}×${image.height}${note}`)
      } else {
        const name = exportFileName(
          { group: info.meta.group, title: info.meta.title, year: info.year, exportedAt },
          'png',
        )
        download(image.blob, name)
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
