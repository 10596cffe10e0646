// @vitest-environment jsdom
// The propose form: a monitoring proposal from the household's own application needs its signed
// authorisation, so the form asks for it (a facilitator could not raise one: the field the
// schema requires was not on the form, and the refusal marked no field); a refused submission
// keeps what was typed and chosen.
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import en from "@/messages/en/procedure.json";

const refresh = vi.fn();
const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push }) }));
const raise = vi.fn();
vi.mock("@/lib/actions/proposals/raise-proposal", () => ({ raiseProposalAndOpen: (...a: unknown[]) => raise(...a) }));

const { ProposeForm } = await import("@/components/procedure/propose-form");

afterEach(() => {
  cleanup();
  raise.mockReset();
});

function show(initial = { kind: "monitor", category: "", source: "visit" }) {
  return render(
    <NextIntlClientProvider locale="en" messages={{ ...en, common: { saving: "Saving…" } }}>
      <ProposeForm
        householdId="00000000-0000-4000-8000-000000000001"
        kinds={[
          { kind: "monitor", label: "Monitor", disabledReason: null },
          { kind: "add", label: "Add", disabledReason: null },
        ]}
        categories={[{ value: "edge", label: "Edge" }]}
        sources={[
          { value: "visit", label: "Visit" },
          { value: "application", label: "Application" },
        ]}
        initial={initial}
      />
    </NextIntlClientProvider>,
  );
}

describe("ProposeForm", () => {
  it("asks for the signed authorisation only for a monitoring proposal from the household's application", () => {
    show();
    expect(screen.queryByLabelText(/authorisation/i)).toBeNull();
    fireEvent.click(screen.getByLabelText("Application"));
    const file = screen.getByLabelText(/authorisation/i);
    expect(file.getAttribute("type")).toBe("file");
    expect(file.getAttribute("name")).toBe("authorisation");
    expect(file.getAttribute("accept")).toContain("image/");
    fireEvent.click(screen.getByLabelText("Add"));
    expect(screen.queryByLabelText(/authorisation/i)).toBeNull();
  });

  it("marks the authorisation field when the server refuses it, and keeps the reason and the choices", async () => {
    raise.mockResolvedValue({
      ok: false,
      code: "invalid",
      message: "Check the fields",
      fieldErrors: { authorisation: ["A monitoring application needs the household's signed application"] },
    });
    show({ kind: "monitor", category: "edge", source: "application" });
    fireEvent.change(screen.getByLabelText(/Reason/), { target: { value: "illness in the family" } });
    await act(async () => {
      fireEvent.submit(screen.getByRole("button", { name: /Raise/ }).closest("form")!);
    });
    await waitFor(() => expect(raise).toHaveBeenCalled());
    const file = await screen.findByLabelText(/authorisation/i);
    await waitFor(() => expect(file.getAttribute("aria-invalid")).toBe("true"));
    expect((screen.getByLabelText(/Reason/) as HTMLTextAreaElement).value).toBe("illness in the family");
    expect((screen.getByLabelText("Application") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Monitor") as HTMLInputElement).checked).toBe(true);
  });
});
