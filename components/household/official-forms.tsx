"use client";
// The household page's forms for an official (the household type, the relocation record), split
// from the page's first load (decision 0061): a cadre, who never gets them, no longer downloads
// them with the parts of the page they do use (the page's client components share one chunk).
// React.lazy, not next/dynamic (whose loader adds ~2 KB to the page): rendered on the server as
// before; in the browser the server's HTML stays until the chunk is there, then hydrates.
import { lazy, Suspense } from "react";
import type { HouseholdTypeForm as TypeForm } from "@/components/income/household-type-form";
import type { RelocationForm as RelocForm } from "@/components/places/relocation-form";

const LazyTypeForm = lazy(() => import("@/components/income/household-type-form").then((m) => ({ default: m.HouseholdTypeForm })));
const LazyRelocForm = lazy(() => import("@/components/places/relocation-form").then((m) => ({ default: m.RelocationForm })));

export function HouseholdTypeForm(props: React.ComponentProps<typeof TypeForm>) {
  return (
    <Suspense fallback={null}>
      <LazyTypeForm {...props} />
    </Suspense>
  );
}

export function RelocationForm(props: React.ComponentProps<typeof RelocForm>) {
  return (
    <Suspense fallback={null}>
      <LazyRelocForm {...props} />
    </Suspense>
  );
}
