import { queryOptions, useQuery } from '@tanstack/react-query'
import { metaSchema } from '@/domain/schemas'
import { getResource } from '@/lib/api-client'
import { datasetKeys } from './keys'
import type { QueryTuning } from './query-tuning'

export const getMeta = (signal?: AbortSignal) => getResource('meta.json', metaSchema, signal)

export const metaQueryOptions = () =>
  queryOptions({ queryKey: datasetKeys.meta(), queryFn: ({ signal }) => getMeta(signal) })

export const useMeta = (tuning?: QueryTuning) => useQuery({ ...metaQueryOptions(), ...tuning })
