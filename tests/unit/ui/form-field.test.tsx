// @vitest-environment jsdom
// The kit's field: label, hint and errors wired to the control for screen readers; ids and
// names from the schema path.
import { afterEach, describe, expect, it } from "vitest";
import { useState } from "react";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { z } from "zod";
import { CheckField, Field, SelectField, TextAreaField, TextField, fieldId, formFields } from "@/components/ui/form";
import { bindFields } from "@/components/ui/bind-fields";

export const schema = z.object({
  reason: z.string(),
  income: z.object({ wages: z.string() }),
  members: z.array(z.object({ name: z.string(), insured: z.boolean() })),
  kind: z.enum(["a", "b"]),
});
type S = typeof schema;

afterEach(cleanup);

describe("Field", () => {
  it("labels the control and names it by its schema path", () => {
    render(<TextField form={formFields<S>("f-", undefined)} name="income.wages" label="Wages" defaultValue="" />);
    const input = screen.getByLabelText("Wages");
    expect(input.getAttribute("name")).toBe("income.wages");
    expect(input.id).toBe("f-income-wages");
    expect(input.getAttribute("aria-invalid")).toBe("false");
    expect(input.getAttribute("aria-describedby")).toBeNull();
  });

  it("wires hint and errors with aria-describedby and aria-invalid", () => {
    const form = formFields<S>("f-", { "members.0.name": ["required", "too short"] });
    render(<TextField form={form} name="members.0.name" label="Name" hint="as on the ID card" required defaultValue="" />);
    const input = screen.getByLabelText(/Name/);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-required")).toBe("true");
    const ids = input.getAttribute("aria-describedby")!.split(" ");
    expect(ids).toEqual([`${fieldId("f-", "members.0.name")}-hint`, `${fieldId("f-", "members.0.name")}-error`]);
    expect(document.getElementById(ids[0]!)!.textContent).toBe("as on the ID card");
    expect(document.getElementById(ids[1]!)!.textContent).toBe("required too short");
  });

  it("shows a hidden input's errors on the field that stands for it (also)", () => {
    render(<TextField form={formFields<S>("x-", { kind: ["bad kind"] })} name="reason" also={["kind"]} label="Reason" defaultValue="" />);
    expect(screen.getByLabelText("Reason").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("bad kind").id).toBe("x-reason-error");
  });

  it("select, text area and checkbox carry the same wiring", () => {
    const form = formFields<S>("f-", { kind: ["pick one"], reason: ["needed"], "members.1.insured": ["no"] });
    render(
      <>
        <SelectField form={form} name="kind" label="Kind" options={[{ value: "a", label: "A" }]} defaultValue="a" />
        <TextAreaField form={form} name="reason" label="Why" defaultValue="" />
        <CheckField form={form} name="members.1.insured" label="Insured" defaultChecked />
      </>,
    );
    for (const label of ["Kind", "Why", "Insured"]) {
      const el = screen.getByLabelText(label);
      expect(el.getAttribute("aria-invalid")).toBe("true");
      expect(el.getAttribute("aria-describedby")).toMatch(/-error$/);
    }
    expect(screen.getByLabelText("Insured").getAttribute("name")).toBe("members.1.insured");
  });

  it("a name outside the schema does not compile", () => {
    const form = formFields<S>("f-", undefined);
    // @ts-expect-error "income.wage" is not a path of the schema
    render(<TextField form={form} name="income.wage" label="x" />);
    // @ts-expect-error nor is a member field that does not exist
    render(<TextField form={form} name="members.0.nam" label="y" />);
    expect(true).toBe(true);
  });
});

describe("bindFields", () => {
  function Bound({ errors }: { errors?: Record<string, string[]> }) {
    const [values, setValues] = useState({ reason: "first", kind: "a", count: 3 });
    const field = bindFields(formFields<S>("b-", errors), values, (k, x) => setValues((v) => ({ ...v, [k]: x })));
    return (
      <>
        <TextField {...field("reason")} label="Reason" />
        <SelectField
          {...field("kind")}
          label="Kind"
          options={[
            { value: "a", label: "A" },
            { value: "b", label: "B" },
          ]}
        />
        <output data-testid="values">{`${values.reason}|${values.kind}`}</output>
      </>
    );
  }

  it("gives each field its form, path, value and onChange", () => {
    render(<Bound errors={{ kind: ["pick one"] }} />);
    const reason = screen.getByLabelText("Reason") as HTMLInputElement;
    expect(reason.name).toBe("reason");
    expect(reason.id).toBe("b-reason");
    expect(reason.value).toBe("first");
    fireEvent.change(reason, { target: { value: "second" } });
    fireEvent.change(screen.getByLabelText("Kind"), { target: { value: "b" } });
    expect(screen.getByTestId("values").textContent).toBe("second|b");
    expect(screen.getByLabelText("Kind").getAttribute("aria-describedby")).toBe("b-kind-error");
  });

  it("a name outside the schema, or with no string value in the form, does not compile", () => {
    const field = bindFields(formFields<S>("b-", undefined), { reason: "", count: 3 }, () => {});
    // @ts-expect-error "reasn" is not a path of the schema
    field("reasn");
    // @ts-expect-error "kind" is a path of the schema but the form keeps no value for it
    field("kind");
    // @ts-expect-error "count" is no path of the schema (and not a string)
    field("count");
    expect(field("reason").name).toBe("reason");
  });
});

describe("Field with hideLabel", () => {
  it("keeps the label for screen readers only", () => {
    render(
      <Field form={formFields<S>("h-", { reason: ["needed"] })} name="reason" label="Days" hideLabel>
        {(a11y) => <input {...a11y} />}
      </Field>,
    );
    const input = screen.getByLabelText("Days");
    expect(document.querySelector(`label[for="${input.id}"]`)!.className).toBe("sr-only");
    expect(input.getAttribute("aria-describedby")).toBe("h-reason-error");
  });
});
