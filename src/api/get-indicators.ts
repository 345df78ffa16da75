import { queryOptions, useQuery } from '@tanstack/react-query'
import { indicatorSchema } from '@/domain/schemas'
import { getCollection } from '@/lib/api-client'
import { datasetKeys } from './keys'
import { keepingGoodItems } from './keep-good-items'
import type { QueryTuning } from './query-tuning'

/** The indicator catalogue; a malformed entry is kept as a problem under its id, not a failure. */
export const getIndicators = (signal?: AbortSignal) =>
  getCollection('indicators.json', indicatorSchema, (raw) => raw.id, signal)

export const indicatorsQueryOptions = () =>
  queryOptions({
    queryKey: datasetKeys.indicators(),
    queryFn: keepingGoodItems(getIndicators, (item) => item.id),
  })

export const useIndicators = (tuning?: QueryTuning) =>
  useQuery({ ...indicatorsQueryOptions(), ...tuning })
