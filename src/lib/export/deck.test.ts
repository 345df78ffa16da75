import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Dataset } from '@/api/dataset'
import type { ChartView } from '@/lib/charts/chart-view'
import { indexObservations } from '@/domain/observation-index'
import { deckInput } from '@/features/groups/charts/export-data'
import {
  indicators,
  indicatorsByGroup,
  meta,
  observations,
  organizations,
} from '../../../tests/unit/report-data'
import { buildDeck, valueLabelFormat, type DeckInput } from './deck'
import { bytesOf } from '../../../tests/unit/blob-bytes'

/**
 * The deck's figure tiles as a meeting sees them: every line of a tile fits its box at its size
 * (no figure breaks inside a number or unit, nothing runs over the title or the next tile), the
 * period of a figure (近3年(2022–2024年), 2012年以来累计) is its own smaller line under it, and no
 * two boxes of a slide overlap. Widths are estimated as LibreOffice draws them with its stand-in
 * fonts (DejaVu Sans Bold digits 0.7 em, CJK 1 em), not taken from deck.ts.
 */

const data = {
  meta,
  groups: meta.groups,
  indicators,
  indicatorsByGroup,
  index: indexObservations(observations),
  problems: new Map<string, string>(),
  organizations,
} as unknown as Dataset

const inputOf = (year: number, showDemo: boolean): DeckInput => {
  const deck = deckInput(
    data,
    {
      indicators: new Map(indicators.map((i) => [i.id, i])),
      index: data.index,
      problems: data.problems,
      orgId: 'tzw',
      year,
      showDemo,
      context: {
        organization: meta.region.name,
        fileUnit: null,
        period: `${year}年度`,
        source: meta.source.title,
        groupNames: Object.fromEntries(meta.groups.map((g) => [g.id, g.name])),
      },
    },
    '通州湾示范区法治政府建设指标看板',
  )
  // Native charts only: a chart without such data is drawn as an image (no canvas in jsdom).
  const native = (c: ChartView) => c.native?.points.some((p) => p.value !== null) === true
  return { ...deck, groups: deck.groups.map((g) => ({ ...g, charts: g.charts.filter(native) })) }
}

const EMU_PER_PT = 12700

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

interface Paragraph {
  text: string
  /** Font size (pt) of its first run. */
  size: number
  bold: boolean
  /** Exact line spacing (pt), if set. */
  line: number | null
}

interface Shape {
  /** In points. */
  x: number
  y: number
  w: number
  h: number
  paragraphs: Paragraph[]
  /** Left plus right text insets (pt): PowerPoint's default is 0.1" each. */
  insetX: number
  text: string
}

const num = (xml: string, re: RegExp, fallback: number) => {
  const m = xml.match(re)
  return m ? Number(m[1]) : fallback
}

function shapesOf(xml: string): Shape[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map(([, sp = '']) => {
    const paragraphs = [...sp.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
      .map(([, p = '']) => ({
        // A soft break (<a:br/>) as \n.
        text: [...p.matchAll(/<a:t>([^<]*)<\/a:t>|<a:br\/>/g)]
          .map((m) => (m[0] === '<a:br/>' ? '\n' : decode(m[1] ?? '')))
          .join(''),
        size: num(p, /<a:rPr[^>]*\ssz="(\d+)"/, 1800) / 100,
        bold: /<a:rPr[^>]*\sb="1"/.test(p),
        line: /<a:lnSpc><a:spcPts val="(\d+)"/.test(p)
          ? num(p, /<a:lnSpc><a:spcPts val="(\d+)"/, 0) / 100
          : null,
      }))
      .filter((p) => p.text !== '')
    const bodyPr = sp.match(/<a:bodyPr[^>]*>/)?.[0] ?? ''
    return {
      x: num(sp, /<a:off x="(\d+)"/, 0) / EMU_PER_PT,
      y: num(sp, /<a:off x="\d+" y="(\d+)"/, 0) / EMU_PER_PT,
      w: num(sp, /<a:ext cx="(\d+)"/, 0) / EMU_PER_PT,
      h: num(sp, /<a:ext cx="\d+" cy="(\d+)"/, 0) / EMU_PER_PT,
      insetX:
        (num(bodyPr, /lIns="(\d+)"/, 91440) + num(bodyPr, /rIns="(\d+)"/, 91440)) / EMU_PER_PT,
      paragraphs,
      text: paragraphs.map((p) => p.text).join('\n'),
    }
  })
}

/** Width in em as LibreOffice draws it (DejaVu Sans for Latin, Noto Sans CJK for the rest). */
function widthEm(text: string, bold: boolean) {
  let em = 0
  for (const ch of text) {
    if (ch.charCodeAt(0) >= 0x80) em += 1
    else if (/\d/.test(ch)) em += bold ? 0.7 : 0.64
    else if (ch === '%') em += 1
    else em += 0.6
  }
  return em
}

const inside = (a: Shape, b: Shape) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.w <= b.x + b.w + 0.5 &&
  a.y + a.h <= b.y + b.h + 0.5
const overlap = (a: Shape, b: Shape) =>
  a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5

/** The native charts of a slide as boxes (text “[chart]”). */
const chartsOf = (xml: string): Shape[] =>
  [...xml.matchAll(/<p:graphicFrame>([\s\S]*?)<\/p:graphicFrame>/g)].map(([, f = '']) => ({
    x: num(f, /<a:off x="(\d+)"/, 0) / EMU_PER_PT,
    y: num(f, /<a:off x="\d+" y="(\d+)"/, 0) / EMU_PER_PT,
    w: num(f, /<a:ext cx="(\d+)"/, 0) / EMU_PER_PT,
    h: num(f, /<a:ext cx="\d+" cy="(\d+)"/, 0) / EMU_PER_PT,
    insetX: 0,
    paragraphs: [],
    text: '[chart]',
  }))

async function slidesOf(input: DeckInput) {
  const deck = await buildDeck(input)
  const files = unzipSync(await bytesOf(deck.blob))
  return Array.from({ length: deck.slides }, (_, i) => {
    const xml = strFromU8(files[`ppt/slides/slide${i + 1}.xml`]!)
    return [...shapesOf(xml), ...chartsOf(xml)]
  })
}

/** A tile is a filled box without text; its text box lies inside it. */
function tilesOf(shapes: Shape[]) {
  const boxes = shapes.filter((s) => s.text === '')
  return shapes
    .filter((s) => s.text !== '')
    .flatMap((text) => {
      const tile = boxes.find((b) => inside(text, b))
      return tile ? [{ tile, text }] : []
    })
}

/** Wide figures, long periods and names marked 示例 in every tile of a five-column slide. */
const crowded = (): DeckInput => ({
  ...inputOf(2024, true),
  groups: [
    {
      name: '公平竞争审查(含合法性审查)',
      accent: '#7B4FD6',
      figures: Array.from({ length: 9 }, (_, i) => ({
        name: ['每名新增人员培训课时', '招引协议回头看', '涉企政策文件清理'][i % 3]!,
        value: ['≥1600课时 · 近10年(2015–2024年)', '12345份 · 2012年以来累计', '86.8%'][i % 3]!,
        demo: true,
      })),
      charts: [],
      notes: '标题\n' + '2024年,通州湾示范区开展涉企政策文件清理169件(近3年)。'.repeat(12),
    },
  ],
})

describe.each([
  ['2024, demo shown', () => inputOf(2024, true)],
  ['2024, reported only', () => inputOf(2024, false)],
  ['2023, demo shown (names marked 示例)', () => inputOf(2023, true)],
  ['crowded', crowded],
])('the deck’s figure tiles (%s)', (label, inputFor) => {
  it('every line of every tile fits its box; a figure is one line; its period is its own smaller line under it', async () => {
    const input = inputFor()
    const slides = await slidesOf(input)
    const groupSlides = slides.slice(1, 1 + input.groups.length)
    let periods = 0
    input.groups.forEach((group, g) => {
      const tiles = tilesOf(groupSlides[g]!)
      expect(tiles).toHaveLength(group.figures.length)
      group.figures.forEach((figure, i) => {
        const { text } = tiles[i]!
        const where = `${group.name} / ${figure.name}`
        const room = text.w - text.insetX
        for (const p of text.paragraphs) {
          const width = widthEm(p.text, p.bold) * p.size
          expect(width, `${where}: “${p.text}” at ${p.size}pt in ${room}pt`).toBeLessThanOrEqual(
            room,
          )
        }
        const height = text.paragraphs.reduce((h, p) => h + (p.line ?? p.size * 1.2), 0)
        expect(height, `${where}: text height`).toBeLessThanOrEqual(text.h + 0.5)
        const [name, value, period, ...rest] = text.paragraphs
        expect(rest, where).toEqual([])
        expect(name?.text, where).toContain(figure.name)
        const [shown, covers] = figure.value.split(' · ')
        expect(value?.text, where).toBe(shown)
        expect(value?.bold, where).toBe(true)
        expect(value!.size, `${where}: the figure stays big`).toBeGreaterThanOrEqual(18)
        if (covers === undefined) expect(period, where).toBeUndefined()
        else {
          periods++
          expect(period?.text, where).toBe(covers)
          expect(period!.size, where).toBeLessThan(value!.size)
        }
      })
      // One size of figure on a slide: a row of figures reads as one.
      expect(new Set(tiles.map((t) => t.text.paragraphs[1]?.size)).size).toBe(1)
    })
    if (label.startsWith('2024')) expect(periods).toBe(3)
  })

  it('no two boxes of a slide overlap, except a tile’s text on its tile', async () => {
    const slides = await slidesOf(inputFor())
    slides.forEach((shapes, n) => {
      const pairs = tilesOf(shapes)
      const own = (a: Shape, b: Shape) =>
        pairs.some((p) => (p.tile === a && p.text === b) || (p.tile === b && p.text === a))
      shapes.forEach((a, i) =>
        shapes.slice(i + 1).forEach((b) => {
          if (own(a, b)) return
          expect(overlap(a, b), `slide ${n + 1}: “${a.text}” and “${b.text}”`).toBe(false)
        }),
      )
      for (const s of shapes) {
        expect(s.y + s.h, `slide ${n + 1}: “${s.text}” on the slide`).toBeLessThanOrEqual(540)
      }
    })
  })
})

it('the reviewer’s figures: 169件 and 近3年(2022–2024年) on two lines at 28pt, ≥160课时 on one', async () => {
  const slides = await slidesOf(inputOf(2024, true))
  const paragraphs = slides.flatMap((s) => tilesOf(s).flatMap((t) => t.text.paragraphs))
  const find = (text: string) => paragraphs.find((p) => p.text === text)
  for (const figure of ['169件', '283份', '1件', '≥160课时']) expect(find(figure)?.size).toBe(28)
  for (const period of ['近3年(2022–2024年)', '2012年以来累计', '2024年单次事件'])
    expect(find(period)?.size).toBeGreaterThanOrEqual(10)
})

it('a chart slide’s list of figures puts what a figure covers on its own line, never “近3 / 年”', async () => {
  const input = inputOf(2024, true)
  const slides = await slidesOf(input)
  const lines = slides
    .slice(1 + input.groups.length)
    .flatMap((s) => s.flatMap((shape) => shape.paragraphs.flatMap((p) => p.text.split('\n'))))
  for (const period of ['近3年(2022–2024年)', '2012年以来累计', '2024年单次事件'])
    expect(lines).toContain(period)
  expect(lines.filter((l) => l.includes(' · ') && /\d+[件份]/.test(l))).toEqual([])
  expect(lines).toContain('涉企政策文件清理 169件')
})

it('writes each paragraph’s properties once, before its text (PowerPoint repairs a file otherwise)', async () => {
  const deck = await buildDeck(inputOf(2024, true))
  const files = unzipSync(await bytesOf(deck.blob))
  const slides = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
  expect(slides.length).toBe(deck.slides)
  for (const name of slides) {
    for (const [p] of strFromU8(files[name]!).matchAll(/<a:p>[\s\S]*?<\/a:p>/g)) {
      const at = [...p.matchAll(/<a:pPr[\s>/]/g)].map((m) => m.index)
      expect(at.length <= 1 && (at[0] ?? 5) === 5, `${name}: ${p.slice(0, 300)}`).toBe(true)
    }
  }
})

describe('native charts’ value labels', () => {
  it('keep the report’s 余 and 以上 (240余, not 240), and show none for a series that mixes them', async () => {
    expect(valueLabelFormat(['240余次', '20余次'])).toBe('General"余"')
    expect(valueLabelFormat(['≥50%'])).toBe('General"以上"')
    expect(valueLabelFormat(['169件', '49件'])).toBe('General')
    expect(valueLabelFormat(['240余次', '7次'])).toBeNull()

    const deck = await buildDeck(inputOf(2024, true))
    const files = unzipSync(await bytesOf(deck.blob))
    const charts = Object.keys(files)
      .filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))
      .map((f) => strFromU8(files[f]!))
    const legal = charts.find((x) => /<c:v>240<\/c:v>/.test(x) && /<c:v>20<\/c:v>/.test(x))!
    expect(legal).toBeDefined()
    const labels = legal.match(/<c:dLbls>[\s\S]*?<\/c:dLbls>/)![0]
    expect(decode(labels)).toContain('formatCode="General"余""')
    expect(labels).toContain('<c:showVal val="1"/>')
  })
})

describe('the deck’s chart slides', () => {
  it.each([
    [2024, false],
    [2023, true],
  ])('say 含示例数据 only where they draw a demo value (%i)', async (year, anyDemo) => {
    const input = inputOf(year, true)
    const deck = await buildDeck(input)
    const files = unzipSync(await bytesOf(deck.blob))
    const texts = (n: number) =>
      [...strFromU8(files[`ppt/slides/slide${n}.xml`]!).matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((m) => decode(m[1]!))
        .join('\n')
    const slides = input.groups.flatMap((g) => g.charts)
    let n = 1 + input.groups.length
    let said = 0
    for (const chart of slides) {
      n++
      const demo = chart.native!.points.some((p) => p.demo && p.value !== null)
      expect(texts(n).includes('含示例数据'), `${chart.title}`).toBe(demo)
      if (demo) said++
    }
    // 2024's report figures are all reported (the rings' demo targets are not drawn on a slide);
    // 2023's are all 示例.
    expect(said > 0).toBe(anyDemo)
    expect(slides.some((c) => c.hasDemo)).toBe(true)
  })
})
