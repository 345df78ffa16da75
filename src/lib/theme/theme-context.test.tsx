import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ThemeProvider, useTheme } from './theme-context'
import { THEMES } from './themes'

function Probe() {
  const theme = useTheme()
  return <p data-testid="probe">{`${theme.name} ${theme.chart.text}`}</p>
}

describe('ThemeProvider', () => {
  it('gives its theme to what renders below and names it on <html>', () => {
    const view = render(
      <ThemeProvider name="print">
        <Probe />
      </ThemeProvider>,
    )
    expect(screen.getByTestId('probe')).toHaveTextContent(`print ${THEMES.print.chart.text}`)
    expect(document.documentElement.dataset.theme).toBe('print')
    view.rerender(
      <ThemeProvider name="desk">
        <Probe />
      </ThemeProvider>,
    )
    expect(document.documentElement.dataset.theme).toBe('desk')
    view.unmount()
    expect(document.documentElement.dataset.theme).toBeUndefined()
  })

  it('without a provider: the desk', () => {
    render(<Probe />)
    expect(screen.getByTestId('probe')).toHaveTextContent(`desk ${THEMES.desk.chart.text}`)
  })
})
