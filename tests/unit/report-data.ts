/**
 * The bundled report data (public/data), parsed by the app's own schemas, for unit tests that
 * check output built from the real figures (the briefing's words, the .docx, the comparison charts).
 */
import factsJson from '../../public/data/facts.json'
import indicatorsJson from '../../public/data/indicators.json'
import metaJson from '../../public/data/meta.json'
import observationsJson from '../../public/data/observations.json'
import organizationsJson from '../../public/data/organizations.json'
import {
  factsResponseSchema,
  indicatorsResponseSchema,
  metaSchema,
  observationsResponseSchema,
  organizationsResponseSchema,
  type GroupId,
  type Indicator,
} from '@/domain/schemas'

export const meta = metaSchema.parse(metaJson)
export const indicators = indicatorsResponseSchema.parse(indicatorsJson).items
export const observations = observationsResponseSchema.parse(observationsJson).items
export const facts = factsResponseSchema.parse(factsJson).items
export const organizations = organizationsResponseSchema.parse(organizationsJson).items

/** The indicators of each group, in the report's order. */
export const indicatorsByGroup = new Map<GroupId, Indicator[]>(meta.groups.map((g) => [g.id, []]))
for (const i of indicators) indicatorsByGroup.get(i.group)!.push(i)
