// Vite builds web/dist, which `lienthong serve --web-root web/dist` serves at "/". During
// development (`npm run dev`) API calls are proxied to a local server given by LIENTHONG_API.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['chrome110', 'firefox115', 'safari16'],
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/api': process.env.LIENTHONG_API ?? 'http://127.0.0.1:8080',
      '/healthz': process.env.LIENTHONG_API ?? 'http://127.0.0.1:8080',
    },
  },
});
