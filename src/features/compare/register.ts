/**
 * The ECharts modules only the comparison view needs, registered from its own lazy chunk, so the
 * overview's ECharts chunk stays as it is (and within its byte budget). `use` is taken through
 * src/lib/echarts/core.ts rather than straight from echarts/core: then this chunk reaches the same
 * ECharts modules as the chart wrapper and the bundler keeps them in one shared chunk instead of
 * splitting it in two.
 */
import { RadarChart } from 'echarts/charts'
import { DataZoomComponent } from 'echarts/components'
import { echarts } from '@/lib/echarts/core'

echarts.use([RadarChart, DataZoomComponent])
