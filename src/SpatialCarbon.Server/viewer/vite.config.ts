import { defineConfig } from 'vite';

// The build lands in ../wwwroot, which the server serves at /; relative asset paths keep it working under any base.
export default defineConfig({
  base: './',
  build: {
    outDir: '../wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
  },
  server: {
    // `npm run dev` proxies the API to a running `serve` on the default port.
    proxy: Object.fromEntries(['/catalog', '/config.json', '/tiles', '/legend', '/api', '/healthz'].map(p => [p, 'http://127.0.0.1:5080'])),
  },
});
