/** Jest global teardown: stops the private redis-server the global setup started, if any. */
export default async function stopPrivateRedis(): Promise<void> {
  await globalThis.chronicleTestRedis?.kill();
  globalThis.chronicleTestRedis = undefined;
}
