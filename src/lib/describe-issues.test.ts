import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import {
  indicatorSchema,
  indicatorsResponseSchema,
  metaSchema,
  observationSchema,
  organizationsResponseSchema,
} from '@/domain/schemas'
import indicatorsJson from '../../public/data/indicators.json'
import metaJson from '../../public/data/meta.json'
import { describeIssues } from './describe-issues'

const good = {
  indicatorId: 'stock-docs',
  orgId: 'tzw',
  year: 2024,
  value: 3767,
  qualifier: null,
  status: 'reported',
}

/** Parses as the app should: with the input kept on each issue, so the message can name its type. */
function messageFor(schema: z.ZodMiniType, payload: unknown): string {
  const parsed = schema.safeParse(payload, { reportInput: true })
  expect(parsed.success).toBe(false)
  return describeIssues(parsed.error!.issues)
}

describe('schemas reject bad payloads with a readable Chinese message', () => {
  it('accepts a well-formed observation', () => {
    expect(observationSchema.safeParse(good).success).toBe(true)
  })

  it('says a value written as text ("3767份") should be a number', () => {
    expect(messageFor(observationSchema, { ...good, value: '3767份' })).toBe(
      '数值应为数字(实际为文本)',
    )
  })

  it('says a null value should be a number', () => {
    expect(messageFor(observationSchema, { ...good, value: null })).toBe('数值应为数字(实际为空值)')
  })

  it('says a missing year is missing', () => {
    const { year: _year, ...noYear } = good
    expect(messageFor(observationSchema, noYear)).toBe('缺少年度')
  })

  it('names a status outside the allowed set', () => {
    expect(messageFor(observationSchema, { ...good, status: 'guess' })).toBe(
      '状态的取值不在允许范围内',
    )
  })

  it('says a fractional year or count should be a whole number, never naming the type "int"', () => {
    expect(messageFor(observationSchema, { ...good, year: 2024.5 })).toBe('年度应为整数')
    const indicator = indicatorsJson.items[0]!
    expect(
      messageFor(indicatorSchema, {
        ...indicator,
        source: { ...indicator.source, quoteOffset: 1.5 },
      }),
    ).toBe('原文位置应为整数')
  })

  it('says a year out of range is too small', () => {
    expect(messageFor(observationSchema, { ...good, year: 1999 })).toBe('年度过小')
  })

  it('says an empty list cannot be empty', () => {
    expect(messageFor(indicatorsResponseSchema, { items: [] })).toBe('列表不能为空')
    expect(messageFor(organizationsResponseSchema, { items: [] })).toBe('列表不能为空')
  })

  it('says a malformed indicator code has the wrong format', () => {
    expect(
      messageFor(z.object({ indicatorId: observationSchema.shape.indicatorId }), {
        indicatorId: 'Stock Docs',
      }),
    ).toBe('指标编码格式不正确')
  })

  it('names the fields of indicators and meta in Chinese, not by their JSON keys', () => {
    const indicator = indicatorsJson.items[0]!
    expect(indicatorSchema.safeParse(indicator).success).toBe(true)
    expect(metaSchema.safeParse(metaJson).success).toBe(true)
    const messages = [
      messageFor(indicatorSchema, { ...indicator, kind: 'ratio' }),
      messageFor(indicatorSchema, { ...indicator, shortName: '' }),
      messageFor(metaSchema, { ...metaJson, updatedAt: 'yesterday' }),
      messageFor(metaSchema, { ...metaJson, years: '2022-2024' }),
    ]
    for (const message of messages) expect(message).not.toMatch(/[A-Za-z]/)
  })

  it('lists at most three problems and counts the rest', () => {
    const message = messageFor(observationSchema, {
      indicatorId: 'Bad Id',
      orgId: 'tzw',
      year: 1999,
      value: '3767份',
      qualifier: 'about',
      status: 'guess',
    })
    expect(message.split(';')).toHaveLength(3)
    expect(message).toMatch(/等 5 处$/)
  })

  it('says the same thing once when many items have the same problem', () => {
    const schema = z.object({ items: z.array(observationSchema) })
    const message = messageFor(schema, {
      items: [
        { ...good, value: 'x' },
        { ...good, value: 'y' },
      ],
    })
    expect(message).toBe('数值应为数字(实际为文本)')
  })

  it('never leaks English zod wording or "undefined" for common mistakes', () => {
    const payloads = [
      { ...good, value: '3767份' },
      { ...good, year: '2024' },
      { ...good, qualifier: 'about' },
      {},
      null,
      [],
    ]
    for (const p of payloads) {
      const message = messageFor(observationSchema, p)
      expect(message).not.toMatch(/Invalid|expected|received|undefined/)
      expect(message.length).toBeGreaterThan(0)
    }
  })
})
