// Vite builds web/dist, which `lienthong serve --web-root web/dist` serves at "/". During
// development (`npm run dev`) API calls are proxied to a local server given by LIENTHONG_API.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

// Writes NAME.br and NAME.gz beside every text file of the build, once, at the best levels: the
// server sends the one the browser accepts (src/api/static_files.cc) and compresses nothing per
// request. Node's own zlib, so nothing is added to the dependencies.
function precompress(outDir: string): Plugin {
  const compressible = /\.(js|mjs|css|html|svg|json|webmanifest)$/;
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
  return {
    name: 'lienthong-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!compressible.test(file)) continue;
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;  // headers would cost more than they save
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        }));
      }
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [precompress('dist')],
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
