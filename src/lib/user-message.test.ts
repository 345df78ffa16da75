import { describe, expect, it, vi } from 'vitest'
import { ApiError } from './api-client'
import { OLD_BROWSER_MESSAGE, userMessage } from './user-message'

describe('userMessage', () => {
  it('keeps the Chinese message of the app’s own errors', () => {
    const err = new ApiError('http', '数据源返回错误(HTTP 500)', 'x', 500)
    expect(userMessage(err, '数据加载失败')).toBe('数据源返回错误(HTTP 500)')
  })

  it('says the browser is too old for a missing API, and logs the detail', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const text = userMessage(new TypeError('AbortSignal.any is not a function'), '数据加载失败')
    expect(text).toBe(`数据加载失败:${OLD_BROWSER_MESSAGE}`)
    expect(text).not.toMatch(/[A-Za-z]/)
    expect(log).toHaveBeenCalled()
  })

  it('never shows an English message, whatever the error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(userMessage(new Error('Failed to fetch'), '数据加载失败')).toBe('数据加载失败')
    expect(userMessage(new RangeError('Invalid array length'), '导出失败')).toBe('导出失败')
    expect(userMessage({ weird: true }, '导出失败')).toBe('导出失败')
    expect(userMessage(undefined, '导出失败')).toBe('导出失败')
  })

  it('does not pass on an engine error even when its text is Chinese', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(userMessage(new TypeError('某某 is not a function'), '数据加载失败')).toBe(
      `数据加载失败:${OLD_BROWSER_MESSAGE}`,
    )
  })
})
