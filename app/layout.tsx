import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { clientMessages } from "@/i18n/client-messages";
import { compiledMessages } from "@/i18n/compiled-messages";
import type { Locale } from "@/i18n/config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("fullName"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#b42318" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        {/* the shell's messages only, compiled: segments add their features (i18n/client-messages.ts) */}
        <NextIntlClientProvider messages={compiledMessages(clientMessages(locale as Locale))}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
