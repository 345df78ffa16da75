import type * as z from 'zod/mini'
import { describeIssues } from './describe-issues'
import { apiUrl, DATA_REQUEST_INIT, DEFAULT_API_BASE, takeEarlyResponse } from './early-fetch'

/**
 * The one way the app reads data: fetch → JSON → zod parse → a typed value, or an ApiError whose
 * message is already in words a user can read. Nothing else calls fetch for data.
 */

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'json' | 'schema'

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly status: number | null
  readonly url: string

  constructor(kind: ApiErrorKind, message: string, url: string, status: number | null = null) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.status = status
    this.url = url
  }
}

interface ApiSettings {
  baseUrl: string
  timeoutMs: number
}

const settings: ApiSettings = { baseUrl: DEFAULT_API_BASE, timeoutMs: 15000 }

/** Called once at start-up with the runtime config. */
export function configureApi(next: Partial<ApiSettings>): void {
  Object.assign(settings, next)
}

export function resolveApiUrl(path: string): string {
  return apiUrl(settings.baseUrl, path)
}

/** A response already requested (src/lib/early-fetch.ts), abandoned when `signal` aborts. */
function adopt(response: Promise<Response>, signal: AbortSignal): Promise<Response> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new DOMException('The request was aborted.', 'AbortError'))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort)
    response.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

async function fetchJson(
  path: string,
  signal?: AbortSignal,
): Promise<{ url: string; body: unknown }> {
  const url = resolveApiUrl(path)
  // AbortSignal.timeout (Chromium 103) and AbortSignal.any (116) are newer than the browsers of
  // government office PCs (Chromium 83+): one controller aborts on the caller's signal or the timer,
  // which covers the body as well as the headers.
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, settings.timeoutMs)
  const onAbort = () => controller.abort()
  if (signal?.aborted) controller.abort()
  else signal?.addEventListener('abort', onAbort)
  /** What a failure means to the user: the timer, the caller's cancel, or `otherwise`. */
  const failure = (err: unknown, otherwise: ApiError): unknown => {
    if (timedOut) {
      const seconds = Math.round(settings.timeoutMs / 1000)
      return new ApiError('timeout', `数据源响应超时(超过 ${seconds} 秒)`, url)
    }
    return signal?.aborted ? err : otherwise
  }
  try {
    let res: Response
    try {
      // The first request of a start collection was made before the app had evaluated.
      const early = takeEarlyResponse(url)
      res = await (early
        ? adopt(early, controller.signal)
        : fetch(url, { ...DATA_REQUEST_INIT, signal: controller.signal }))
    } catch (err) {
      throw failure(err, new ApiError('network', '无法连接数据源,请检查网络', url))
    }
    if (!res.ok) {
      throw new ApiError('http', `数据源返回错误(HTTP ${res.status})`, url, res.status)
    }
    try {
      return { url, body: await res.json() }
    } catch (err) {
      throw failure(
        err,
        new ApiError('json', '数据格式错误:返回内容不是有效的 JSON', url, res.status),
      )
    }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}

/** GET a resource and parse it whole with its schema. */
export async function getResource<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  const { url, body } = await fetchJson(path, signal)
  const parsed = schema.safeParse(body, { reportInput: true })
  if (!parsed.success) {
    throw new ApiError('schema', `数据格式错误:${describeIssues(parsed.error.issues)}`, url)
  }
  return parsed.data
}

export interface ItemProblem {
  /** The key of the item (e.g. the indicator it belongs to) when it could be read, else null. */
  key: string | null
  index: number
  message: string
}

export interface ParsedCollection<T> {
  items: T[]
  problems: ItemProblem[]
}

/**
 * GET a collection `{ items: [...] }` and parse each item on its own: one malformed item becomes a
 * problem attached to its key (so only the panel that shows it reports an error) instead of failing
 * the whole response. The envelope itself must be right, or the whole request fails.
 */
export async function getCollection<S extends z.ZodMiniType>(
  path: string,
  itemSchema: S,
  keyOf: (raw: Record<string, unknown>) => unknown,
  signal?: AbortSignal,
): Promise<ParsedCollection<z.infer<S>>> {
  const { url, body } = await fetchJson(path, signal)
  if (
    typeof body !== 'object' ||
    body === null ||
    !Array.isArray((body as { items?: unknown }).items)
  ) {
    throw new ApiError('schema', '数据格式错误:应为包含 items 数组的对象', url)
  }
  const items: z.infer<S>[] = []
  const problems: ItemProblem[] = []
  ;(body as { items: unknown[] }).items.forEach((raw, index) => {
    const parsed = itemSchema.safeParse(raw, { reportInput: true })
    if (parsed.success) {
      items.push(parsed.data)
      return
    }
    const key =
      typeof raw === 'object' && raw !== null ? keyOf(raw as Record<string, unknown>) : null
    problems.push({
      key: typeof key === 'string' ? key : null,
      index,
      message: `数据格式错误:${describeIssues(parsed.error.issues)}`,
    })
  })
  return { items, problems }
}
