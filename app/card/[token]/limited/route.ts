// Too many card views from one address: a plain page with status 429 (pages cannot set a
// status, so the card page redirects here). Nothing about any household.
import { cookies } from "next/headers";
import { isWellFormedToken } from "@/lib/card/token";
import { LIMITS } from "@/lib/ratelimit";
import { LOCALE_COOKIE } from "@/i18n/config";
import { messages } from "@/i18n/messages";

export const dynamic = "force-dynamic";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const locale = (await cookies()).get(LOCALE_COOKIE)?.value === "en" ? "en" : "zh-CN";
  const m = messages[locale].card.limited;
  const retry = isWellFormedToken(token) ? `<p><a href="/card/${token}">${escape(m.retry)}</a></p>` : "";
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer"><title>${escape(m.title)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;font-size:20px;line-height:1.6;max-width:36rem;margin:3rem auto;padding:0 1rem;text-align:center;color:#1c1917}a{color:#912018;font-weight:600}</style></head>
<body><h1>${escape(m.title)}</h1><p>${escape(m.body)}</p>${retry}</body></html>`;
  return new Response(html, {
    status: 429,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(Math.ceil(LIMITS.cardViewPerAddress.windowMs / 1000)),
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex, nofollow",
    },
  });
}
