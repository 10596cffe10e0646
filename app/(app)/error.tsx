"use client";
// An error in a signed-in page: shown inside the layout, so the menu and the sign-out stay.
import { ErrorBody } from "@/components/shell/error-body";

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorBody digest={error.digest} reset={reset} />;
}
