import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { indexObservations } from '@/domain/observation-index'
import { briefingOf } from '@/lib/briefing/model'
import {
  indicators,
  indicatorsByGroup as byGroup,
  meta,
  observations,
} from '../../../tests/unit/report-data'
import { buildDocx, titleLines } from './docx'
import { bytesOf } from '../../../tests/unit/blob-bytes'

const data = {
  meta,
  groups: meta.groups,
  indicatorsByGroup: byGroup,
  index: indexObservations(observations),
  problems: new Map<string, string>(),
  organizations: [{ id: 'tzw', name: meta.region.name }],
}

const text = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')

describe('buildDocx (without chart images)', () => {
  it('writes the briefing as WordprocessingML: statements, footnotes, tables, fonts', async () => {
    const briefing = briefingOf(data, { orgId: 'tzw', year: 2024, showDemo: false })
    const doc = await buildDocx({ briefing, charts: new Map(), name: '法治政府建设' })
    expect(doc.fileName).toMatch(/^法治政府建设-汇报材料-2024-\d{8}\.docx$/)
    expect(doc.images).toBe(0)
    const files = unzipSync(await bytesOf(doc.blob))
    const body = text(strFromU8(files['word/document.xml']!))
    const notes = text(strFromU8(files['word/footnotes.xml']!))
    for (const g of briefing.groups) for (const s of g.statements) expect(body).toContain(s.text)
    expect(body).toContain('通州湾示范区2024年度')
    expect(body).toContain('法治政府建设指标情况')
    expect(body).toContain('表4 矛盾纠纷化解主要指标')
    // each report sentence once; later figures of the same sentence say 同注N
    const sentences = new Set(indicators.map((i) => i.source.sentence))
    for (const sentence of sentences) expect(notes.split(sentence)).toHaveLength(2)
    expect(notes).toContain('100%:同注1。')
    expect(notes).not.toContain('派生数值')
    // The headings are in Word's outline (navigation pane, 目录): groups at level 1, parts at 2.
    const outline = [...strFromU8(files['word/document.xml']!).matchAll(/<w:p>[\s\S]*?<\/w:p>/g)]
      .map((m) => m[0])
      .filter((p) => p.includes('<w:outlineLvl'))
      .map((p) => [Number(/w:outlineLvl w:val="(\d)"/.exec(p)![1]), text(p)])
    expect(outline).toContainEqual([0, '一、行政服务'])
    expect(outline).toContainEqual([1, '(一)主要指标'])
    expect(outline.filter(([level]) => level === 0)).toHaveLength(
      briefing.groups.length + briefing.findings.length,
    )
    // A figure over another period says so in its table row, not only in the prose.
    const rows = [
      ...strFromU8(files['word/document.xml']!).matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g),
    ].map((m) => text(m[0]))
    const period = (o: string) => rows.find((r) => r.includes(o))
    expect(period('283份')).toContain('2012年以来累计')
    expect(period('169件')).toContain('近3年')
    const fonts = strFromU8(files['word/fontTable.xml']!)
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>')
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>')
  })
})

describe('titleLines', () => {
  it('breaks a long 公文 title after 年度', () => {
    expect(titleLines('通州湾示范区2024年度法治政府建设指标情况')).toEqual([
      '通州湾示范区2024年度',
      '法治政府建设指标情况',
    ])
    expect(titleLines('三余镇2024年度行政服务指标情况')).toEqual(['三余镇2024年度行政服务指标情况'])
  })
})
