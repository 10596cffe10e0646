import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { householdOr404 } from "@/lib/data/household-page";
import { proposalEligibility } from "@/lib/domain/eligibility";
import { villageProcedure } from "@/lib/data/procedure/views";
import { Card, PageTitle } from "@/components/ui/card";
import { AssessedBadge, Badge, CandidateBadge, RegisteredBadge } from "@/components/ui/badge";
import { ProposeForm } from "@/components/procedure/propose-form";
import { MONITORING_CATEGORIES, PROPOSAL_KINDS } from "@/lib/validation/procedure";
import { pageTitle } from "@/lib/page-title";
import type { KeyUnder } from "@/i18n/keys";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("propose");

export default async function ProposePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ kind?: string; category?: string; source?: string }>;
}) {
  const viewer = await requireViewerPage("proposal.create");
  const { id } = await params;
  const sp = await searchParams;
  const h = await householdOr404(viewer, id, "propose");
  const t = await getTranslations();
  const tp = await getTranslations("procedure.propose");
  const open = (await villageProcedure(viewer)).openByHousehold.get(h.id);
  const household = { registeredStatus: h.registeredStatus, monitoringCategory: h.monitoringCategory };
  const kinds = PROPOSAL_KINDS.map((k) => {
    // a monitor proposal's category decides more; here only whether the kind fits at all
    const why = proposalEligibility(k, null, household);
    return {
      kind: k,
      label: t(`procedure.kind.${k}`),
      disabledReason:
        why && why !== "unstable_needs_lifted" && why !== "marginal_needs_unregistered"
          ? t(`procedure.validation.ineligible.${why}`)
          : null,
    };
  });
  const sources = (viewer.role === "cadre" ? ["cadre", "application"] : h.candidate ? ["engine", "application"] : ["application"]).map(
    (s) => ({ value: s, label: t(`procedure.source.${s as KeyUnder<"procedure.source">}`) }),
  );
  const wanted = PROPOSAL_KINDS.find((k) => k === (sp.kind ?? h.candidate)) ?? kinds.find((k) => !k.disabledReason)?.kind ?? "identify";
  const initial = {
    kind: kinds.find((k) => k.kind === wanted && !k.disabledReason) ? wanted : (kinds.find((k) => !k.disabledReason)?.kind ?? "identify"),
    category: MONITORING_CATEGORIES.find((c) => c === (sp.category ?? h.candidateCategory)) ?? "",
    source: sources.find((s) => s.value === sp.source)?.value ?? sources[0]!.value,
  };
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href={`/households/${h.id}`} className="text-sm underline">
        ← {tp("back")}
      </Link>
      <PageTitle sub={`${h.village.parent?.name ?? ""} · ${h.village.name} · ${t("household.number", { number: h.number })}`}>
        {tp("title", { name: h.headName })}
      </PageTitle>
      <Card>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <RegisteredBadge status={h.registeredStatus} />
          {h.monitoringCategory && <Badge tone="amber">{t(`monitoring.${h.monitoringCategory}`)}</Badge>}
          <AssessedBadge status={h.assessedStatus} />
          <CandidateBadge candidate={h.candidate} category={h.candidateCategory} />
          <span className="text-stone-600">{tp("cites", { version: h.version })}</span>
        </div>
      </Card>
      {open ? (
        <Card>
          <p className="text-sm">
            {tp("alreadyOpen")}{" "}
            <Link className="underline" href={`/procedure/${open}`}>
              {tp("openIt")}
            </Link>
          </p>
        </Card>
      ) : (
        <Card title={tp("formTitle")}>
          <ProposeForm
            householdId={h.id}
            kinds={kinds}
            categories={MONITORING_CATEGORIES.map((c) => ({ value: c, label: t(`monitoring.${c}`) }))}
            sources={sources}
            initial={initial}
          />
        </Card>
      )}
    </div>
  );
}
