import * as z from 'zod/mini'

/**
 * The data contract. Every payload the app reads is parsed by one of these schemas; the TypeScript
 * types are inferred from them, never written by hand. docs/api.md describes the same shapes.
 */

/**
 * The contract's version (docs/openapi.json `info.version`). Raise it whenever a schema here
 * changes shape: a copy of the data this browser kept under another version is not shown.
 * 1.1.0: facts.json, observation periods, optional issuer.
 */
export const CONTRACT_VERSION = '1.1.0'

export const groupIdSchema = z.enum([
  'admin-services',
  'fair-competition',
  'enforcement-team',
  'dispute-resolution',
])
export type GroupId = z.infer<typeof groupIdSchema>

/** 余 = "more than about" (20余次); 以上 = "at least" (50%以上). */
export const qualifierSchema = z.enum(['approx', 'at-least'])
export type Qualifier = z.infer<typeof qualifierSchema>

export const indicatorKindSchema = z.enum(['rate', 'count', 'hours'])
export type IndicatorKind = z.infer<typeof indicatorKindSchema>

export const directionSchema = z.enum(['higher', 'lower', 'neutral'])
export type Direction = z.infer<typeof directionSchema>

export const observationStatusSchema = z.enum(['reported', 'demo'])
export type ObservationStatus = z.infer<typeof observationStatusSchema>

export const organizationTypeSchema = z.enum(['district', 'town', 'department'])
export type OrganizationType = z.infer<typeof organizationTypeSchema>

const text = z.string().check(z.trim(), z.minLength(1))
const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, '应为小写字母、数字或连字符组成的编码'))
const year = z.int().check(z.minimum(2000), z.maximum(2100))

export const groupSchema = z.object({
  id: groupIdSchema,
  name: text,
  fullName: text,
  description: text,
})
export type Group = z.infer<typeof groupSchema>

export const metaSchema = z.object({
  region: z.object({ id, name: text }),
  period: z.object({ year, label: text }),
  years: z.array(year).check(z.minLength(1)),
  /**
   * The report the figures come from. `issuer` only when a document names it: the 2024 report
   * names no issuer, so the published meta has none.
   */
  source: z.object({ title: text, year, issuer: z.optional(text) }),
  updatedAt: z.iso.datetime({ offset: true }),
  groups: z.array(groupSchema).check(z.length(4)),
  findings: z.object({
    section: text,
    shortcomings: z.array(text),
    plansSection: text,
    plans: z.array(z.object({ title: text, text })),
  }),
})
export type Meta = z.infer<typeof metaSchema>

/**
 * Where a target comes from. The 2024 report states results (均达100%), never a target, so every
 * target built from it is `demo`: shown marked 示例 and hidden with the demo data. A deployment
 * with a real 考核 document publishes `document` targets: the document's title and the sentence
 * of it that sets the target, shown without a mark.
 */
export const targetOriginSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('demo') }),
    z.object({
      kind: z.literal('document'),
      document: z
        .string({ error: '目标来源文件应为文字' })
        .check(z.trim(), z.minLength(1, '目标来源文件不能为空')),
      sentence: z
        .string({ error: '目标依据原句应为文字' })
        .check(z.trim(), z.minLength(1, '目标来自文件时应写明依据原句')),
    }),
  ],
  { error: '应为 demo(示例)或 document(文件)' },
)
export type TargetOrigin = z.infer<typeof targetOriginSchema>

export const targetSchema = z.object({
  value: z.number({ error: '目标值应为数字' }),
  origin: targetOriginSchema,
})
export type Target = z.infer<typeof targetSchema>

/** Where a figure or a statement stands in its source: section, the whole sentence, the quote. */
export const sourceSchema = z.object({
  section: text,
  sentence: text,
  /** The figure (or words) exactly as the report writes it, e.g. "20余次"; it stands inside `sentence`. */
  quote: text,
  /** Where `quote` starts in `sentence` (it may occur more than once: 7次 inside 1127次). */
  quoteOffset: z.int().check(z.minimum(0)),
})
export type Source = z.infer<typeof sourceSchema>

export const indicatorSchema = z.object({
  id,
  code: z.string().check(z.regex(/^[A-Z]{2,4}-\d{2}$/, '应形如 XZFW-01')),
  group: groupIdSchema,
  name: text,
  shortName: text,
  unit: text,
  kind: indicatorKindSchema,
  direction: directionSchema,
  target: z.nullable(targetSchema),
  qualifier: z.nullable(qualifierSchema),
  definition: text,
  breakdown: z.enum(['town', 'department', 'none']),
  source: sourceSchema,
})
export type Indicator = z.infer<typeof indicatorSchema>

export const organizationSchema = z.object({
  id,
  name: text,
  shortName: text,
  type: organizationTypeSchema,
  parentId: z.nullable(id),
  /** Whether the report itself names this organisation (otherwise it is illustrative). */
  namedInReport: z.boolean(),
})
export type Organization = z.infer<typeof organizationSchema>

/**
 * What an observation covers when it is not the calendar year `year` (absent = that year):
 * - `since`: a cumulative count from `from` up to `year` (对2012年以来的招引协议开展“回头看”);
 * - `recent-years`: the `years` years ending with `year` (近3年涉企政策文件);
 * - `one-off`: a single event reported in `year`, not a yearly series (一件在诉6年的案件).
 * Such a figure gets no invented yearly series, and no 同比, sparkline or trend line.
 */
export const periodSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('since'), from: year }),
    z.object({
      kind: z.literal('recent-years'),
      years: z.int({ error: '年数应为整数' }).check(z.minimum(2, '近N年的N至少为2'), z.maximum(30)),
    }),
    z.object({ kind: z.literal('one-off') }),
  ],
  { error: '统计期应为 since(某年以来)、recent-years(近N年)或 one-off(单次)' },
)
export type Period = z.infer<typeof periodSchema>

export const observationSchema = z.object({
  indicatorId: id,
  orgId: id,
  year,
  value: z.number({ error: '数值应为数字' }),
  qualifier: z.nullable(qualifierSchema),
  status: observationStatusSchema,
  period: z.optional(periodSchema),
})
export type Observation = z.infer<typeof observationSchema>

/**
 * A statement of the report without a number, shown as a fact card with its source like any figure:
 * - `ranking`: a place among others (重点案件化解稳定率位居全市前列);
 * - `zero`: something that did not happen (未发生越权发文情形);
 * - `trend`: a direction without a figure (发文数量有效压降);
 * - `coverage`: all of a set (所有…文件…全部…评估, 全员覆盖).
 */
export const factKindSchema = z.enum(['ranking', 'zero', 'trend', 'coverage'])
export type FactKind = z.infer<typeof factKindSchema>

export const factSchema = z.object({
  id,
  code: z.string().check(z.regex(/^[A-Z]{2,4}-S\d{2}$/, '应形如 MDJF-S01')),
  group: groupIdSchema,
  kind: factKindSchema,
  year,
  /** A short title for the card, e.g. 重点案件化解稳定率. */
  title: text,
  /** The statement is `source.quote`: the report's own words, shown on the card as they stand. */
  source: sourceSchema,
})
export type Fact = z.infer<typeof factSchema>

/** Collections travel in an envelope so a backend can add paging fields later without a break. */
export const indicatorsResponseSchema = z.object({
  items: z.array(indicatorSchema).check(z.minLength(1)),
})
export const organizationsResponseSchema = z.object({
  items: z.array(organizationSchema).check(z.minLength(1)),
})
export const observationsResponseSchema = z.object({ items: z.array(observationSchema) })
export const factsResponseSchema = z.object({ items: z.array(factSchema) })

export interface Dataset {
  meta: Meta
  indicators: Indicator[]
  facts: Fact[]
  organizations: Organization[]
  observations: Observation[]
}
