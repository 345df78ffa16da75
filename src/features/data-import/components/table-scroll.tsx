import { Fragment, useLayoutEffect, useRef, useState, type ReactNode } from 'react'

/**
 * The box a table of the import page scrolls sideways in when it is wider than the screen (a
 * phone): the columns keep a readable width and the table scrolls, not the page. It is in the tab
 * order and has a name, so a keyboard user can reach it and scroll it with the arrow keys; while
 * the table is wider than the box, a line above it says so (the cut edge alone does not show it).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null)
  const [overflows, setOverflows] = useState(false)
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    if (el.firstElementChild) observer.observe(el.firstElementChild)
    return () => observer.disconnect()
  }, [])
  return (
    <>
      {overflows && (
        <p className="import-table-hint" aria-hidden="true">
          表格较宽,左右滑动可查看其余各列
        </p>
      )}
      <div ref={box} className="import-table-scroll" role="region" aria-label={label} tabIndex={0}>
        {children}
      </div>
    </>
  )
}

/**
 * A name as the import tables show it, in parts that are never broken inside, each on a line of
 * its own when the column is narrow: the code, then the name (XZFW-04 / 涉企法治服务); the name,
 * then the note it ends in (行政审批局 / (示例单位)).
 */
export function Name({ code, text }: { code?: string; text: string }) {
  const note = /^(.+?)((?:\(|（).+)$/.exec(text)
  const parts = [...(code ? [code] : []), ...(note ? [note[1]!, note[2]!] : [text])]
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {/* A space between code and name (copied text reads “XZFW-04 涉企法治服务”). */}
          {i > 0 && (code && i === 1 ? ' ' : <wbr />)}
          <span className="import-table__part">{part}</span>
        </Fragment>
      ))}
    </>
  )
}
