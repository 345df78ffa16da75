import { useState } from 'react'
import { useDataset } from '@/api/dataset'
import { useFacts } from '@/api/get-facts'
import type { Group } from '@/domain/schemas'
import { downloadBlob } from '@/lib/download'
import { briefingText, exportFileName } from '@/lib/export/compose'
import { THEMES } from '@/lib/theme/themes'
import { printPage } from '@/lib/print-page'
import { deckInput, docxInput, groupCardTexts, groupChartViews } from '../charts/export-data'
import { useChartInput } from './use-chart-input'
import './export-buttons.css'

/**
 * A button that makes a file: disabled while it works, then says what it made, or 生成失败 in
 * words. `task` makes and downloads the file and returns the message.
 */
function TaskButton({ label, task }: { label: string; task: () => Promise<string> }) {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const onClick = async () => {
    setBusy(true)
    setMessage('正在生成…')
    try {
      setMessage(await task())
    } catch {
      setMessage('生成失败,请重试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <span className="export-inline">
      <button type="button" className="button button--small" disabled={busy} onClick={onClick}>
        {label}
      </button>
      <span className="export-inline__status" role="status">
        {message}
      </span>
    </span>
  )
}

/** 导出本页图片: the group's cards and charts as one briefing image (2×). */
export function GroupPageExport({ group }: { group: Group }) {
  const data = useDataset()
  const input = useChartInput()
  const task = async () => {
    const { renderPageImage } = await import('@/lib/export/render')
    const exportedAt = new Date()
    const organization = input.context?.organization ?? data.meta.region.name
    const charts = groupChartViews(group, input)
    const cards = groupCardTexts(data, group, input)
    const image = await renderPageImage({
      ratio: 2,
      accent: THEMES.briefing.accents[group.id],
      cards,
      charts: charts.map((v) => ({ title: v.title, option: v.option(THEMES.briefing.chart) })),
      text: briefingText({
        group: '',
        title: group.fullName,
        organization,
        period: `${input.year}年度`,
        unit: '',
        source: data.meta.source.title,
        hasDemo: charts.some((v) => v.hasDemo) || cards.some((c) => c.demo || c.demoTarget),
        exportedAt,
      }),
    })
    const name = exportFileName(
      {
        group: group.name,
        unit: input.context?.fileUnit ?? undefined,
        title: '整页',
        year: input.year,
        exportedAt,
      },
      'png',
    )
    downloadBlob(image.blob, name)
    return `已导出 ${name}`
  }
  return <TaskButton label={'导出本页图片'} task={task} />
}

/** 生成汇报PPT: the briefing deck for the current year and organisation. */
export function DeckButton({ title }: { title: string }) {
  const data = useDataset()
  const facts = useFacts().data?.items
  const input = useChartInput()
  const task = async () => {
    const { buildDeck } = await import('@/lib/export/deck')
    const deck = await buildDeck(deckInput({ ...data, facts }, input, title))
    downloadBlob(deck.blob, deck.fileName)
    return `已生成 ${deck.fileName}(${deck.slides} 页)`
  }
  return <TaskButton label={'生成汇报PPT'} task={task} />
}

/**
 * 生成汇报材料: the briefing as a .docx for the current year, organisation and demo switch; on a
 * group page (`group`) that group only.
 */
export function BriefingDocButton({ group }: { group?: Group }) {
  const data = useDataset()
  const facts = useFacts().data?.items
  const input = useChartInput()
  const task = async () => {
    const { buildDocx } = await import('@/lib/export/docx')
    const doc = await buildDocx(docxInput({ ...data, facts }, input, group))
    downloadBlob(doc.blob, doc.fileName)
    return `已生成 ${doc.fileName}`
  }
  return <TaskButton label={group ? '生成本组汇报材料' : '生成汇报材料'} task={task} />
}

/**
 * 打印本页: the page in the print theme, A4 landscape (src/lib/print-page.ts; see the print rules
 * of each component's sheet).
 */
export function PrintButton() {
  return (
    <button type="button" className="button button--small" onClick={printPage}>
      打印本页
    </button>
  )
}
