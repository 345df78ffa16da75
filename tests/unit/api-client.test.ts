import { delay, http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { getIndicators } from '@/api/get-indicators'
import { getMeta } from '@/api/get-meta'
import { getObservations } from '@/api/get-observations'
import { getOrganizations } from '@/api/get-organizations'
import { metaSchema, observationSchema } from '@/domain/schemas'
import { ApiError, configureApi, getCollection, getResource, resolveApiUrl } from '@/lib/api-client'
import { shouldRetry } from '@/lib/query-client'
import { DATA_FILES, dataUrl } from '../../mocks/handlers'
import { server } from '../../mocks/node'
import { scenarios } from '../../mocks/scenarios'

const DEFAULTS = { baseUrl: './data', timeoutMs: 15000 }
afterEach(() => configureApi(DEFAULTS))

const observationCount = DATA_FILES['observations.json'].items.length
const CJK = /[\u4e00-\u9fff]/

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError)
    return err as ApiError
  }
  throw new Error('expected the request to fail')
}

describe('api-client against the mock API', () => {
  it('reads and parses the published dataset', async () => {
    const meta = await getMeta()
    expect(meta.source.title).toBe('通州湾示范区2024年法治政府建设情况报告')
    const indicators = await getIndicators()
    expect(indicators.items).toHaveLength(34)
    expect(indicators.problems).toEqual([])
    const orgs = await getOrganizations()
    expect(orgs.find((o) => o.id === 'tzw')?.name).toBe('通州湾示范区')
    const obs = await getObservations()
    expect(obs.items).toHaveLength(observationCount)
    expect(obs.problems).toEqual([])
  })

  it('turns HTTP 500 into an http error with a Chinese message', async () => {
    server.use(...scenarios.error)
    const err = await failure(getMeta())
    expect(err.kind).toBe('http')
    expect(err.status).toBe(500)
    expect(err.message).toBe('数据源返回错误(HTTP 500)')
    expect(err.url).toMatch(/\/data\/meta\.json$/)
  })

  it('turns a 404 into an http error that names the status', async () => {
    server.use(http.get(dataUrl('meta.json'), () => new HttpResponse(null, { status: 404 })))
    const err = await failure(getMeta())
    expect(err.kind).toBe('http')
    expect(err.message).toContain('404')
    expect(err.message).toMatch(CJK)
  })

  it('turns a cut-off JSON body into a json error', async () => {
    server.use(...scenarios.malformed)
    const err = await failure(getObservations())
    expect(err.kind).toBe('json')
    expect(err.message).toBe('数据格式错误:返回内容不是有效的 JSON')
  })

  it('turns a payload that breaks the contract into a schema error in words', async () => {
    server.use(http.get(dataUrl('organizations.json'), () => HttpResponse.json({ items: [] })))
    const err = await failure(getOrganizations())
    expect(err.kind).toBe('schema')
    expect(err.message).toBe('数据格式错误:列表不能为空')
  })

  it('says what is wrong with a resource whose field has the wrong type', async () => {
    server.use(
      http.get(dataUrl('meta.json'), () =>
        HttpResponse.json({
          ...DATA_FILES['meta.json'],
          period: { ...DATA_FILES['meta.json'].period, year: '2024年' },
        }),
      ),
    )
    const err = await failure(getResource('meta.json', metaSchema))
    expect(err.kind).toBe('schema')
    expect(err.message).toBe('数据格式错误:年度应为数字(实际为文本)')
  })

  it('rejects a collection without an items array as a whole', async () => {
    server.use(http.get(dataUrl('observations.json'), () => HttpResponse.json({ data: [] })))
    const err = await failure(getObservations())
    expect(err.kind).toBe('schema')
    expect(err.message).toBe('数据格式错误:应为包含 items 数组的对象')
  })

  it('turns a network failure into a network error', async () => {
    server.use(http.get(dataUrl('meta.json'), () => HttpResponse.error()))
    const err = await failure(getMeta())
    expect(err.kind).toBe('network')
    expect(err.message).toBe('无法连接数据源,请检查网络')
  })

  it('gives up on a source that does not answer and says how long it waited', async () => {
    configureApi({ timeoutMs: 1000 })
    server.use(
      http.get(dataUrl('meta.json'), async () => {
        await delay(5000)
        return HttpResponse.json(DATA_FILES['meta.json'])
      }),
    )
    const err = await failure(getMeta())
    expect(err.kind).toBe('timeout')
    expect(err.message).toBe('数据源响应超时(超过 1 秒)')
  })

  it('does not report a request the app cancelled itself as a network problem', async () => {
    server.use(
      http.get(dataUrl('meta.json'), async () => {
        await delay(5000)
        return HttpResponse.json(DATA_FILES['meta.json'])
      }),
    )
    const controller = new AbortController()
    const pending = getMeta(controller.signal)
    controller.abort()
    const err = await pending.catch((e: unknown) => e)
    expect(err).not.toBeInstanceOf(ApiError)
  })
})

describe('getCollection: one bad item does not fail the rest', () => {
  it('keeps every good observation and files the bad one under its indicator', async () => {
    server.use(...scenarios['bad-value'])
    const { items, problems } = await getObservations()
    expect(items).toHaveLength(observationCount - 1)
    expect(problems).toHaveLength(1)
    const [problem] = problems
    expect(problem!.key).toBe('stock-docs')
    expect(DATA_FILES['observations.json'].items[problem!.index]).toMatchObject({
      indicatorId: 'stock-docs',
      orgId: 'tzw',
      year: 2024,
    })
    // The other stock-docs values (other years, other organisations) are still there.
    expect(items.filter((o) => o.indicatorId === 'stock-docs').length).toBeGreaterThan(0)
    expect(
      items.some((o) => o.indicatorId === 'stock-docs' && o.year === 2024 && o.orgId === 'tzw'),
    ).toBe(false)
  })

  it('explains the bad item: its value is text where a number is expected', async () => {
    server.use(...scenarios['bad-value'])
    const { problems } = await getObservations()
    expect(problems[0]!.message).toBe('数据格式错误:数值应为数字(实际为文本)')
  })

  it('files an item whose key cannot be read under null', async () => {
    server.use(
      http.get(dataUrl('observations.json'), () =>
        HttpResponse.json({
          items: [
            DATA_FILES['observations.json'].items[0],
            42,
            { orgId: 'tzw', year: 2024, value: 1, qualifier: null, status: 'reported' },
          ],
        }),
      ),
    )
    const { items, problems } = await getCollection(
      'observations.json',
      observationSchema,
      (raw) => raw.indicatorId,
    )
    expect(items).toHaveLength(1)
    expect(problems.map((p) => [p.key, p.index])).toEqual([
      [null, 1],
      [null, 2],
    ])
    expect(problems[1]!.message).toBe('数据格式错误:缺少指标编码')
  })

  it('keys a bad indicator by its id', async () => {
    const [first, ...rest] = DATA_FILES['indicators.json'].items
    server.use(
      http.get(dataUrl('indicators.json'), () =>
        HttpResponse.json({ items: [{ ...first, unit: '' }, ...rest] }),
      ),
    )
    const { items, problems } = await getIndicators()
    expect(items).toHaveLength(33)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.key).toBe(first!.id)
    expect(problems[0]!.message).toMatch(/^数据格式错误:/)
  })
})

describe('resolveApiUrl', () => {
  it('resolves the default ./data against the page', () => {
    expect(resolveApiUrl('meta.json')).toBe(new URL('./data/meta.json', document.baseURI).href)
  })

  it('points at a configured backend, whatever slashes it is given', () => {
    configureApi({ baseUrl: 'https://api.example.gov.cn/v1/' })
    expect(resolveApiUrl('/meta.json')).toBe('https://api.example.gov.cn/v1/meta.json')
    expect(resolveApiUrl('meta.json')).toBe('https://api.example.gov.cn/v1/meta.json')
  })
})

describe('retry policy', () => {
  const schemaError = new ApiError('schema', 'x', 'u')
  const jsonError = new ApiError('json', 'x', 'u')
  const httpError = new ApiError('http', 'x', 'u', 503)

  it('does not ask again for a payload that is malformed', () => {
    expect(shouldRetry(0, schemaError)).toBe(false)
    expect(shouldRetry(0, jsonError)).toBe(false)
  })

  it('retries a failing source a few times, then stops', () => {
    expect(shouldRetry(0, httpError)).toBe(true)
    expect(shouldRetry(2, httpError)).toBe(true)
    expect(shouldRetry(3, httpError)).toBe(false)
  })
})
