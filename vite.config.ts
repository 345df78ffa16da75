/// <reference types="vitest/config" />
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { flexGapPlugin } from './scripts/flex-gap-plugin.ts'
import { licenses } from './scripts/licenses-plugin.ts'
import { serviceWorker } from './scripts/sw-plugin.ts'
import { themeCssPlugin } from './scripts/theme-plugin.ts'
import { CONTENT_SECURITY_POLICY } from './src/config/csp.ts'

/**
 * The production page runs under a strict Content-Security-Policy. Static hosts that cannot send
 * headers still get it through the meta tag; `vite preview` also sends it as a real header.
 * Dev keeps no CSP because Vite's dev client injects an inline preamble for React refresh.
 */
function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      )
    },
  }
}

/**
 * ECharts sits in its own lazy chunk, but the overview needs it at once: a modulepreload hint lets
 * the browser fetch it in parallel with the entry instead of after the first render (a waterfall).
 * The cards paint first; the charts are used when the chunk has arrived.
 */
function preloadCharts(): Plugin {
  return {
    name: 'preload-charts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {}
        const entry = Object.values(bundle).find(
          (c) =>
            c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/lib/echarts/echart-impl.tsx'),
        )
        if (!entry || entry.type !== 'chunk') return html
        // The chunk and everything it imports statically (ECharts core may be split out of it).
        const files = new Set<string>()
        const visit = (fileName: string) => {
          const chunk = bundle[fileName]
          if (files.has(fileName) || !chunk || chunk.type !== 'chunk' || chunk.isEntry) return
          files.add(fileName)
          chunk.imports.forEach(visit)
        }
        visit(entry.fileName)
        const links = [...files]
          .filter((f) => !html.includes(f))
          .map((f) => `    <link rel="modulepreload" crossorigin href="./${f}">`)
          .join('\n')
        return html.replace('</head>', `${links}\n  </head>`)
      },
    },
  }
}

/**
 * The early requests (src/lib/early-fetch.ts) are built as an entry of their own, `boot`, and
 * index.html runs it as an async module script before the app's entry: it starts config.json and
 * the data as soon as its few hundred bytes have arrived, while the app is still being compiled and
 * evaluated. The app's entry imports the same chunk, so the module runs once. (Inside the entry
 * chunk, as before, it could only run once the whole 440 KiB had been compiled, and the data
 * requests waited for the app's evaluation to end.)
 */
function bootScript(): Plugin {
  return {
    name: 'boot-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === 'boot',
        )
        if (!boot) throw new Error('boot-script: the build has no `boot` entry chunk')
        return html.replace(
          '<meta name="viewport"',
          `<script type="module" async crossorigin src="./${boot.fileName}"></script>\n    <meta name="viewport"`,
        )
      },
    },
  }
}

/** msw's worker is for development only: the production build must not ship it. */
function dropMockWorker(): Plugin {
  let outDir = 'dist'
  return {
    name: 'drop-mock-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    closeBundle() {
      rmSync(resolve(outDir, 'mockServiceWorker.js'), { force: true })
    },
  }
}

export default defineConfig({
  base: './',
  plugins: [
    react(),
    // Chromium 83 has no flex `gap`: margins instead where the page is marked so.
    flexGapPlugin(),
    themeCssPlugin(),
    cspMeta(),
    preloadCharts(),
    bootScript(),
    dropMockWorker(),
    licenses(),
    serviceWorker(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: ['chrome83'],
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        boot: fileURLToPath(new URL('./src/lib/early-fetch.ts', import.meta.url)),
      },
    },
  },
  preview: {
    port: 4173,
    strictPort: false,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./tests/setup.tsx'],
    include: [
      'src/**/*.test.{ts,tsx}',
      'mocks/**/*.test.ts',
      'tests/unit/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
    ],
    restoreMocks: true,
  },
})
