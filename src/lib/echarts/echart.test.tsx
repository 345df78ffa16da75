import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { PanelBoundary } from '@/components/panel-boundary'
import { EChart } from './echart'

/** The chart code's chunk fails once (a network cut while the page loads), then loads. */
const chunk = vi.hoisted(() => ({ failures: 1 }))
vi.mock('./echart-impl', () => {
  if (chunk.failures > 0) {
    chunk.failures -= 1
    throw new Error('Failed to fetch dynamically imported module: echart-impl.js')
  }
  return { default: () => <div data-testid="echart" /> }
})

describe('EChart', () => {
  it('shows a failed chart chunk as an error on that panel only, and loads it on 重试', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    render(
      <>
        <PanelBoundary name="存量文件监测">
          <EChart option={{ series: [] }} />
        </PanelBoundary>
        <p>其余内容</p>
      </>,
    )
    expect(await screen.findByText('「存量文件监测」显示出错,其余内容不受影响')).toBeVisible()
    expect(screen.getByText('其余内容')).toBeVisible()
    await userEvent.click(screen.getByRole('button', { name: /重试/ }))
    expect(await screen.findByTestId('echart')).toBeInTheDocument()
    expect(screen.queryByText(/显示出错/)).toBeNull()
  })
})
