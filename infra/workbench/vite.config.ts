/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The built files go where Spring Boot serves static resources from a jar on the classpath.
export default defineConfig({
  plugins: [vue()],
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
    // Mounting Element Plus forms in jsdom takes seconds on a busy two-core machine; 5 s timed out there.
    testTimeout: 30_000,
    // Element Plus's form validation must run as it does in the browser bundle (async-validator's web build).
    server: { deps: { inline: ['element-plus', 'async-validator'] } },
  },
})
