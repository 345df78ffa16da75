import { describe, expect, it } from 'vitest'
import {
  briefingText,
  clampRatio,
  compactDate,
  exportFileName,
  fitFontSize,
  MAX_SIDE,
  safeFileStem,
} from './compose'

// 2026-11-26 20:30 UTC is already 2026-11-27 in China.
const AT = new Date('2026-11-26T20:30:00Z')

describe('export file names say what they are', () => {
  it('group, chart, year and export date in China time', () => {
    expect(
      exportFileName(
        { group: '公平竞争审查', title: '存量文件监测', year: 2024, exportedAt: AT },
        'png',
      ),
    ).toBe('公平竞争审查-存量文件监测-2024-20261127.png')
  })

  it('arrows and characters that file systems refuse become single dashes', () => {
    expect(
      exportFileName(
        { group: '公平竞争审查', title: '存量文件监测 → 风险 → 废止', year: 2024, exportedAt: AT },
        'png',
      ),
    ).toBe('公平竞争审查-存量文件监测-风险-废止-2024-20261127.png')
    expect(safeFileStem('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j')
    expect(safeFileStem('名称\u0000\u001f含控制符')).toBe('名称-含控制符')
  })

  it("names a unit's image by its unit, after the group", () => {
    expect(
      exportFileName(
        { group: '行政服务', unit: '三余镇', title: '法治服务次数', year: 2024, exportedAt: AT },
        'png',
      ),
    ).toBe('行政服务-三余镇-法治服务次数-2024-20261127.png')
  })

  it('a deck is named like an image, with .pptx', () => {
    expect(
      exportFileName({ group: '指标看板', title: '汇报', year: 2024, exportedAt: AT }, 'pptx'),
    ).toBe('指标看板-汇报-2024-20261127.pptx')
  })

  it('dates are YYYYMMDD in China time', () => {
    expect(compactDate(new Date('2026-01-01T15:59:00Z'))).toBe('20260101')
    expect(compactDate(new Date('2026-01-01T16:00:00Z'))).toBe('20260102')
  })
})

describe('the title band and footer explain the image', () => {
  const meta = {
    group: '公平竞争审查',
    title: '存量文件监测 → 风险 → 废止',
    organization: '通州湾示范区',
    period: '2024年度',
    unit: '份、次',
    source: '通州湾示范区2024年法治政府建设情况报告',
    hasDemo: false,
    exportedAt: AT,
  }

  it('title, then who, when and unit', () => {
    const t = briefingText(meta)
    expect(t.title).toBe('存量文件监测 → 风险 → 废止')
    expect(t.subtitle).toBe('公平竞争审查 · 通州湾示范区 · 2024年度 · 单位:份、次')
  })

  it('footer names the source and the export date', () => {
    expect(briefingText(meta).footer).toEqual([
      '数据来源:《通州湾示范区2024年法治政府建设情况报告》',
      '导出于 2026-11-27',
    ])
  })

  it('says 含示例数据 when demo values are in the image, and only then', () => {
    expect(briefingText({ ...meta, hasDemo: true }).footer.join('\n')).toMatch(/含示例数据/)
    expect(briefingText(meta).footer.join('\n')).not.toMatch(/示例/)
  })

  it('says how to read the chart first, as its panel does', () => {
    expect(briefingText({ ...meta, note: '漏斗宽度示意顺序,不按比例' }).footer[0]).toBe(
      '漏斗宽度示意顺序,不按比例',
    )
  })

  it('leaves out the unit when there is none', () => {
    expect(briefingText({ ...meta, unit: '' }).subtitle).toBe(
      '公平竞争审查 · 通州湾示范区 · 2024年度',
    )
  })
})

describe('pixel ratio is clamped so no side passes 8192 px', () => {
  it('keeps the requested ratio when it fits', () => {
    expect(clampRatio(4, 600, 400)).toEqual({ ratio: 4, clamped: false })
  })

  it('lowers it, and says so, when a side would pass the limit', () => {
    const r = clampRatio(4, 3000, 500)
    expect(r.clamped).toBe(true)
    expect(3000 * r.ratio).toBeLessThanOrEqual(MAX_SIDE)
    expect(r.ratio).toBeGreaterThan(2.7)
  })
})

describe('fitFontSize', () => {
  // A text 10 em wide, as a canvas would measure it.
  const widthAt = (size: number) => size * 10

  it('keeps the size when the text fits', () => {
    expect(fitFontSize(widthAt, 300, 30, 20)).toBe(30)
  })

  it('takes the largest smaller size at which it fits instead of squeezing the glyphs', () => {
    const size = fitFontSize(widthAt, 280, 30, 20)
    expect(size).toBe(28)
    expect(widthAt(size)).toBeLessThanOrEqual(280)
    expect(widthAt(size + 1)).toBeGreaterThan(280)
  })

  it('stops at the smallest size allowed', () => {
    expect(fitFontSize(widthAt, 100, 30, 20)).toBe(20)
  })
})
