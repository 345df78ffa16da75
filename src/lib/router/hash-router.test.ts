import { describe, expect, it } from 'vitest'
import { isActivePath, matchPath, parseHash, safeDecode } from './hash-router'

describe('hash router', () => {
  it('matches a group page and decodes its id', () => {
    expect(matchPath('/group/:groupId', '/group/fair-competition')).toEqual({
      groupId: 'fair-competition',
    })
    expect(matchPath('/group/:groupId', '/group/%E5%85%AC')).toEqual({ groupId: '公' })
    expect(matchPath('/group/:groupId', '/compare')).toBeNull()
  })

  it('never throws on a mangled link: a broken escape stays as typed', () => {
    expect(() => matchPath('/group/:groupId', '/group/%')).not.toThrow()
    expect(matchPath('/group/:groupId', '/group/%')).toEqual({ groupId: '%' })
    expect(matchPath('/group/:groupId', '/group/%E4%B8')).toEqual({ groupId: '%E4%B8' })
    expect(safeDecode('%zz')).toBe('%zz')
  })

  it('reads a 100,000-character hash without trouble', () => {
    const long = `#/group/${'x'.repeat(100_000)}?year=${'9'.repeat(50)}`
    const { pathname, search } = parseHash(long)
    expect(pathname.length).toBe(100_007)
    expect(new URLSearchParams(search).get('year')).toHaveLength(50)
  })

  it('marks a nav link active by whole path segments, not by string prefix', () => {
    expect(isActivePath('/group/admin', '/group/admin')).toBe(true)
    expect(isActivePath('/group/admin', '/group/admin/x')).toBe(true)
    expect(isActivePath('/group/admin', '/group/admin-services')).toBe(false)
    expect(isActivePath('/', '/compare')).toBe(false)
    expect(isActivePath('/', '/')).toBe(true)
    expect(isActivePath('/compare', '/compare/x', true)).toBe(false)
  })
})
