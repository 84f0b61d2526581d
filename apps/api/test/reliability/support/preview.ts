/** A generated body, cut short for messages: a 300 KiB string would bury the failure. */
export function preview(body: unknown): string {
  const text = body instanceof Uint8Array ? Buffer.from(body).toString('latin1') : safeJson(body);
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch (error) {
    // Deep nesting can overflow JSON.stringify itself.
    return `<unserialisable: ${String(error)}>`;
  }
}
