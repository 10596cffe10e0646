// A short plain-text answer of a route handler (a refusal, an error): never cached, never sniffed.
// (Several route handlers still keep a copy of their own: they can use this one.)
export function plainResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
  });
}
