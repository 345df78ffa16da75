import * as z from 'zod/mini'
import { describeIssues } from '@/lib/describe-issues'
import {
  CONFIG_REQUEST_INIT,
  CONFIG_URL,
  DEFAULT_API_BASE,
  takeEarlyResponse,
} from '@/lib/early-fetch'

/**
 * Runtime configuration, read from `config.json` next to index.html when the app starts, so a
 * deployment can point the dashboard at a live backend (or hide demo data) without a rebuild.
 */
export const runtimeConfigSchema = z.object({
  /** Base URL of the data API: the JSON files the build emits (`./data`) or a live backend. */
  apiBaseUrl: z._default(z.string().check(z.minLength(1)), DEFAULT_API_BASE),
  /** Show demo values (prior years, per-organisation splits). Reported figures are always shown. */
  showDemoData: z._default(z.boolean(), true),
  /** Seconds between background refreshes of the data; 0 turns refreshing off. */
  refreshSeconds: z._default(z.int().check(z.minimum(0), z.maximum(86400)), 300),
  /** Milliseconds before a data request is abandoned as timed out. */
  requestTimeoutMs: z._default(z.int().check(z.minimum(1000), z.maximum(120000)), 15000),
})
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>

export const DEFAULT_CONFIG: RuntimeConfig = runtimeConfigSchema.parse({})

export interface LoadedConfig {
  config: RuntimeConfig
  /** A message in words when config.json was present but invalid (the defaults are used then). */
  warning: string | null
}

/** Reads config.json; a missing file means defaults, an invalid one means defaults and a warning. */
export async function loadRuntimeConfig(url = CONFIG_URL): Promise<LoadedConfig> {
  let raw: unknown
  try {
    // Requested at the very start of the page (src/lib/early-fetch.ts), else now.
    const early =
      typeof document === 'undefined'
        ? undefined
        : takeEarlyResponse(new URL(url, document.baseURI).toString())
    const res = await (early ?? fetch(url, CONFIG_REQUEST_INIT))
    if (res.status === 404) return { config: DEFAULT_CONFIG, warning: null }
    if (!res.ok)
      return {
        config: DEFAULT_CONFIG,
        warning: `配置文件读取失败(HTTP ${res.status}),已使用默认配置`,
      }
    raw = await res.json()
  } catch {
    return { config: DEFAULT_CONFIG, warning: '配置文件无法读取或不是有效的 JSON,已使用默认配置' }
  }
  const parsed = runtimeConfigSchema.safeParse(raw, { reportInput: true })
  if (!parsed.success) {
    return {
      config: DEFAULT_CONFIG,
      warning: `配置文件有误(${describeIssues(parsed.error.issues)}),已使用默认配置`,
    }
  }
  return { config: parsed.data, warning: null }
}
