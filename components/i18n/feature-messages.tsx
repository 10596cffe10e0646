// A segment's layout sends its client components the feature namespaces they use, with the
// shell's (a nested provider replaces the one above it). See i18n/client-messages.ts.
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { clientMessages, FEATURE_SEGMENTS, type FeatureSegment } from "@/i18n/client-messages";
import { compiledMessages } from "@/i18n/compiled-messages";
import type { Locale } from "@/i18n/config";

export async function FeatureMessages({ segment, children }: { segment: FeatureSegment; children: React.ReactNode }) {
  const locale = (await getLocale()) as Locale;
  return (
    <NextIntlClientProvider messages={compiledMessages(clientMessages(locale, FEATURE_SEGMENTS[segment]))}>
      {children}
    </NextIntlClientProvider>
  );
}
