import { queryOptions, useQuery } from '@tanstack/react-query'
import { factSchema } from '@/domain/schemas'
import { getCollection } from '@/lib/api-client'
import { datasetKeys } from './keys'
import { keepingGoodItems } from './keep-good-items'
import type { QueryTuning } from './query-tuning'

/**
 * The report's statements without a number (facts.json). A query of its own, outside the dataset
 * join: a missing or broken facts file shows an error on the fact cards only, never on the figures.
 * A malformed fact is kept as a problem under its group, so that group's fact list says so.
 */
export const getFacts = (signal?: AbortSignal) =>
  getCollection('facts.json', factSchema, (raw) => raw.group, signal)

export const factsQueryOptions = () =>
  queryOptions({
    queryKey: datasetKeys.facts(),
    queryFn: keepingGoodItems(getFacts, (item) => item.group),
  })

export const useFacts = (tuning?: QueryTuning) => useQuery({ ...factsQueryOptions(), ...tuning })
