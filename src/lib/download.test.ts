import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadBlob, REVOKE_AFTER_MS } from './download'

describe('downloadBlob', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('saves the blob under its file name and revokes the object URL afterwards', () => {
    vi.useFakeTimers()
    const created: Blob[] = []
    const revoked: string[] = []
    // jsdom has no object URLs: stand in for the browser's.
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        created.push(b)
        return 'blob:test/1'
      },
      revokeObjectURL: (u: string) => revoked.push(u),
    })
    const clicks: { href: string; download: string; attached: boolean }[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push({
        href: this.getAttribute('href')!,
        download: this.download,
        attached: this.isConnected,
      })
    })
    const blob = new Blob(['单位,数值\r\n'], { type: 'text/csv' })

    downloadBlob(blob, '对比分析_2024年_20261127.csv')

    expect(created).toEqual([blob])
    expect(click).toHaveBeenCalledTimes(1)
    expect(clicks).toEqual([
      { href: 'blob:test/1', download: '对比分析_2024年_20261127.csv', attached: true },
    ])
    expect(document.querySelector('a[download]')).toBeNull()
    // Not revoked at once (that can cancel the download), but not kept either.
    expect(revoked).toEqual([])
    vi.advanceTimersByTime(REVOKE_AFTER_MS)
    expect(revoked).toEqual(['blob:test/1'])
  })
})
