// The server's public address decides where sign-in redirects go (NEXTAUTH_URL) and whether the
// session cookie is Secure (https). `npm start` derives NEXTAUTH_URL from JINGZHUN_PUBLIC_URL, so
// redirects never point at another app's port and the cookie is Secure behind HTTPS (#16.15).

/** NEXTAUTH_URL as set, else JINGZHUN_PUBLIC_URL, else this server on localhost. */
export function nextAuthUrl(env: Record<string, string | undefined>, port: string): string {
  const explicit = env.NEXTAUTH_URL?.trim();
  if (explicit) return explicit;
  const pub = env.JINGZHUN_PUBLIC_URL?.trim().replace(/\/+$/, "");
  return pub || `http://localhost:${port}`;
}

/** The session cookie is Secure (and __Secure- prefixed) when the public address is https. */
export function secureCookies(env: Record<string, string | undefined> = process.env): boolean {
  return (env.NEXTAUTH_URL ?? env.JINGZHUN_PUBLIC_URL ?? "").trim().toLowerCase().startsWith("https://");
}
