import PptxGenJS from 'pptxgenjs'
import { chartExport, type ChartView } from '@/lib/charts/chart-view'
import { THEMES } from '@/lib/theme/themes'
import { exportFileName, isoDate } from './compose'
import { renderChartImage } from './render'

/**
 * The briefing deck (.pptx, 16:9): a title slide, one slide per group with its key figures as
 * native text (editable in the meeting), one slide per chart as a picture with title and source.
 * pptxgenjs loads only when a deck is made.
 */

export interface DeckFigure {
  name: string
  value: string
  demo: boolean
}

export interface DeckGroup {
  name: string
  accent: string
  figures: DeckFigure[]
  /** Ready chart views with export metadata; each becomes a slide. */
  charts: ChartView[]
}

export interface DeckInput {
  title: string
  organization: string
  period: string
  year: number
  source: string
  groups: DeckGroup[]
}

const W = 13.333
const H = 7.5
const hex = (color: string) => color.replace('#', '').toUpperCase()

/** The slides are in the briefing theme, like the images on them. */
const BRIEFING = THEMES.briefing
const DARK = hex(BRIEFING.palette.text)
const MUTED = hex(BRIEFING.palette.muted)
const FONT = 'Microsoft YaHei'

function footer(slide: PptxGenJS.Slide, text: string) {
  slide.addText(text, {
    x: 0.5,
    y: H - 0.5,
    w: W - 1,
    h: 0.3,
    fontSize: 10,
    color: MUTED,
    fontFace: FONT,
  })
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(blob)
  })
}

export async function buildDeck(
  input: DeckInput,
): Promise<{ blob: Blob; fileName: string; slides: number }> {
  const exportedAt = new Date()
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.title = `${input.title} · ${input.period}`
  const sourceLine = `数据来源:《${input.source}》 · 导出于 ${isoDate(exportedAt)}`
  let slides = 0

  const cover = pptx.addSlide()
  slides++
  cover.background = { color: hex(BRIEFING.palette.bg) }
  cover.addShape(pptx.ShapeType.rect, {
    x: 0,
    y: 0,
    w: W,
    h: 0.18,
    fill: { color: hex(BRIEFING.accents['admin-services']) },
  })
  cover.addText(input.title, {
    x: 0.8,
    y: 2.3,
    w: W - 1.6,
    h: 1,
    fontSize: 36,
    bold: true,
    color: DARK,
    fontFace: FONT,
  })
  cover.addText(`${input.organization} · ${input.period} 汇报`, {
    x: 0.8,
    y: 3.4,
    w: W - 1.6,
    h: 0.6,
    fontSize: 20,
    color: MUTED,
    fontFace: FONT,
  })
  footer(cover, sourceLine)

  for (const group of input.groups) {
    const slide = pptx.addSlide()
    slides++
    slide.addShape(pptx.ShapeType.rect, {
      x: 0.5,
      y: 0.45,
      w: 0.08,
      h: 0.55,
      fill: { color: hex(group.accent) },
    })
    slide.addText(`${group.name} · 主要指标`, {
      x: 0.7,
      y: 0.4,
      w: W - 1.4,
      h: 0.65,
      fontSize: 26,
      bold: true,
      color: DARK,
      fontFace: FONT,
    })
    const cols = group.figures.length > 6 ? 5 : 3
    const cellW = (W - 1) / cols
    const cellH = 1.2
    group.figures.forEach((f, i) => {
      const x = 0.5 + (i % cols) * cellW
      const y = 1.4 + Math.floor(i / cols) * (cellH + 0.2)
      slide.addShape(pptx.ShapeType.rect, {
        x,
        y,
        w: cellW - 0.15,
        h: cellH,
        fill: { color: hex(BRIEFING.palette.panel) },
      })
      slide.addText(
        [
          {
            text: `${f.name}${f.demo ? '(示例)' : ''}`,
            options: { fontSize: 13, color: MUTED, breakLine: true },
          },
          { text: f.value, options: { fontSize: 28, bold: true, color: DARK } },
        ],
        { x: x + 0.1, y, w: cellW - 0.35, h: cellH, fontFace: FONT, valign: 'middle' },
      )
    })
    const demo = group.figures.some((f) => f.demo)
    footer(slide, demo ? `${sourceLine} · 含示例数据(标“示例”者为演示用,非报告数字)` : sourceLine)
  }

  for (const group of input.groups) {
    for (const chart of group.charts) {
      const info = chartExport(chart, exportedAt)
      if (!info) continue
      const image = await renderChartImage({
        option: chart.option(BRIEFING.chart),
        cssWidth: 960,
        cssHeight: 440,
        ratio: 2,
        accent: info.accent,
        text: info.text,
      })
      const slide = pptx.addSlide()
      slides++
      slide.addText(`${group.name} · ${info.meta.title}`, {
        x: 0.5,
        y: 0.3,
        w: W - 1,
        h: 0.6,
        fontSize: 22,
        bold: true,
        color: DARK,
        fontFace: FONT,
      })
      const imgH = H - 1.6
      const imgW = (imgH * image.width) / image.height
      slide.addImage({ data: await dataUrl(image.blob), x: (W - imgW) / 2, y: 1, w: imgW, h: imgH })
      footer(slide, info.meta.hasDemo ? `${sourceLine} · 含示例数据` : sourceLine)
    }
  }

  const blob = (await pptx.write({ outputType: 'blob' })) as Blob
  const fileName = exportFileName(
    { group: input.title, title: '汇报', year: input.year, exportedAt },
    'pptx',
  )
  return { blob, fileName, slides }
}
