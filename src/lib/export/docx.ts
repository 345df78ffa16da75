import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import type { Briefing, BriefingGroup } from '@/lib/briefing/model'
import type { Statement } from '@/lib/briefing/sentences'
import { DEMO_SUFFIX, type ChartView } from '@/lib/charts/chart-view'
import { THEMES } from '@/lib/theme/themes'
import { exportFileName, isoDate } from './compose'
import { fontTableXml, GONGWEN_FONTS, LATIN_FONT, type GongwenFont } from './fonts'
import { renderChartPng } from './render'

/**
 * 生成汇报材料: the briefing as a Word document in 公文 style (GB/T 9704 page, 方正小标宋 title,
 * 黑体 / 楷体 headings, 仿宋 三号 text at 28 pt lines), from the words of src/lib/briefing: the lead,
 * one section per group with its statements (every reported figure footnoted with the sentence of
 * the report it comes from), a key-figure table, the group's charts as images (the PNG export's
 * renderer, print theme), the report's findings and the source line. `docx` loads only when a
 * document is made.
 */

export interface DocxInput {
  briefing: Briefing
  /** The ready chart views of each group, in the order of briefing.groups. */
  charts: ReadonlyMap<string, ChartView[]>
  /** File name stem, e.g. 汇报材料 or the group's name. */
  name: string
}

// Sizes in half-points (三号 16 pt = 32) and lengths in twips (1/20 pt).
const SIZE = { title: 44, h: 32, body: 32, table: 24, caption: 28, note: 18, footer: 28 }
const LINE = 560 // 28 pt: 22 lines a page
const INDENT = 640 // two characters of 三号
/** A4 with the margins of GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 }
/** The text width in CSS pixels (96 dpi), the width of the chart images. */
const TEXT_PX = Math.floor(((PAGE.width - PAGE.left - PAGE.right) / 1440) * 96)
/** Charts are drawn as wide as the text, so their 14 px labels print at about 10.5 pt (五号). */
const CHART_CSS = { width: TEXT_PX, height: 300 }

const font = (f: GongwenFont) => ({ ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: f.name })
const F = {
  title: font(GONGWEN_FONTS.title),
  heading: font(GONGWEN_FONTS.heading),
  kai: font(GONGWEN_FONTS.kai),
  body: font(GONGWEN_FONTS.body),
}

const run = (text: string, f = F.body, size = SIZE.body, bold = false) =>
  new TextRun({ text, font: f, size, bold })

const exact = { line: LINE, lineRule: LineRuleType.EXACT }

function bodyParagraph(children: (TextRun | FootnoteReferenceRun)[], indent = true) {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact,
    indent: indent ? { firstLine: INDENT } : undefined,
  })
}

/** A heading in the 公文's own look, with its outline level (Word's navigation pane, a 目录). */
const heading = (text: string, f = F.heading, level = f === F.heading ? 0 : 1) =>
  new Paragraph({
    children: [run(text, f, SIZE.h)],
    spacing: exact,
    indent: { firstLine: INDENT },
    keepNext: true,
    outlineLevel: level,
  })

/**
 * Footnotes: one per reported figure, citing the sentence of the report it stands in; a sentence
 * cited before is "同注N", so three figures of one sentence do not print it three times.
 */
class Notes {
  readonly notes: Record<string, { children: Paragraph[] }> = {}
  private next = 1
  private cited = new Map<string, number>()

  /** A footnote of its own words (how a derived figure was computed). */
  addText(text: string): FootnoteReferenceRun {
    const id = this.next++
    this.notes[id] = { children: [new Paragraph({ children: [run(text, F.body, SIZE.note)] })] }
    return new FootnoteReferenceRun(id)
  }

  add(report: string, s: Statement): FootnoteReferenceRun | null {
    if (!s.source) return null
    const first = this.cited.get(s.source.sentence)
    const part = s.source.section.split(' › ').pop() ?? ''
    if (!first) this.cited.set(s.source.sentence, this.next)
    return this.addText(
      first
        ? `${s.figure ?? ''}:同注${first}。`
        : `${s.figure ?? ''}:见《${report}》“${part}”部分,原文:“${s.source.sentence}”`,
    )
  }
}

/**
 * The statements of a group as one paragraph, each reported figure footnoted; then the group's
 * statements without a number, each footnoted with its sentence too.
 */
function groupParagraph(g: BriefingGroup, notes: Notes, source: string) {
  const children: (TextRun | FootnoteReferenceRun)[] = [run(g.lead)]
  const all = g.said
  all.forEach((s, i) => {
    for (const piece of s.pieces) {
      children.push(run(piece.text))
      if (piece.role === 'figure') {
        const ref = notes.add(source, s)
        if (ref) children.push(ref)
      }
      if (piece.note) children.push(notes.addText(piece.note))
    }
    children.push(run(i === all.length - 1 ? '。' : ';'))
  })
  return bodyParagraph(children)
}

/** "(一)进一步……。text": the item's own heading in 楷体, as a 公文's third level, then its text. */
function findingParagraph(text: string) {
  const m =
    /^(（[一二三四五六七八九十]+）[^。]*。|\([一二三四五六七八九十]+\)[^。]*。)([\s\S]*)$/.exec(
      text,
    )
  return m ? bodyParagraph([run(m[1]!, F.kai), run(m[2]!)]) : bodyParagraph([run(text)])
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const borders = { top: border, bottom: border, left: border, right: border }

function cell(text: string, opts: { bold?: boolean; align?: 'left' | 'center'; width: number }) {
  return new TableCell({
    borders,
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(text, opts.bold ? F.heading : F.body, SIZE.table)],
      }),
    ],
  })
}

const COLUMNS = [700, 4544, 1900, 1700] // twips, the text width (8844)

/** 表N: the group's figures, one row each: 序号 · 指标 · value · 说明. */
function figureTable(g: BriefingGroup, year: number) {
  const head = new TableRow({
    tableHeader: true,
    children: ['序号', '指标', `${year}年`, '说明'].map((t, i) =>
      cell(t, { bold: true, align: 'center', width: COLUMNS[i]! }),
    ),
  })
  const rows = g.statements.map(
    (s, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(i + 1), { align: 'center', width: COLUMNS[0]! }),
          cell(s.pieces[0]?.text.replace(/[达为]$/, '') ?? '', { width: COLUMNS[1]! }),
          cell(s.figure ? `${s.figure}${s.demo ? DEMO_SUFFIX : ''}` : '无数据', {
            align: 'center',
            width: COLUMNS[2]!,
          }),
          // A figure over another period says so here: under the year's heading 283份 read as
          // that year's, not 2012年以来累计.
          cell(
            s.figure === null
              ? '—'
              : `${s.demo ? '示例数据' : '报告数字'}${s.period ? `(${s.period})` : ''}`,
            {
              align: 'center',
              width: COLUMNS[3]!,
            },
          ),
        ],
      }),
  )
  return new Table({
    width: { size: COLUMNS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: COLUMNS,
    rows: [head, ...rows],
  })
}

const caption = (text: string, after = 200) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: after === 0,
    spacing: { before: after === 0 ? 60 : 0, after },
    children: [run(text, F.kai, SIZE.caption)],
  })

/** Under a figure's title: whose, when, in what unit, from where — as the exported image says. */
const captionMeta = (view: ChartView) =>
  view.export
    ? [
        view.export.organization,
        view.export.period,
        view.export.unit ? `单位:${view.export.unit}` : '',
        `数据来源:《${view.export.source}》`,
      ]
        .filter(Boolean)
        .join(' · ')
    : ''

async function chartParagraphs(view: ChartView, n: number): Promise<Paragraph[]> {
  const image = await renderChartPng(
    view.option(THEMES.print.chart),
    CHART_CSS.width,
    CHART_CSS.height,
    2,
  )
  const height = Math.round((TEXT_PX * image.height) / image.width)
  const marks = [
    view.note,
    view.hasDemo ? '含示例数据' : '',
    view.hasDerived ? '含派生数值' : '',
  ].filter(Boolean)
  const title = `图${n} ${view.title}${marks.length ? `(${marks.join(';')})` : ''}`
  const meta = captionMeta(view)
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: image.bytes,
          transformation: { width: TEXT_PX, height },
          altText: { name: view.title, title: view.title, description: view.summary },
        }),
      ],
    }),
    ...(meta ? [caption(title, 0), caption(meta)] : [caption(title)]),
  ]
}

/** A title of more than 18 characters in two lines, after 年度 (or in the middle). */
export function titleLines(title: string): string[] {
  if (title.length <= 18) return [title]
  const at = title.indexOf('年度')
  const cut = at > 0 && at + 2 < title.length ? at + 2 : Math.ceil(title.length / 2)
  return [title.slice(0, cut), title.slice(cut)]
}

export async function buildDocx(
  input: DocxInput,
): Promise<{ blob: Blob; fileName: string; images: number }> {
  const { briefing: b } = input
  const exportedAt = new Date()
  const notes = new Notes()
  const children: (Paragraph | Table)[] = [
    // 公文 titles break where the sense breaks: 通州湾示范区2024年度 / 法治政府建设指标情况.
    ...titleLines(b.title).map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: LineRuleType.EXACT },
          children: [run(line, F.title, SIZE.title)],
        }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exact, after: LINE },
      children: [run(`(${b.subtitle})`, F.kai, SIZE.body)],
    }),
    bodyParagraph([run(b.lead)]),
  ]
  let tables = 0
  let figures = 0
  for (const g of b.groups) {
    children.push(heading(g.heading))
    children.push(heading('(一)主要指标', F.kai))
    children.push(groupParagraph(g, notes, b.source))
    children.push(heading('(二)指标一览', F.kai))
    children.push(caption(`表${++tables} ${g.group.name}主要指标`))
    children.push(figureTable(g, b.year))
    const charts = input.charts.get(g.group.id) ?? []
    if (charts.length > 0) {
      children.push(heading('(三)图表', F.kai))
      for (const view of charts) children.push(...(await chartParagraphs(view, ++figures)))
    }
  }
  for (const section of b.findings) {
    children.push(heading(section.heading))
    for (const p of section.paragraphs) children.push(findingParagraph(p))
  }
  children.push(
    new Paragraph({ spacing: exact, children: [] }),
    bodyParagraph([run(b.sourceLine)]),
    bodyParagraph([
      run(`本材料由法治政府建设指标看板依据数据自动生成,生成日期:${isoDate(exportedAt)}。`),
    ]),
  )

  const doc = new Document({
    title: b.title,
    creator: '法治政府建设指标看板',
    lastModifiedBy: '法治政府建设指标看板',
    description: b.sourceLine,
    styles: {
      default: {
        document: { run: { font: F.body, size: SIZE.body } },
      },
    },
    footnotes: notes.notes,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: 851,
              footer: 992,
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: '宋体' },
                    size: SIZE.footer,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  const blob = await Packer.toBlob(doc, false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ])
  const fileName = exportFileName(
    { group: input.name, title: '汇报材料', year: b.year, exportedAt },
    'docx',
  )
  return { blob, fileName, images: figures }
}
