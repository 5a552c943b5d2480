/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { constants, gzipSync } from 'node:zlib'

/**
 * Writes a gzip copy (`.gz`) beside every built text file, once, at the highest level: WorkbenchResources sends it
 * to browsers that accept gzip, so the first load transfers about a third and the server compresses nothing.
 */
function gzipped(): Plugin {
  let outDir = ''
  const compress = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name)
      if (entry.isDirectory()) compress(file)
      else if (/\.(js|css|html|svg|json)$/.test(entry.name)) {
        const content = readFileSync(file)
        const gzip = gzipSync(content, { level: constants.Z_BEST_COMPRESSION })
        if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip)
      }
    }
  }
  return {
    name: 'gzipped',
    apply: 'build',
    configResolved: (config) => { outDir = resolve(config.root, config.build.outDir) },
    closeBundle: () => compress(outDir),
  }
}

// The built files go where Spring Boot serves static resources from a jar on the classpath.
export default defineConfig({
  plugins: [vue(), gzipped()],
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks: {
          'element-plus': ['element-plus'],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Mounting Element Plus forms takes ~1 s on a quiet machine and several on a busy CI one: the default 5 s
    // failed a form test that was right (a timeout is not what these tests check).
    testTimeout: 30_000,
    // Element Plus's form validation must run as it does in the browser bundle (async-validator's web build).
    server: { deps: { inline: ['element-plus', 'async-validator'] } },
  },
})
