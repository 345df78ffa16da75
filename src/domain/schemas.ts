import { z } from 'zod'

/**
 * The data contract. Every payload the app reads is parsed by one of these schemas; the TypeScript
 * types are inferred from them, never written by hand. docs/api.md describes the same shapes.
 */

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

const text = z.string().trim().min(1)
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '应为小写字母、数字或连字符组成的编码')
const year = z.number().int().min(2000).max(2100)

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
  years: z.array(year).min(1),
  source: z.object({ title: text, year, issuer: text }),
  updatedAt: z.iso.datetime({ offset: true }),
  groups: z.array(groupSchema).length(4),
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
      document: z.string({ error: '目标来源文件应为文字' }).trim().min(1, '目标来源文件不能为空'),
      sentence: z
        .string({ error: '目标依据原句应为文字' })
        .trim()
        .min(1, '目标来自文件时应写明依据原句'),
    }),
  ],
  { error: '应为 demo(示例)或 document(文件)' },
)
export type TargetOrigin = z.infer<typeof targetOriginSchema>

export const targetSchema = z.object({
  value: z.number({ error: '目标值应为数字' }).finite('目标值应为有限数字'),
  origin: targetOriginSchema,
})
export type Target = z.infer<typeof targetSchema>

export const indicatorSchema = z.object({
  id,
  code: z.string().regex(/^[A-Z]{2,4}-\d{2}$/, '应形如 XZFW-01'),
  group: groupIdSchema,
  name: text,
  shortName: text,
  unit: text,
  kind: indicatorKindSchema,
  direction: directionSchema,
  target: targetSchema.nullable(),
  qualifier: qualifierSchema.nullable(),
  definition: text,
  breakdown: z.enum(['town', 'department', 'none']),
  source: z.object({
    section: text,
    sentence: text,
    /** The figure exactly as the report writes it, e.g. "20余次"; it stands inside `sentence`. */
    quote: text,
    /** Where `quote` starts in `sentence` (it may occur more than once: 7次 inside 1127次). */
    quoteOffset: z.number().int().min(0),
  }),
})
export type Indicator = z.infer<typeof indicatorSchema>

export const organizationSchema = z.object({
  id,
  name: text,
  shortName: text,
  type: organizationTypeSchema,
  parentId: id.nullable(),
  /** Whether the report itself names this organisation (otherwise it is illustrative). */
  namedInReport: z.boolean(),
})
export type Organization = z.infer<typeof organizationSchema>

export const observationSchema = z.object({
  indicatorId: id,
  orgId: id,
  year,
  value: z.number({ error: '数值应为数字' }).finite('数值应为有限数字'),
  qualifier: qualifierSchema.nullable(),
  status: observationStatusSchema,
})
export type Observation = z.infer<typeof observationSchema>

/** Collections travel in an envelope so a backend can add paging fields later without a break. */
export const indicatorsResponseSchema = z.object({ items: z.array(indicatorSchema).min(1) })
export const organizationsResponseSchema = z.object({ items: z.array(organizationSchema).min(1) })
export const observationsResponseSchema = z.object({ items: z.array(observationSchema) })

export interface Dataset {
  meta: Meta
  indicators: Indicator[]
  organizations: Organization[]
  observations: Observation[]
}
