// Preloaded (node --import) to run keycheck.mjs without what Node 20 has and Node 18 lacks:
// AbortSignal.any and the Web Crypto global.
delete AbortSignal.any;
delete globalThis.crypto;
