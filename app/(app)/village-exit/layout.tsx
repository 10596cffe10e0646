import { FeatureMessages } from "@/components/i18n/feature-messages";

/** Sends this segment's client components the messages they use (i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <FeatureMessages segment="app/(app)/village-exit">{children}</FeatureMessages>;
}
