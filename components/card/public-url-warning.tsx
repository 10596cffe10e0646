// Before printing codes: a loud warning when the server does not know its public address
// (JINGZHUN_PUBLIC_URL unset), because the QR codes would point at this page's own host — often
// localhost, which no household's phone can open (#17.5).
import { getTranslations } from "next-intl/server";
import { publicOrigin, publicUrlConfigured } from "@/lib/http/request";

export async function PublicUrlWarning() {
  if (publicUrlConfigured()) return null;
  const t = await getTranslations("card");
  return (
    <div
      role="alert"
      className="no-print mb-4 rounded border-2 border-red-400 bg-red-50 p-3 text-sm text-red-900"
      data-testid="public-url-warning"
    >
      {t("publicUrlMissing", { origin: await publicOrigin() })}
    </div>
  );
}
