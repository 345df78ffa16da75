import { describe, expect, it } from 'vitest'
import { escapeHtml } from './escape-html'

describe('escapeHtml', () => {
  it('escapes all five HTML-significant characters', () => {
    expect(escapeHtml('&')).toBe('&amp;')
    expect(escapeHtml('<')).toBe('&lt;')
    expect(escapeHtml('>')).toBe('&gt;')
    expect(escapeHtml('"')).toBe('&quot;')
    expect(escapeHtml("'")).toBe('&#39;')
  })

  it('turns markup into visible text that a browser does not run', () => {
    const attack = `<img src=x onerror="alert('1')">`
    const escaped = escapeHtml(attack)
    expect(escaped).not.toMatch(/[<>"']/)
    const el = document.createElement('div')
    el.innerHTML = escaped
    expect(el.querySelector('img')).toBeNull()
    expect(el.textContent).toBe(attack)
  })

  it('escapes & first, so existing entities show literally', () => {
    expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;')
  })

  it('leaves Chinese text and numbers as they are', () => {
    expect(escapeHtml('监测存量文件3767份')).toBe('监测存量文件3767份')
  })

  it('stringifies non-strings, and shows null and undefined as nothing', () => {
    expect(escapeHtml(3767)).toBe('3767')
    expect(escapeHtml(86.8)).toBe('86.8')
    expect(escapeHtml(false)).toBe('false')
    expect(escapeHtml(null)).toBe('')
    expect(escapeHtml(undefined)).toBe('')
    expect(escapeHtml({ toString: () => '<b>x</b>' })).toBe('&lt;b&gt;x&lt;/b&gt;')
    expect(escapeHtml(['<a>', '&'])).toBe('&lt;a&gt;,&amp;')
  })
})
